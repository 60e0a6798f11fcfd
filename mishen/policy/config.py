"""The policy file (YAML): category → rule → action → mask → severity, exemptions, and the rule table.

Loaded once per Reviewer and validated with pydantic: an unknown category, rule id, action, severity or
mask is an error at load time, never a silent default.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from models import Action, Attribute, Category, Severity

DEFAULT_FILE = Path(__file__).with_name("policy.yaml")
RULE_ID = re.compile(r"^(?:A[1-6]|D(?:[1-9]|1[0-4])|P[1-7]|S[1-3]|H|R[1-6])$")
Mask = Literal["none", "name", "id_card", "phone", "bank_card", "email", "plate", "full"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleOverride(_Strict):
    action: Action | None = None
    severity: Severity | None = None
    mask: Mask | None = None


class CategoryPolicy(_Strict):
    action: Action
    severity: Severity
    mask: Mask = "none"
    low_action: Action = Field(Action.NONE, description="action for findings a detector rated low (informational)")
    rules: dict[str, RuleOverride] = Field(default_factory=dict)

    @field_validator("rules")
    @classmethod
    def _known_rules(cls, value: dict[str, RuleOverride]) -> dict[str, RuleOverride]:
        bad = [r for r in value if not RULE_ID.match(r)]
        if bad:
            raise ValueError(f"unknown rule ids {bad}")
        return value


class Exemption(_Strict):
    name: str
    title_keywords: list[str] = Field(min_length=1)
    categories: list[Category] = Field(min_length=1)
    action: Action
    severity: Severity
    reason: str


class RuleInfo(_Strict):
    attribute: Attribute | None = None
    basis: str
    reason: str
    alt: dict[str, str] = Field(default_factory=dict)


class PolicyConfig(_Strict):
    version: Literal[1]
    refer_below_confidence: float = Field(ge=0.0, le=1.0)
    categories: dict[Category, CategoryPolicy]
    exemptions: list[Exemption] = Field(default_factory=list)
    bases: dict[str, str]
    rules: dict[str, RuleInfo]

    @field_validator("rules")
    @classmethod
    def _known_rule_ids(cls, value: dict[str, RuleInfo]) -> dict[str, RuleInfo]:
        bad = [r for r in value if not RULE_ID.match(r)]
        if bad:
            raise ValueError(f"unknown rule ids {bad}")
        return value

    @model_validator(mode="after")
    def _complete(self) -> PolicyConfig:
        missing = [c.value for c in Category if c not in self.categories]
        if missing:
            raise ValueError(f"categories without a policy: {missing}")
        for rule_id, info in self.rules.items():
            for template in (info.basis, info.reason, *info.alt.values()):
                for name in re.findall(r"\{([A-Z_]+)\}", template):
                    if name not in self.bases:
                        raise ValueError(f"rule {rule_id} cites unknown basis {{{name}}}")
        return self


class PolicyError(ValueError):
    """The policy file is missing or invalid."""


def load_config(path: Path | None = None) -> PolicyConfig:
    """Read and validate a policy file (the shipped one by default)."""
    path = path or DEFAULT_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PolicyError(f"cannot read policy file {path}: {exc}") from exc
    try:
        return PolicyConfig.model_validate(data)
    except ValueError as exc:
        raise PolicyError(f"invalid policy file {path}: {exc}") from exc
