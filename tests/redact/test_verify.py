"""The verifier must catch a value planted back into a public file, in every written form, and must not
fire on a near miss."""
from __future__ import annotations

import pytest

from models import Category
from tests.read.builders import docx_member, make_docx, make_html, make_pdf, rewrite_docx

ID = "110101199003071234"
MOBILE = "13812345678"
NAME = "张伟华"


@pytest.fixture
def public_docx(redact):
    data = make_docx(paragraphs=[f"申请人{NAME}，电话{MOBILE}，身份证号{ID}。", "第二段。"])
    values = [(NAME, Category.PERSON_NAME), (MOBILE, Category.CN_PHONE), (ID, Category.CN_ID_CARD)]
    public, verification, _ = redact(data, "v.docx", values)
    assert verification.clean
    return data, public, values


PLANTS = {  # written form planted into the public document.xml -> expected to be caught
    "as_written": (f"<w:r><w:t>{ID}</w:t></w:r>", True),
    "split_runs": ("<w:r><w:t>张伟</w:t></w:r><w:r><w:t>华</w:t></w:r>", True),
    "spaced": ("<w:r><w:t>138 1234 5678</w:t></w:r>", True),
    "dashed": ("<w:r><w:t>138-1234-5678</w:t></w:r>", True),
    "full_width": ("<w:r><w:t>１３８１２３４５６７８</w:t></w:r>", True),
    "traditional": ("<w:r><w:t>張偉華</w:t></w:r>", True),
    "near_miss_other_number": ("<w:r><w:t>13812345679</w:t></w:r>", False),
    "near_miss_other_name": ("<w:r><w:t>张伟</w:t></w:r>", False),
}


@pytest.mark.parametrize("case", sorted(PLANTS))
def test_planted_value_in_docx(case, public_docx, redactor):
    data, public, values = public_docx
    markup, caught = PLANTS[case]
    xml = docx_member(public, "word/document.xml").replace("<w:t>第二段。</w:t>", "<w:t>第二段。</w:t></w:r>"
                                                                                + markup + "<w:r><w:t></w:t>", 1)
    planted = rewrite_docx(public, {"word/document.xml": xml})
    plan = redactor.plan(__import__("tests.redact.helpers", fromlist=["x"]).report_for(data, "v.docx", values))
    assert redactor.verify(planted, "v.docx", plan).clean is not caught


def test_planted_in_attribute_and_properties(public_docx, redactor):
    from tests.redact.helpers import report_for
    data, public, values = public_docx
    plan = redactor.plan(report_for(data, "v.docx", values))
    core = docx_member(public, "docProps/core.xml").replace("</cp:coreProperties>",
                                                            f"<dc:creator>{NAME}</dc:creator></cp:coreProperties>")
    verification = redactor.verify(rewrite_docx(public, {"docProps/core.xml": core}), "v.docx", plan)
    assert not verification.clean and verification.problems  # the value, and a personal property again
    assert all(NAME not in h.where for h in verification.hits)  # hits never quote the value


def test_planted_in_pdf_text_and_metadata(redact, redactor):
    from tests.redact.helpers import report_for
    data = make_pdf(pages=[[f"电话{MOBILE}"], ["第二页"]])
    values = [(MOBILE, Category.CN_PHONE)]
    public, verification, _ = redact(data, "v.pdf", values)
    assert verification.clean
    plan = redactor.plan(report_for(data, "v.pdf", values))
    leaky = make_pdf(pages=[["第一页"], ["电话138 1234 5678"]])
    assert not redactor.verify(leaky, "v.pdf", plan).clean
    in_meta = make_pdf(pages=[["第一页"]], metadata={"author": MOBILE})
    assert not redactor.verify(in_meta, "v.pdf", plan).clean
    near = make_pdf(pages=[["电话13812345679"]])
    assert not redactor.verify(near, "v.pdf", plan).hits  # (reportlab's info dictionary is a problem of its own)


def test_planted_in_html_source(redact, redactor):
    from tests.redact.helpers import report_for
    data = make_html(f"<p>联系人{NAME}</p>")
    values = [(NAME, Category.PERSON_NAME)]
    plan = redactor.plan(report_for(data, "v.html", values))
    for body, caught in ((f"<p>联系人<b>张伟</b>华</p>", True), ("<p>&#24352;&#20255;&#21326;</p>", True),
                         (f'<p title="{NAME}">x</p>', True), ("<p>联系人张*</p>", False)):
        assert redactor.verify(make_html(body), "v.html", plan).clean is not caught, body
