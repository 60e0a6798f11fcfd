"""Findings -> suggested attribute, reasons, rule ids, decision. (Issue 3 grows this into the rule engine.)"""
from __future__ import annotations

from dataclasses import dataclass

from mishen.settings import Settings
from models import (
    Action, Attribute, DeclaredAttribute, Decision, Document, Finding, Opinion, Severity, Suggestion,
)


@dataclass(frozen=True)
class Policy:
    """Placeholder for the policy file; issue 3 loads it from YAML."""

    name: str = "default"


@dataclass
class PolicyResult:
    findings: list[Finding]
    suggestion: Suggestion
    decision: Decision


def load_policy(settings: Settings) -> Policy:
    return Policy()


def evaluate(doc: Document, declared: DeclaredAttribute | None, findings: list[Finding],
             policy: Policy) -> PolicyResult:
    needs_action = [f for f in findings if f.action is not Action.NONE]
    blocking = [f for f in findings if f.action is Action.BLOCK or f.severity is Severity.CRITICAL]
    if blocking:
        attribute, opinion, decision = Attribute.NOT_DISCLOSED, Opinion.WITHHOLD, Decision.BLOCK
    elif needs_action:
        attribute, opinion, decision = Attribute.AFTER_REDACTION, Opinion.REFER, Decision.REVIEW
    else:
        attribute, opinion, decision = Attribute.PROACTIVE, Opinion.PUBLISH, Decision.PASS
    declared_value = declared.value if declared else None
    conflict = declared_value is not None and declared_value is not attribute
    if decision is Decision.PASS and (declared_value is not Attribute.PROACTIVE):
        decision = Decision.REVIEW
    rules = sorted({r for f in needs_action for r in f.rules})
    reasons = [f"{f.category.value}：{f.explanation}" for f in needs_action[:10]]
    suggestion = Suggestion(attribute=attribute, confidence=0.5, rules=rules, reasons=reasons,
                            conflicts_with_declared=conflict, opinion=opinion)
    return PolicyResult(findings=findings, suggestion=suggestion, decision=decision)
