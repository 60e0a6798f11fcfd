"""Word: body order, tables, text boxes, revisions, hidden runs, comments, properties, indents."""
from __future__ import annotations

import io

import docx as python_docx
import pytest

from mishen.read import read_bytes
from mishen.settings import Settings
from models import Document, HiddenKind
from tests.read.builders import docx_member, make_docx, rewrite_docx
from tests.read.checks import assert_document_ok

SETTINGS = Settings()
ID = "110101199003071234"


def read(data: bytes) -> Document:
    doc = read_bytes(data, "draft.docx", SETTINGS)
    assert_document_ok(doc)
    return doc


def parts(doc: Document, kind: HiddenKind) -> list[tuple[str, str, str]]:
    return [(p.id, p.location, p.document.text) for p in doc.hidden_parts if p.kind is kind]


def block_texts(doc: Document) -> list[tuple[str, str, str]]:
    return [(b.kind, b.location, doc.text[b.start:b.end]) for b in doc.blocks]


def test_body_paragraphs_blank_lines_and_tables_in_order() -> None:
    doc = read(make_docx(paragraphs=["关于做好防汛工作的通知", "", f"身份证号{ID}", "第二行\t制表\n换行"],
                         tables=[[["姓名", "电话"], ["张三", "13800000000"]]]))
    assert doc.text == f"关于做好防汛工作的通知\n\n身份证号{ID}\n第二行\t制表\n换行\n姓名\n电话\n张三\n13800000000"
    assert block_texts(doc) == [
        ("paragraph", "第1段", "关于做好防汛工作的通知"), ("paragraph", "第2段", f"身份证号{ID}"),
        ("paragraph", "第3段", "第二行\t制表\n换行"), ("table_cell", "表1第1行第1列", "姓名"),
        ("table_cell", "表1第1行第2列", "电话"), ("table_cell", "表1第2行第1列", "张三"),
        ("table_cell", "表1第2行第2列", "13800000000")]
    assert [b.ref for b in doc.blocks][:3] == ["body/p/0", "body/p/2", "body/p/3"]
    assert doc.blocks[3].ref == "body/tbl/0/tr/0/tc/0"
    assert doc.format.value == "docx" and doc.hidden_parts  # python-docx's default properties


def test_insertion_in_text_and_a_hidden_part() -> None:
    doc = read(make_docx(paragraphs=["联系人：", "其他"], insertions=[(0, "李明", "王审核")]))
    assert doc.text.startswith("联系人：李明\n")
    assert parts(doc, HiddenKind.INSERTION) == [("insertion/p1/1", "第1段中插入的文字", "李明")]
    ins = next(p for p in doc.hidden_parts if p.kind is HiddenKind.INSERTION)
    assert ins.attrs["author"] == "王审核" and ins.attrs["date"]


def test_deletion_not_in_text_but_recoverable() -> None:
    doc = read(make_docx(paragraphs=["正文", "电话："], deletions=[(1, "13800000000", "李明")]))
    assert "13800000000" not in doc.text
    assert parts(doc, HiddenKind.DELETION) == [("deletion/p2/1", "第2段中删除的文字", "13800000000")]
    assert next(p for p in doc.hidden_parts if p.kind is HiddenKind.DELETION).attrs["author"] == "李明"


@pytest.mark.parametrize("option, why, label", [
    ("hidden", "vanish", "隐藏格式"), ("white", "white", "白色字体"), ("tiny", "tiny", "极小字号")])
def test_invisible_runs_left_out_of_text(option: str, why: str, label: str) -> None:
    doc = read(make_docx(paragraphs=["可见正文"], **{option: [(0, f"身份证{ID}")]}))
    assert doc.text == "可见正文"
    hidden = [p for p in doc.hidden_parts if p.kind is HiddenKind.HIDDEN_TEXT]
    assert [(p.id, p.location, p.document.text, p.attrs["why"]) for p in hidden] == [
        ("hidden/p1/1", f"第1段中的隐藏文字（{label}）", f"身份证{ID}", why)]


def test_white_text_on_shaded_run_stays_visible() -> None:
    data = make_docx(paragraphs=["表头"])
    xml = docx_member(data, "word/document.xml").replace(
        "<w:r><w:t>表头</w:t></w:r>",
        '<w:r><w:rPr><w:color w:val="FFFFFF"/><w:shd w:val="clear" w:fill="1F3864"/></w:rPr><w:t>表头</w:t></w:r>')
    doc = read(rewrite_docx(data, {"word/document.xml": xml}))
    assert doc.text == "表头" and not parts(doc, HiddenKind.HIDDEN_TEXT)


def test_text_box_read_once_after_its_paragraph() -> None:
    doc = read(make_docx(paragraphs=["第一段", "第二段"], text_boxes=[(0, "文本框里的电话13800000000")]))
    assert doc.text == "第一段\n文本框里的电话13800000000\n第二段"
    assert block_texts(doc)[1] == ("text_box", "第1段的文本框", "文本框里的电话13800000000")


def test_comment_is_a_hidden_part_with_author_and_anchor() -> None:
    doc = read(make_docx(paragraphs=["第一段", "第二段"], comments=[(1, "此处涉及张三隐私", "李明")]))
    comment = next(p for p in doc.hidden_parts if p.kind is HiddenKind.COMMENT)
    assert (comment.id, comment.location, comment.document.text) == (
        "comment/1", "批注1（作者：李明）", "此处涉及张三隐私")
    assert comment.attrs["author"] == "李明" and comment.attrs["anchor"] == "第2段"
    assert "隐私" not in doc.text


def test_headers_footers_and_footnotes_are_hidden_parts() -> None:
    doc = read(make_docx(paragraphs=["正文"], header="内部资料 注意保存", footer="第1页", footnotes=["据张三反映"]))
    assert doc.text == "正文"
    assert sorted(parts(doc, HiddenKind.HEADER_FOOTER)) == [
        ("footer/footer1", "页脚", "第1页"), ("header/header1", "页眉", "内部资料 注意保存")]
    assert parts(doc, HiddenKind.FOOTNOTE) == [("footnote/1", "脚注1", "据张三反映")]


def test_properties_into_metadata_and_hidden_parts() -> None:
    doc = read(make_docx(paragraphs=["正文"],
                         core_props={"author": "张三", "last_modified_by": "李四", "title": "草稿"},
                         app_props={"Company": "某县人民政府办公室", "Manager": "王五"},
                         custom_props={"密级": "秘密", "承办人": "赵六"}))
    assert doc.metadata["creator"] == "张三" and doc.metadata["lastModifiedBy"] == "李四"
    assert doc.metadata["Company"] == "某县人民政府办公室" and doc.metadata["custom:密级"] == "秘密"
    meta = {p.id: (p.location, p.document.text) for p in doc.hidden_parts if p.kind is HiddenKind.METADATA}
    assert meta["meta/core/creator"] == ("文档属性：作者", "张三")
    assert meta["meta/core/lastModifiedBy"] == ("文档属性：最后修改者", "李四")
    assert meta["meta/app/Company"] == ("文档属性：单位", "某县人民政府办公室")
    assert meta["meta/app/Manager"][1] == "王五"
    assert meta["meta/custom/承办人"] == ("文档属性：自定义属性“承办人”", "赵六")
    assert "meta/core/created" not in meta  # dates go to metadata only


@pytest.mark.parametrize("kwargs, expected", [
    ({"first_line_chars": 2}, 2.0),
    ({"first_line_twips": 640, "font_size_pt": 16}, 2.0),    # 三号, set on the run
    ({"first_line_twips": 420, "font_size_pt": 10.5}, 2.0),  # 五号
    ({"first_line_twips": 440}, 2.0),                         # python-docx's docDefaults: 11 pt
    ({"first_line_twips": 320, "font_size_pt": 16}, 1.0),
    ({"first_line_chars": 0, "first_line_twips": 640, "font_size_pt": 16}, 2.0),  # zero chars: twips decide
    ({}, None),
])
def test_first_line_indent_in_characters(kwargs: dict, expected: float | None) -> None:
    doc = read(make_docx(paragraphs=["　　正文"], **kwargs))
    assert doc.blocks[0].indent_chars == expected


@pytest.mark.parametrize("jc, alignment", [("center", "center"), ("both", "justify"), ("right", "right"), (None, None)])
def test_alignment(jc: str | None, alignment: str | None) -> None:
    assert read(make_docx(paragraphs=["标题"], alignment=jc)).blocks[0].alignment == alignment


def test_indent_inherited_from_paragraph_style() -> None:
    data = make_docx(paragraphs=["正文"])
    styles = docx_member(data, "word/styles.xml").replace(
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>',
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:ind w:firstLineChars="200"/></w:pPr>')
    assert "firstLineChars" in styles
    assert read(rewrite_docx(data, {"word/styles.xml": styles})).blocks[0].indent_chars == 2.0


def test_heading_style_gives_heading_block() -> None:
    document = python_docx.Document()
    document.add_heading("一、总体要求", level=1)
    document.add_paragraph("正文")
    buffer = io.BytesIO()
    document.save(buffer)
    doc = read(buffer.getvalue())
    assert [(b.kind, b.style) for b in doc.blocks] == [("heading", "heading 1"), ("paragraph", None)]


def test_fully_deleted_paragraph_counts_but_has_no_block() -> None:
    data = make_docx(paragraphs=["甲", "乙"])
    xml = docx_member(data, "word/document.xml").replace(
        "<w:r><w:t>甲</w:t></w:r>",
        '<w:del w:id="9" w:author="李明"><w:r><w:delText>整段删除的张三</w:delText></w:r></w:del>')
    doc = read(rewrite_docx(data, {"word/document.xml": xml}))
    assert doc.text == "\n乙"
    assert block_texts(doc) == [("paragraph", "第2段", "乙")]
    assert parts(doc, HiddenKind.DELETION) == [("deletion/p1/1", "第1段中删除的文字", "整段删除的张三")]


def test_indent_assumes_16pt_when_no_size_is_known() -> None:
    data = make_docx(paragraphs=["正文"], first_line_twips=640)
    styles = docx_member(data, "word/styles.xml").replace('<w:sz w:val="22"/>', "")
    assert read(rewrite_docx(data, {"word/styles.xml": styles})).blocks[0].indent_chars == 2.0


def test_revisions_inside_table_cells_and_moves() -> None:
    data = make_docx(paragraphs=["正文"], tables=[[["姓名", "电话"]]])
    xml = docx_member(data, "word/document.xml").replace(
        "<w:r><w:t>电话</w:t></w:r>",
        '<w:r><w:t>电话</w:t></w:r><w:ins w:id="7" w:author="甲"><w:r><w:t>1380</w:t></w:r>'
        '<w:del w:id="8" w:author="乙"><w:r><w:delText>旧号</w:delText></w:r></w:del></w:ins>'
        '<w:moveFrom w:id="9" w:author="丙"><w:r><w:t>移走的字</w:t></w:r></w:moveFrom>')
    doc = read(rewrite_docx(data, {"word/document.xml": xml}))
    assert doc.text == "正文\n姓名\n电话1380"
    got = {(p.kind, p.id, p.location, p.document.text, p.attrs.get("author")) for p in doc.hidden_parts
           if p.kind in (HiddenKind.INSERTION, HiddenKind.DELETION)}
    assert got == {
        (HiddenKind.INSERTION, "insertion/t1r1c2/1", "表1第1行第2列中插入的文字", "1380", "甲"),
        (HiddenKind.DELETION, "deletion/t1r1c2/1", "表1第1行第2列中删除的文字", "旧号", "乙"),
        (HiddenKind.DELETION, "deletion/t1r1c2/2", "表1第1行第2列中删除的文字", "移走的字", "丙")}


def test_field_codes_and_content_controls() -> None:
    data = make_docx(paragraphs=["见"])
    xml = docx_member(data, "word/document.xml").replace(
        "<w:r><w:t>见</w:t></w:r>",
        '<w:r><w:t>见</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> HYPERLINK "http://x.example" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>网站</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:sdt><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>'
        '<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink>')
    assert read(rewrite_docx(data, {"word/document.xml": xml})).text == "见网站控件链接"


def test_hidden_part_ids_unique_across_many_revisions() -> None:
    doc = read(make_docx(paragraphs=["一", "二"], deletions=[(0, "甲", "a"), (0, "乙", "b"), (1, "丙", "a")],
                         insertions=[(0, "丁", "a")]))
    ids = [p.id for p in doc.hidden_parts if p.kind in (HiddenKind.INSERTION, HiddenKind.DELETION)]
    assert ids == ["insertion/p1/1", "deletion/p1/1", "deletion/p1/2", "deletion/p2/1"]  # document order


def test_paragraph_mark_formatting_does_not_hide_the_runs() -> None:
    data = make_docx(paragraphs=["正文可见"], alignment="center")
    xml = docx_member(data, "word/document.xml").replace(
        '<w:jc w:val="center"/>', '<w:jc w:val="center"/><w:rPr><w:vanish/><w:color w:val="FFFFFF"/></w:rPr>')
    assert "<w:vanish/>" in xml
    doc = read(rewrite_docx(data, {"word/document.xml": xml}))
    assert doc.text == "正文可见" and not parts(doc, HiddenKind.HIDDEN_TEXT)


def test_hidden_by_character_style() -> None:
    data = make_docx(paragraphs=["可见"])
    styles = docx_member(data, "word/styles.xml").replace(
        "</w:styles>", '<w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/>'
        '<w:rPr><w:vanish/></w:rPr></w:style></w:styles>')
    xml = docx_member(data, "word/document.xml").replace(
        "<w:r><w:t>可见</w:t></w:r>",
        '<w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Secret"/></w:rPr><w:t>藏起来</w:t></w:r>')
    doc = read(rewrite_docx(data, {"word/styles.xml": styles, "word/document.xml": xml}))
    assert doc.text == "可见" and [t for _, _, t in parts(doc, HiddenKind.HIDDEN_TEXT)] == ["藏起来"]


def test_embedded_objects_are_warned_about() -> None:
    data = rewrite_docx(make_docx(paragraphs=["正文"]), {"word/embeddings/oleObject1.xlsx": b"PK"})
    assert any("嵌入对象" in w for w in read(data).warnings)
    assert read(make_docx(paragraphs=["正文"])).warnings == []


def test_wordart_watermark_in_header_is_read() -> None:
    data = make_docx(paragraphs=["正文"], header="页眉")
    xml = docx_member(data, "word/header1.xml").replace(
        "<w:r><w:t>页眉</w:t></w:r>",
        '<w:r><w:t>页眉</w:t></w:r><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml">'
        '<v:textpath string="机密★1年"/></v:shape></w:pict></w:r>')
    doc = read(rewrite_docx(data, {"word/header1.xml": xml}))
    [header] = [p for p in doc.hidden_parts if p.kind is HiddenKind.HEADER_FOOTER]
    assert header.document.text == "页眉\n机密★1年"
    assert [b.kind for b in header.document.blocks] == ["paragraph", "text_box"]
