"""Is an HTML element hidden from a reader? Inline styles, simple rules of <style> blocks, the hidden
attribute. Conservative: only what certainly hides text on every screen counts."""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

_RULE = re.compile(r"([^{}@;]+)\{([^{}]*)\}")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_SIMPLE = re.compile(r"^([a-zA-Z][\w-]*)?((?:[.#][\w-]+)*)$")
_LENGTH = re.compile(r"^(-?\d*\.?\d+)\s*(px|pt|em|rem|%|vw|vh|cm|mm|in)?$")
_OFFSCREEN = -500.0   # px: further left/up than this is off every screen


@dataclass(frozen=True)
class Rule:
    tag: str | None
    ids: frozenset[str]
    classes: frozenset[str]
    decls: dict[str, str]

    def matches(self, el: etree._Element) -> bool:
        if self.tag and el.tag != self.tag:
            return False
        if self.ids and el.get("id") not in self.ids:
            return False
        return self.classes <= set((el.get("class") or "").split())


def parse_declarations(style: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for decl in (style or "").split(";"):
        name, sep, value = decl.partition(":")
        if sep:
            out[name.strip().lower()] = value.replace("!important", "").strip().lower()
    return out


def parse_rules(css: str) -> list[Rule]:
    """Hiding rules with simple selectors only (tag, .class, #id and compounds); combinators are skipped,
    and so are rules that hide only together with another rule (``height:0`` here, ``overflow`` there)."""
    rules: list[Rule] = []
    for selectors, body in _RULE.findall(_COMMENT.sub("", css)):
        decls = parse_declarations(body)
        if not decls or _reason(decls) is None:  # only rules that hide on their own are kept
            continue
        for selector in selectors.split(","):
            match = _SIMPLE.match(selector.strip())
            if not match or not selector.strip():
                continue
            tag, rest = match.group(1), match.group(2)
            ids = frozenset(p[1:] for p in re.findall(r"#[\w-]+", rest))
            classes = frozenset(p[1:] for p in re.findall(r"\.[\w-]+", rest))
            rules.append(Rule(tag.lower() if tag else None, ids, classes, decls))
    return rules


def hidden_reason(el: etree._Element, rules: list[Rule]) -> str | None:
    """Why ``el`` is invisible ('display:none', 'off-screen' …), or None if it may be seen."""
    if el.get("hidden") is not None:
        return "hidden"
    decls: dict[str, str] = {}
    for rule in rules:
        if rule.matches(el):
            decls.update(rule.decls)
    decls.update(parse_declarations(el.get("style")))
    if not decls:
        return None
    return _reason(decls)


def _reason(d: dict[str, str]) -> str | None:
    if d.get("display") == "none":
        return "display:none"
    if d.get("visibility") in ("hidden", "collapse"):
        return "visibility:hidden"
    if _number(d.get("opacity")) == 0:
        return "opacity:0"
    if _px(d.get("font-size")) == 0:
        return "font-size:0"
    clipped = d.get("overflow") in ("hidden", "clip") or d.get("overflow-y") == "hidden"
    if clipped and any(_px(d.get(k)) is not None and _px(d.get(k)) <= 1 for k in
                       ("width", "height", "max-width", "max-height")):
        return "size:0"
    if d.get("position") in ("absolute", "fixed") and any(
            (_px(d.get(k)) or 0) <= _OFFSCREEN for k in ("left", "top", "margin-left", "margin-top")):
        return "off-screen"
    if (_px(d.get("text-indent")) or 0) <= _OFFSCREEN:
        return "text-indent"
    if (d.get("color") or "").replace(" ", "") in ("transparent", "rgba(0,0,0,0)"):
        return "color:transparent"
    if d.get("position") in ("absolute", "fixed") and re.match(r"rect\(\s*0", d.get("clip", "")):
        return "clip"
    return None


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _px(value: str | None) -> float | None:
    """A CSS length in px (em/rem taken as 16 px); None if it is no plain length."""
    if value is None:
        return None
    match = _LENGTH.match(value.strip())
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2) or "px"
    return number * {"pt": 4 / 3, "em": 16, "rem": 16, "cm": 37.8, "mm": 3.78, "in": 96}.get(unit, 1)
