"""The personal-data detector: Presidio over bounded chunks of the view, then one finding per datum."""
from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Literal

from presidio_analyzer import AnalyzerEngine, RecognizerResult

from detectors.base import finding_from_view
from detectors.personal import chunks, context
from detectors.personal.engine import LANGUAGE
from detectors.personal.recognizers.base import MASKED, PRIVATE, PUBLIC, UNKNOWN
from models import Action, Category, Document, Finding, NormalizedText, Severity

RULES = {"PERSON_NAME": "P1", "CN_ID_CARD": "P2", "CN_PHONE": "P3", "BANK_CARD": "P4", "CN_PASSPORT": "P5",
         "LICENSE_PLATE": "P5", "ADDRESS": "P6", "EMAIL": "P6", "SENSITIVE_PERSONAL": "P7"}
LABELS = {"PERSON_NAME": "姓名", "CN_ID_CARD": "身份证号", "CN_PHONE": "电话号码", "BANK_CARD": "银行卡号",
          "CN_PASSPORT": "护照/通行证号", "LICENSE_PLATE": "车牌号", "ADDRESS": "住址", "EMAIL": "电子邮箱",
          "SENSITIVE_PERSONAL": "敏感个人信息"}
# who wins when spans of different types overlap (sensitive phrases may overlap anything)
PRIORITY = ("CN_ID_CARD", "ORG_ID", "BANK_CARD", "CN_PHONE", "CN_PASSPORT", "LICENSE_PLATE", "EMAIL", "ADDRESS",
            "PERSON_NAME")
OUTCOME = {PRIVATE: (Severity.HIGH, Action.REDACT, "属个人信息，公开前应遮蔽"),
           UNKNOWN: (Severity.MEDIUM, Action.REVIEW, "无法判断是否属个人信息，需人工确认"),
           PUBLIC: (Severity.LOW, Action.NONE, "属公开联系方式或公务身份信息，可不遮蔽"),
           MASKED: (Severity.LOW, Action.NONE, "已遮蔽或化名，无需处理")}


@dataclass(slots=True)
class Hit:
    start: int
    end: int
    result: RecognizerResult

    @property
    def meta(self) -> dict:
        return self.result.recognition_metadata


class PersonalDataDetector:
    """Names, ID/phone/bank/passport numbers, plates, e-mails, addresses and sensitive data (P1–P7)."""

    name = "personal_data"
    scope: Literal["text", "document"] = "text"

    def __init__(self, analyzer: AnalyzerEngine, chunk_chars: int = 3000, batch_size: int = 64,
                 cache_chunks: int = 0, grain: chunks.Grain = chunks.COARSE) -> None:
        self.analyzer = analyzer
        self.chunk_chars = chunk_chars
        self.grain = grain
        self.batch_size = batch_size
        self.cache = ChunkCache(cache_chunks)

    def hits(self, text: str) -> list[Hit]:
        """Every datum in a text, overlaps resolved, roles settled (offsets into ``text``)."""
        parts = chunks.split(text, self.chunk_chars, *self.grain)
        cached = [self.cache.get(part) for _, part in parts]
        todo = [i for i, c in enumerate(cached) if c is None]
        artifacts = self.analyzer.nlp_engine.process_batch(
            [parts[i][1] for i in todo], LANGUAGE, batch_size=self.batch_size)
        for i, (_, nlp_artifacts) in zip(todo, artifacts):
            cached[i] = self.analyzer.analyze(parts[i][1], LANGUAGE, nlp_artifacts=nlp_artifacts)
            self.cache.put(parts[i][1], cached[i])
        found = [Hit(offset + r.start, offset + r.end, r) for (offset, _), results in zip(parts, cached)
                 for r in results]
        found = resolve(found)
        settle_names(text, found)
        return [h for h in found if h.result.entity_type in RULES]

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        return [self.finding(doc, view, h) for h in self.hits(view.text)]

    @staticmethod
    def finding(doc: Document, view: NormalizedText, hit: Hit) -> Finding:
        entity, meta = hit.result.entity_type, hit.meta
        severity, action, verdict = OUTCOME[meta["role"]]
        if entity == "CN_ID_CARD" and meta["role"] == UNKNOWN:
            severity, action = Severity.HIGH, Action.REDACT
        why = f"{LABELS[entity]}：{meta['pattern']}；{meta['validation']}"
        if meta.get("context"):
            why += f"；上下文“{meta['context']}”"
        return finding_from_view(
            doc, view, hit.start, hit.end, category=Category(entity), detector=meta["recognizer_name"],
            score=round(hit.result.score, 3), severity=severity, rules=[RULES[entity]],
            explanation=f"{why}。{verdict}", action=action,
            replacement=None if action is Action.NONE else meta["replacement"],
            evidence={"pattern": meta["pattern"], "validation": meta["validation"], "context": meta.get("context"),
                      "role": meta["role"]})


class ChunkCache:
    """Presidio's results per chunk of text, keyed by the chunk's BLAKE2 digest (the text itself is not kept),
    least recently used first out, in this process's memory only.  A CMS re-checking an edited page gets every
    unchanged chunk from here (chunks are content-defined, see ``chunks``).  ``get`` hands out copies: the
    detector settles roles in place."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[bytes, list[RecognizerResult]] = OrderedDict()

    @staticmethod
    def key(text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()

    def get(self, text: str) -> list[RecognizerResult] | None:
        if not self.size:
            return None
        key = self.key(text)
        results = self._entries.get(key)
        if results is None:
            return None
        self._entries.move_to_end(key)
        return [_copy(r) for r in results]

    def put(self, text: str, results: list[RecognizerResult]) -> None:
        if not self.size:
            return
        self._entries[self.key(text)] = [_copy(r) for r in results]
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)


def _copy(r: RecognizerResult) -> RecognizerResult:
    return RecognizerResult(r.entity_type, r.start, r.end, r.score, analysis_explanation=r.analysis_explanation,
                            recognition_metadata=dict(r.recognition_metadata or {}))


def resolve(found: list[Hit]) -> list[Hit]:
    """Overlapping spans of different types: the higher-priority type (then the longer span) wins."""
    rank = {e: i for i, e in enumerate(PRIORITY)}
    ordered = sorted(found, key=lambda h: (rank.get(h.result.entity_type, 99), -(h.end - h.start), h.start))
    taken: set[int] = set()
    kept: list[Hit] = []
    for hit in ordered:
        if hit.result.entity_type == "SENSITIVE_PERSONAL":
            kept.append(hit)
            continue
        positions = range(hit.start, hit.end)
        if any(p in taken for p in positions):
            continue
        taken.update(positions)
        kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end))


def settle_names(text: str, found: list[Hit]) -> None:
    """A name of unknown role on a line that also holds a private person's data is a private person's."""
    private_lines = {context.line_bounds(text, h.start) for h in found
                     if h.result.entity_type not in ("PERSON_NAME", "ORG_ID") and h.meta["role"] == PRIVATE}
    for h in found:
        if h.result.entity_type == "PERSON_NAME" and h.meta["role"] == UNKNOWN and \
                context.line_bounds(text, h.start) in private_lines:
            h.meta["role"] = PRIVATE
            h.meta["context"] = "同一行含个人信息"
