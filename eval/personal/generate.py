"""Generate the labelled government-document set: ``python -m eval.personal.generate`` (fixed seed).

Writes data/docs.jsonl: {"id", "kind", "text", "spans": [[start, end, category, role], ...]} where role is
private / public / masked. Officials' names and public hotlines are labelled too (detection is the same,
the action differs); near misses (文号, 索引号, amounts, 邮编, contract numbers, 信用代码, office addresses,
wrong check digits) are left unlabelled on purpose.
"""
from __future__ import annotations

import json

import opencc
import random
from pathlib import Path

from eval.personal.fakes import Fakes
from eval.personal.templates import TEMPLATES

OUT = Path(__file__).parent / "data" / "docs.jsonl"


class Builder:
    """Appends text pieces and records the labelled ones."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.spans: list[list] = []

    def text(self, s: str) -> Builder:
        self.parts.append(s)
        self.size += len(s)
        return self

    def ent(self, category: str, s: str, role: str = "private") -> Builder:
        self.spans.append([self.size, self.size + len(s), category, role])
        return self.text(s)

    def build(self) -> str:
        return "".join(self.parts)


def generate(n: int = 120, seed: int = 20240615) -> list[dict]:
    rng = random.Random(seed)
    fakes = Fakes(rng)
    docs = []
    for i in range(n):
        kind, template = TEMPLATES[i % len(TEMPLATES)]
        b = Builder()
        template(b, fakes, rng)
        text = b.build()
        if i % 10 == 3:
            text, kind = full_width(text), kind + "（全角）"
        elif i % 10 == 7:
            text, kind = traditional(text), kind + "（繁体）"
        docs.append({"id": f"gov-{i:03d}", "kind": kind, "text": text, "spans": b.spans})
    return docs


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isdigit() else c for c in text)


def traditional(text: str) -> str:
    convert = opencc.OpenCC("s2t").convert
    return "".join(t if len(t := convert(c)) == 1 else c for c in text)


def main() -> None:
    docs = generate()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"{len(docs)} documents, {sum(len(d['spans']) for d in docs)} spans, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
