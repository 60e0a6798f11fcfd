"""Masking styles the policy names (RULES.md §4 conventions): the suggested replacement of a redaction."""
from __future__ import annotations

import regex

_DIGIT = regex.compile(r"[0-9Xx]")


def _keep(text: str, head: int, tail: int) -> str:
    """Keep ``head`` leading and ``tail`` trailing digits; star the digits between, keep separators."""
    positions = [i for i, c in enumerate(text) if _DIGIT.match(c)]
    hidden = set(positions[head:len(positions) - tail if tail else None])
    return "".join("*" if i in hidden else c for i, c in enumerate(text))


def mask(style: str, text: str) -> str | None:
    """The replacement for ``text`` in the public version, or None for ``none``."""
    if style == "none":
        return None
    if style == "name":
        return text[:1] + "*" * max(1, len(text) - 1)
    if style == "id_card":
        return _keep(text, 6, 4)
    if style == "phone":
        digits = "".join(c for c in text if c.isdigit())
        if len(digits) == 11 and digits.startswith("1"):
            return _keep(text, 3, 4)                      # mobile 138****5678
        area = sum(c.isdigit() for c in text.split("-")[0]) if "-" in text else 0
        return _keep(text, area, 4)                       # landline keeps its area code
    if style == "bank_card":
        return _keep(text, 0, 4)
    if style == "email":
        user, at, domain = text.partition("@")
        return (user[:1] + "***" + at + domain) if at else "*" * len(text)
    if style == "plate":
        return text[:2] + "*" * max(1, len(text) - 2)
    return "*" * len(text)
