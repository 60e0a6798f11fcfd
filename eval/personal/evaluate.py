"""Precision / recall / F1 per category, exact span match [and overlap], for the detector and baselines.

    python -m eval.personal.evaluate [--cluener 3000] [--skip-baselines]
"""
from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict

from eval.personal import datasets
from eval.personal.baselines import JiebaNr, LacAlone, StockPresidio

Span = tuple[int, int, str]


class Ours:
    """The shipped personal-data detector, as the pipeline runs it (normalised view, original offsets)."""

    def __init__(self, **settings: object) -> None:
        from detectors.personal import build
        from mishen.settings import Settings
        from models import Normalizer

        started = time.perf_counter()
        (self.detector,) = build(Settings(**settings))
        self.load_s = time.perf_counter() - started
        self.normalizer = Normalizer()
        self.roles: dict[tuple[int, int, str], str] = {}

    def __call__(self, text: str) -> list[Span]:
        from models import Document
        doc = Document(source="eval", sha256="", format=None, text=text)
        findings = self.detector.detect(doc, self.normalizer(text))
        self.roles = {(f.start, f.end, f.category.value): str(f.evidence.get("role")) for f in findings}
        return [(f.start, f.end, f.category.value) for f in findings]


def joined(sentences: list[tuple[str, list[Span]]]) -> tuple[str, list[Span], list[int]]:
    """Sentences as one document, one per line, with gold spans shifted."""
    text, gold, starts, pos = [], [], [], 0
    for s, spans in sentences:
        starts.append(pos)
        text.append(s)
        gold += [(a + pos, b + pos, c) for a, b, c in spans]
        pos += len(s) + 1
    return "\n".join(text), gold, starts


def score(gold: list[Span], pred: list[Span]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for cat in sorted({c for *_, c in gold}):
        g = [s for s in gold if s[2] == cat]
        p = [s for s in pred if s[2] == cat]
        exact = len(set(g) & set(p))
        p_hit = sum(any(a < y and x < b for x, y, _ in g) for a, b, _ in p)
        g_hit = sum(any(a < y and x < b for x, y, _ in p) for a, b, _ in g)
        out[cat] = {"n": len(g), **_prf(exact, len(p), exact, len(g), ""), **_prf(p_hit, len(p), g_hit, len(g), "o")}
    return out


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int, tag: str) -> dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return {tag + "p": p, tag + "r": r, tag + "f": 2 * p * r / (p + r) if p + r else 0.0}


def table(title: str, rows: dict[str, dict[str, dict[str, float]]]) -> str:
    lines = [f"### {title}", "", "| system | category | gold | P | R | F1 | overlap F1 |", "|---|---|---|---|---|---|---|"]
    for system, cats in rows.items():
        for cat, m in cats.items():
            lines.append(f"| {system} | {cat} | {m['n']} | {m['p']:.3f} | {m['r']:.3f} | **{m['f']:.3f}** | {m['of']:.3f} |")
    return "\n".join(lines)


def run_set(systems: dict, text: str, gold: list[Span], cats: set[str] | None = None) -> dict:
    rows = {}
    for name, system in systems.items():
        started = time.perf_counter()
        pred = system(text)
        elapsed = time.perf_counter() - started
        if cats:
            pred = [s for s in pred if s[2] in cats]
        result = score(gold, pred)
        rows[name] = {c: m for c, m in result.items() if name == "ours" or any(s[2] == c for s in pred)}
        print(f"  {name}: {len(text) / elapsed:,.0f} chars/s")
    return rows


def role_report(ours: Ours, docs) -> str:
    confusion: Counter = Counter()
    for text, spans, roles in docs:
        ours(text)
        for (a, b, c), role in zip(spans, roles):
            if c in ("PERSON_NAME", "CN_PHONE", "CN_ID_CARD"):
                confusion[(c, role, ours.roles.get((a, b, c), "missed"))] += 1
    lines = ["| category | gold role | predicted role | count |", "|---|---|---|---|"]
    lines += [f"| {c} | {g} | {p} | {n} |" for (c, g, p), n in sorted(confusion.items())]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cluener", type=int, default=3000)
    parser.add_argument("--skip-baselines", action="store_true")
    args = parser.parse_args()
    ours = Ours()
    print(f"engine load {ours.load_s:.2f} s")
    base = {} if args.skip_baselines else {"presidio-stock": StockPresidio(), "lac-alone": LacAlone(), "jieba-nr": JiebaNr()}
    docs = datasets.gov()
    text, gold, _ = joined([(t, s) for t, s, _ in docs])
    out = [table("(a) generated government documents", run_set({"ours": ours, **base}, text, gold))]
    out.append("#### roles on the generated set (ours)\n\n" + role_report(ours, docs))
    names = {"ours": ours, **{k: v for k, v in base.items() if k != "presidio-stock"}}
    text, gold, _ = joined(datasets.uner())
    out.append(table("(b) UNER zh GSDSIMP test, PER", run_set(names, text, gold, {"PERSON_NAME"})))
    text, gold, _ = joined(datasets.cluener(args.cluener))
    out.append(table(f"(c) CLUENER train, first {args.cluener} sentences, name",
                     run_set(names, text, gold, {"PERSON_NAME"})))
    print("\n\n".join(out))


if __name__ == "__main__":
    main()
