"""Exact-span precision / recall / F1 of the secrets, markers and hidden-content detectors on the labelled set.

Run:  .venv/bin/python eval/secrets/evaluate.py [--subset all|dev|heldout] [--no-structure] [--errors]

data/*.txt and data/heldout/*.txt are plain documents; data/hidden/*.json are documents with hidden parts
(what the readers produce for comments, revisions, metadata, annotations …). labels.jsonl has one expected span per line
({doc, key, part, start, end, text}; key None = a document where nothing is expected). A finding matches a
label when doc, key, part, start and end are equal. The key is the category, with the rule appended for
the rules that borrow a category (DRAFT_STATUS[D8], DRAFT_STATUS[D9], SECRET_MARKER[D12], PARTY_DOCUMENT[D13]).
The detectors run the way the pipeline runs them: all on the main text, the "text" ones on every hidden part.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parents[1]))

from detectors import hidden, markers, secrets  # noqa: E402
from mishen.settings import Settings  # noqa: E402
from mishen.structure import parse_structure  # noqa: E402
from models import Block, Document, HiddenKind, HiddenPart, Normalizer, SourceFormat  # noqa: E402

# Detectors whose rule borrows a category; their findings are keyed category[rule].
BORROWED = {"pending_process": "D8", "enforcement_in_progress": "D9", "sensitive_subject": "D12",
            "personnel_case": "D13"}
HIDDEN_KEYS = ("DOC_COMMENT", "DOC_REVISION", "HIDDEN_TEXT", "HIDDEN_LINK", "DOC_METADATA", "PDF_ANNOTATION",
               "NO_TEXT_LAYER")
Key = tuple[str, str, str | None, int, int]  # doc, key, part, start, end


def line_document(text: str, source: str, fmt: SourceFormat | None, pages: list[int] | None = None) -> Document:
    """A Document whose blocks are its lines (page numbers from ``pages`` when given)."""
    blocks, start = [], 0
    for i, line in enumerate(text.split("\n")):
        if line:
            page = pages[i] if pages and i < len(pages) else None
            blocks.append(Block(start=start, end=start + len(line), kind="line", ref=f"line/{i + 1}",
                                location=f"第{i + 1}行", page=page))
        start += len(line) + 1
    return Document(source=source, sha256="0" * 64, format=fmt, text=text, blocks=blocks)


def load(path: Path) -> Document:
    if path.suffix == ".txt":
        return line_document(path.read_text(encoding="utf-8").rstrip("\n"), path.name, SourceFormat.TXT)
    data = json.loads(path.read_text(encoding="utf-8"))
    doc = line_document(data["text"], path.name, SourceFormat(data["format"]), data.get("line_pages"))
    doc.pages_without_text = data.get("pages_without_text", [])
    doc.hidden_parts = [
        HiddenPart(id=p["id"], kind=HiddenKind(p["kind"]), location=p["location"], attrs=p["attrs"],
                   document=line_document(p["text"], path.name, doc.format))
        for p in data["hidden_parts"]]
    return doc


def key_of(finding) -> str:
    rule = BORROWED.get(finding.detector)
    return f"{finding.category.value}[{rule}]" if rule else finding.category.value


def predict(doc: Document, detectors, normalizer: Normalizer, name: str, structure: bool) -> set[Key]:
    view = normalizer(doc.text)
    doc.structure = parse_structure(doc, view) if structure else None
    found = [f for d in detectors for f in d.detect(doc, view)]
    for part in doc.hidden_parts:
        part_view = normalizer(part.document.text)
        for d in (d for d in detectors if d.scope == "text"):
            for f in d.detect(part.document, part_view):
                f.part = part.id
                found.append(f)
    texts = {p.id: p.document.text for p in doc.hidden_parts}
    for f in found:  # the report invariant
        assert (doc.text if f.part is None else texts[f.part])[f.start:f.end] == f.text, (name, f)
    return {(name, key_of(f), f.part, f.start, f.end) for f in found}


def score(gold: set[Key], pred: set[Key]) -> dict[str, tuple[int, int, int]]:
    keys = sorted({k[1] for k in gold | pred})
    return {k: (len({g for g in gold if g[1] == k} & {p for p in pred if p[1] == k}),
                len({p for p in pred if p[1] == k} - gold), len({g for g in gold if g[1] == k} - pred))
            for k in keys}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def table(counts: dict[str, tuple[int, int, int]]) -> str:
    rows = ["| key | gold | tp | fp | fn | precision | recall | F1 |", "|---|---|---|---|---|---|---|---|"]
    total = Counter()
    hidden_total = Counter()
    for k, (tp, fp, fn) in counts.items():
        p, r, f = prf(tp, fp, fn)
        rows.append(f"| {k} | {tp + fn} | {tp} | {fp} | {fn} | {p:.2f} | {r:.2f} | {f:.2f} |")
        total.update(tp=tp, fp=fp, fn=fn)
        if k in HIDDEN_KEYS:
            hidden_total.update(tp=tp, fp=fp, fn=fn)
    for label, c in (("hidden content (all)", hidden_total), ("all", total)):
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        rows.append(f"| **{label}** | {c['tp'] + c['fn']} | {c['tp']} | {c['fp']} | {c['fn']} | {p:.2f} | {r:.2f} "
                    f"| {f:.2f} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-structure", action="store_true",
                        help="do not run mishen.structure.parse_structure (text fallbacks only)")
    parser.add_argument("--subset", choices=("all", "dev", "heldout"), default="all",
                        help="dev = data/*.txt + data/hidden (detectors were corrected on it); heldout = data/heldout "
                             "(written after the last correction, scored once)")
    parser.add_argument("--errors", action="store_true", help="list every false positive and false negative")
    args = parser.parse_args()
    labels = [json.loads(line) for line in (ROOT / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    gold = {(x["doc"], x["key"], x["part"], x["start"], x["end"]) for x in labels if x["key"]}
    names = sorted({x["doc"] for x in labels if args.subset == "all"
                    or (args.subset == "heldout") == x["doc"].startswith("heldout/")})
    gold = {g for g in gold if g[0] in names}
    settings, normalizer = Settings(), Normalizer()
    detectors = [*secrets.build(settings), *markers.build(settings), *hidden.build(settings)]
    started = time.perf_counter()
    pred: set[Key] = set()
    for name in names:
        pred |= predict(load(ROOT / "data" / name), detectors, normalizer, name, not args.no_structure)
    elapsed = time.perf_counter() - started
    print(f"{len(names)} documents, {len(gold)} labelled spans, {elapsed * 1000:.0f} ms\n")
    print(table(score(gold, pred)))
    if args.errors:
        docs = {name: load(ROOT / "data" / name) for name in names}
        for tag, items in (("FP", pred - gold), ("FN", gold - pred)):
            for name, key, part, a, b in sorted(items, key=lambda k: (k[0], k[3])):
                doc = docs[name]
                text = doc.text if part is None else next(p.document.text for p in doc.hidden_parts if p.id == part)
                print(f"{tag} {name} {key} {part or ''} [{a}:{b}] {text[a:b]!r}")


if __name__ == "__main__":
    main()
