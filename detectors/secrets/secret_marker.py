"""SECRET_MARKER: 工作秘密 / 内部资料 / 注意保密 / 不得外传 … when they mark this document — rule S2."""
from __future__ import annotations

from typing import Literal

import regex

from detectors.base import finding_from_view
from detectors.secrets._text import lines
from models import Action, Category, Document, Finding, NormalizedText, Severity

# term -> (rules, action); longest first so 仅供内部参考 wins over 内部参考.
TERMS: dict[str, tuple[list[str], Action]] = {
    "工作秘密": (["S2", "D7"], Action.BLOCK),
    "国家秘密": (["S2", "D7"], Action.BLOCK),
    "涉密": (["S2", "D7"], Action.BLOCK),
    "不得外传": (["S2", "D7"], Action.BLOCK),
    "严禁外传": (["S2", "D7"], Action.BLOCK),
    "请勿外传": (["S2", "D7"], Action.BLOCK),
    "注意保密": (["S2", "D7"], Action.BLOCK),
    "注意保存": (["S2", "D7"], Action.REVIEW),
    "阅后收回": (["S2", "D7"], Action.REVIEW),
    "不得翻印": (["S2", "D7"], Action.REVIEW),
    "内部资料": (["S2", "D4"], Action.REVIEW),
    "内部使用": (["S2", "D4"], Action.REVIEW),
    "内部传阅": (["S2", "D4"], Action.REVIEW),
    "内部文件": (["S2", "D4"], Action.REVIEW),
    "仅供内部参考": (["S2", "D4"], Action.REVIEW),
    "内部参考": (["S2", "D4"], Action.REVIEW),
    "商业秘密": (["S2", "D4"], Action.REVIEW),
}
TERM = regex.compile("|".join(sorted(TERMS, key=len, reverse=True)))
# What may stand around the terms on a line or in brackets that only marks the document.
FILLER = regex.compile(r"[\s\p{P}★]|仅限|仅供|此件|本件")
BRACKETED = regex.compile(r"[（(【\[〔]([^（()）【】\[\]〔〕\n]{2,30})[)）】\]〕]")
# "本文件/此件/本简报 … 属于工作秘密，不得外传": the sentence is about this very document.
SELF = regex.compile(r"(?:本|此)(?:期|份|次)?(?:文件|文|件|材料|资料|报告|通知|函|稿|纪要|简报|信息|通报|方案)")
SENTENCE = regex.compile(r"[^。！？!?\n]+")
DEFINITION = regex.compile(r"所称|是指|所指|定义")
# "行动部署情况不得外传": an instruction not to pass on a specific matter of this document. A sentence that
# states a general rule (涉及国家秘密的文件不得外传, 第三条 …, 应当 …) is not one.
INSTRUCTION = regex.compile(r"不得外传|严禁外传|请勿外传")
GENERAL_RULE = regex.compile(r"涉及|涉密|属于|凡|所有|一律|有关规定|应当|国家秘密|工作秘密|商业秘密"
                             r"|第[一二三四五六七八九十百\d]+条")
CLAUSE_END = "，,；;：:。！？!?）)】 \n"


class SecretMarkerDetector:
    """A marker term counts when it stands alone on a line, alone in brackets, or in a sentence about this
    document (此件为内部资料); a sentence that mentions the concept (涉及国家秘密的文件不得外传) does not."""

    name = "secret_marker"
    scope: Literal["text", "document"] = "text"

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        text = view.text
        if not TERM.search(text):
            return []  # every way a marker counts needs a term (the instructions are terms too)
        spans: dict[tuple[int, int], str] = {}
        for start, line in lines(text):
            if _only_terms(line):
                for m in TERM.finditer(line):
                    spans[(start + m.start(), start + m.end())] = "line"
        for b in BRACKETED.finditer(text):
            if _only_terms(b.group(1)):
                for m in TERM.finditer(text, b.start(1), b.end(1)):
                    spans.setdefault(m.span(), "bracket")
        for s in SENTENCE.finditer(text):
            for span, how in _sentence_marks(text, s.start(), s.end()):
                spans.setdefault(span, how)
        return [self._finding(doc, view, a, b, how) for (a, b), how in sorted(spans.items())]

    def _finding(self, doc: Document, view: NormalizedText, a: int, b: int, how: str) -> Finding:
        term = view.text[a:b]
        rules, action = TERMS[term]
        return finding_from_view(
            doc, view, a, b, category=Category.SECRET_MARKER, detector=self.name,
            score={"self": 0.85, "instruction": 0.75}.get(how, 0.95), severity=Severity.HIGH, rules=list(rules), action=action,
            explanation=f"文件标有“{term}”字样，{_WHY[rules[1]]}", evidence={"pattern": how, "term": term},
        )


_WHY = {
    "D7": "属于工作秘密或涉密标志，不得公开发布",
    "D4": "属于内部资料、商业秘密一类，不宜主动公开",
}


def _sentence_marks(text: str, start: int, end: int) -> list[tuple[tuple[int, int], str]]:
    """Terms in a sentence about this document (此件属于工作秘密), or an instruction not to pass a specific
    matter on (行动部署情况不得外传); nothing in a definition or a general rule."""
    if DEFINITION.search(text, start, end):
        return []
    subject = SELF.search(text, start, end)
    if subject is not None:
        return [(m.span(), "self") for m in TERM.finditer(text, subject.end(), end) if _ends_clause(text, m.end())]
    if GENERAL_RULE.search(text, start, end):
        return []
    return [(m.span(), "instruction") for m in INSTRUCTION.finditer(text, start, end)]


def _ends_clause(text: str, end: int) -> bool:
    """The term closes its clause (此件属于工作秘密，…), rather than qualifying a noun (工作秘密的事项)."""
    return end >= len(text) or text[end] in CLAUSE_END or TERM.match(text, end) is not None


def _only_terms(segment: str) -> bool:
    """True when the segment holds at least one marker term and nothing but terms and punctuation."""
    if not TERM.search(segment):
        return False
    return not FILLER.sub("", TERM.sub("", segment))
