"""DRAFT_STATUS (D8), PARTY_DOCUMENT (D10), PURE_FORWARD (A6), personnel/case (D13)."""
from __future__ import annotations

import pytest

from detectors.markers.draft_status import DraftStatusDetector
from detectors.markers.party_document import PartyDocumentDetector
from detectors.markers.personnel_case import PersonnelCaseDetector
from detectors.markers.pure_forward import PureForwardDetector
from models import Document, Normalizer, SourceFormat

NORMALIZER = Normalizer()


def found(detector, text: str) -> list[tuple[str, list[str]]]:
    doc = Document(source="t.txt", sha256="0", format=SourceFormat.TXT, text=text)
    findings = detector.detect(doc, NORMALIZER(text))
    for f in findings:
        assert doc.text[f.start:f.end] == f.text
    return [f.text for f in findings]


@pytest.mark.parametrize(("text", "expected"), [
    ("某某管理办法\n（讨论稿）\n第一条 为了……", ["讨论稿"]),
    ("关于印发某某实施方案的通知（征求意见稿）\n各科室：", ["征求意见稿"]),
    ("某某条例（送审稿）\n第一章 总则", ["送审稿"]),
    ("草稿\n关于……的通知", ["草稿"]),
    ("某某规划【未定稿】", ["未定稿"]),
    # near misses: another document's draft named in 《》, public consultation, prose
    ("关于征求《某某办法（征求意见稿）》意见的函\n市财政局：", []),
    ("关于公开征求意见的公告\n附件：某某办法（征求意见稿）", []),
    ("会议讨论了草稿的主要内容并提出修改意见，形成了新的版本，现印发执行。", []),
    ("本办法自2023年1月1日起施行。", []),
])
def test_draft_status(text: str, expected: list[str]) -> None:
    assert found(DraftStatusDetector(), text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("中共镇江市委员会文件\n镇委发〔2023〕5号\n关于加强……的意见", ["中共镇江市委员会文件"]),
    ("中共某某县委办公室\n关于……的通知\n各乡镇党委：\n……\n中共某某县委办公室\n2023年3月1日", ["中共某某县委办公室"]),
    ("关于……的通知\n各单位：\n……。\n中共某某市人力资源和社会保障局党组\n2023年3月1日",
     ["中共某某市人力资源和社会保障局党组"]),
    ("某某局文件\n某党组发〔2023〕2号\n关于……的决定", ["某党组发〔2023〕2号"]),
    # exception and near misses
    ("中共某县委员会\n关于县委常委领导班子成员工作分工的通知", []),
    ("关于……的通知\n各单位：\n在中共某某市委的坚强领导下，全市……。\n某某市人民政府\n2023年3月1日", []),
    ("某某市人民政府文件\n某政发〔2023〕1号\n关于……的通知", []),
])
def test_party_document(text: str, expected: list[str]) -> None:
    assert found(PartyDocumentDetector(), text) == expected


FORWARD = ("关于转发《省人社厅关于做好……的通知》的通知\n各辖市、区人社局：\n"
           "现将《省人社厅关于做好……的通知》转发给你们，请认真贯彻执行。\n镇江市人力资源和社会保障局\n2023年3月1日\n"
           "省人社厅关于做好……的通知\n各设区市人社局：……")
FORWARD_WITH_OWN = ("关于转发《省人社厅关于做好……的通知》的通知\n各辖市、区人社局：\n"
                    "现将《省人社厅关于做好……的通知》转发给你们，并提出以下要求：\n一、加强组织领导。……\n"
                    "二、……\n镇江市人力资源和社会保障局\n2023年3月1日")


@pytest.mark.parametrize(("text", "expected"), [
    (FORWARD, ["关于转发《省人社厅关于做好……的通知》的通知"]),
    (FORWARD_WITH_OWN, []),
    ("关于印发《2020年政务公开工作实施方案》的通知\n各处室：\n现将《2020年政务公开工作实施方案》印发给你们，请抓好贯彻落实。", []),
])
def test_pure_forward(text: str, expected: list[str]) -> None:
    assert found(PureForwardDetector(), text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("关于张三等同志职务任免的通知\n各科室：\n经研究……\n某某县交通运输局\n2023年1月1日", ["关于张三等同志职务任免的通知"]),
    ("关于某某违纪案件的通报\n各单位：\n……\n某某县教育局\n2023年1月1日", ["关于某某违纪案件的通报"]),
    ("中共某某县纪律检查委员会\n关于3起违纪违法典型案例的通报", []),
    ("关于李四同志任职的通知\n……\n中共某某县委组织部\n2023年1月1日", []),
    ("关于开展安全生产检查的通知\n各单位：", []),
])
def test_personnel_case(text: str, expected: list[str]) -> None:
    assert found(PersonnelCaseDetector(), text) == expected
