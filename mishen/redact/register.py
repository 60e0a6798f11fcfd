"""The mask register: one value, one mask, in every document of a batch and in later batches.

Persisted as a JSON file (default ``<out>/mask-register.json``; ``mishen redact --register PATH``).
It holds no value in clear: each value is keyed by HMAC-SHA256 of its canonical form under a random key
kept in the same file, next to the mask it was given. The file is an internal record like the 密件
itself — do not publish it with the public versions (with its key, a guessed number can be confirmed).

Rule: a mask once persisted is final (published versions already show it). Within one run, the masks
proposed for the same value by different findings are merged to the one that reveals the least
(a character stays only where every proposal shows it), so combining two public versions reveals
nothing more than one.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from pathlib import Path

SCHEMA = "mishen.mask-register/1"
HIDDEN = "*"


class MaskRegister:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._key = secrets.token_bytes(32)
        self._fixed: dict[str, str] = {}
        self._session: dict[str, str] = {}
        if path is not None and path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("schema") != SCHEMA:
                raise ValueError(f"遮盖登记文件格式不对：{path}")
            self._key = bytes.fromhex(data["key"])
            self._fixed = dict(data["masks"])

    def digest(self, key: str) -> str:
        """HMAC of a canonical value: how the register and redactions.json name a value without showing it."""
        return hmac.new(self._key, key.encode("utf-8"), hashlib.sha256).hexdigest()

    def propose(self, key: str, mask: str) -> None:
        """Record that a finding wants ``mask`` for the value with canonical ``key``."""
        name = self.digest(key)
        if name in self._fixed:
            return
        known = self._session.get(name)
        self._session[name] = mask if known is None else merge(known, mask)

    def mask(self, key: str) -> str | None:
        """The mask every occurrence of the value gets (after all proposals of the run)."""
        name = self.digest(key)
        return self._fixed.get(name, self._session.get(name))

    def save(self) -> None:
        """Make this run's masks final and write the file (mode 600)."""
        self._fixed.update(self._session)
        self._session = {}
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"schema": SCHEMA, "note": "内部文件：不得随公开版发布", "key": self._key.hex(),
                "masks": dict(sorted(self._fixed.items()))}
        self.path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        self.path.chmod(0o600)


def merge(a: str, b: str) -> str:
    """The mask that reveals the least of two masks of one value."""
    if a == b:
        return a
    if len(a) == len(b):
        return "".join(x if x == y else HIDDEN for x, y in zip(a, b))
    return min((a, b), key=lambda m: (_revealed(m), m))


def _revealed(mask: str) -> int:
    return sum(1 for c in mask if c != HIDDEN and c.isalnum())
