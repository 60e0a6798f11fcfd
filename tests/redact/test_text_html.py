"""Plain text keeps encoding, BOM and line endings; HTML keeps its markup, escapes, loses hidden parts."""
from __future__ import annotations

import codecs

import pytest

from models import Category
from tests.read.builders import make_html

ID = "110101199003071234"
MOBILE = "13812345678"
NAME = "张伟华"
C = Category


@pytest.mark.parametrize("encoding,bom,newline", [
    ("utf-8", b"", "\n"), ("utf-8", codecs.BOM_UTF8, "\r\n"), ("gbk", b"", "\r\n"), ("big5", b"", "\n"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "\n"),
])
def test_txt_keeps_encoding_and_line_ends(encoding, bom, newline, redact):
    text = newline.join(["关于救助的通知", f"申请人張偉華，电话{MOBILE}。", "又：138 1234 5678。", "（此件脱密后公开）"])
    if encoding == "gbk":
        text = text.replace("張偉華", NAME)
    if encoding == "big5":
        import opencc
        text = opencc.OpenCC("s2t").convert(text)
    data = bom + text.encode(encoding)
    name_value = "張偉華" if "張偉華" in text else NAME
    public, verification, _ = redact(data, "t.txt", [(name_value, C.PERSON_NAME), (MOBILE, C.CN_PHONE)])
    assert verification.clean
    assert public.startswith(bom)
    out = public[len(bom):].decode(encoding)
    assert out.count(newline) == 3 and "138****5678" in out and MOBILE not in out and "1234 5678" not in out
    assert out.split(newline)[0] == text.split(newline)[0]


def test_txt_remove_lines(redact):
    data = "正文。\n附件：名单\n张三 110101199003071234\n".encode()
    public, verification, _ = redact(data, "x.txt", [], blocks=["line/2", "line/3"])
    assert public.decode() == "正文。\n" and verification.clean


def test_html_keeps_markup_and_escapes(redact):
    body = (f'<p class="a">联系人<b>张伟</b>华，电话<span>{MOBILE}</span>。</p>'
            f'<p title="经办人{NAME}">说明 &lt;script&gt; 与 a &amp; b</p>'
            f'<div style="display:none">暗藏 {ID} <a href="http://casino.example">x</a></div>'
            f'<!-- 内部备注 {NAME} --><input type="hidden" value="{ID}"><noscript>{NAME}</noscript>')
    data = make_html(body, head='<meta name="author" content="李四">')
    public, verification, result = redact(data, "p.html", [(NAME, C.PERSON_NAME), (MOBILE, C.CN_PHONE)])
    out = public.decode("utf-8")
    assert verification.clean, (verification.hits, verification.problems)
    assert '<p class="a">联系人<b>张**</b>，电话<span>138****5678</span>。</p>' in out
    assert 'title="经办人张**"' in out and "&lt;script&gt; 与 a &amp; b" in out
    assert ID not in out and "casino" not in out and "内部备注" not in out and "李四" not in out
    assert result.removed["hidden_elements"] == 5


def test_html_remove_block_by_xpath(redact):
    data = make_html("<p>正文。</p><p>附件：名单</p>")
    public, verification, _ = redact(data, "b.html", [], blocks=["/html/body/p[2]"])
    assert "附件" not in public.decode() and "<p>正文。</p>" in public.decode() and verification.clean
