"""UPWARD_REQUEST (D5) and CONSULTATION (D6): from the title, 主送 and closing formulas in the text."""
from __future__ import annotations

import pytest

from detectors.markers.consultation import ConsultationDetector
from detectors.markers.upward_request import UpwardRequestDetector
from models import Category, Document, Element, Normalizer, SourceFormat, Structure

NORMALIZER = Normalizer()


def found(detector, text: str, structure: Structure | None = None) -> list[str]:
    doc = Document(source="t.txt", sha256="0", format=SourceFormat.TXT, text=text, structure=structure)
    findings = detector.detect(doc, NORMALIZER(text))
    for f in findings:
        assert doc.text[f.start:f.end] == f.text and f.rules
    return [f.text for f in findings]


REQUEST = "关于申请追加2023年防汛经费的请示\n市人民政府：\n我局……。\n妥否，请批示。\n镇江市水利局\n2023年5月6日"
REPORT_UP = "关于2022年度安全生产工作情况的报告\n市委、市政府：\n现将有关情况报告如下。\n……\n特此报告。\n某局\n2023年1月5日"


@pytest.mark.parametrize(("text", "expected"), [
    (REQUEST, ["关于申请追加2023年防汛经费的请示"]),
    (REPORT_UP, ["关于2022年度安全生产工作情况的报告"]),
    ("关于某某问题的報告\n縣人民政府：\n……\n特此報告。", ["关于某某问题的報告"]),
    ("（无标题的上报材料）\n……以上意见当否，请批示。", ["当否，请批示"]),
    ("关于……的情况汇报\n……\n特此报告。", ["特此报告"]),
    # near misses: reports to the public, 请示 in prose
    ("某市人民政府2022年政府信息公开工作年度报告\n根据《条例》……", []),
    ("政府工作报告\n——2023年1月10日在市第十七届人民代表大会第二次会议上\n各位代表：", []),
    ("关于印发《重大事项请示报告制度》的通知\n各科室：\n现将制度印发给你们。", []),
    ("各单位要严格执行请示报告制度，重大事项及时向上级请示报告。", []),
    ("关于开展调查研究的报告\n……调查发现……", []),   # a 报告 with neither 主送 nor closing formula
])
def test_upward_request(text: str, expected: list[str]) -> None:
    assert found(UpwardRequestDetector(), text) == expected


def test_upward_request_uses_structure_title() -> None:
    text = "市政府：\n某某事项的请示件\n……"
    structure = Structure(title=Element(value="某某事项的请示件", start=5, end=13), doc_type="请示")
    assert found(UpwardRequestDetector(), text, structure) == ["某某事项的请示件"]


@pytest.mark.parametrize(("text", "expected"), [
    ("关于征求《某某办法（征求意见稿）》意见的函\n市财政局：\n现将……送你局征求意见。",
     ["关于征求《某某办法（征求意见稿）》意见的函"]),
    ("关于对《某某规划》修改意见的复函\n市发展改革委：\n……", ["关于对《某某规划》修改意见的复函"]),
    ("市自然资源局：\n你局《关于征求某某方案意见的函》收悉。经研究，我局无修改意见。",
     ["你局《关于征求某某方案意见的函》收悉"]),
    ("……现将我局意见函复如下：", ["现将我局意见函复如下"]),
    # near misses: public consultation, 意见 as a 文种
    ("关于公开征求《某某条例（征求意见稿）》意见的公告\n为广泛听取社会公众意见……", []),
    ("关于进一步加强政务公开工作的意见\n各县（市、区）人民政府：", []),
    ("关于向社会征求2024年民生实事项目意见的通知", []),
])
def test_consultation(text: str, expected: list[str]) -> None:
    findings = found(ConsultationDetector(), text)
    assert findings == expected


def test_categories() -> None:
    doc = Document(source="t", sha256="0", format=SourceFormat.TXT, text=REQUEST)
    (f,) = UpwardRequestDetector().detect(doc, NORMALIZER(REQUEST))
    assert f.category is Category.UPWARD_REQUEST and f.rules == ["D5"]
