"""The numbers of a batch summary, computed from the per-document results (no text involved)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from mishen.batch.results import DocResult, Status
from models import CATEGORY_GROUP, Attribute, Category, Decision, Group

NOT_DECLARED = "未标注"
ATTRIBUTES = [a.value for a in Attribute]
_KNOWN = {c.value: c for c in Category}


@dataclass
class CategoryCount:
    category: str
    findings: int
    documents: int


@dataclass
class Summary:
    rows: list[DocResult]                         # documents needing attention first
    total: int
    reviewed: int
    skipped: int
    errors: int
    chars: int
    by_decision: dict[Decision, int]
    suggested: dict[str, int]                     # suggested attribute -> documents (errors have none)
    declared: dict[str, int]                      # declared attribute, 未标注 or 表述无效 -> documents
    matrix: dict[tuple[str, str], int]            # (declared, suggested) -> documents
    conflicts: int
    categories: list[CategoryCount]
    created: datetime = field(default_factory=lambda: datetime.now().astimezone())

    @property
    def declared_keys(self) -> list[str]:
        extra = sorted(k for k in self.declared if k not in ATTRIBUTES)
        return [a for a in ATTRIBUTES if a in self.declared] + extra

    @property
    def suggested_keys(self) -> list[str]:
        return [a for a in ATTRIBUTES if a in self.suggested]


def summarize(rows: list[DocResult]) -> Summary:
    by_decision = Counter(r.decision for r in rows)
    suggested = Counter(r.suggested for r in rows if r.suggested)
    declared = Counter(r.declared or NOT_DECLARED for r in rows if not r.is_error or r.declared)
    matrix = Counter((r.declared or NOT_DECLARED, r.suggested) for r in rows if r.suggested)
    return Summary(
        rows=sorted(rows, key=lambda r: r.attention), total=len(rows),
        reviewed=sum(r.status is Status.REVIEWED for r in rows), skipped=sum(r.status is Status.SKIPPED for r in rows),
        errors=sum(r.is_error for r in rows), chars=sum(r.chars for r in rows),
        by_decision={d: by_decision.get(d, 0) for d in Decision}, suggested=dict(suggested),
        declared=dict(declared), matrix=dict(matrix), conflicts=sum(r.conflict for r in rows),
        categories=category_counts(rows),
    )


def category_counts(rows: list[DocResult]) -> list[CategoryCount]:
    """Findings and documents per category: grouped as the contract lists them, most documents first."""
    findings: Counter[str] = Counter()
    documents: Counter[str] = Counter()
    for row in rows:
        for name, n in row.categories.items():
            findings[name] += n
            documents[name] += 1
    groups = list(Group)

    def order(name: str) -> tuple:
        group = CATEGORY_GROUP.get(_KNOWN.get(name))
        return (groups.index(group) if group else len(groups), -documents[name], name)

    return [CategoryCount(name, findings[name], documents[name]) for name in sorted(findings, key=order)]
