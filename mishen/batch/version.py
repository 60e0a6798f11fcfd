"""The detector version a batch result is valid for: package version, policy file and detector code/data.

A document whose content hash was reviewed with the same detector version is not reviewed again. The version is
``<package version>+p<sha256 of the policy file in effect, 10 hex>.d<sha256 of every file under detectors/, 10
hex>`` so that editing the policy, a detector, a word list or a model invalidates earlier batch results even when
the package version was not bumped.
"""
from __future__ import annotations

import hashlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import detectors
from mishen.policy.config import DEFAULT_FILE
from mishen.settings import Settings

_SKIPPED_DIRS = {"__pycache__", ".pytest_cache"}


def package_version() -> str:
    try:
        return version("mishen")
    except PackageNotFoundError:  # running from a source tree
        return "0+unknown"


def tree_digest(root: Path) -> str:
    """sha256 over the relative paths and contents of every file under ``root`` (compiled caches left out)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root)
        if _SKIPPED_DIRS.intersection(rel.parts) or path.suffix == ".pyc":
            continue
        digest.update(rel.as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def detector_version(settings: Settings) -> str:
    policy = settings.policy_file or DEFAULT_FILE
    policy_hash = hashlib.sha256(Path(policy).read_bytes()).hexdigest()[:10]
    detectors_hash = tree_digest(Path(detectors.__file__).parent)[:10]
    return f"{package_version()}+p{policy_hash}.d{detectors_hash}"
