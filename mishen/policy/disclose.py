"""Rules for what is published: D1–D3 (主动公开), A5 with separable personal data (脱密后公开; access secrets
(S3) are in mishen.policy.access), and the subjects that need strict review or another publisher
whatever the attribute (D12, D13)."""
from __future__ import annotations

import regex

from mishen.policy.document import DocFacts
from mishen.policy.hits import FROM_FINDING, FROM_TEXT, Hit, first
from models import Action, Attribute, Category, Finding, Group

PUBLIC = Attribute.PROACTIVE
LABELS = {
    Category.PERSON_NAME: "个人姓名", Category.CN_ID_CARD: "居民身份证号码", Category.CN_PHONE: "个人电话号码",
    Category.EMAIL: "个人电子邮箱", Category.BANK_CARD: "银行卡号", Category.CN_PASSPORT: "证件号码",
    Category.ADDRESS: "家庭住址", Category.LICENSE_PLATE: "车牌号码", Category.SENSITIVE_PERSONAL: "敏感个人信息",
    Category.CREDENTIAL: "账号口令、密钥等访问凭据", Category.INTERNAL_NETWORK: "内部网络地址",
}
_ID = regex.compile(r"(?<![0-9A-Za-z])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]"
                    r"(?![0-9A-Za-z])")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def public_interest(f: DocFacts, public_consultation: bool) -> list[Hit]:
    """D2 (公告, 通告, 公示, public consultation, recruitment) and D1 (citizens' vital interests)."""
    hits = []
    if public_consultation:
        hits.append(Hit("D2", PUBLIC, "向社会公开征求意见", 0.92))
    elif word := next((w for w in ("公告", "通告", "公示", "公开招聘", "招聘", "招考", "听证", "征集") if w in f.title), None):
        hits.append(Hit("D2", PUBLIC, f"为面向社会发布的{word}", FROM_TEXT))
    if word := first(r"补贴|补助|救助|社会保险|养老保险|医疗保险|失业保险|工伤|就业|创业|最低工资|工资|职业技能|培训|资助|低保|"
                     r"惠民|减免|收费|价格|征收|安置|资金|社保|医保|住房|教育|入学|通报", f.title):
        hits.append(Hit("D1", PUBLIC, word, FROM_TEXT - 0.03))
    return hits


def _counts(findings: list[Finding]) -> str:
    counts: dict[str, int] = {}
    for x in findings:
        label = LABELS.get(x.category, x.category.value)
        counts[label] = counts.get(label, 0) + 1
    return "、".join(f"{label}{n}处" for label, n in counts.items())


def _rules_of(findings: list[Finding]) -> list[str]:
    return sorted({r for x in findings for r in x.rules if r[:1] in "PS"})


def _valid_id(number: str) -> bool:
    total = sum(int(c) * w for c, w in zip(number[:17], _WEIGHTS))
    return "10X98765432"[total % 11] == number[17].upper()


def separable(f: DocFacts) -> list[Hit]:
    """A5: personal data the public version must lose (the findings to redact)."""
    hits = []
    personal = [x for x in f.main_findings if x.group is Group.PERSONAL_DATA and x.action is Action.REDACT]
    if personal:
        hits.append(Hit("A5", Attribute.AFTER_REDACTION, _counts(personal), FROM_FINDING,
                        cites=_rules_of(personal), findings=personal))
    elif not any(x.group is Group.PERSONAL_DATA for x in f.findings):
        ids = [m.group(0) for m in _ID.finditer(f.text) if _valid_id(m.group(0))]
        if ids:  # no personal-data detector answered: still see unmasked ID numbers
            hits.append(Hit("A5", Attribute.AFTER_REDACTION, f"未遮盖的居民身份证号码{len(ids)}处", FROM_TEXT,
                            cites=["P2"]))
    return hits  # access secrets (S3) are weighed in mishen.policy.access


def strict_review(f: DocFacts) -> list[Hit]:
    """D12 (疫情, 农产品质量安全, 地理信息, 统计信息) and D13 (人事任免, 案件通报 by other bodies)."""
    hits = []
    marked = [x for x in f.main_findings if "D12" in x.rules]
    word = first(r"传染病疫情|动物疫情|疫情|非洲猪瘟|禽流感|农产品质量安全|地理信息|测绘成果|统计数据|统计公报|统计信息", f.title)
    if marked or word:
        what = f"涉及{word}" if word else "涉及须严格审查的敏感事项"
        hits.append(Hit("D12", None, what, FROM_FINDING if marked else FROM_TEXT, findings=marked))
    marked = [x for x in f.main_findings if "D13" in x.rules]
    word = first(r"任免|任职|免职|任前公示|案件通报|违纪违法|典型案例|问责情况|处分决定", f.title)
    publisher = regex.search(r"纪委|监委|纪检|监察|组织部|人事|人力资源和社会保障|人社", f.issuer_lines + f.title)
    if marked or (word and not publisher):  # a marker detector judges the publisher itself
        what = f"涉及{word}" if word else "涉及人事任免或案件通报"
        hits.append(Hit("D13", None, what, FROM_FINDING if marked else FROM_TEXT, findings=marked))
    return hits
