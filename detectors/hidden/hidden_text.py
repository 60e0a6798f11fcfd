"""HIDDEN_TEXT: w:vanish / white / tiny text, HTML hidden elements, PDF text under a filled box — rules H.

Headers and footers are reported too, at low severity and action none: they are printed, but readers often
forget them (the text detectors scan them like any other part)."""
from __future__ import annotations

from typing import Literal

import regex

from detectors.hidden._part import part_finding
from models import Action, Category, Document, Finding, HiddenKind, HiddenPart, NormalizedText, Severity

# A footer holding only a page number (— 1 —, 第1页 共3页, Page 1 of 3) says nothing.
PAGE_NUMBER_ONLY = regex.compile(r"^[\s\-—–－·•|/第页共Pageof\d]*$", regex.IGNORECASE)

_EXPLAIN = {
    HiddenKind.HIDDEN_TEXT: "隐藏文字（隐藏格式、白色或极小字号），读者可在文件中找回，公开版本须删除",
    HiddenKind.HTML_HIDDEN: "网页中被隐藏的元素（display:none 等），页面不显示但源码可见，发布前须删除",
    HiddenKind.COVERED_TEXT: "PDF 中被色块覆盖的文字（假涂黑），文字层仍可复制提取，须真正删除",
}


class HiddenTextDetector:
    name = "hidden_text"
    scope: Literal["text", "document"] = "document"

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        out: list[Finding] = []
        for h in doc.hidden_parts:
            if h.kind in _EXPLAIN:
                out.append(part_finding(
                    h, category=Category.HIDDEN_TEXT, detector=self.name,
                    severity=Severity.CRITICAL if h.kind is HiddenKind.COVERED_TEXT else Severity.HIGH,
                    action=Action.REDACT, explanation=_EXPLAIN[h.kind]))
            elif h.kind is HiddenKind.HEADER_FOOTER and _meaningful(h):
                out.append(part_finding(
                    h, category=Category.HIDDEN_TEXT, detector=self.name, severity=Severity.LOW,
                    action=Action.NONE, score=0.5,
                    explanation="页眉页脚中的文字，发布前请核对其内容"))
        return out


def _meaningful(h: HiddenPart) -> bool:
    return bool(h.document.text.strip()) and not PAGE_NUMBER_ONLY.match(h.document.text)
