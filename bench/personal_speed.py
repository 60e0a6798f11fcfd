"""Speed of the personal-data pass: engine load, chars/s on government text, the share of the name model,
and peak RSS.  python bench/personal_speed.py [--repeat 5] [--dense]

Two corpora: ``generated`` (eval/personal/data/docs.jsonl: 120 short documents, one personal datum every
~23 characters, a name every ~57) and ``real`` (the public regulations in ../shared/seeds and the .txt files
of sample_docs: few names, as in most published documents).  Each is timed per document (as the pipeline
calls the detector) and as one text; median and best of ``--repeat`` runs are printed (the machine is
shared: the best run is the least disturbed one).  ``--dense`` runs LAC on every character (no name
candidate filter), for comparison.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpora() -> dict[str, list[str]]:
    generated = [json.loads(line)["text"] for line in (ROOT / "eval/personal/data/docs.jsonl").open(encoding="utf-8")]
    real = [p.read_text(encoding="utf-8") for p in sorted((ROOT.parent / "shared/seeds").glob("*.txt"))]
    real += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "sample_docs").glob("*.txt"))
             if p.read_bytes()[:3] != b"\xef\xbb\xbf" and "gbk" not in p.name and "big5" not in p.name]
    return {"generated": generated, "real": [t for t in real if t.strip()]}


def timed(detector, normalizer, texts: list[str], repeat: int) -> tuple[float, float]:
    from models import Document
    views = [normalizer(t) for t in texts]
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        for text, view in zip(texts, views):
            detector.detect(Document(source="b", sha256="", format=None, text=text), view)
        runs.append(time.perf_counter() - started)
    chars = sum(map(len, texts))
    return chars / statistics.median(runs), chars / min(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dense", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    from detectors.personal import build
    from mishen.settings import Settings
    from models import Document, Normalizer
    imported = time.perf_counter()
    (detector,) = build(Settings(cache_chunks=0))  # repeats of the same texts must not come from the cache
    loaded = time.perf_counter()
    component = detector.analyzer.nlp_engine.nlp["zh"].get_pipe("mishen_person_names")
    if args.dense:
        component.candidates = None
    normalizer = Normalizer()
    print(f"load average {os.getloadavg()[0]:.2f} (2 cores shared); LAC {'dense' if args.dense else 'sparse'}")
    print(f"imports {imported - started:.2f} s, engine build {loaded - imported:.2f} s")
    for name, docs in corpora().items():
        detector.detect(Document(source="w", sha256="", format=None, text=docs[0]), normalizer(docs[0]))
        text = "\n".join(docs)
        per_doc = timed(detector, normalizer, docs, args.repeat)
        whole = timed(detector, normalizer, [text], args.repeat)
        t = time.perf_counter()
        component.tagger.tag(text.split("\n"), [component.candidates.mask(x) for x in text.split("\n")]
                             if component.candidates else None)
        lac = time.perf_counter() - t
        print(f"[{name}] {len(text):,} chars in {len(docs)} documents")
        print(f"  per document: {per_doc[0]:,.0f} chars/s (best {per_doc[1]:,.0f})")
        print(f"  as one text:  {whole[0]:,.0f} chars/s (best {whole[1]:,.0f})")
        print(f"  LAC tagging alone: {len(text) / lac:,.0f} chars/s")
    print(f"load average {os.getloadavg()[0]:.2f}; peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
