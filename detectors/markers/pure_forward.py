"""PURE_FORWARD: a 转发 notice with no content of its own — rule A6 (002 §第七条 不宜公开 5)."""
from __future__ import annotations

import re
from typing import Literal

import regex

from detectors.base import finding_from_view
from detectors.markers._outline import DATE_LINE, TITLE, Line, Outline, outline
from models import Action, Category, Document, Finding, NormalizedText, Severity

FORWARD_TITLE = regex.compile(r"转发")
FORMULA = regex.compile(r"(?:现将|现把|将)[^。\n]{0,100}?转发给你们|转发给你们|现转发给你们")
# Own requirements: numbered points or more than a sentence or two of its own.
OWN_POINTS = regex.compile(r"[一二三四五六七八九十]、|[（(][一二三四五六七八九十][)）]|^\s*\d+[.、．]", re.M)
STOP = regex.compile(r"^(?:附件|抄送|[^\s]{2,30}文件$)")
MAX_OWN_CHARS = 150


class PureForwardDetector:
    """转发…的通知 whose own body (between 主送 and the date or the forwarded text) is just the formula."""

    name = "pure_forward"
    scope: Literal["text", "document"] = "document"

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        out = outline(doc, view)
        if out.title is None or not FORWARD_TITLE.search(out.title.text):
            return []
        own = _own_text(out)
        if not FORMULA.search(own) or OWN_POINTS.search(own) or len(re.sub(r"\s", "", own)) > MAX_OWN_CHARS:
            return []
        return [finding_from_view(
            doc, view, out.title.start, out.title.end, category=Category.PURE_FORWARD, detector=self.name,
            score=0.85, severity=Severity.MEDIUM, rules=["A6"], action=Action.REVIEW,
            explanation="仅转发上级文件、没有本机关实质内容的转发类文件，不宜单独公开（可公开被转发文件本身）",
            evidence={"pattern": "forward_only", "own_chars": float(len(own))},
        )]


def _own_text(out: Outline) -> str:
    """The forwarding body: lines after the title (and 主送) up to the date, an 附件 line or the next title."""
    lines: list[Line] = out.lines
    i = next((k for k, x in enumerate(lines) if out.title and x.start == out.title.start), -1) + 1
    if out.recipients is not None and i < len(lines) and lines[i].start == out.recipients.start:
        i += 1
    own: list[str] = []
    for line in lines[i:i + 12]:
        if DATE_LINE.match(line.text) or STOP.match(line.text) or TITLE.match(line.text):
            break
        if out.signature is not None and line.start == out.signature.start:
            break
        own.append(line.text)
    return "\n".join(own)
