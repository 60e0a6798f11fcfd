"""PDF: removed text is gone from the file (pages re-rendered as images), untouched pages keep their text
layer, metadata, annotations and attachments are dropped."""
from __future__ import annotations

import io

import pdfplumber
import pytest
from pypdf import PdfReader

from mishen.redact.pdf_writer import _ink
from models import Category, CharBox
from tests.read.builders import make_pdf
from tests.redact.helpers import leaked, pdf_texts

ID = "110101199003071234"
MOBILE = "13812345678"
C = Category

CASES = {
    "one_line": ([[f"联系电话{MOBILE}。"], ["第二页不涉及个人信息。"]], [(MOBILE, C.CN_PHONE)], {}),
    "across_line_break": ([["当事人身份证号1101011990", "03071234，现已结案。"], [f"复核：{ID}。"]],
                          [(ID, C.CN_ID_CARD)], {}),
    "repeated_spacing": ([[f"电话{MOBILE}", "又138 1234 5678"], ["再138-1234-5678"]], [(MOBILE, C.CN_PHONE)], {}),
    "under_fake_box": ([[f"身份证号{ID}", "正文第二行。"]], [(ID, C.CN_ID_CARD)], {"covered": [(0, 0)]}),
    "with_metadata_annotation_attachment": (
        [[f"联系电话{MOBILE}。"], ["第二页。"]], [(MOBILE, C.CN_PHONE)],
        {"metadata": {"author": "张伟华", "title": "内部稿"}, "annotations": [(1, "请核对张伟华的电话")],
         "attachments": {"名单.txt": f"张伟华 {MOBILE}".encode()}}),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_public_pdf_is_clean(case, redact):
    pages, values, extra = CASES[case]
    data = make_pdf(pages=pages, **extra)
    public, verification, result = redact(data, f"{case}.pdf", values)
    assert verification.clean, (verification.hits, verification.problems)
    for value, _ in values:
        assert not leaked(value, pdf_texts(public))
        assert value.encode() not in public
    reader = PdfReader(io.BytesIO(public))
    assert not reader.metadata and "/Metadata" not in reader.trailer["/Root"]
    assert "/Names" not in reader.trailer["/Root"] and all("/Annots" not in p for p in reader.pages)
    assert len(reader.pages) == len(pages)


def test_untouched_page_keeps_its_text_layer(redact):
    data = make_pdf(pages=[[f"联系电话{MOBILE}。"], ["第二页不涉及个人信息。"]])
    public, _, result = redact(data, "keep.pdf", [(MOBILE, C.CN_PHONE)])
    assert result.rerendered_pages == [1]
    with pdfplumber.open(io.BytesIO(public)) as pdf, pdfplumber.open(io.BytesIO(data)) as original:
        assert pdf.pages[0].chars == [] and len(pdf.pages[0].images) == 1
        assert pdf.pages[1].extract_text() == original.pages[1].extract_text() == "第二页不涉及个人信息。"
        assert (pdf.pages[0].width, pdf.pages[0].height) == pytest.approx(
            (original.pages[0].width, original.pages[0].height), abs=1)


def test_burned_box_is_black_where_the_value_was(redact):
    data = make_pdf(pages=[[f"联系电话{MOBILE}。"]])
    public, _, _ = redact(data, "box.pdf", [(MOBILE, C.CN_PHONE)])
    with pdfplumber.open(io.BytesIO(data)) as original:
        chars = original.pages[0].chars
        digits = [c for c in chars if c["text"].isdigit()]
        x, y = (digits[0]["x0"] + digits[-1]["x1"]) / 2, (digits[0]["top"] + digits[0]["bottom"]) / 2
    with pdfplumber.open(io.BytesIO(public)) as pdf:
        image = pdf.pages[0].to_image(resolution=72).original.convert("L")
        assert image.getpixel((int(x), int(y))) < 40
        assert image.getpixel((int(chars[0]["x0"]) - 20, int(y))) > 200  # the margin stays white


def test_remove_page_for_an_extract(redact):
    data = make_pdf(pages=[["正文。"], ["附件：名单"], ["第三页。"]])
    public, verification, result = redact(data, "extract.pdf", [], blocks=["page/2"])
    assert len(PdfReader(io.BytesIO(public)).pages) == 2 and "附件" not in pdf_texts(public)
    assert verification.clean and result.removed["pages"] == 1


@pytest.mark.parametrize("colour,expected", [(0, 1.0), (255, 0.0)])
def test_ink_check_notices_a_rendering_without_glyphs(colour, expected):
    from PIL import Image

    class Fake:
        original = Image.new("L", (100, 100), colour)

        @staticmethod
        def _reproject(point):
            return int(point[0]), int(point[1])

    chars = [CharBox(page=1, x0=10 + 10 * i, top=10, x1=18 + 10 * i, bottom=20) for i in range(5)]
    assert _ink(Fake, chars) == expected
