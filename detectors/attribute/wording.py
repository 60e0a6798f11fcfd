"""The wordings of the 附注 attribute and how to read one (RULES.md §1: accepted spellings in the wild)."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from models import Attribute

# Accepted wordings after 此件/本件 … (spaces allowed between characters), longest first.
VARIANTS: dict[str, Attribute] = {
    "脱密后公开": Attribute.AFTER_REDACTION,
    "可依申请公开": Attribute.ON_REQUEST,
    "依申请公开": Attribute.ON_REQUEST,
    "主动公开": Attribute.PROACTIVE,
    "公开发布": Attribute.PROACTIVE,
    "不予公开": Attribute.NOT_DISCLOSED,
    "不公开": Attribute.NOT_DISCLOSED,
}
PREFIXES = ("此文件", "本文件", "此件", "本件", "此文")
STANDARD = "此件主动公开、此件依申请公开、此件不予公开、此件脱密后公开"

_SP = r"[ \t\u3000]*"


def _spaced(word: str) -> str:
    return _SP.join(regex.escape(c) for c in word)


_PREFIX = "(?:" + "|".join(_spaced(p) for p in PREFIXES) + ")"
# The start of an attribute statement: 此件 … then, within a few characters, 公开/发布/发行.
STATEMENT = regex.compile(_PREFIX + rf"{_SP}[^\n（）()“”\"。；]{{0,10}}?(?:公{_SP}开|发{_SP}布|发{_SP}行)")
_VARIANT = regex.compile(
    rf"^{_SP}(?P<prefix>{_PREFIX}){_SP}(?P<variant>"
    + "|".join(_spaced(v) for v in sorted(VARIANTS, key=len, reverse=True)) + ")")
_REASON = regex.compile(
    rf"^[\s，,；;：:、。.]*(?:(?:不予公开|依申请公开|不公开)?{_SP}(?:理{_SP}由|原{_SP}因|依{_SP}据)"
    rf"{_SP}(?:是|为)?{_SP}[:：]?)?{_SP}(?P<reason>\S.*?)[\s。.]*$")
_SPACES = regex.compile(r"[ \t\u3000]+")


@dataclass(frozen=True, slots=True)
class Wording:
    """What the words inside the brackets say."""

    value: Attribute | None
    reason: str | None
    standard: bool          # one of the accepted wordings
    rest_is_reason: bool    # whatever followed the wording reads as a reason


def read_wording(inner: str) -> Wording:
    """Read ``此件不予公开，理由：报上级机关的请示`` into value, reason, and whether the wording is accepted."""
    m = _VARIANT.match(inner)
    if m is None:
        return Wording(value=None, reason=None, standard=False, rest_is_reason=False)
    value = VARIANTS[_SPACES.sub("", m["variant"])]
    rest = inner[m.end():].strip()
    if not rest:
        return Wording(value=value, reason=None, standard=True, rest_is_reason=True)
    r = _REASON.match(rest)
    has_separator = rest[0] in "，,；;：:、 \u3000" or "理由" in rest or "原因" in rest
    if r and has_separator and len(r["reason"].strip()) >= 2:
        return Wording(value=value, reason=r["reason"].strip(), standard=True, rest_is_reason=True)
    return Wording(value=value, reason=None, standard=True, rest_is_reason=False)


REASON_LINE = regex.compile(
    rf"^[ \t\u3000]*[（(]?{_SP}(?:(?:不予公开|依申请公开|不公开){_SP})?(?:理{_SP}由|原{_SP}因)"
    rf"{_SP}[:：]{_SP}(?P<reason>[^\n）)]{{2,}})")


def reason_after(text: str) -> str | None:
    """A 理由 line (or 理由 glued after the brackets) at the start of ``text``."""
    m = REASON_LINE.match(text)
    return m["reason"].strip(" \t\u3000。") if m else None
