"""The few style properties the reader needs, resolved through basedOn chains: hidden, colour, size,
first-line indent, alignment, outline level."""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from mishen.read._docx_package import w

_FALSE = {"0", "false", "off", "none"}
_ALIGN = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
          "both": "justify", "distribute": "distribute", "thaiDistribute": "distribute"}


def on_off(el: etree._Element | None) -> bool | None:
    """A w:b / w:vanish style toggle: None if absent, else its value (absent w:val means on)."""
    if el is None:
        return None
    return (el.get(w("val")) or "true").lower() not in _FALSE


@dataclass
class RunProps:
    vanish: bool | None = None
    color: str | None = None
    size: int | None = None          # half-points
    shaded: bool | None = None       # highlight or a non-white shading behind the text

    def over(self, base: RunProps) -> RunProps:
        """These properties, falling back to ``base`` where unset."""
        return RunProps(*(a if a is not None else b for a, b in zip(
            (self.vanish, self.color, self.size, self.shaded), (base.vanish, base.color, base.size, base.shaded))))


@dataclass
class ParaProps:
    ind: dict[str, str] = field(default_factory=dict)
    jc: str | None = None
    outline: int | None = None
    run: RunProps = field(default_factory=RunProps)

    def over(self, base: ParaProps) -> ParaProps:
        return ParaProps({**base.ind, **self.ind}, self.jc or base.jc,
                         self.outline if self.outline is not None else base.outline, self.run.over(base.run))


def run_props(rpr: etree._Element | None) -> RunProps:
    if rpr is None:
        return RunProps()
    color = rpr.find(w("color"))
    size = rpr.find(w("sz"))
    shd = rpr.find(w("shd"))
    highlight = rpr.find(w("highlight"))
    shaded = None
    if highlight is not None and highlight.get(w("val"), "none") != "none":
        shaded = True
    elif shd is not None:
        shaded = is_dark_fill(shd.get(w("fill")))
    color_value = (color.get(w("val")) or "").upper() if color is not None else ""
    return RunProps(vanish=on_off(rpr.find(w("vanish"))), color=color_value or None,
                    size=_int(size.get(w("val"))) if size is not None else None, shaded=shaded)


def para_props(ppr: etree._Element | None) -> ParaProps:
    if ppr is None:
        return ParaProps()
    ind = ppr.find(w("ind"))
    jc = ppr.find(w("jc"))
    outline = ppr.find(w("outlineLvl"))
    return ParaProps(
        ind={etree.QName(k).localname: v for k, v in ind.attrib.items()} if ind is not None else {},
        jc=_ALIGN.get(jc.get(w("val"), "")) if jc is not None else None,
        outline=_int(outline.get(w("val"))) if outline is not None else None,
        run=run_props(ppr.find(w("rPr"))),
    )


def is_dark_fill(fill: str | None) -> bool | None:
    """A shading fill that is not white/auto counts as a background text may be drawn on in white."""
    if not fill or fill.lower() == "auto":
        return None
    return fill.upper() not in ("FFFFFF",)


class Styles:
    """styles.xml resolved lazily: paragraph and character styles with their basedOn chains."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, etree._Element] = {}
        self._para: dict[str, ParaProps] = {}
        self._char: dict[str, RunProps] = {}
        self.defaults = ParaProps()
        self.default_para_style: str | None = None
        if root is None:
            return
        for style in root.iter(w("style")):
            sid = style.get(w("styleId"))
            if sid:
                self._styles[sid] = style
                if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true", "on"):
                    self.default_para_style = sid
        defaults = root.find(w("docDefaults"))
        if defaults is not None:
            rpr = defaults.find(f"{w('rPrDefault')}/{w('rPr')}")
            ppr = defaults.find(f"{w('pPrDefault')}/{w('pPr')}")
            self.defaults = para_props(ppr).over(ParaProps())
            self.defaults.run = run_props(rpr)

    def name(self, sid: str | None) -> str | None:
        style = self._styles.get(sid or "")
        if style is None:
            return None
        name = style.find(w("name"))
        return name.get(w("val")) if name is not None else sid

    def paragraph(self, sid: str | None) -> ParaProps:
        """Properties of a paragraph style including its basedOn chain and the document defaults."""
        sid = sid or self.default_para_style
        if not sid or sid not in self._styles:
            return self.defaults
        if sid not in self._para:
            self._para[sid] = self.defaults  # guards against a basedOn cycle
            style = self._styles[sid]
            own = para_props(style.find(w("pPr")))
            own.run = run_props(style.find(w("rPr")))
            self._para[sid] = own.over(self.paragraph(_based_on(style)) if _based_on(style) else self.defaults)
        return self._para[sid]

    def character(self, sid: str | None) -> RunProps:
        if not sid or sid not in self._styles:
            return RunProps()
        if sid not in self._char:
            self._char[sid] = RunProps()
            style = self._styles[sid]
            base = _based_on(style)
            self._char[sid] = run_props(style.find(w("rPr"))).over(self.character(base) if base else RunProps())
        return self._char[sid]


def _based_on(style: etree._Element) -> str | None:
    based = style.find(w("basedOn"))
    return based.get(w("val")) if based is not None else None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
