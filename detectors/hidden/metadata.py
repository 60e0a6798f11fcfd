"""DOC_METADATA: author, company, last modified by, custom properties, template path, PDF info — rules H."""
from __future__ import annotations

from typing import Literal

from detectors.hidden._part import part_finding
from models import Action, Category, Document, Finding, HiddenKind, NormalizedText, Severity

# Fields that name people, organisations or internal paths (compared lower-case, without separators).
PERSONAL_FIELDS = frozenset({
    "author", "creator", "lastmodifiedby", "modifiedby", "company", "manager", "template", "attachedtemplate",
    "hyperlinkbase", "lastprinted", "owner", "contentstatus", "category", "keywords", "description", "comments",
    "subject",
})

TOOL_FIELDS = frozenset({"producer", "application", "appversion", "creatortool", "generator"})


class DocMetadataDetector:
    """Every non-empty property is reported and stripped from the public version; people, companies,
    templates and custom properties at medium severity, the rest (title, dates, producing tool) low."""

    name = "doc_metadata"
    scope: Literal["text", "document"] = "document"

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        out: list[Finding] = []
        for h in doc.hidden_parts:
            if h.kind is not HiddenKind.METADATA or not h.document.text.strip():
                continue
            field = _field(h.attrs.get("field") or h.id.rsplit("/", 1)[-1])
            custom = "custom" in h.id.lower()
            tool = field in TOOL_FIELDS or (field == "creator" and "/info/" in h.id)  # PDF Creator = program
            personal = custom or (field in PERSONAL_FIELDS and not tool)
            out.append(part_finding(
                h, category=Category.DOC_METADATA, detector=self.name,
                severity=Severity.MEDIUM if personal else Severity.LOW, action=Action.REDACT,
                score=0.95 if personal else 0.6, field=field,
                explanation=("文档属性中记录了作者、单位、修改人、模板路径或自定义属性，公开版本须清除"
                             if personal else "文档属性（标题、时间、生成工具等），公开版本一并清除")))
        return out


def _field(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalnum())
