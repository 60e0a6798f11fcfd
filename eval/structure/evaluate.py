"""Evaluate the 公文 structure parser on the labelled set: per-field accuracy (exact match), misses.

Run from the repo root: ``.venv/bin/python eval/structure/evaluate.py [--split dev|heldout|blind|dev2] [--quiet]``.
Writes eval/structure/RESULTS.md (always over both splits).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from mishen.settings import Settings  # noqa: E402
from mishen.structure import parse_structure  # noqa: E402
from models import Block, Document, Normalizer, SourceFormat, Structure  # noqa: E402

HERE = Path(__file__).resolve().parent
FIELDS = ("title", "doc_type", "doc_number", "issuer", "date", "note", "recipients", "signature",
          "is_official_document", "classification", "copy_number", "signer")


def read_document(path: Path) -> Document:
    """The real txt reader when it is there; otherwise a Document with one Block per line."""
    try:
        from mishen.read import read_path
        return read_path(path, Settings())
    except ImportError:
        pass
    text = path.read_bytes().decode("utf-8-sig")
    blocks, offset = [], 0
    for n, line in enumerate(text.split("\n"), 1):
        blocks.append(Block(start=offset, end=offset + len(line), kind="line", ref=f"line/{n}", location=f"第{n}行"))
        offset += len(line) + 1
    return Document(source=path.name, sha256="", format=SourceFormat.TXT, text=text, blocks=blocks)


def predicted(s: Structure) -> dict[str, object]:
    out: dict[str, object] = {}
    for name in FIELDS:
        value = getattr(s, name)
        out[name] = value.value if hasattr(value, "value") and not isinstance(value, str | bool) else value
    return out


def evaluate(rows: list[dict], normalizer: Normalizer) -> tuple[list[dict], int]:
    results, skipped = [], 0
    for row in rows:
        path = ROOT / row["file"]
        if not path.exists():
            skipped += 1
            continue
        doc = read_document(path)
        view = normalizer(doc.text)
        started = time.perf_counter()
        structure = parse_structure(doc, view)
        ms = (time.perf_counter() - started) * 1000
        for name in FIELDS:  # every span must point into the original text
            el = getattr(structure, name, None)
            if hasattr(el, "start") and not 0 <= el.start <= el.end <= len(doc.text):
                raise AssertionError(f"{row['file']}: {name} span out of range")
        results.append({"row": row, "pred": predicted(structure), "ms": ms})
    return results, skipped


def table(results: list[dict]) -> tuple[dict[str, tuple[int, int]], list[str]]:
    scores = {name: [0, 0] for name in FIELDS}
    misses = []
    for r in results:
        for name in FIELDS:
            want, got = r["row"][name], r["pred"][name]
            scores[name][1] += 1
            if want == got:
                scores[name][0] += 1
            else:
                misses.append(f"{Path(r['row']['file']).name} [{r['row']['split']}] {name}: "
                              f"expected {want!r}, got {got!r}")
    return {k: (v[0], v[1]) for k, v in scores.items()}, misses


def render(by_split: dict[str, list[dict]]) -> str:
    lines = ["| field | " + " | ".join(f"{k} (n={len(v)})" for k, v in by_split.items()) + " |",
             "|---|" + "---|" * len(by_split)]
    tables = {k: table(v)[0] for k, v in by_split.items()}
    for name in FIELDS + ("overall",):
        cells = []
        for k in by_split:
            t = tables[k]
            ok, n = (sum(a for a, _ in t.values()), sum(b for _, b in t.values())) if name == "overall" else t[name]
            cells.append(f"{ok}/{n} = {ok / n:.3f}" if n else "-")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=("dev", "heldout", "blind", "dev2"), help="print only this split's misses")
    parser.add_argument("--quiet", action="store_true", help="do not print misses")
    args = parser.parse_args()
    rows = [json.loads(line) for line in (HERE / "labels.jsonl").read_text("utf-8").splitlines() if line.strip()]
    results, skipped = evaluate(rows, Normalizer())
    by_split = {"all": results}
    for split in ("dev", "heldout", "blind", "dev2"):
        by_split[split] = [r for r in results if r["row"]["split"] == split]
    summary = render(by_split)
    print(summary)
    _, misses = table(results)
    if skipped:
        print(f"\n{skipped} labelled file(s) not found (the shared seeds are read from ../shared/seeds)")
    ms = sorted(r["ms"] for r in results)
    print(f"\nparse time per document: median {ms[len(ms) // 2]:.1f} ms, max {ms[-1]:.1f} ms")
    if not args.quiet:
        shown = [m for m in misses if args.split is None or f"[{args.split}]" in m]
        print(f"\nmisses ({len(shown)}):")
        print("\n".join(shown))
    report = ["# Structure parser — labelled-set results", "",
              "Generated by `.venv/bin/python eval/structure/evaluate.py`; exact match of the normalised value "
              "per field (null must be predicted as null).", "", summary, "",
              f"Documents: {len(results)} ({skipped} skipped: not found). "
              f"Parse time median {ms[len(ms) // 2]:.1f} ms, max {ms[-1]:.1f} ms.", "",
              f"## Misses ({len(misses)})", ""] + [f"- {m}" for m in misses]
    (HERE / "RESULTS.md").write_text("\n".join(report) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
