"""Hostile and broken inputs, built in memory by the tests (nothing large is written to disk)."""
from __future__ import annotations

import io

import docx
from pypdf import PdfWriter

from tests.read.builders import docx_member, make_docx, make_html, make_pdf, rewrite_docx

ID = "110101199003071233"  # valid check digit
CLEAN = ["关于做好防汛工作的通知", "各镇人民政府：", "请认真做好防汛工作，确保安全度汛。", "县水利局", "2020年9月15日", "（此件公开发布）"]
DIGITS = "0123456789"
HOMOGLYPHS = {
    "fullwidth": "０１２３４５６７８９",
    "arabic-indic": "٠١٢٣٤٥٦٧٨٩",
    "extended arabic-indic": "۰۱۲۳۴۵۶۷۸۹",
    "devanagari": "०१२३४५६७८९",
    "math bold": "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗",
    "math monospace": "𝟶𝟷𝟸𝟹𝟺𝟻𝟼𝟽𝟾𝟿",
}


def with_id(id_text: str) -> str:
    """The clean notice with one line carrying ``id_text`` as a contact's ID number."""
    return "\n".join([*CLEAN[:3], f"联系人身份证号{id_text}。", *CLEAN[3:]])


def homoglyph_id(script: str) -> str:
    return ID.translate(str.maketrans(DIGITS, HOMOGLYPHS[script]))


def clean_docx() -> bytes:
    return make_docx(paragraphs=CLEAN)


def zip_bomb_docx(pad: int = 3_000_000) -> bytes:
    """A small .docx whose document.xml inflates by ``pad`` spaces (deflate squeezes them ~1000:1)."""
    data = clean_docx()
    xml = docx_member(data, "word/document.xml")
    return rewrite_docx(data, {"word/document.xml": xml.replace("确保安全度汛。", "确保安全度汛。" + " " * pad)})


def entity_bomb_docx(levels: int = 9) -> bytes:
    """Billion laughs: ten entities deep, each ten copies of the one below, used in the body text."""
    data = clean_docx()
    xml = docx_member(data, "word/document.xml")
    head, _, rest = xml.partition("?>")
    entities = '<!ENTITY a0 "身份证号' + ID + '">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, levels + 1))
    return rewrite_docx(data, {"word/document.xml": f"{head}?><!DOCTYPE w:document [{entities}]>"
                               + rest.replace("确保安全度汛。", f"&a{levels};")})


def many_pages_pdf(pages: int = 5000) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def id_split_across_runs() -> bytes:
    """The ID number in two w:r runs of one paragraph (as Word splits text after an edit)."""
    document = docx.Document()
    for i, line in enumerate(CLEAN):
        para = document.add_paragraph()
        if i == 2:
            para.add_run("联系人身份证号" + ID[:10])
            para.add_run(ID[10:] + "。")
        else:
            para.add_run(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def id_split_across_pdf_lines() -> bytes:
    return make_pdf(pages=[[*CLEAN[:3], "联系人身份证号" + ID[:9], ID[9:] + "。", *CLEAN[3:]]])


def id_in_comment_only() -> bytes:
    return make_docx(paragraphs=CLEAN, comments=[(2, f"经办人张三，身份证号{ID}", "王五")])


def html_page(extra: str) -> bytes:
    return make_html("".join(f"<p>{line}</p>" for line in CLEAN) + extra, title=CLEAN[0])


def gbk_labelled_utf8_html() -> bytes:
    return make_html("".join(f"<p>{line}</p>" for line in with_id(ID).split("\n")), title=CLEAN[0],
                     charset="utf-8", encoding="gbk")
