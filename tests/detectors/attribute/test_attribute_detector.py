"""The attribute detector: ATTR_MISSING only for 公文, position from the structure's date, docx indent."""
from __future__ import annotations

import pytest

from detectors.attribute import AttributeNoteDetector, parse_declared
from detectors.attribute.dates import find_dates
from models import Block, Category, Document, Element, Normalizer, SourceFormat, Structure


@pytest.fixture(scope="module")
def normalizer() -> Normalizer:
    return Normalizer()


def detect(normalizer, text, **kw):
    doc = Document(source="t", sha256="", format=kw.pop("format", SourceFormat.TXT), text=text, **kw)
    findings = AttributeNoteDetector().detect(doc, normalizer(text))
    for f in findings:
        assert text[f.start:f.end] == f.text
    return [f.category for f in findings]


DATES = [
    ("2023年9月5日", "2023-09-05"), ("2023 年 9 月 15 日", "2023-09-15"), ("二〇二三年九月五日", "2023-09-05"),
    ("二○二○年十二月三十一日", "2020-12-31"), ("二O二三年十月二十日", "2023-10-20"), ("二零二四年一月十日", "2024-01-10"),
    ("2023年09月05曰", "2023-09-05"),
]


@pytest.mark.parametrize("text,iso", DATES)
def test_dates(text, iso):
    assert [d.iso for d in find_dates("落款" + text + "\n")] == [iso]


@pytest.mark.parametrize("text", ["2023-09-05", "2023年13月5日", "2023年9月", "12023年9月5日x", "第2023号"])
def test_not_dates(text):
    assert find_dates(text) == []


OFFICIAL = [
    "关于做好就业服务工作的通知\n各乡镇人民政府：\n　　现将有关事项通知如下。\n青石县人社局\n2023年9月5日\n",
    "青石县人社局文件\n青人社发〔2023〕5号\n关于调整补贴标准的通知\n正文。\n2023年9月5日\n",
    "关于申请资金的请示\n市人社局：\n妥否，请批示。\n县人社局\n2023年9月5日\n",
    "2023年政府工作报告\n各位代表：\n现在，我代表县人民政府作报告。\n",
]
NOT_OFFICIAL = [
    "我县举办春季招聘会\n发布时间：2023-02-15\n　　本报讯（记者 杨晓燕）2月14日，县人社局举办招聘会。\n",
    "县人社局开展根治欠薪宣传活动\n　　12月4日，县人社局在文化广场开展宣传活动。\n",
    "[定制] 用户名: 密码:\n依申请公开\n信息公开年度报告\n通辽市政务公开暂行办法\n第一条 为加强政务公开。\n",
    "青石县失业保险金申领办事指南\n一、办理条件：已缴纳失业保险费满一年。\n",
    "关于开展活动的通知\n　　本报讯（记者 王红）县人社局发出关于开展活动的通知。\n",
]


@pytest.mark.parametrize("text", OFFICIAL)
def test_missing_attribute_in_official_document(normalizer, text):
    assert detect(normalizer, text) == [Category.ATTR_MISSING]


@pytest.mark.parametrize("text", NOT_OFFICIAL)
def test_no_missing_attribute_for_articles(normalizer, text):
    assert detect(normalizer, text) == []


def test_structure_decides_official_when_filled(normalizer):
    text = "县人社局开展宣传活动\n　　12月4日，县人社局开展宣传活动。\n"
    title = Element(value="县人社局开展宣传活动", start=0, end=10)
    assert detect(normalizer, text, structure=Structure(is_official_document=True, title=title)) == [
        Category.ATTR_MISSING]
    assert detect(normalizer, OFFICIAL[0], structure=Structure(is_official_document=False, title=title)) == []


def test_structure_date_is_used_for_position(normalizer):
    # a dotted date the small matcher ignores: only the structure parser's 成文日期 shows the note is misplaced
    text = "关于X的通知\n各乡镇：\n" + "正文。" * 30 + "\n（此件主动公开）\n" + "更多正文。" * 5 + "\n县人社局\n2023.9.5\n"
    start = text.index("2023.9.5")
    date = Element(value="2023-09-05", start=start, end=start + 8)
    assert detect(normalizer, text) == []
    assert detect(normalizer, text, structure=Structure(is_official_document=True, date=date)) == [
        Category.ATTR_POSITION]


def _docx(text: str, note_indent: float | None, align: str | None = None, other_indent: float | None = 2.0):
    blocks, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        is_note = line.startswith("（此件")
        blocks.append(Block(start=pos, end=pos + len(line), kind="paragraph", ref=f"body/p/{i}",
                            location=f"第{i + 1}段", indent_chars=note_indent if is_note else other_indent,
                            alignment=align if is_note else None))
        pos += len(line) + 1
    return blocks


DOCX_TEXT = "关于X的通知\n各乡镇：\n正文。\n县人社局\n2023年9月5日\n（此件主动公开）"


@pytest.mark.parametrize("indent,align,other,codes", [
    (2.0, None, 2.0, []),
    (1.9, "left", 2.0, []),
    (0.0, None, 2.0, [Category.ATTR_POSITION]),
    (None, None, 2.0, [Category.ATTR_POSITION]),   # the reader gives indents, this paragraph has none
    (None, None, None, []),                         # the reader gives no indents at all: cannot judge
    (4.0, None, 2.0, [Category.ATTR_POSITION]),
    (2.0, "center", 2.0, [Category.ATTR_POSITION]),
])
def test_docx_two_character_indent(normalizer, indent, align, other, codes):
    blocks = _docx(DOCX_TEXT, indent, align, other)
    assert detect(normalizer, DOCX_TEXT, format=SourceFormat.DOCX, blocks=blocks) == codes


def test_txt_indent_not_judged(normalizer):
    assert detect(normalizer, DOCX_TEXT) == []


def test_parse_declared_none_without_note(normalizer):
    doc = Document(source="t", sha256="", format=SourceFormat.TXT, text=OFFICIAL[0])
    assert parse_declared(doc, normalizer(OFFICIAL[0])) is None
