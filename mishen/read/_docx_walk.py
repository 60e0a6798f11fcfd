"""Walk WordprocessingML paragraphs: visible text (tracked insertions included), and beside it the
deleted, hidden, white and tiny runs, comment anchors and text boxes."""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from mishen.read._docx_package import w
from mishen.read._docx_styles import ParaProps, RunProps, Styles, para_props, run_props
from models import HiddenKind

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
VML = "urn:schemas-microsoft-com:vml"
# Containers whose children are read as if they stood in the paragraph itself.
_TRANSPARENT = {w(t) for t in ("hyperlink", "smartTag", "customXml", "fldSimple", "bdo", "dir", "sdtContent")}
_SKIP = {w(t) for t in ("pPr", "rPr", "sdtPr", "sdtEndPr", "instrText", "delInstrText")}
_TINY_HALF_POINTS = 2
DEFAULT_HALF_POINTS = 32  # 三号 (16 pt), the body size of a 公文, when no size is known


@dataclass
class Piece:
    """A stretch of revised or hidden text inside one paragraph."""

    kind: HiddenKind
    text: str
    attrs: dict[str, str]
    key: tuple


@dataclass
class Para:
    """One paragraph as read: its visible text and what is recoverable beside it."""

    element: etree._Element
    text: str
    pieces: list[Piece] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    text_boxes: list[list[Para]] = field(default_factory=list)
    style: str | None = None
    indent_chars: float | None = None
    alignment: str | None = None
    heading: bool = False

    @property
    def has_content(self) -> bool:
        return bool(self.text.strip() or any(p.text.strip() for p in self.pieces) or self.text_boxes)


@dataclass
class _State:
    props: RunProps
    shaded: bool
    revision: tuple[HiddenKind, etree._Element, dict[str, str]] | None = None


class ParagraphReader:
    """Reads w:p elements against the document's styles."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles

    def read(self, p: etree._Element, shaded: bool = False) -> Para:
        ppr = p.find(w("pPr"))
        style_el = ppr.find(w("pStyle")) if ppr is not None else None
        sid = style_el.get(w("val")) if style_el is not None else None
        direct = para_props(ppr)
        direct.run = RunProps()  # pPr/rPr formats the paragraph mark only, not the runs
        props = direct.over(self.styles.paragraph(sid))
        para_shd = ppr.find(w("shd")) if ppr is not None else None
        if para_shd is not None and (para_shd.get(w("fill")) or "auto").upper() not in ("AUTO", "FFFFFF"):
            shaded = True
        self._para = Para(element=p, text="", style=self.styles.name(sid) if sid else None)
        self._chunks: list[str] = []
        self._last_key: tuple | None = None
        self._first_size: int | None = None
        self._walk(p, _State(props=props.run, shaded=shaded))
        para = self._para
        para.text = "".join(self._chunks).strip("\n")
        para.alignment = props.jc
        para.indent_chars = _indent(props, self._first_size or props.run.size or DEFAULT_HALF_POINTS)
        name = (para.style or "").lower()
        para.heading = (props.outline is not None and props.outline < 9) or name.startswith(("heading", "title")) \
            or name.startswith(("标题",))
        return para

    def _walk(self, el: etree._Element, state: _State) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == w("r"):
                self._run(child, state)
            elif tag in (w("ins"), w("moveTo")):
                self._walk(child, _State(state.props, state.shaded, (HiddenKind.INSERTION, child, _rev_attrs(child))))
            elif tag in (w("del"), w("moveFrom")):
                attrs = _rev_attrs(child) | ({"why": "moved"} if tag == w("moveFrom") else {})
                self._walk(child, _State(state.props, state.shaded, (HiddenKind.DELETION, child, attrs)))
            elif tag in (w("commentRangeStart"), w("commentReference")):
                self._comment(child.get(w("id")))
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                self._walk(choice if choice is not None else child, state)
            elif tag in _TRANSPARENT or tag == w("sdt"):
                self._walk(child, state)

    def _comment(self, cid: str | None) -> None:
        if cid is not None and cid not in self._para.comments:
            self._para.comments.append(cid)

    def _run(self, r: etree._Element, state: _State) -> None:
        rpr = r.find(w("rPr"))
        style_el = rpr.find(w("rStyle")) if rpr is not None else None
        char_style = self.styles.character(style_el.get(w("val")) if style_el is not None else None)
        props = run_props(rpr).over(char_style).over(state.props)
        for child in r:
            tag = child.tag
            if tag in (w("t"), w("delText")):
                self._emit(child.text or "", props, state)
            elif tag == w("tab"):
                self._emit("\t", props, state)
            elif tag in (w("br"), w("cr")):
                self._emit("\n", props, state)
            elif tag == w("noBreakHyphen"):
                self._emit("-", props, state)
            elif tag == w("commentReference"):
                self._comment(child.get(w("id")))
            elif tag == f"{{{MC}}}AlternateContent" or tag in (w("drawing"), w("pict"), w("object")):
                self._text_boxes(child, state.shaded)

    def _text_boxes(self, el: etree._Element, shaded: bool) -> None:
        """Text boxes anchored in a run, read once (the VML fallback of an AlternateContent is skipped)."""
        for box in el.iter(w("txbxContent")):
            if _inside(box, el, {f"{{{MC}}}Fallback", w("txbxContent")}):
                continue
            reader = ParagraphReader(self.styles)
            paras = [reader.read(p, shaded) for p in box.iter(w("p")) if not _inside(p, box, {w("txbxContent")})]
            self._para.text_boxes.append(paras)
        for path in el.iter(f"{{{VML}}}textpath"):  # WordArt, e.g. a "机密" watermark in a header
            text = (path.get("string") or "").strip()
            if text and not _inside(path, el, {f"{{{MC}}}Fallback"}):
                self._para.text_boxes.append([Para(element=path, text=text)])

    def _emit(self, text: str, props: RunProps, state: _State) -> None:
        if not text:
            return
        why = _hidden_reason(props, state.shaded)
        revision = state.revision
        if revision and revision[0] is HiddenKind.DELETION:
            self._piece(HiddenKind.DELETION, text, revision[2], ("del", revision[1]))
            return
        if why:
            self._piece(HiddenKind.HIDDEN_TEXT, text, {"why": why}, ("hidden", why))
            return
        if self._first_size is None and text.strip():
            self._first_size = props.size
        self._chunks.append(text)
        if revision:
            self._piece(HiddenKind.INSERTION, text, revision[2], ("ins", revision[1]))
        else:
            self._last_key = None

    def _piece(self, kind: HiddenKind, text: str, attrs: dict[str, str], key: tuple) -> None:
        pieces = self._para.pieces
        if pieces and self._last_key == key:
            pieces[-1].text += text
        else:
            pieces.append(Piece(kind=kind, text=text, attrs=dict(attrs), key=key))
        self._last_key = key


def _hidden_reason(props: RunProps, shaded: bool) -> str | None:
    if props.vanish:
        return "vanish"
    if props.size is not None and props.size <= _TINY_HALF_POINTS:
        return "tiny"
    if props.color == "FFFFFF" and not (shaded or props.shaded):
        return "white"
    return None


def _indent(props: ParaProps, half_points: int) -> float | None:
    """First-line indent in characters: *Chars attributes are hundredths of a character; twips are
    divided by the character width (font size in half-points × 10 = twips per full-width character)."""
    ind = props.ind
    for chars_key, sign in (("firstLineChars", 1), ("hangingChars", -1)):
        value = _number(ind.get(chars_key))
        if value:
            return sign * value / 100
    for twips_key, sign in (("firstLine", 1), ("hanging", -1)):
        value = _number(ind.get(twips_key))
        if value:
            return round(sign * value / (half_points * 10), 2)
    return 0.0 if ind else None


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _rev_attrs(el: etree._Element) -> dict[str, str]:
    return {k: v for k, v in (("author", el.get(w("author"))), ("date", el.get(w("date")))) if v}


def _inside(el: etree._Element, top: etree._Element, tags: set[str]) -> bool:
    """Whether ``el`` has an ancestor with one of ``tags`` below ``top``."""
    parent = el.getparent()
    while parent is not None and parent is not top:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False
