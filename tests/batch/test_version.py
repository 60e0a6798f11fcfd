"""The detector version moves with the policy file and the detectors' files, not with compiled caches."""
from __future__ import annotations

from pathlib import Path

from mishen.batch.version import detector_version, package_version, tree_digest
from mishen.policy.config import DEFAULT_FILE
from mishen.settings import Settings


def test_version_names_package_policy_and_detectors() -> None:
    version = detector_version(Settings())
    assert version.startswith(package_version() + "+p")
    assert version == detector_version(Settings())


def test_another_policy_file_is_another_version(tmp_path: Path) -> None:
    same = tmp_path / "same.yaml"
    same.write_bytes(DEFAULT_FILE.read_bytes())
    edited = tmp_path / "edited.yaml"
    edited.write_bytes(DEFAULT_FILE.read_bytes() + b"\n# edited\n")
    base = detector_version(Settings())
    assert detector_version(Settings(policy_file=same)) == base
    assert detector_version(Settings(policy_file=edited)) != base


def test_tree_digest_follows_content_and_names_not_caches(tmp_path: Path) -> None:
    (tmp_path / "d.py").write_text("A = 1", encoding="utf-8")
    first = tree_digest(tmp_path)
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "d.cpython-311.pyc").write_bytes(b"\0")
    assert tree_digest(tmp_path) == first
    (tmp_path / "d.py").write_text("A = 2", encoding="utf-8")
    second = tree_digest(tmp_path)
    assert second != first
    (tmp_path / "d.py").rename(tmp_path / "e.py")
    assert tree_digest(tmp_path) not in (first, second)
