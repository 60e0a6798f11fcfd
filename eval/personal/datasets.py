"""The three evaluation sets: generated government documents, UNER test PER, CLUENER names (read in place)."""
from __future__ import annotations

import json
from pathlib import Path

GOV = Path(__file__).parent / "data" / "docs.jsonl"
UNER = Path("/work/shared/data/uner_zh_gsdsimp/zh_gsdsimp-ud-test.iob2")
CLUENER = Path("/work/shared/data/cluener2020/train.json")  # evaluation only: never copied into the repo

Span = tuple[int, int, str]


def gov() -> list[tuple[str, list[Span], list[str]]]:
    """(text, spans, roles) per document."""
    out = []
    for line in GOV.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        out.append((d["text"], [(s, e, c) for s, e, c, _ in d["spans"]], [r for *_, r in d["spans"]]))
    return out


def uner() -> list[tuple[str, list[Span]]]:
    out, text, tokens = [], "", []
    for line in UNER.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("# text = "):
            text = line[len("# text = "):]
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            tokens.append((cols[1], cols[2]))
        elif not line and tokens:
            out.append((text, _bio_spans(text, tokens)))
            text, tokens = "", []
    return out


def _bio_spans(text: str, tokens: list[tuple[str, str]]) -> list[Span]:
    spans: list[Span] = []
    pos, current = 0, None
    for token, tag in tokens:
        start = text.find(token, pos)
        start = pos if start < 0 else start
        end = start + len(token)
        pos = end
        if tag == "B-PER":
            current = [start, end]
            spans.append((start, end, "PERSON_NAME"))
        elif tag == "I-PER" and current:
            current[1] = end
            spans[-1] = (current[0], end, "PERSON_NAME")
        else:
            current = None
    return spans


def cluener(limit: int = 3000) -> list[tuple[str, list[Span]]]:
    out = []
    with open(CLUENER, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= limit:
                break
            d = json.loads(line)
            spans = [(a, b + 1, "PERSON_NAME") for offsets in d.get("label", {}).get("name", {}).values()
                     for a, b in offsets]
            out.append((d["text"], spans))
    return out
