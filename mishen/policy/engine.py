"""Findings + document → suggested attribute with reasons, opinion (R1) and the publish decision."""
from __future__ import annotations

from dataclasses import dataclass, field

from mishen.policy import access, disclose, withhold
from mishen.policy.config import PolicyConfig
from mishen.policy.document import DocFacts
from mishen.policy.hits import Hit
from mishen.policy.masks import mask
from models import Action, Attribute, Finding, Normalizer, Severity

DEFAULT_CONFIDENCE = 0.72
_BODY_MARKERS = ("D4", "D5", "D6", "D8", "D9")
_ORDER = {Attribute.NOT_DISCLOSED: 0, Attribute.ON_REQUEST: 1, Attribute.AFTER_REDACTION: 2, Attribute.PROACTIVE: 3}


@dataclass(frozen=True)
class Policy:
    """The loaded policy file plus what evaluating needs to hold (one normaliser per Reviewer)."""

    config: PolicyConfig
    normalizer: Normalizer

    def reason(self, hit: Hit, attribute: Attribute | None = None) -> str:
        info = self.config.rules[hit.rule]
        template = info.alt[hit.template] if hit.template else info.reason
        bases = self.config.bases
        value = (attribute or hit.attribute or info.attribute)
        return template.format(detail=hit.detail, basis=info.basis.format(**bases),
                               attribute=value.value if value else "", **bases)


@dataclass
class Verdict:
    attribute: Attribute
    confidence: float
    deciding: list[Hit]
    flags: list[Hit] = field(default_factory=list)
    follows_declared: bool = False


def apply_policy(finding: Finding, title: str, config: PolicyConfig) -> Finding:
    """The finding with the policy's action, severity and replacement (exemptions and low ratings kept)."""
    entry = config.categories[finding.category]
    out = finding.model_copy(update={"evidence": dict(finding.evidence)})  # only evidence is changed in place
    for ex in config.exemptions:
        if finding.category in ex.categories and any(k in title for k in ex.title_keywords):
            out.action, out.severity = ex.action, ex.severity
            out.evidence["exemption"] = ex.name
            out.evidence["exemption_reason"] = ex.reason
            out.explanation = f"{ex.reason}（{ex.name}，审查策略豁免），不予遮盖；检测器原判断：{finding.explanation}"
            return out
    if finding.severity is Severity.LOW:
        out.action = entry.low_action
        return out
    override = next((entry.rules[r] for r in finding.rules if r in entry.rules), None)
    out.action = (override and override.action) or entry.action
    if finding.action is Action.REVIEW and out.action is Action.REDACT:
        out.action = Action.REVIEW  # the detector was unsure it is personal data: a reviewer decides
    out.severity = (override and override.severity) or entry.severity
    style = (override and override.mask) or entry.mask
    if out.action is Action.REDACT and out.replacement is None:
        out.replacement = mask(style, finding.text)
    return out


def _demote_body_markers(hits: list[Hit], f: DocFacts) -> list[Hit]:
    """A process/internal marker found only in the body of a document the law makes public (D3) does not
    decide the attribute: it raises a doubt (D14) for the reviewer instead."""
    if not any(h.rule == "D3" for h in hits):
        return []
    doubts = []
    for h in hits:
        if (h.rule in _BODY_MARKERS and h.suppressed_by is None and h.findings
                and not any(f.in_head(x) for x in h.findings)):
            h.suppressed_by = "D3"
            doubts.append(f"正文中出现“{h.findings[0].text.strip()[:12]}”等表述（{h.rule}），与本件依法应主动公开的性质不一致")
    return [Hit("D14", None, "；".join(doubts), 0.5)] if doubts else []


def collect_hits(f: DocFacts) -> list[Hit]:
    """Every rule that applies, suppressed ones included (they explain why a marker did not decide)."""
    law = withhold.law_public(f)
    public = withhold.public_consultation(f)
    internal = withhold.internal(f) + withhold.secret_markers(f)
    hits = [
        *withhold.classified(f), *withhold.upward(f, law), *withhold.consultation(f, public),
        *withhold.draft(f, public), *withhold.party(f), *withhold.forward(f), *withhold.case_guidance(f),
        *internal, *access.access_secrets(f, internal, public), *withhold.individual(f),
        *disclose.separable(f), *law, *disclose.public_interest(f, public), *disclose.strict_review(f),
    ]
    return hits + _demote_body_markers(hits, f)


def _strongest(hits: list[Hit]) -> list[Hit]:
    """One hit per rule (the strongest), strongest first."""
    best: dict[str, Hit] = {}
    for h in hits:
        if h.rule not in best or h.strength > best[h.rule].strength:
            best[h.rule] = h
    return sorted(best.values(), key=lambda h: -h.strength)


def verdict(hits: list[Hit], f: DocFacts) -> Verdict:
    active = [h for h in hits if h.suppressed_by is None]
    flags = _strongest([h for h in active if h.attribute is None])
    by_attr = [h for h in active if h.attribute is not None]
    if not by_attr:
        declared = f.declared.value if f.declared else None
        if declared not in (None, Attribute.PROACTIVE):
            return Verdict(declared, 0.5, [], flags, follows_declared=True)
        return Verdict(Attribute.PROACTIVE, DEFAULT_CONFIDENCE, [], flags)
    attribute = min((h.attribute for h in by_attr), key=_ORDER.__getitem__)
    deciding = _strongest([h for h in by_attr if h.attribute is attribute])
    if attribute is Attribute.AFTER_REDACTION:
        basis = _strongest([h for h in by_attr if h.attribute is Attribute.PROACTIVE])
        confidence = min(deciding[0].strength, basis[0].strength if basis else DEFAULT_CONFIDENCE + 0.1)
        return Verdict(attribute, confidence, basis + deciding, flags)
    return Verdict(attribute, deciding[0].strength, deciding, flags)
