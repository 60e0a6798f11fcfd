"""The 附注 finder: every wording variant and placement, and prose mentions that are not declarations."""
from __future__ import annotations

import pytest

from detectors.attribute import parse_declared
from models import Attribute, Document, Normalizer, SourceFormat

P, R, N, T = Attribute.PROACTIVE, Attribute.ON_REQUEST, Attribute.NOT_DISCLOSED, Attribute.AFTER_REDACTION
HEAD = "关于做好就业服务工作的通知\n各乡镇人民政府：\n　　现将有关事项通知如下。\n青石县人力资源和社会保障局\n"
DATE = "2023年9月5日\n"


@pytest.fixture(scope="module")
def normalizer() -> Normalizer:
    return Normalizer()


def declared(normalizer: Normalizer, text: str):
    doc = Document(source="t.txt", sha256="", format=SourceFormat.TXT, text=text)
    return parse_declared(doc, normalizer(text))


WORDINGS = [  # (附注 as written, value, reason)
    ("（此件主动公开）", P, None),
    ("（此件公开发布）", P, None),
    ("（此件依申请公开，理由：涉及个人隐私）", R, "涉及个人隐私"),
    ("（此件可依申请公开，理由：机关内部事务）", R, "机关内部事务"),
    ("（此件不予公开，理由：报上级机关的请示）", N, "报上级机关的请示"),
    ("（此件不公开；原因：内部管理）", N, "内部管理"),
    ("（此件脱密后公开）", T, None),
    ("(此件主动公开)", P, None),
    ("( 此件 主动公开 )", P, None),
    ("（此 件 主 动 公 开）", P, None),
    ("（　此件公开发布　）", P, None),
    ("（此件主動公開）", P, None),
    ("（此件不予公開，理由：報上級機關的請示）", N, "報上級機關的請示"),
    ("（本件主动公开）", P, None),
    ("（此文件主动公开）", P, None),
    ("（此件不予公开 理由：党委文件）", N, "党委文件"),
]


@pytest.mark.parametrize("note,value,reason", WORDINGS)
def test_wording_variants(normalizer, note, value, reason):
    text = HEAD + DATE + note + "\n"
    d = declared(normalizer, text)
    assert d is not None and d.value is value and d.reason == reason
    assert d.raw == note and text[d.start:d.end] == note
    assert d.problems == []


PLACEMENTS = [  # (text, raw found, problem codes)
    (HEAD + DATE + "（此件主动公开）\n", "（此件主动公开）", []),
    (HEAD + DATE + "\n\n（此件主动公开）\n附件：1.名单\n", "（此件主动公开）", []),
    ("关于X的通知 各乡镇：现将方案印发给你们。青石县人民政府2023年9月5日（此件公开发布）青石县方案 一、目标。",
     "（此件公开发布）", []),
    (HEAD + DATE + "— 3 —（此件主动公开）\n", "（此件主动公开）", []),
    (HEAD + DATE + "第3页 共4页\n（此件主动公开）\n", "（此件主动公开）", []),
    (HEAD + DATE + "（此页无正文）\n（此件主动公开）\n", "（此件主动公开）", []),
    (HEAD + "二〇二三年九月五日\n（此件主动公开）\n", "（此件主动公开）", []),
    (HEAD + "二Ｏ二三年九月五日\n（此件主动公开）\n", "（此件主动公开）", []),
    (HEAD + "2023 年 9 月 5 日\n（此件主动公开）\n", "（此件主动公开）", []),
    ("（此件主动公开）\n" + HEAD + DATE, "（此件主动公开）", ["ATTR_POSITION"]),
    (HEAD + "（此件主动公开）\n二Ｏ二三年九月五 日\n", "（此件主动公开）", ["ATTR_POSITION"]),
    (HEAD.rstrip("\n") + "（此件主动公开）\n" + DATE, "（此件主动公开）", ["ATTR_POSITION"]),
    (HEAD + DATE + "抄送：县政府办公室。\n（此件主动公开）\n", "（此件主动公开）", ["ATTR_POSITION"]),
    (HEAD + DATE + "此件主动公开\n", "此件主动公开", ["ATTR_INVALID"]),
    (HEAD + DATE + "附注：此件主动公开\n", "此件主动公开", ["ATTR_INVALID"]),
    (HEAD + DATE + "【此件主动公开】\n", "【此件主动公开】", ["ATTR_INVALID"]),
    (HEAD + DATE + "（此件内部发行）\n", "（此件内部发行）", ["ATTR_INVALID"]),
    (HEAD + DATE + "（此件不予公开）\n", "（此件不予公开）", ["ATTR_REASON_MISSING"]),
    (HEAD + DATE + "（此件依申请公开）\n", "（此件依申请公开）", ["ATTR_REASON_MISSING"]),
    (HEAD + DATE + "（此件依申请公开）\n理由：机关内部事务\n", "（此件依申请公开）", []),
    (HEAD + DATE + "（此件不予公开）不予公开理由：报上级的请示\n", "（此件不予公开）", []),
    ("（此件不予公开）\n" + HEAD + DATE + "（此件主动公开）\n", "（此件主动公开）", ["ATTR_INVALID"]),
    (HEAD + DATE + "（此件不予公开，理由：涉及正在研究讨论、尚未决定的\n事项）\n分送：各部门。\n",
     "（此件不予公开，理由：涉及正在研究讨论、尚未决定的\n事项）", []),                      # wrapped in a PDF
    (HEAD + DATE + "（此件主动公开\n", "（此件主动公开", ["ATTR_INVALID"]),              # unclosed bracket
]


@pytest.mark.parametrize("text,raw,codes", PLACEMENTS)
def test_placements(normalizer, text, raw, codes):
    d = declared(normalizer, text)
    assert d is not None and d.raw == raw and text[d.start:d.end] == raw
    assert [p.code for p in d.problems] == codes


NOT_DECLARATIONS = [
    "第四条 在附注位置加括号“此件主动公开”、“此件依申请公开”或“此件不予公开”。",
    "请在成文日期下一行标注（此件主动公开）字样。",
    "标注为（此件主动公开）的公文，由办公室统一发布。",
    "此件主动公开后，各单位应及时转载。",
    HEAD + DATE,
    "依申请公开\n信息公开年度报告\n主动公开目录",
]


@pytest.mark.parametrize("text", NOT_DECLARATIONS)
def test_mentions_are_not_declarations(normalizer, text):
    assert declared(normalizer, text) is None


def test_first_well_placed_note_wins_over_attachment(normalizer):
    text = (HEAD + DATE + "（此件主动公开）\n云川市人社局关于X的通知\n各县局：\n正文。\n云川市人社局\n"
            "2023年8月1日\n（此件依申请公开，理由：内部）\n")
    d = declared(normalizer, text)
    assert d is not None and d.value is P and d.start == text.index("（此件主动公开）")


def test_zero_width_characters_keep_offsets(normalizer):
    text = HEAD + DATE + "（此\u200b件主动公开）\n"
    d = declared(normalizer, text)
    assert d is not None and d.value is P and text[d.start:d.end] == "（此\u200b件主动公开）"
