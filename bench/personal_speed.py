"""Speed of the personal-data pass: engine load, chars/s on government text, the share of the name model,
and peak RSS.  python bench/personal_speed.py [--repeat 3]   (needs eval/personal/data/docs.jsonl)"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    started = time.perf_counter()
    from detectors.personal import build
    from mishen.settings import Settings
    from models import Document, Normalizer
    imported = time.perf_counter()
    (detector,) = build(Settings())
    loaded = time.perf_counter()
    normalizer = Normalizer()
    docs = [json.loads(line)["text"] for line in (ROOT / "eval/personal/data/docs.jsonl").open(encoding="utf-8")]
    text = "\n".join(docs)
    views = [normalizer(d) for d in docs]
    detector.detect(Document(source="w", sha256="", format=None, text=docs[0]), views[0])  # warm-up
    per_doc, whole = [], []
    for _ in range(args.repeat):
        t = time.perf_counter()
        for doc_text, view in zip(docs, views):
            detector.detect(Document(source="b", sha256="", format=None, text=doc_text), view)
        per_doc.append(time.perf_counter() - t)
        view = normalizer(text)
        t = time.perf_counter()
        detector.detect(Document(source="b", sha256="", format=None, text=text), view)
        whole.append(time.perf_counter() - t)
    tagger = detector.analyzer.nlp_engine.nlp["zh"].get_pipe("mishen_person_names").tagger
    t = time.perf_counter()
    tagger.tag(text.split("\n"))
    lac = time.perf_counter() - t
    print(f"chars: {len(text):,} in {len(docs)} documents")
    print(f"imports {imported - started:.2f} s, engine build {loaded - imported:.2f} s")
    print(f"per document: {len(text) / statistics.median(per_doc):,.0f} chars/s")
    print(f"as one text:  {len(text) / statistics.median(whole):,.0f} chars/s")
    print(f"LAC tagging alone: {len(text) / lac:,.0f} chars/s")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
