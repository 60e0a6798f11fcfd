"""PDF: lines and spaces, character boxes, pages without text, metadata, annotations, covered text."""
from __future__ import annotations

import io

import pdfplumber
import pytest
from reportlab.pdfgen.canvas import Canvas

from mishen.read import read_bytes
from mishen.read._pdf_text import TEXT, build_line, group_lines, make_char
from mishen.settings import Settings
from models import Document, HiddenKind
from tests.read.checks import assert_document_ok
from tests.read.pdf_builder import FONT, LEFT, canvas_pdf, latin_ttf, line_box, make_pdf, strings, xmp_packet

SETTINGS = Settings()
ID = "110101199003071234"


def read(data: bytes) -> Document:
    doc = read_bytes(data, "a.pdf", SETTINGS)
    assert_document_ok(doc)
    return doc


def kinds(doc: Document, kind: HiddenKind) -> list:
    return [p for p in doc.hidden_parts if p.kind is kind]


def test_dates_and_id_numbers_keep_no_inner_spaces() -> None:
    lines = ["关于2020年9月15日防汛工作的通知", f"身份证号{ID}，电话13800000000", "Hello World 2024", "（二〇二〇年）"]
    doc = read(make_pdf(pages=[lines, ["第二页"]]))
    assert doc.text == "\n".join(lines) + "\n第二页"
    assert doc.pages == 2 and doc.pages_without_text == [2]  # "第二页": fewer than min_chars_per_page
    assert [(b.location, b.ref, b.page) for b in doc.blocks][:2] == [("第1页第1行", "page/1/line/1", 1),
                                                                     ("第1页第2行", "page/1/line/2", 1)]
    assert doc.blocks[-1].location == "第2页第1行"


def test_char_boxes_point_at_the_glyphs() -> None:
    doc = read(make_pdf(pages=[["身份证号" + ID]], size=12))
    assert len(doc.char_boxes) == len(doc.text)
    first, digit = doc.char_boxes[0], doc.char_boxes[4]
    assert first.page == 1 and first.x0 == pytest.approx(LEFT) and first.x1 == pytest.approx(LEFT + 12)
    assert digit.x0 == pytest.approx(LEFT + 48)
    baseline, _ = line_box(0)
    assert first.bottom > 842 - baseline - 12 and first.top < 842 - baseline


def test_page_without_text_layer_is_listed() -> None:
    doc = read(make_pdf(pages=[["第一页有足够多的文字内容用于审查"], [], ["页码"]]))
    assert doc.pages_without_text == [2, 3]  # the third has fewer than min_chars_per_page characters
    assert any("没有文字层" in w for w in doc.warnings)
    assert read_bytes(make_pdf(pages=[["页码"]]), "a.pdf", Settings(min_chars_per_page=1)).pages_without_text == []


def test_metadata_into_metadata_and_parts() -> None:
    doc = read(make_pdf(pages=[["正文内容"]], metadata={"author": "张三", "title": "内部通知", "keywords": "秘密"}))
    assert doc.metadata["Author"] == "张三" and doc.metadata["Title"] == "内部通知"
    meta = {p.id: (p.location, p.document.text) for p in kinds(doc, HiddenKind.METADATA)}
    assert meta["meta/info/Author"] == ("文档属性：作者", "张三")
    assert meta["meta/info/Keywords"] == ("文档属性：关键词", "秘密")
    assert "meta/info/CreationDate" not in meta and "CreationDate" in doc.metadata


def test_annotations_links_form_fields_attachments() -> None:
    doc = read(make_pdf(pages=[["正文内容"]], annotations=[(0, "此处涉及张三的身份证号")],
                        links=[(0, "http://casino.example.com/")], form_fields={"applicant": "Zhang San"},
                        attachments={"名单.xlsx": b"data"}))
    notes = [(p.id, p.location, p.document.text) for p in kinds(doc, HiddenKind.PDF_ANNOTATION)]
    assert ("annot/p1/1", "第1页的注释1", "此处涉及张三的身份证号") in notes
    link = next(p for p in kinds(doc, HiddenKind.PDF_ANNOTATION) if "href" in p.attrs and p.attrs["subtype"] == "Link")
    assert link.attrs["href"] == "http://casino.example.com/" and link.location == "第1页的链接1"
    assert [(p.location, p.document.text) for p in kinds(doc, HiddenKind.PDF_FORM_FIELD)] == [
        ("表单域“applicant”", "Zhang San")]
    assert [p.attrs["name"] for p in kinds(doc, HiddenKind.PDF_ATTACHMENT)] == ["名单.xlsx"]
    assert "张三" not in doc.text


def test_text_under_black_box_kept_and_reported() -> None:
    doc = read(make_pdf(pages=[["公开的内容", f"被涂黑的身份证{ID}", "后面的内容"]], covered=[(0, 1)]))
    assert f"被涂黑的身份证{ID}" in doc.text  # still in the text layer
    covered = kinds(doc, HiddenKind.COVERED_TEXT)
    assert [(p.id, p.location, p.document.text) for p in covered] == [
        ("covered/p1/1", "第1页第2行被遮盖的文字", f"被涂黑的身份证{ID}")]
    start, end = int(covered[0].attrs["start"]), int(covered[0].attrs["end"])
    assert doc.text[start:end] == f"被涂黑的身份证{ID}"


@pytest.mark.parametrize("grey", [0.0, 0.9])
def test_box_drawn_before_text_is_a_background_not_a_cover(grey: float) -> None:
    doc = read(make_pdf(pages=[["表头一", "表头二"]], shaded=[(0, 0, grey)]))
    assert not kinds(doc, HiddenKind.COVERED_TEXT)


def test_reading_order_by_position_not_drawing_order() -> None:
    baseline0, _ = line_box(0)
    baseline1, _ = line_box(1)
    doc = read(make_pdf(pages=[[]], positioned=[(0, LEFT, baseline1, "第二行文字"), (0, LEFT, baseline0, "第一行文字"),
                                                (0, LEFT + 200, baseline0, "右侧")]))
    assert doc.text == "第一行文字 右侧\n第二行文字"  # a gap of several characters is a space


def chars(*items: tuple[str, float, float]) -> list[tuple]:
    """Synthetic chars: (text, x0, width) on one line at size 12."""
    return [make_char(t, x, 100.0, x + w, 112.0, 12.0) for t, x, w in items]


@pytest.mark.parametrize("items, text", [
    ([("2", 0, 6), ("0", 6.5, 6), ("年", 13, 12), ("9", 26, 6)], "20年9"),      # small gaps: no space
    ([("A", 0, 7), ("B", 12, 7)], "A B"),                                          # word gap between Latin
    ([("A", 0, 7), ("B", 8, 7)], "AB"),                                            # kerning, not a gap
    ([("号", 0, 12), ("1", 15, 6)], "号1"),                                        # CJK-digit: never a small space
    ([("名", 0, 12), ("张", 30, 12)], "名 张"),                                    # a whole empty cell: a space
    ([("a", 0, 6), (" ", 6, 3), ("b", 12, 6)], "a b"),                             # the PDF's own space kept once
])
def test_spacing_rule(items, text: str) -> None:
    line = build_line(group_lines(chars(*items))[0], 1)
    assert line.text == text
    assert len(line.boxes) == len(text)


def test_superscript_joins_its_line() -> None:
    base = chars(("正", 0, 12), ("文", 12, 12))
    sup = make_char("1", 24.0, 99.0, 28.0, 106.0, 7.0)  # raised 1/3 em
    assert [[c[TEXT] for c in line] for line in group_lines([*base, sup])] == [["正", "文", "1"]]


def test_xmp_fields_not_in_the_info_dictionary() -> None:
    doc = read(make_pdf(pages=[["正文内容"]], metadata={"author": "张三"},
                        xmp=xmp_packet(creator="李四", title="张三", tool="Microsoft Word")))
    meta = {p.id: p.document.text for p in kinds(doc, HiddenKind.METADATA)}
    assert meta["meta/xmp/creator"] == "李四" and meta["meta/xmp/CreatorTool"] == "Microsoft Word"
    assert "meta/xmp/title" not in meta  # the same value is already reported from the info dictionary


def _transformed(c: Canvas) -> None:
    c.saveState()
    c.translate(100, 500)
    c.scale(2, 1.5)                 # a scaled CTM: boxes scale with it
    c.setFont(FONT, 10)
    c.drawString(0, 0, "放大文字AB12")
    c.restoreState()
    t = c.beginText(100, 300)
    t.setFont(FONT, 12)
    t.setHorizScale(60)             # horizontal scaling and text rise
    t.setRise(3)
    t.textOut("横向压缩Ab")
    c.drawText(t)


@pytest.mark.parametrize("draw, rotate, mediabox", [
    (strings((72, 700, "身份证号110101199003071234", 12)), 0, None),
    (strings((72, 700, "旋转页面的文字Ab12", 12)), 90, None),
    (strings((72, 700, "旋转页面的文字Ab12", 12)), 180, None),
    (strings((72, 700, "旋转页面的文字Ab12", 12)), 270, None),
    (strings((72, 700, "页面框不在原点", 12)), 0, (20, 30, 615, 872)),
    (strings((72, 700, "页面框不在原点", 12)), 90, (20, 30, 615, 872)),
    (_transformed, 0, None),
], ids=["upright", "rot90", "rot180", "rot270", "offset-mediabox", "offset-rot90", "ctm-hscale-rise"])
def test_char_boxes_are_pdfplumbers(draw, rotate: int, mediabox) -> None:
    """The redaction of PDFs draws with these boxes in pdfplumber's page space: same origin, units, rotation."""
    data = canvas_pdf(draw, rotate=rotate, mediabox=mediabox)
    doc = read_bytes(data, "a.pdf", Settings(min_chars_per_page=1))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        expected = sorted((c["top"], c["x0"], c["x1"], c["bottom"], c["text"]) for c in pdf.pages[0].chars)
    got = sorted((b.top, b.x0, b.x1, b.bottom, ch) for ch, b in zip(doc.text, doc.char_boxes) if b is not None)
    assert [g[4] for g in got] == [e[4] for e in expected]
    for g, e in zip(got, expected):
        assert g[:4] == pytest.approx(e[:4], abs=0.02), g[4]


def _cover(after: bool, grey: float = 0.0, height: float = 16.0, shape: str = "rect", in_form: bool = False):
    """Line 1 in plain text, line 2 drawn then (after=True) or before it a filled box of ``grey`` over line 2."""
    def draw(c: Canvas) -> None:
        def box() -> None:
            c.setFillGray(grey)
            if shape == "rect":
                c.rect(70, 696, 200, height, fill=1, stroke=0)
            else:  # a filled ellipse over the same place: not a rectangle
                c.ellipse(60, 690, 280, 716, fill=1, stroke=0)
            c.setFillGray(0)
        c.setFont(FONT, 12)
        c.drawString(72, 730, "公开的内容")
        if not after:
            box()
        c.setFont(FONT, 12)
        c.drawString(72, 700, "被遮盖的身份证号")
        if after and in_form:
            c.beginForm("cover")
            box()
            c.endForm()
            c.doForm("cover")
        elif after:
            box()
    return draw


@pytest.mark.parametrize("draw, covered", [
    (_cover(after=True), ["被遮盖的身份证号"]),
    (_cover(after=True, in_form=True), ["被遮盖的身份证号"]),        # the box inside a form XObject drawn later
    (_cover(after=False), []),                                        # drawn first: a background
    (_cover(after=True, grey=0.9), []),                               # light: the text still shows
    (_cover(after=True, height=4.0), []),                             # a thin rule, not a cover
    (_cover(after=True, shape="ellipse"), []),                        # not a rectangle
], ids=["after", "after-in-form", "before", "light", "thin", "ellipse"])
def test_which_boxes_cover_text(draw, covered: list[str]) -> None:
    doc = read(canvas_pdf(draw))
    assert doc.text == "公开的内容\n被遮盖的身份证号"
    parts = kinds(doc, HiddenKind.COVERED_TEXT)
    assert [p.document.text for p in parts] == covered
    for part in parts:
        assert doc.text[int(part.attrs["start"]):int(part.attrs["end"])] == part.document.text


@pytest.mark.parametrize("shift", [0.0, 0.3, 0.8])
def test_fake_bold_prints_once(shift: float) -> None:
    doc = read(canvas_pdf(strings((72, 700, "加粗的标题文字", 16), (72 + shift, 700 + shift / 2, "加粗的标题文字", 16))))
    assert doc.text == "加粗的标题文字"
    assert len(doc.char_boxes) == len(doc.text)


@pytest.mark.parametrize("items, text", [
    # A lone CJK glyph of a font that is not embedded has no outline width here: PDFium's text page skips it.
    ([(72, 700, "第一行文字到此", 12), (72, 682, "。", 12), (72, 664, "第三行", 12)], "第一行文字到此\n。\n第三行"),
    ([(72, 700, "姓名", 12), (200, 700, "男", 12)], "姓名 男"),
    # A line repeating an earlier line's text looks like a fake-bold copy to PDFium: it is kept.
    ([(72, 700, "同一句话再说一遍" * 4, 12), (72, 682, "同一句话再说一遍" * 4, 12)],
     "同一句话再说一遍" * 4 + "\n" + "同一句话再说一遍" * 4),
], ids=["lone-punctuation", "one-char-cell", "repeated-line"])
def test_text_objects_pdfium_skips_are_read(items, text: str) -> None:
    doc = read(canvas_pdf(strings(*[(x, y, t, size) for x, y, t, size in items])))
    assert doc.text == text
    assert not any("未能提取" in w for w in doc.warnings)


def test_glyphs_without_unicode_are_replaced_and_warned() -> None:
    font = latin_ttf()

    def draw(c: Canvas) -> None:
        c.setFont(font, 12)
        c.drawString(72, 700, "ŁłŒ AB")
    doc = read_bytes(canvas_pdf(draw, no_tounicode=True), "a.pdf", Settings(min_chars_per_page=1))
    assert doc.text.startswith("\ufffd\ufffd\ufffd")
    assert any("无法转换为文字" in w and "3 个" in w for w in doc.warnings)


def test_two_columns_read_line_by_line() -> None:
    doc = read(canvas_pdf(strings((72, 700, "左栏第一行", 12), (72, 682, "左栏第二行", 12),
                                 (320, 700, "右栏第一行", 12), (320, 682, "右栏第二行", 12))))
    assert doc.text == "左栏第一行 右栏第一行\n左栏第二行 右栏第二行"
