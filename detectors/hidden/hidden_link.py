"""HIDDEN_LINK (暗链): links a reader of the page cannot see, usually to outside sites — rules H."""
from __future__ import annotations

from typing import Literal

from detectors.hidden._part import part_finding
from models import Action, Category, Document, Finding, HiddenKind, HiddenPart, NormalizedText, Severity

TRUE = frozenset({"1", "true", "yes", "hidden"})


class HiddenLinkDetector:
    """An html_link part the reader marked hidden (attrs ``why`` / ``hidden``), or a link inside a hidden
    element; a visible link is ordinary page content."""

    name = "hidden_link"
    scope: Literal["text", "document"] = "document"

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        out: list[Finding] = []
        for h in doc.hidden_parts:
            if _hidden_link(h):
                out.append(part_finding(
                    h, category=Category.HIDDEN_LINK, detector=self.name, severity=Severity.HIGH,
                    action=Action.REDACT,
                    explanation="页面中不可见的链接（暗链），常指向外部网站，须删除并排查网页是否被篡改"))
        return out


def _hidden_link(h: HiddenPart) -> bool:
    if h.kind is HiddenKind.HTML_LINK:
        return bool(h.attrs.get("why")) or h.attrs.get("hidden", "").lower() in TRUE \
            or h.attrs.get("visible", "").lower() in {"0", "false", "no"}
    return h.kind is HiddenKind.HTML_HIDDEN and bool(h.attrs.get("href"))
