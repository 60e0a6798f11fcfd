"""Files that cannot be read fail with the right code and a message that quotes no document text."""
from __future__ import annotations

import io
import zipfile

import pytest

from mishen.read import ReadError, read_bytes
from mishen.settings import Settings
from tests.read.builders import docx_member, make_docx, make_html, rewrite_docx
from tests.read.pdf_builder import make_pdf

SECRET = "机密内容张三"


def docx_bytes() -> bytes:
    return make_docx(paragraphs=[SECRET])


def pdf_bytes() -> bytes:
    return make_pdf(pages=[[SECRET]])


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return out.getvalue()


def hostile_doctype() -> bytes:
    data = docx_bytes()
    xml = docx_member(data, "word/document.xml")
    head, _, rest = xml.partition("?>")
    bomb = ('<!DOCTYPE w:document [<!ENTITY a "机密机密机密机密"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>')
    return rewrite_docx(data, {"word/document.xml": head + "?>" + bomb + rest.replace(SECRET, "&c;")})


def external_entity() -> bytes:
    data = docx_bytes()
    xml = docx_member(data, "word/document.xml")
    head, _, rest = xml.partition("?>")
    return rewrite_docx(data, {"word/document.xml": head + '?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                               + rest.replace(SECRET, "&e;")})


CASES = [
    ("empty", lambda: b"", "a.docx", "EMPTY"),
    ("blank text", lambda: b" \n\t\r\n ", "a.txt", "EMPTY"),
    ("truncated docx", lambda: docx_bytes()[:len(docx_bytes()) // 2], "a.docx", "UNREADABLE"),
    ("junk named docx", lambda: bytes(range(256)) * 8, "a.docx", "UNREADABLE"),
    ("junk named pdf", lambda: bytes(range(256)) * 8, "a.pdf", "UNREADABLE"),
    ("text named pdf", lambda: SECRET.encode(), "a.pdf", "UNREADABLE"),
    ("pdf named docx", pdf_bytes, "a.docx", "UNREADABLE"),
    ("docx named pdf", docx_bytes, "a.pdf", "UNREADABLE"),
    ("old office file", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "a.doc", "UNSUPPORTED"),
    ("encrypted office file", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
     + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 500, "a.docx", "ENCRYPTED"),
    ("xlsx", lambda: zip_of({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}), "a.xlsx",
     "UNSUPPORTED"),
    ("zip without a document", lambda: zip_of({"readme.txt": SECRET.encode()}), "a.docx", "UNREADABLE"),
    ("entity expansion", hostile_doctype, "a.docx", "UNREADABLE"),
    ("external entity", external_entity, "a.docx", "UNREADABLE"),
    ("broken document xml", lambda: rewrite_docx(docx_bytes(), {"word/document.xml": "<w:document><w:body>"}),
     "a.docx", "UNREADABLE"),
    ("truncated pdf", lambda: pdf_bytes()[:200], "a.pdf", "UNREADABLE"),
    ("encrypted pdf", lambda: make_pdf(pages=[[SECRET]], user_password="pw"), "a.pdf", "ENCRYPTED"),
    ("encrypted pdf aes", lambda: make_pdf(pages=[[SECRET]], user_password="pw", owner_password="o",
                                            algorithm="AES-256"), "a.pdf", "ENCRYPTED"),
    ("utf-16 junk", lambda: b"\xff\xfe" + b"\x00\xd8" * 50, "a.txt", "UNREADABLE"),
]


@pytest.mark.parametrize("label, make, name, code", CASES, ids=[c[0] for c in CASES])
def test_unreadable_files_fail_with_code(label: str, make, name: str, code: str) -> None:
    with pytest.raises(ReadError) as err:
        read_bytes(make(), name, Settings())
    assert err.value.code == code
    assert "张三" not in err.value.message and "机密" not in err.value.message


def test_zip_bomb_refused_by_declared_total() -> None:
    data = zip_of({"word/document.xml": b"<a/>", "pad.bin": b"\x00" * 2_000_000})
    with pytest.raises(ReadError) as err:
        read_bytes(data, "a.docx", Settings(max_unzipped_bytes=1_000_000))
    assert err.value.code == "TOO_LARGE"


def test_single_part_past_limit_refused() -> None:
    data = make_docx(paragraphs=["正文" * 5000])
    with pytest.raises(ReadError) as err:
        read_bytes(data, "a.docx", Settings(max_xml_part_bytes=10_000))
    assert err.value.code == "TOO_LARGE"


@pytest.mark.parametrize("make, name", [(docx_bytes, "a.docx"), (pdf_bytes, "a.pdf"),
                                        (lambda: SECRET.encode() * 100, "a.txt")])
def test_file_past_size_limit(make, name: str) -> None:
    with pytest.raises(ReadError) as err:
        read_bytes(make(), name, Settings(max_file_bytes=500))
    assert err.value.code == "TOO_LARGE"


def test_pdf_past_page_limit() -> None:
    with pytest.raises(ReadError) as err:
        read_bytes(make_pdf(pages=[["一"], ["二"], ["三"]]), "a.pdf", Settings(max_pages=2))
    assert err.value.code == "TOO_LARGE"


def test_owner_password_only_pdf_is_read() -> None:
    doc = read_bytes(make_pdf(pages=[[SECRET]], owner_password="owner"), "a.pdf", Settings())
    assert doc.text == SECRET


def test_html_with_text_named_html_reads() -> None:
    assert read_bytes(make_html("<p>正文</p>"), "a.html", Settings()).text == "正文"


def test_corrupted_member_is_unreadable() -> None:
    data = bytearray(make_docx(paragraphs=[SECRET * 50]))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + min(info.compress_size, 60)):
        data[i] ^= 0x5A
    with pytest.raises(ReadError) as err:
        read_bytes(bytes(data), "a.docx", Settings())
    assert err.value.code == "UNREADABLE"
