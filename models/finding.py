"""A flagged span and the reasoning behind it."""
from __future__ import annotations

from pydantic import BaseModel, Field, model_validator

from models.enums import CATEGORY_GROUP, Action, Category, Group, Severity


class Finding(BaseModel):
    id: str = ""
    group: Group | None = None
    category: Category
    start: int = Field(description="offset into the text of its part (the main text when part is None)")
    end: int
    text: str
    score: float = Field(ge=0.0, le=1.0)
    severity: Severity
    rules: list[str] = Field(description="rule ids of RULES.md, e.g. ['P2']")
    detector: str
    explanation: str = Field(description="why it fired, for the reviewer (Chinese)")
    action: Action = Action.REVIEW
    replacement: str | None = None
    part: str | None = Field(default=None, description="HiddenPart.id, or None for the main text")
    location: str | None = Field(default=None, description="where, in Chinese: '第12段', '批注3'")
    evidence: dict[str, str | float | bool | None] = Field(
        default_factory=dict, description="pattern, validation result, context word … for reviewers and eval")

    @model_validator(mode="after")
    def _fill_group(self) -> Finding:
        if self.group is None:
            self.group = CATEGORY_GROUP[self.category]
        return self
