"""Records every stage passes on (pydantic v2). No I/O."""
from models.document import Block, CharBox, Document, HiddenPart
from models.enums import (
    CATEGORY_GROUP, Action, Attribute, Category, Decision, Group, HiddenKind, Opinion, Script,
    Severity, SourceFormat,
)
from models.finding import Finding
from models.normalized import NormalizedText, Normalizer
from models.report import (
    SCHEMA, DeclaredAttribute, HiddenPartInfo, Problem, Report, ReportDocument, ReportError, Suggestion,
)
from models.structure import Element, Structure

__all__ = [
    "Action", "Attribute", "Block", "CATEGORY_GROUP", "Category", "CharBox", "Decision", "DeclaredAttribute",
    "Document", "Element", "Finding", "Group", "HiddenKind", "HiddenPart", "HiddenPartInfo", "NormalizedText",
    "Normalizer", "Opinion", "Problem", "Report", "ReportDocument", "ReportError", "SCHEMA", "Script", "Severity",
    "SourceFormat", "Structure", "Suggestion",
]
