"""Does the name-candidate filter lose names where it engages (name-sparse text)?

    python -m eval.personal.sparse_check [--cluener 3000] [--gap 600]

The labelled sets are dense in names, so the tagger runs them whole and the filter never engages there.
Here each labelled sentence (UNER test, CLUENER, the generated government documents) is placed between
``--gap`` characters of real regulation text (../shared/seeds, no names), one sentence per gap, and name F1 is
measured with the filter on and off on the same text.  CLUENER is read in place, evaluation only.  The chunk cache is
off: with it, the second pass got the first pass's results back and the two always agreed (so they did from the
second session until 2026-11-23).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from eval.personal import datasets
from eval.personal.evaluate import Ours, score

SEEDS = Path("/work/shared/seeds")
Span = tuple[int, int, str]


def filler() -> str:
    return "".join(p.read_text(encoding="utf-8").replace("\n", "") for p in sorted(SEEDS.glob("*.txt")))


def embedded(sentences: list[tuple[str, list[Span]]], gap: int) -> tuple[str, list[Span]]:
    """One text: filler, sentence, filler, sentence… (each on its own line), gold spans shifted."""
    pad = filler()
    parts, gold, pos, at = [], [], 0, 0
    for text, spans in sentences:
        chunk = pad[at:at + gap] or pad[:gap]
        at = (at + gap) % max(1, len(pad) - gap)
        parts += [chunk, "\n", text, "\n"]
        start = pos + len(chunk) + 1
        gold += [(a + start, b + start, "PERSON_NAME") for a, b, c in spans if c == "PERSON_NAME"]
        pos = start + len(text) + 1
    return "".join(parts), gold


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cluener", type=int, default=3000)
    parser.add_argument("--gap", type=int, default=600)
    args = parser.parse_args()
    ours = Ours(cache_chunks=0)   # with the chunk cache, the second pass would answer from the first one's results
    component = ours.detector.analyzer.nlp_engine.nlp["zh"].get_pipe("mishen_person_names")
    candidates = component.candidates
    gov = [(t, s) for t, s, _ in datasets.gov()]
    for name, data in (("gov", gov), ("uner", datasets.uner()), ("cluener", datasets.cluener(args.cluener))):
        text, gold = embedded(data, args.gap)
        row = []
        for label, filt in (("dense", None), ("filtered", candidates)):
            component.candidates = filt
            pred = [s for s in ours(text) if s[2] == "PERSON_NAME"]
            m = score(gold, pred)["PERSON_NAME"]
            row.append(f"{label} P {m['p']:.3f} R {m['r']:.3f} F1 {m['f']:.4f}")
        print(f"{name} ({len(gold)} names in {len(text):,} chars): " + " | ".join(row))
    component.candidates = candidates


if __name__ == "__main__":
    main()
