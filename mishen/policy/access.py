"""S3 in the attribute: credentials and internal network addresses (RULES §5) are either the substance of
an internal notice (不予公开, with D4 and A5 "where it is the substance") or a stray, separable item of a
document that is otherwise public (脱密后公开, the item removed).

Substance vs separable is decided by counted signals, never by a document's wording as a whole:

- ``topic``   the title names an internal information system or access (系统, 平台, 内网, 账号, 密码, OA …),
              or a D4 rule (机关内部事务 title, 内部资料 marker) already applies;
- ``inward``  the 主送机关 are the agency's own bodies or staff (各科室, 局属各单位, 全体干部职工, 各乡镇, 县直各 …);
- ``many``    at least ``MANY`` access findings (credentials and intranet addresses together);
- ``share``   at least ``SHARE`` of the body's sentences carry one.

A document addressed to the public (公告, 通告, 公示, a public consultation, 主送 社会各界 / 广大市民) is
never withheld for them: its access items are separable. Otherwise two signals make them the substance;
so does one password in a document D4 already calls internal (the earlier rule, kept).
"""
from __future__ import annotations

import regex

from mishen.policy.document import DocFacts
from mishen.policy.hits import FROM_FINDING, Hit
from models import Action, Attribute, Category, Finding

ACCESS = (Category.CREDENTIAL, Category.INTERNAL_NETWORK)
MANY = 3
SHARE = 0.25
MIN_SIGNALS = 2
_TOPIC = regex.compile(r"系统|平台|内网|专网|政务外网|局域网|网络|账号|帐号|账户|密码|口令|邮箱|VPN|服务器|机房|数据库|"
                       r"门禁|OA|信息化|终端|网站后台|云桌面", regex.IGNORECASE)
_INWARD = regex.compile(r"各(?:科|股|处)室|机关各|局属各|所属各|直属各|全体(?:干部)?(?:职工|工作人员|干部)|各(?:单位|部门)|"
                        r"[县市区州旗]直各|各乡镇|各街道|各镇|各(?:站|所|中心)")
_PUBLIC_TITLE = regex.compile(r"公告|通告|公示|招聘|招考|征集")
_PUBLIC_TO = regex.compile(r"社会各界|广大|市民|群众|居民朋友|各位(?:考生|申请人|用户)")
_SENTENCE = regex.compile(r"[^。；！？\n]+")
_LABELS = {Category.CREDENTIAL: "账号口令、密钥等访问凭据", Category.INTERNAL_NETWORK: "内部网络地址"}


def _counts(found: list[Finding]) -> str:
    parts = []
    for cat in ACCESS:
        n = len({x.text for x in found if x.category is cat})
        if n:
            parts.append(f"{_LABELS[cat]}{n}处")
    return "、".join(parts)


def _share(f: DocFacts, found: list[Finding]) -> tuple[int, int]:
    """(sentences carrying an access finding, sentences) in the text after the title area."""
    at = sorted(f.to_view(x.start) for x in found)
    carrying = total = 0
    for m in _SENTENCE.finditer(f.text, f.head_end):
        if len(m.group(0).strip()) < 8:
            continue  # signature, date, 附注 lines
        total += 1
        carrying += any(m.start() <= a < m.end() for a in at)
    return carrying, total


def signals(f: DocFacts, found: list[Finding], internal: list[Hit]) -> list[str]:
    """The substance signals that hold, in words (for the reason)."""
    out = []
    if word := (m.group(0) if (m := _TOPIC.search(f.title)) else None):
        out.append(f"标题涉及“{word}”")
    elif any(h.attribute is Attribute.ON_REQUEST for h in internal):
        out.append("属机关内部事务")
    if f.recipients and _INWARD.search(f.recipients):
        out.append(f"主送{f.recipients[:20]}")
    if len({x.text for x in found}) >= MANY:
        out.append(f"共{len({x.text for x in found})}处")
    carrying, total = _share(f, found)
    if total and carrying / total >= SHARE:
        out.append(f"占正文{total}句中的{carrying}句")
    return out


def _public(f: DocFacts, public_consultation: bool) -> bool:
    return public_consultation or bool(_PUBLIC_TITLE.search(f.title)) or bool(_PUBLIC_TO.search(f.recipients))


def access_secrets(f: DocFacts, internal: list[Hit], public_consultation: bool) -> list[Hit]:
    """S3 → 不予公开 when access to internal systems is the substance (cites D4, A5), else S3 → 脱密后公开
    with the items to remove (cites A5)."""
    found = [x for x in f.of(*ACCESS) if x.action in (Action.REDACT, Action.BLOCK)]
    if not found:
        return []
    said = signals(f, found, internal)
    password = any(x.category is Category.CREDENTIAL and x.action is Action.BLOCK for x in found)
    inner = any(h.attribute is Attribute.ON_REQUEST for h in internal)
    if not _public(f, public_consultation) and (len(said) >= MIN_SIGNALS or (inner and password)):
        detail = f"{_counts(found)}（{'，'.join(said) or '属机关内部事务'}）"
        return [Hit("S3", Attribute.NOT_DISCLOSED, detail, FROM_FINDING, template="withhold", cites=["D4", "A5"],
                    findings=found)]
    return [Hit("S3", Attribute.AFTER_REDACTION, _counts(found), FROM_FINDING, cites=["A5"], findings=found)]
