"""The redaction plan: what the public version masks, removes or drops, and with which mask.

From a report: every finding whose action is ``redact``, plus secrets whose action is ``block``
(classification marks, secret markers, credentials: removed whole from the public version; the
decision of the report still says whether the result may be published). A reviewer's accepted
findings (the queue) replace that selection when given. The caller may add whole blocks to remove
(paragraphs, table rows, pages) when publishing an extract (摘录).

Entry kinds: ``mask`` (the value is replaced by its mask everywhere in the file), ``remove_part``
(a comment, revision, hidden text, metadata field, annotation …: the writer drops the container),
``remove_block`` (a paragraph / table row / page, by Block.ref).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum

from pydantic import BaseModel, Field

from models import masks as personal_masks
from mishen.redact.match import Matcher
from mishen.redact.register import MaskRegister
from models import Action, Category, Document, Finding, Group, Report

MIN_KEY = 2  # a value shorter than this (canonical) cannot be swept through a file safely

_DEFAULT_MASKS: dict[Category, Callable[[str], str]] = {
    Category.PERSON_NAME: personal_masks.mask_name,
    Category.CN_ID_CARD: personal_masks.mask_id_card,
    Category.CN_PHONE: personal_masks.mask_phone,
    Category.BANK_CARD: personal_masks.mask_bank_card,
    Category.CN_PASSPORT: personal_masks.mask_document_number,
    Category.EMAIL: personal_masks.mask_email,
    Category.LICENSE_PLATE: personal_masks.mask_plate,
}


class EntryKind(StrEnum):
    MASK = "mask"
    REMOVE_PART = "remove_part"
    REMOVE_BLOCK = "remove_block"


class PlanEntry(BaseModel):
    kind: EntryKind
    finding_id: str | None = None
    category: str | None = None
    rules: list[str] = Field(default_factory=list)
    part: str | None = Field(default=None, description="hidden part id, None for the main text")
    start: int | None = None
    end: int | None = None
    text: str = Field(description="the value, part text or block text (never written to redactions.json)")
    key: str = Field(default="", description="canonical form of text (mask entries)")
    mask: str | None = Field(default=None, description="replacement; '' removes the value whole")
    ref: str | None = Field(default=None, description="Block.ref of a removed block")
    location: str | None = None


class Plan(BaseModel):
    source: str
    sha256: str
    format: str | None
    entries: list[PlanEntry] = Field(default_factory=list)
    pending: list[str] = Field(default_factory=list, description="ids of findings left for a reviewer")
    problems: list[str] = Field(default_factory=list, description="what the plan cannot do safely (Chinese)")

    def masks(self) -> dict[str, str]:
        """Canonical value -> mask, one per value."""
        return {e.key: e.mask or "" for e in self.entries if e.kind is EntryKind.MASK and len(e.key) >= MIN_KEY}

    def of_kind(self, kind: EntryKind) -> list[PlanEntry]:
        return [e for e in self.entries if e.kind is kind]

    def finalize(self, register: MaskRegister) -> None:
        """Give every mask entry the register's mask for its value (after the whole batch proposed)."""
        for entry in self.of_kind(EntryKind.MASK):
            final = register.mask(entry.key)
            if final is not None:
                entry.mask = final

    def remove_blocks(self, doc: Document, refs: Iterable[str]) -> None:
        """Add removal of whole blocks (paragraphs, table cells → their row, PDF lines or 'page/N')."""
        by_ref = {b.ref: b for b in doc.blocks}
        for ref in refs:
            block = by_ref.get(ref)
            text = doc.text[block.start:block.end] if block else ""
            self.entries.append(PlanEntry(kind=EntryKind.REMOVE_BLOCK, ref=ref, text=text,
                                          location=block.location if block else ref))

    def remove_range(self, doc: Document, start: int, end: int) -> None:
        """Remove every block overlapping [start, end) of the main text (e.g. from 附件 to the end)."""
        self.remove_blocks(doc, [b.ref for b in doc.blocks if b.start < end and start < b.end])


def selected(report: Report, accepted: set[str] | None = None) -> list[Finding]:
    """The findings the public version applies."""
    if accepted is not None:
        return [f for f in report.findings if f.id in accepted]
    return [f for f in report.findings
            if f.action is Action.REDACT or (f.action is Action.BLOCK and f.group is Group.SECRET)]


def plan_from_report(report: Report, matcher: Matcher, register: MaskRegister,
                     accepted: set[str] | None = None) -> Plan:
    """A plan for the report's document; proposes each value's mask to the register."""
    doc = report.document
    plan = Plan(source=doc.source, sha256=doc.sha256, format=doc.format.value if doc.format else None)
    chosen = selected(report, accepted)
    ids = {f.id for f in chosen}
    plan.pending = [f.id for f in report.findings if f.id not in ids and f.action in (Action.REVIEW, Action.BLOCK)]
    for f in chosen:
        common = dict(finding_id=f.id, category=f.category.value, rules=list(f.rules), part=f.part,
                      start=f.start, end=f.end, text=f.text, location=f.location)
        if f.group is Group.HIDDEN_CONTENT:
            plan.entries.append(PlanEntry(kind=EntryKind.REMOVE_PART, **common))
            continue
        key = matcher.key(f.text)
        mask = proposed_mask(f)
        if len(key) < MIN_KEY:
            plan.problems.append(f"{f.id}（{f.category.value}）过短，无法在全文中可靠替换，需人工处理")
        else:
            register.propose(key, mask)
        plan.entries.append(PlanEntry(kind=EntryKind.MASK, key=key, mask=mask, **common))
    return plan


def proposed_mask(f: Finding) -> str:
    """The policy's replacement; else the personal-data mask of the category; secrets are removed whole."""
    if f.replacement is not None:
        return f.replacement
    if f.group is Group.SECRET:
        return ""
    make = _DEFAULT_MASKS.get(f.category)
    return make(f.text) if make else personal_masks.mask_all(f.text)
