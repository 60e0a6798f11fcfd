"""Red-team table for .docx: wherever a value hides, the public version must not contain it in any form."""
from __future__ import annotations

import io

import docx
import pytest
from docx.shared import Pt, RGBColor

from models import Category
from tests.read.builders import make_docx
from tests.redact.helpers import docx_texts, leaked

ID = "110101199003071234"
MOBILE = "13812345678"
NAME = "张伟华"
NAME_T = "張偉華"
C = Category


def split_runs() -> bytes:
    document = docx.Document()
    p = document.add_paragraph()
    for text, bold in (("申请人张", False), ("伟", True), ("华，电话1381234", False), ("5678，身份证号110101", True),
                       ("199003071234。", False)):
        p.add_run(text).bold = bold
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


CASES = {
    "split_across_runs": (split_runs(), [(NAME, C.PERSON_NAME), (MOBILE, C.CN_PHONE), (ID, C.CN_ID_CARD)]),
    "table_cell": (make_docx(paragraphs=["救助名单如下："], tables=[[["姓名", "身份证号"], [NAME, ID]]]),
                   [(NAME, C.PERSON_NAME), (ID, C.CN_ID_CARD)]),
    "header": (make_docx(paragraphs=["正文。"], header=f"经办人{NAME} {MOBILE}"),
               [(NAME, C.PERSON_NAME), (MOBILE, C.CN_PHONE)]),
    "footnote": (make_docx(paragraphs=["正文。"], footnotes=[f"当事人{NAME}，身份证号{ID}"]),
                 [(NAME, C.PERSON_NAME), (ID, C.CN_ID_CARD)]),
    "comment": (make_docx(paragraphs=["正文第一段。"], comments=[(0, f"请联系{NAME}，电话{MOBILE}", "李四")]),
                [(NAME, C.PERSON_NAME), (MOBILE, C.CN_PHONE)]),
    "tracked_deletion": (make_docx(paragraphs=["当事人已结案。"], deletions=[(0, f"身份证号{ID}", "李四")]),
                         [(ID, C.CN_ID_CARD)]),
    "tracked_insertion": (make_docx(paragraphs=["联系人："], insertions=[(0, f"{NAME}，{MOBILE}", "李四")]),
                          [(NAME, C.PERSON_NAME), (MOBILE, C.CN_PHONE)]),
    "document_properties": (make_docx(paragraphs=["正文。"], core_props={"author": NAME, "last_modified_by": NAME},
                                      custom_props={"经办人手机": MOBILE}, app_props={"Company": "青石县民政局"}),
                            [(NAME, C.PERSON_NAME), (MOBILE, C.CN_PHONE)]),
    "text_box": (make_docx(paragraphs=["见右侧。"], text_boxes=[(0, f"联系人{NAME} {MOBILE}")]),
                 [(NAME, C.PERSON_NAME), (MOBILE, C.CN_PHONE)]),
    "hidden_text": (make_docx(paragraphs=["正文。"], hidden=[(0, f"身份证号{ID}")], white=[(0, MOBILE)]),
                    [(ID, C.CN_ID_CARD), (MOBILE, C.CN_PHONE)]),
    "repeated_different_spacing": (make_docx(paragraphs=[f"电话{MOBILE}。", "再次：138 1234 5678。",
                                                         "又：138-1234-5678；身份证 110101 19900307 1234。",
                                                         f"号码{ID}。"]),
                                   [(MOBILE, C.CN_PHONE), (ID, C.CN_ID_CARD)]),
    "traditional_script": (make_docx(paragraphs=[f"申請人{NAME_T}，電話{MOBILE}。", f"经办人{NAME}。"]),
                           [(NAME_T, C.PERSON_NAME), (MOBILE, C.CN_PHONE)]),
    "full_width_digits": (make_docx(paragraphs=[f"电话{MOBILE}。", "电话１３８１２３４５６７８。"]),
                          [(MOBILE, C.CN_PHONE)]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_public_docx_is_clean(case, redact):
    data, values = CASES[case]
    assert any(leaked(v, docx_texts(data)) for v, _ in values), "the test file must hold the value"
    public, verification, _ = redact(data, f"{case}.docx", values)
    assert verification.clean, (verification.hits, verification.problems)
    for value, _ in values:
        assert not leaked(value, docx_texts(public)), value
    docx.Document(io.BytesIO(public))  # still opens


def test_masks_are_written_where_the_value_was(redact):
    public, _, result = redact(CASES["repeated_different_spacing"][0], "r.docx", CASES["repeated_different_spacing"][1])
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(public)).paragraphs)
    assert text.count("138****5678") == 3
    assert text.count("110101********1234") == 2
    assert "号码110101********1234。" in text


def test_insertion_accepted_deletion_dropped(redact):
    data = make_docx(paragraphs=["结论："], insertions=[(0, "予以救助", "李四")], deletions=[(0, "不予救助", "李四")])
    public, verification, _ = redact(data, "rev.docx", [])
    paragraphs = [p.text for p in docx.Document(io.BytesIO(public)).paragraphs]
    assert paragraphs[0] == "结论：予以救助"
    texts = docx_texts(public)
    assert "不予救助" not in texts
    assert "<w:ins " not in texts and "<w:del " not in texts
    assert verification.clean


def test_split_value_keeps_each_run_formatting(redact):
    public, _, _ = redact(split_runs(), "split.docx", [(NAME, C.PERSON_NAME)])
    runs = docx.Document(io.BytesIO(public)).paragraphs[0].runs
    texts = [r.text for r in runs]
    assert texts[0] in ("申请人张**", "申请人***")  # the whole mask where the value starts (register may merge)
    assert texts[1:3] == ["", "，电话1381234"]      # the rest of the value cut out of the next runs
    assert [bool(r.bold) for r in runs] == [False, True, False, True, False]


def formatted() -> bytes:
    document = docx.Document()
    for i, (text, size, color) in enumerate((("第一段不含个人信息。", 16, "FF0000"), (f"联系人{NAME}。", 14, None),
                                             ("第三段加粗。", 12, "0000FF"))):
        run = document.add_paragraph().add_run(text)
        run.font.size = Pt(size)
        run.bold = i == 2
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_untouched_paragraphs_keep_their_xml(redact):
    from lxml import etree
    before = docx.Document(io.BytesIO(formatted())).paragraphs
    public, _, _ = redact(formatted(), "fmt.docx", [(NAME, C.PERSON_NAME)])
    after = docx.Document(io.BytesIO(public)).paragraphs
    for i in (0, 2):
        assert etree.tostring(after[i]._p) == etree.tostring(before[i]._p)
    assert [etree.tostring(r._r.rPr) for r in after[1].runs] == [etree.tostring(r._r.rPr) for r in before[1].runs]
    assert after[1].text == "联系人张**。"


def test_personal_properties_removed(redact):
    public, verification, result = redact(CASES["document_properties"][0], "props.docx", [])
    props = docx.Document(io.BytesIO(public)).core_properties
    assert (props.author, props.last_modified_by) == ("", "")
    assert "青石县民政局" not in docx_texts(public) and "经办人手机" not in docx_texts(public)
    assert verification.clean and result.removed["part:docProps/custom.xml"] == 1
