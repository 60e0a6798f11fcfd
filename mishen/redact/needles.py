"""What the leak verifier looks for: every removed value in every form it could be written in."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import opencc

from mishen.redact.match import SEPARATORS, Matcher
from mishen.redact.plan import EntryKind, Plan

MIN_BLOCK_KEY = 6          # removed blocks/parts shorter than this are checked by structure, not by text
_SEARCHED_PARTS = ("comment/", "deletion/", "hidden/", "covered/", "html_hidden/", "annot/", "attachment/",
                   "footnote/", "endnote/", "header/", "footer/")


@dataclass(frozen=True)
class Needle:
    entry: int                 # index into plan.entries
    key: str                   # canonical form
    variants: dict[str, str]   # label -> written form
    digits: str                # digits only ('' when too few)


class NeedleMaker:
    """Builds the search forms of a value: as written, without separators, full-width, Traditional, digits."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self._s2t = opencc.OpenCC("s2t")

    def needles(self, plan: Plan) -> list[Needle]:
        out = []
        for i, entry in enumerate(plan.entries):
            if entry.kind is EntryKind.MASK:
                minimum = 2
            elif entry.kind is EntryKind.REMOVE_BLOCK or (entry.part or "").startswith(_SEARCHED_PARTS):
                minimum = MIN_BLOCK_KEY
            else:
                continue  # metadata fields, accepted insertions: checked by structure
            key = self.matcher.key(entry.text)
            if len(key) >= minimum:
                out.append(self.needle(i, entry.text, key))
        return out

    def needle(self, index: int, value: str, key: str) -> Needle:
        bare = "".join(c for c in value if c not in SEPARATORS)
        variants = {"原文": value, "去分隔符": bare, "全角": _full_width(bare), "繁体": self._s2t.convert(value)}
        digits = "".join(c for c in unicodedata.normalize("NFKC", value) if c.isdigit())
        return Needle(index, key, {k: v for k, v in variants.items() if v}, digits if len(digits) >= 6 else "")


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


class Searcher:
    """Looks for needles in text haystacks (raw and canonical) and in bytes."""

    def __init__(self, matcher: Matcher, needles: list[Needle]) -> None:
        self.matcher, self.needles = matcher, needles

    def in_text(self, haystack: str) -> list[tuple[Needle, str]]:
        if not haystack:
            return []
        canon = self.matcher.canonical(haystack).text
        hits = []
        for needle in self.needles:
            label = next((k for k, v in needle.variants.items() if v in haystack), None)
            if label is None and needle.key in canon:
                label = "规范化后"
            if label is None and needle.digits and needle.digits in canon:
                label = "纯数字"
            if label:
                hits.append((needle, label))
        return hits

    def in_raw(self, haystack: str) -> list[tuple[Needle, str]]:
        """Written forms only (no normalisation of the haystack): for raw markup, where the text and
        attribute values are searched normalised on their own."""
        hits = []
        for needle in self.needles:
            label = next((k for k, v in needle.variants.items() if v in haystack), None)
            if label is None and needle.digits and needle.digits in haystack:
                label = "纯数字"
            if label:
                hits.append((needle, label))
        return hits

    def in_bytes(self, data: bytes) -> list[tuple[Needle, str]]:
        hits = []
        for needle in self.needles:
            forms = [needle.variants.get("原文", ""), needle.variants.get("去分隔符", ""), needle.digits]
            for encoding in ("utf-8", "utf-16-le", "utf-16-be", "gb18030"):
                found = next((f for f in forms if f and (b := _encoded(f, encoding)) and b in data), None)
                if found:
                    hits.append((needle, f"字节（{encoding}）"))
                    break
        return hits


def _encoded(text: str, encoding: str) -> bytes | None:
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return None
