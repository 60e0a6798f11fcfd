"""Through the real Reviewer: ids f1…fn survive the pipeline, redact ids exist, offsets hold, reasons read."""
from __future__ import annotations

from models import Attribute, Category, Decision

NOTICE = ("关于对一起违规申领失业保险金问题处理情况的通报\n各乡镇社会保障服务中心：\n"
          "　　当事人赵某某（身份证号码：150102197806252315）在已就业的情况下继续申领失业保险金5个月。\n"
          "青石县人力资源和社会保障局\n2023年9月12日\n（此件主动公开）\n")
QINGSHI = ("关于申请追加就业补助资金的请示\n云川市人力资源和社会保障局：\n　　现申请追加资金120万元。\n　　妥否，请批示。\n"
           "青石县人力资源和社会保障局\n2023年9月5日\n（此件主动公开）\n")


def test_report_ids_and_redact_list(reviewer):
    report = reviewer.review_bytes(NOTICE.encode(), "notice.txt")
    assert report.error is None
    ids = [f.id for f in report.findings]
    assert ids == [f"f{i}" for i in range(1, len(ids) + 1)]
    s = report.suggestion
    assert s.attribute is Attribute.AFTER_REDACTION and s.conflicts_with_declared
    assert s.redact and set(s.redact) <= set(ids)
    assert any(f.category is Category.CN_ID_CARD and f.id in s.redact for f in report.findings)
    for f in report.findings:
        assert report.span_text(f.part, f.start, f.end) == f.text


def test_report_to_superior_declared_public_is_a_conflict(reviewer):
    report = reviewer.review_bytes(QINGSHI.encode(), "qingshi.txt")
    d = report.declared_attribute
    assert d is not None and d.value is Attribute.PROACTIVE and d.raw == "（此件主动公开）"
    s = report.suggestion
    assert s.attribute is Attribute.NOT_DISCLOSED and "D5" in s.rules and s.conflicts_with_declared
    assert "第二条（一）" in s.reasons[0] and "不予公开" in s.reasons[0]
    assert report.decision is Decision.REVIEW
    assert any(f.category is Category.ATTR_CONFLICT and f.text == "（此件主动公开）" for f in report.findings)
