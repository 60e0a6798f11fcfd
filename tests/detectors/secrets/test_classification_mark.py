"""CLASSIFICATION_MARK: marks in the 版头 and as stamps; not the word in prose or a law's name."""
from __future__ import annotations

import pytest

from detectors.secrets.classification_mark import ClassificationMarkDetector
from models import Action, Category, Document, Element, Normalizer, Severity, SourceFormat, Structure

NORMALIZER = Normalizer()
DETECTOR = ClassificationMarkDetector()


def found(text: str, structure: Structure | None = None) -> list[str]:
    doc = Document(source="t.txt", sha256="0", format=SourceFormat.TXT, text=text, structure=structure)
    findings = DETECTOR.detect(doc, NORMALIZER(text))
    for f in findings:
        assert doc.text[f.start:f.end] == f.text
        assert f.category is Category.CLASSIFICATION_MARK and f.action is Action.BLOCK
        assert f.severity is Severity.CRITICAL and "S1" in f.rules
    return [f.text for f in findings]


@pytest.mark.parametrize(("text", "expected"), [
    # positives: 版头 marks with periods, stamps anywhere, variants
    ("000123\n秘密★1年\n特急\n镇江市人民政府文件", ["秘密★1年"]),
    ("机密★5年\n关于……的通知", ["机密★5年"]),
    ("绝密★长期\n关于……的报告", ["绝密★长期"]),
    ("秘密★6个月\n正文", ["秘密★6个月"]),
    ("正文第一段。\n……\n（盖章）机密★\n2023年1月1日", ["机密★"]),
    ("秘密 ★ 1 年\n正文", ["秘密 ★ 1 年"]),
    ("祕密★1年\n繁體正文", ["祕密★1年"]),                 # Traditional 祕 folds to 秘
    ("秘密☆3年\n正文", ["秘密☆3年"]),
    ("000001\n秘密\n某某县人民政府文件", ["秘密"]),       # a bare level alone in the 版头
    ("密级：机密\n份数：20", ["机密"]),
    ("附件1正文……内容（秘密★1年）", ["秘密★1年"]),
    # negatives and near misses
    ("根据《中华人民共和国保守国家秘密法》，各单位要保守国家秘密。", []),
    ("全体干部要严格保守工作秘密，不得泄露。", []),
    ("涉密文件按秘密、机密、绝密三个等级管理。", []),
    ("文件首页左上角标注“秘密★1年”字样。", []),         # an example in quotes
    ("关于……的通知\n正文……\n\n\n\n\n\n\n秘密\n结尾", []),   # a bare level far below the 版头 is prose
    ("密级：□秘密 □机密 □绝密", []),                      # an empty form
    ("商业秘密和个人隐私不予公开。", []),
])
def test_classification_mark(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_structure_classification_is_used_when_present() -> None:
    text = "份号000001 秘密一年 特急\n正文"
    structure = Structure(classification=Element(value="秘密一年", start=9, end=13))
    assert found(text, structure) == ["秘密一年"]
