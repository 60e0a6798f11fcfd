"""HTML: visible text and blocks, hidden elements and 暗链 as hidden parts, charset, metadata."""
from __future__ import annotations

import pytest

from mishen.read import read_bytes
from mishen.settings import Settings
from models import Document, HiddenKind
from tests.read.builders import make_html
from tests.read.checks import assert_document_ok

SETTINGS = Settings()


def read(data: bytes, name: str = "page.html") -> Document:
    doc = read_bytes(data, name, SETTINGS)
    assert_document_ok(doc)
    return doc


def hidden(doc: Document) -> list:
    return [p for p in doc.hidden_parts if p.kind is HiddenKind.HTML_HIDDEN]


def test_blocks_breaks_entities_and_whitespace() -> None:
    doc = read(make_html("<div>首页 &gt; 通知公告</div>\n<p>  关于&nbsp;2020年9月15日\n 的通知<br>第二行</p>"
                         "<ul><li>一</li><li>二</li></ul><pre>  a   b\n  c</pre>"))
    assert doc.text == "首页 > 通知公告\n关于 2020年9月15日 的通知\n第二行\n一\n二\n  a   b\n  c"
    assert [(b.kind, b.location, b.ref) for b in doc.blocks][:2] == [
        ("paragraph", "第1段", "/html/body/div"), ("paragraph", "第2段", "/html/body/p")]


def test_table_cells() -> None:
    doc = read(make_html("<table><tr><th>姓名</th><th colspan='2'>电话</th><th>备注</th></tr>"
                         "<tr><td>张三</td><td>1</td><td>2</td><td>无</td></tr></table>"))
    assert [(b.kind, b.location, doc.text[b.start:b.end]) for b in doc.blocks] == [
        ("table_cell", "表1第1行第1列", "姓名"), ("table_cell", "表1第1行第2列", "电话"),
        ("table_cell", "表1第1行第4列", "备注"), ("table_cell", "表1第2行第1列", "张三"),
        ("table_cell", "表1第2行第2列", "1"), ("table_cell", "表1第2行第3列", "2"),
        ("table_cell", "表1第2行第4列", "无")]


def test_style_dropped_and_inline_script_kept_as_a_source_part() -> None:
    doc = read(make_html("<p>正文</p><script>var a='脚本';</script><style>p{color:red}</style>"
                         "<script src='/app.js'></script>"))
    assert doc.text == "正文"
    (part,) = [p for p in doc.hidden_parts if p.kind is HiddenKind.HTML_SCRIPT]
    assert part.id == "html_script/1" and part.document.text == "var a='脚本';"
    assert not [p for p in doc.hidden_parts if p.kind is HiddenKind.HTML_HIDDEN]


HIDING = [
    ('style="display:none"', "display:none"),
    ('style="DISPLAY: NONE !important"', "display:none"),
    ('style="visibility:hidden"', "visibility:hidden"),
    ('style="opacity:0"', "opacity:0"),
    ('style="font-size:0px"', "font-size:0"),
    ('style="height:0;overflow:hidden"', "size:0"),
    ('style="position:absolute;left:-9999px"', "off-screen"),
    ('style="text-indent:-9999em"', "text-indent"),
    ("hidden", "hidden"),
    ('class="hide"', "display:none"),            # from the <style> rule
    ('id="dark"', "off-screen"),
]


@pytest.mark.parametrize("attr, why", HIDING)
def test_hidden_element_becomes_a_part_with_its_links(attr: str, why: str) -> None:
    head = "<style>.hide{display:none} #dark { position:absolute; top:-800px }</style>"
    doc = read(make_html(f'<p>正文</p><div {attr}><a href="http://casino.example.com/">在线博彩</a></div>',
                         head=head))
    assert doc.text == "正文"
    [part] = hidden(doc)
    assert part.document.text == "在线博彩"
    assert part.attrs["why"] == why and part.attrs["href"] == "http://casino.example.com/"
    assert part.attrs["external"] == "true"
    assert part.location == f"第1段后的隐藏内容（{why}）"


@pytest.mark.parametrize("attr", [
    'style="display:block"', 'style="height:0"', 'style="position:absolute;left:10px"', 'aria-hidden="true"',
    'class="hidden-xs"', 'style="opacity:0.5"', 'style="text-indent:2em"'])
def test_near_misses_stay_visible(attr: str) -> None:
    doc = read(make_html(f'<div {attr}>可见文字</div>', head="<style>.hide{display:none}</style>"))
    assert doc.text == "可见文字" and not hidden(doc)


def test_inline_hidden_span_inside_paragraph() -> None:
    doc = read(make_html('<p>联系电话<span style="display:none">13800000000</span>见附件</p>'))
    assert doc.text == "联系电话见附件"
    assert hidden(doc)[0].location == "第1段中的隐藏内容（display:none）"


def test_link_to_own_site_is_not_external() -> None:
    doc = read(make_html('<div style="display:none"><a href="https://www.gov.example.cn/a">旧链接</a></div><p>正文</p>',
                         head='<link rel="canonical" href="https://www.gov.example.cn/index.html">'))
    assert hidden(doc)[0].attrs["external"] == "false"


def test_empty_hidden_link_still_reported_by_its_target() -> None:
    doc = read(make_html('<p>正文</p><div style="display:none"><a href="http://spam.example.com/"></a></div>'))
    assert hidden(doc)[0].document.text == "http://spam.example.com/"


def test_comments_noscript_hidden_inputs() -> None:
    doc = read(make_html('<p>正文</p><!-- 经办人：李四 13800000000 --><noscript>请启用脚本</noscript>'
                         '<input type="hidden" name="t" value="token-123">'))
    assert [(p.attrs["why"], p.document.text) for p in hidden(doc)] == [
        ("comment", "经办人：李四 13800000000"), ("noscript", "请启用脚本"), ("hidden input", "token-123")]
    assert doc.text == "正文"


@pytest.mark.parametrize("encoding, charset", [("gb18030", "gb2312"), ("gbk", "gbk"), ("big5", "big5"),
                                               ("utf-8", "utf-8"), ("gb18030", None)])
def test_charsets(encoding: str, charset: str | None) -> None:
    text = "關於做好防汛工作的通知，請各單位認真貫徹落實" if encoding == "big5" \
        else "关于做好防汛工作的通知，请各单位认真贯彻落实"
    doc = read(make_html(f"<p>{text}</p>", charset=charset, encoding=encoding))
    assert doc.text == text


def test_title_and_meta() -> None:
    doc = read(make_html("<p>正文</p>", title="关于张三的通知",
                         head='<meta name="description" content="内部资料"><meta name="keywords" content="秘密,防汛">'))
    assert doc.metadata["title"] == "关于张三的通知" and doc.metadata["keywords"] == "秘密,防汛"
    meta = {p.id: p.document.text for p in doc.hidden_parts if p.kind is HiddenKind.METADATA}
    assert meta == {"meta/html/title": "关于张三的通知", "meta/html/description": "内部资料",
                    "meta/html/keywords": "秘密,防汛"}


def test_xhtml_with_xml_declaration() -> None:
    data = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
            "<p>正文</p></body></html>").encode()
    assert read(data, "a.htm").text == "正文"
