"""D8 process information, D9 enforcement in progress, D12 sensitive subjects: phrase tables."""
from __future__ import annotations

import pytest

from detectors.markers.enforcement import EnforcementDetector
from detectors.markers.pending_process import PendingProcessDetector
from detectors.markers.sensitive_subject import SensitiveSubjectDetector
from models import Document, Normalizer, SourceFormat

NORMALIZER = Normalizer()


def found(detector, text: str) -> list[str]:
    doc = Document(source="t.txt", sha256="0", format=SourceFormat.TXT, text=text)
    findings = detector.detect(doc, NORMALIZER(text))
    for f in findings:
        assert doc.text[f.start:f.end] == f.text and f.rules == [detector.rule]
    return [f.text for f in findings]


@pytest.mark.parametrize(("detector", "text", "expected"), [
    (PendingProcessDetector(), "该事件目前正在调查中，尚未作出处理决定。", ["正在调查中", "尚未作出处理决定"]),
    (PendingProcessDetector(), "相关责任待进一步调查后依法处理。", ["待进一步调查后"]),
    (PendingProcessDetector(), "会议研究了三项未决事项。", ["未决事项"]),
    (PendingProcessDetector(), "各部门要深入调查研究，正在研究制定实施细则。", []),
    (PendingProcessDetector(), "经调查核实，已依法作出处理决定。", []),
    (EnforcementDetector(), "我局拟于6月10日对辖区企业开展突击检查。", ["拟于6月10日对辖区企业开展突击检查"]),
    (EnforcementDetector(), "暗访路线附后，严格保密。", ["暗访路线"]),
    (EnforcementDetector(), "该案件正在侦办中，犯罪嫌疑人仍在逃。", ["案件正在侦办中", "犯罪嫌疑人仍在逃"]),
    (EnforcementDetector(), "2022年共开展突击检查36次，查处违法行为12起。", []),
    (SensitiveSubjectDetector(), "据初步统计，新增确诊病例12例。", ["新增确诊病例12例"]),
    (SensitiveSubjectDetector(), "某村发生非洲猪瘟疫情，已划定疫点。", ["发生非洲猪瘟疫情", "疫点"]),
    (SensitiveSubjectDetector(), "站址坐标：东经118.123456度", ["东经118.123456"]),
    (SensitiveSubjectDetector(), "以上为快报数据，未经正式发布的统计数据不得引用。", ["快报数据", "未经正式发布的统计数据"]),
    (SensitiveSubjectDetector(), "各地要做好疫情防控常态化工作。", []),
    (SensitiveSubjectDetector(), "统计数据以国家统计局发布为准。", []),
    # regulations that name the kinds of information (seeds 001, 002) are not such information themselves
    (PendingProcessDetector(), "（四）正在调查、讨论、处理过程中的信息，但法律、法规另有规定的除外；", []),
    (PendingProcessDetector(), "（九）正在调查、讨论、处理过程中的情况，公开后对当事人造成严重影响的；", []),
    (PendingProcessDetector(), "4.请示或涉及未决事项的文件。", []),
    (SensitiveSubjectDetector(), "发布重大动物疫情、重要地理信息数据、统计信息等政府信息，应当严格审查。", []),
    (PendingProcessDetector(), "经初步核实，该投诉事项正在调查中。", ["正在调查中"]),
])
def test_phrases(detector, text: str, expected: list[str]) -> None:
    assert found(detector, text) == expected
