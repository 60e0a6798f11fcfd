"""Find a value wherever it is written: width, script, case and separators do not matter.

The canonical form of a text is the Normalizer's view (full-width → ASCII, Traditional → Simplified,
invisible characters dropped) lower-cased, with separators (spaces, dashes, dots, middle dots,
underscores) dropped. Every canonical character maps back to the original offset it came from, so a
match can be replaced in the original text.
"""
from __future__ import annotations

from dataclasses import dataclass

from models import Normalizer

_CACHED_LENGTH, _CACHE_SIZE = 64, 20_000
SEPARATORS = frozenset(" \t\r\n\u00a0\u3000\u2002\u2003\u2009-‐‑‒–—―−·・•._＿/／\\'’")


@dataclass(frozen=True, slots=True)
class Canonical:
    """``text`` canonical; ``to_original[i]`` the offset in the original of canonical char i."""

    text: str
    to_original: tuple[int, ...]


class Matcher:
    """Canonical forms and the original spans of every occurrence of a key. Holds its Normalizer."""

    def __init__(self, normalizer: Normalizer | None = None) -> None:
        self.normalizer = normalizer or Normalizer()
        self._cache: dict[str, Canonical] = {}  # short strings repeat (attribute values, style names)

    def canonical(self, text: str) -> Canonical:
        if len(text) <= _CACHED_LENGTH:
            found = self._cache.get(text)
            if found is None:
                if len(self._cache) >= _CACHE_SIZE:
                    self._cache.clear()
                found = self._cache[text] = self._canonical(text)
            return found
        return self._canonical(text)

    def _canonical(self, text: str) -> Canonical:
        view = self.normalizer(text)
        kept: list[str] = []
        origin: list[int] = []
        for ch, at in zip(view.text, view.to_original):
            if ch in SEPARATORS:
                continue
            kept.append(ch.lower())
            origin.append(at)
        return Canonical("".join(kept), tuple(origin))

    def key(self, value: str) -> str:
        """The canonical key of a value (what 'the same value' means across a document and a batch)."""
        return self.canonical(value).text

    def find(self, text: str, keys: list[str]) -> list[tuple[int, int, str]]:
        """Non-overlapping original spans (start, end, key) of the keys in ``text``, longest key first."""
        if not text or not keys:
            return []
        canon = self.canonical(text)
        taken: list[tuple[int, int]] = []
        found: list[tuple[int, int, str]] = []
        for key in sorted(set(keys), key=len, reverse=True):
            if not key:
                continue
            at = canon.text.find(key)
            while at >= 0:
                end = at + len(key)
                if not any(at < b and a < end for a, b in taken):
                    taken.append((at, end))
                    found.append((canon.to_original[at], canon.to_original[end - 1] + 1, key))
                at = canon.text.find(key, at + 1)
        return sorted(found)

    def contains(self, haystack: str, key: str) -> bool:
        return bool(key) and key in self.canonical(haystack).text


def replace_spans(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` with each (start, end, replacement) applied; spans must not overlap."""
    out, last = [], 0
    for start, end, new in sorted(spans):
        out.append(text[last:start])
        out.append(new)
        last = end
    out.append(text[last:])
    return "".join(out)
