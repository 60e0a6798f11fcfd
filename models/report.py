"""The report every consumer reads (CONTRACT.md, schema mishen.report/1)."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from models.document import Document
from models.enums import Attribute, Decision, HiddenKind, Opinion, Script, SourceFormat
from models.finding import Finding
from models.structure import Structure

SCHEMA = "mishen.report/1"


class Problem(BaseModel):
    code: str
    message: str
    rule: str


class DeclaredAttribute(BaseModel):
    value: Attribute | None = Field(description="None when the wording is not a valid attribute")
    raw: str
    start: int
    end: int
    reason: str | None = Field(default=None, description="理由 given with 依申请公开 / 不予公开")
    problems: list[Problem] = Field(default_factory=list)


class Suggestion(BaseModel):
    attribute: Attribute
    confidence: float = Field(ge=0.0, le=1.0)
    rules: list[str]
    reasons: list[str]
    conflicts_with_declared: bool
    opinion: Opinion
    redact: list[str] = Field(default_factory=list, description="ids of findings to redact for 脱密后公开")


class ReportError(BaseModel):
    code: str = Field(description="UNREADABLE | ENCRYPTED | TOO_LARGE | EMPTY | UNSUPPORTED | NO_TEXT | DETECTOR_FAILED")
    message: str = Field(description="what went wrong, in Chinese, without document text")


class ReportDocument(BaseModel):
    source: str
    sha256: str
    format: SourceFormat | None
    text: str
    is_official_document: bool
    title: str | None = None
    doc_type: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None
    script: Script
    encoding: str | None = None
    pages: int | None = None
    pages_without_text: list[int] = Field(default_factory=list)
    metadata: dict[str, str] = Field(default_factory=dict)
    structure: Structure | None = None

    @classmethod
    def of(cls, doc: Document) -> ReportDocument:
        s = doc.structure or Structure()
        return cls(
            source=doc.source, sha256=doc.sha256, format=doc.format, text=doc.text,
            is_official_document=s.is_official_document,
            title=s.title.value if s.title else None, doc_type=s.doc_type,
            doc_number=s.doc_number.value if s.doc_number else None, issuer=s.issuer,
            date=s.date.value if s.date else None, script=doc.script, encoding=doc.encoding,
            pages=doc.pages, pages_without_text=doc.pages_without_text, metadata=doc.metadata,
            structure=doc.structure,
        )


class HiddenPartInfo(BaseModel):
    id: str
    kind: HiddenKind
    location: str
    text: str
    attrs: dict[str, str] = Field(default_factory=dict)


class Report(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    schema_: str = Field(default=SCHEMA, alias="schema")
    document: ReportDocument
    hidden_parts: list[HiddenPartInfo] = Field(default_factory=list)
    declared_attribute: DeclaredAttribute | None = None
    findings: list[Finding] = Field(default_factory=list)
    suggestion: Suggestion | None = None
    decision: Decision
    error: ReportError | None = None
    timings_ms: dict[str, float] = Field(default_factory=dict)
    version: str = ""

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    def span_text(self, part: str | None, start: int, end: int) -> str:
        """The text a finding's span points at, in the main text or in a hidden part."""
        if part is None:
            return self.document.text[start:end]
        for hidden in self.hidden_parts:
            if hidden.id == part:
                return hidden.text[start:end]
        raise KeyError(part)
