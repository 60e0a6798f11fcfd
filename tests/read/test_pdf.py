"""PDF: lines and spaces, character boxes, pages without text, metadata, annotations, covered text."""
from __future__ import annotations

import pytest

from mishen.read import read_bytes
from mishen.read._pdf_text import build_line, group_lines
from mishen.settings import Settings
from models import Document, HiddenKind
from tests.read.checks import assert_document_ok
from tests.read.pdf_builder import LEFT, line_box, make_pdf, xmp_packet

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


def chars(*items: tuple[str, float, float]) -> list[dict]:
    """Synthetic pdfplumber chars: (text, x0, width) on one line at size 12."""
    return [{"text": t, "x0": x, "x1": x + w, "top": 100.0, "bottom": 112.0, "size": 12.0} for t, x, w in items]


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
    sup = {"text": "1", "x0": 24.0, "x1": 28.0, "top": 99.0, "bottom": 106.0, "size": 7.0}  # raised 1/3 em
    assert [[c["text"] for c in line] for line in group_lines([*base, sup])] == [["正", "文", "1"]]


def test_xmp_fields_not_in_the_info_dictionary() -> None:
    doc = read(make_pdf(pages=[["正文内容"]], metadata={"author": "张三"},
                        xmp=xmp_packet(creator="李四", title="张三", tool="Microsoft Word")))
    meta = {p.id: p.document.text for p in kinds(doc, HiddenKind.METADATA)}
    assert meta["meta/xmp/creator"] == "李四" and meta["meta/xmp/CreatorTool"] == "Microsoft Word"
    assert "meta/xmp/title" not in meta  # the same value is already reported from the info dictionary
