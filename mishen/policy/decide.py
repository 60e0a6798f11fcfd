"""evaluate(): apply the policy to the findings, suggest the attribute, add ATTR_CONFLICT, decide."""
from __future__ import annotations

from dataclasses import dataclass, field

from mishen.policy.document import read_facts
from mishen.policy.engine import Policy, Verdict, apply_policy, collect_hits, verdict
from mishen.policy.hits import Hit
from models import (
    Action, Attribute, Category, Decision, DeclaredAttribute, Document, Finding, NormalizedText, Opinion, Suggestion,
)

_WITHHELD = (Attribute.NOT_DISCLOSED, Attribute.ON_REQUEST)


@dataclass
class PolicyResult:
    findings: list[Finding]
    suggestion: Suggestion
    decision: Decision
    hits: list[Hit] = field(default_factory=list)   # every rule that applied, suppressed ones included


def _reasons(v: Verdict, hits: list[Hit], policy: Policy) -> tuple[list[str], list[str]]:
    """The reasons a reviewer would write, and the rule ids they cite, deciding rules first."""
    reasons, rules = [], []
    suppressed = {h.rule: h for h in hits if h.suppressed_by}
    for h in v.deciding:
        if h.rule == "D3" and "D5" in suppressed:
            h = Hit(h.rule, h.attribute, h.detail, h.strength, template="upward")
        reasons.append(policy.reason(h))
        rules += [h.rule, *h.cites]
    if v.attribute is Attribute.AFTER_REDACTION and not any(h.attribute is Attribute.PROACTIVE for h in v.deciding):
        reasons.insert(0, policy.reason(Hit("D1", Attribute.PROACTIVE, "", 0, template="default")))
        rules.insert(0, "D1")
    if not v.deciding and not v.follows_declared:
        reasons.append(policy.reason(Hit("D1", Attribute.PROACTIVE, "", 0, template="default")))
        rules.append("D1")
    for h in v.flags:
        reasons.append(policy.reason(h))
        rules.append(h.rule)
    return reasons, list(dict.fromkeys(rules))


def _opinion(v: Verdict, policy: Policy, empty: bool) -> tuple[Opinion, str | None]:
    """R1 opinion; the D14 case (需报审) with what makes it uncertain."""
    if empty:
        return Opinion.REFER, "未能提取到可审查的文字"
    if v.follows_declared:
        return Opinion.REFER, "未发现可据以认定公开属性的规则依据，无法自动确认拟稿人标注的属性"
    if any(h.rule in ("D12", "D13") for h in v.flags):
        return Opinion.REFER, "本件涉及须严格审查或由有关部门统一发布的事项"
    if v.flags:
        return Opinion.REFER, None
    if v.confidence < policy.config.refer_below_confidence:
        return Opinion.REFER, "依据不足，不能确定是否可以公开"
    return (Opinion.WITHHOLD if v.attribute in _WITHHELD else Opinion.PUBLISH), None


def _conflict(doc: Document, declared: DeclaredAttribute, v: Verdict, reasons: list[str], rules: list[str],
              policy: Policy) -> Finding:
    entry = policy.config.categories[Category.ATTR_CONFLICT]
    why = reasons[0] if reasons else ""
    return Finding(
        category=Category.ATTR_CONFLICT, start=declared.start, end=declared.end,
        text=doc.text[declared.start:declared.end], score=round(v.confidence, 2), severity=entry.severity,
        rules=[r for r in rules if r[0] in "ADS"][:4] or ["A5"], detector="policy", action=entry.action,
        explanation=f"附注标注为“{declared.value.value if declared.value else declared.raw}”，"
                    f"按审查规则应为“{v.attribute.value}”：{why}",
        location=(b.location if (b := doc.block_at(declared.start)) else None),
    )


def _decision(findings: list[Finding], v: Verdict, opinion: Opinion, declared: DeclaredAttribute | None,
              official: bool, empty: bool) -> Decision:
    if any(f.action is Action.BLOCK for f in findings) or any(h.rule == "S1" for h in v.deciding):
        return Decision.BLOCK
    declared_ok = (declared.value is Attribute.PROACTIVE) if declared else not official
    if (not empty and v.attribute is Attribute.PROACTIVE and opinion is Opinion.PUBLISH and declared_ok
            and all(f.action is Action.NONE for f in findings)):
        return Decision.PASS
    return Decision.REVIEW


def evaluate(doc: Document, declared: DeclaredAttribute | None, findings: list[Finding],
             policy: Policy, view: NormalizedText | None = None) -> PolicyResult:
    """The policy applied to one document's findings: suggestion, ATTR_CONFLICT, ids f1…fn, decision.
    ``view``: the normalised text when the caller already has it (the pipeline does)."""
    view = view if view is not None and view.original is doc.text else policy.normalizer(doc.text)
    facts = read_facts(doc, view, declared, [])
    findings = [apply_policy(f, facts.title, policy.config) for f in findings]
    facts.findings, facts.main_findings = findings, [f for f in findings if f.part is None]
    hits = collect_hits(facts)
    v = verdict(hits, facts)
    empty = not doc.text.strip()
    reasons, rules = _reasons(v, hits, policy)
    opinion, doubt = _opinion(v, policy, empty)
    if opinion is Opinion.REFER and not any(h.rule == "D14" for h in v.flags):
        reasons.append(policy.reason(Hit("D14", None, doubt or "", 0)))
        rules.append("D14")
    conflict = declared is not None and declared.value is not None and declared.value is not v.attribute
    if conflict and declared is not None:
        findings.append(_conflict(doc, declared, v, reasons, rules, policy))
    findings.sort(key=lambda f: (f.part is not None, f.part or "", f.start, f.end))
    for i, f in enumerate(findings, 1):
        f.id = f"f{i}"
    redact_ids = {id(x) for h in v.deciding if h.attribute is Attribute.AFTER_REDACTION for x in h.findings}
    redact = [f.id for f in findings if id(f) in redact_ids]
    official = doc.structure is not None and doc.structure.is_official_document
    suggestion = Suggestion(
        attribute=v.attribute, confidence=round(v.confidence, 2), rules=rules, reasons=reasons,
        conflicts_with_declared=conflict, opinion=opinion, redact=redact)
    decision = _decision(findings, v, opinion, declared, official, empty)
    return PolicyResult(findings=findings, suggestion=suggestion, decision=decision, hits=hits)
