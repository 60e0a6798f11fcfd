"""SECRET_MARKER: terms that mark this document, not sentences that mention the concept."""
from __future__ import annotations

import pytest

from detectors.secrets.secret_marker import INSTRUCTION, TERMS, SecretMarkerDetector
from models import Category, Document, Normalizer, SourceFormat

NORMALIZER = Normalizer()
DETECTOR = SecretMarkerDetector()


def found(text: str) -> list[str]:
    doc = Document(source="t.txt", sha256="0", format=SourceFormat.TXT, text=text)
    findings = DETECTOR.detect(doc, NORMALIZER(text))
    for f in findings:
        assert doc.text[f.start:f.end] == f.text and f.category is Category.SECRET_MARKER
    return [f.text for f in findings]


@pytest.mark.parametrize(("text", "expected"), [
    ("内部资料 注意保存\n关于……的情况汇报", ["内部资料", "注意保存"]),
    ("【工作秘密】\n会议纪要", ["工作秘密"]),
    ("关于2023年工作安排的通知（内部资料）\n各科室：", ["内部资料"]),
    ("（内部传阅，不得外传）", ["内部传阅", "不得外传"]),
    ("本简报仅供内部参考，不得外传。", ["仅供内部参考", "不得外传"]),
    ("此件属于工作秘密，请妥善保管。", ["工作秘密"]),
    ("本材料涉及商业秘密，请勿外传。", ["商业秘密", "请勿外传"]),
    ("內部資料\n繁體標題", ["內部資料"]),
    ("正文……\n注意保密", ["注意保密"]),
    ("各单位要严格落实保密纪律，行动部署情况不得外传，严防跑风漏气。", ["不得外传"]),  # about this document's matter
    # near misses: the concept mentioned in prose
    ("各单位要加强内部控制制度建设，完善内部管理。", []),
    ("全体干部要严格保守工作秘密，不得泄露国家秘密。", []),
    ("涉及国家秘密的文件不得外传，要注意保密。", []),
    ("涉及商业秘密、个人隐私的政府信息，不予公开。", []),
    ("本通知所称工作秘密，是指……", []),
    ("本办法自发布之日起施行。", []),
    ("此件涉及工作秘密的部分已删除", []),
    ("第五条 档案材料一律不得外传。", []),                                        # a general rule
    ("工作人员应当妥善保管文件，不得外传。", []),
])
def test_secret_marker(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_every_instruction_word_is_a_term() -> None:
    """The detector returns at once for a text without a term: an instruction must be a term too."""
    assert set(INSTRUCTION.pattern.split("|")) <= set(TERMS)
