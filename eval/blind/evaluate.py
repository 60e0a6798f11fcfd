"""Blind evaluation: run the real pipeline on eval/blind/docs and score it against labels.jsonl.

Run from the repo root:  .venv/bin/python eval/blind/evaluate.py [--out eval/blind/raw_results.md]
Prints a Markdown report (figures and every miss) and writes predictions.jsonl beside the labels.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from mishen.pipeline import Reviewer  # noqa: E402

HERE = Path(__file__).parent
FIELDS = ["title", "doc_type", "doc_number", "issuer", "date", "note", "recipients", "signature",
          "is_official_document", "classification", "copy_number", "signer"]
ELEMENT_FIELDS = {"title", "doc_number", "date", "note", "recipients", "signature", "classification",
                  "copy_number", "signer"}
SPAN_CATEGORIES = ["PERSON_NAME", "CN_ID_CARD", "CN_PHONE", "EMAIL", "BANK_CARD", "CN_PASSPORT", "ADDRESS",
                   "LICENSE_PLATE", "SENSITIVE_PERSONAL", "CLASSIFICATION_MARK", "SECRET_MARKER", "CREDENTIAL",
                   "INTERNAL_NETWORK"]
ATTRS = ["主动公开", "依申请公开", "不予公开", "脱密后公开"]
BRACKETS = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "﹝": "〔", "﹞": "〕", "(": "〔", ")": "〕",
                          "（": "〔", "）": "〕", "【": "〔", "】": "〕"})
T2S = opencc.OpenCC("t2s")


def norm(field: str, value) -> object:
    """T→S, NFKC (full-width digits/brackets), no whitespace; 发文字号 brackets → 〔〕; no trailing colon."""
    if value is None or isinstance(value, bool):
        return value
    text = unicodedata.normalize("NFKC", T2S.convert(str(value)))
    text = re.sub(r"\s+", "", text)
    if field == "doc_number":
        text = text.translate(BRACKETS)
    if field == "recipients":
        text = text.rstrip(":：")
    return text or None


def predicted_structure(report) -> dict:
    st = report.document.structure
    out = {}
    for field in FIELDS:
        if st is None:
            out[field] = None
        elif field in ELEMENT_FIELDS:
            el = getattr(st, field)
            out[field] = el.value if el is not None else None
        else:
            out[field] = getattr(st, field)
    return out


def predicted_findings(report) -> list[dict]:
    seen, out = set(), []
    for f in report.findings:
        if f.part is not None or str(f.category) not in SPAN_CATEGORIES:
            continue
        key = (str(f.category), f.start, f.end)
        if key in seen:
            continue
        seen.add(key)
        out.append({"category": str(f.category), "start": f.start, "end": f.end, "text": f.text,
                    "action": str(f.action), "severity": str(f.severity), "detector": f.detector})
    return out


def overlaps(a: dict, b: dict) -> bool:
    return a["category"] == b["category"] and a["start"] < b["end"] and b["start"] < a["end"]


def exact(a: dict, b: dict) -> bool:
    return a["category"] == b["category"] and a["start"] == b["start"] and a["end"] == b["end"]


def score_spans(gold: list[dict], pred: list[dict], match) -> tuple[Counter, Counter, Counter, list, list]:
    """tp/fp/fn per category. Findings on an optional gold span (any overlap) are ignored."""
    tp, fp, fn = Counter(), Counter(), Counter()
    misses, false_pos = [], []
    required = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    for g in required:
        if any(match(g, p) for p in pred):
            tp[g["category"]] += 1
        else:
            fn[g["category"]] += 1
            misses.append(g)
    for p in pred:
        if any(match(g, p) for g in required):
            continue
        if any(overlaps(g, p) for g in optional):
            continue
        fp[p["category"]] += 1
        false_pos.append(p)
    return tp, fp, fn, misses, false_pos


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def run(labels: list[dict]) -> list[dict]:
    reviewer = Reviewer()
    rows = []
    for lab in labels:
        report = reviewer.review_path(HERE / "docs" / lab["file"])
        declared = report.declared_attribute
        sugg = report.suggestion
        rows.append({
            "file": lab["file"],
            "structure": predicted_structure(report),
            "declared": str(declared.value) if declared and declared.value else None,
            "declared_raw": declared.raw if declared else None,
            "suggestion": str(sugg.attribute) if sugg else None,
            "suggestion_rules": list(sugg.rules) if sugg else [],
            "opinion": str(sugg.opinion) if sugg else None,
            "decision": str(report.decision),
            "error": report.error.code if report.error else None,
            "findings": predicted_findings(report),
            "other_findings": sorted({str(f.category) for f in report.findings
                                      if str(f.category) not in SPAN_CATEGORIES}),
        })
    return rows


def table(headers: list[str], rows: list[list]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return out


def structure_section(labels, preds) -> list[str]:
    ok, misses = Counter(), []
    for lab, pr in zip(labels, preds):
        for field in FIELDS:
            want, got = norm(field, lab["structure"][field]), norm(field, pr["structure"][field])
            if want == got:
                ok[field] += 1
            else:
                misses.append([lab["file"], field, repr(lab["structure"][field]), repr(pr["structure"][field])])
    n = len(labels)
    total = sum(ok.values())
    lines = ["## Structure (per field, normalised)", ""]
    lines += table(["field", "correct", "accuracy"], [[f, f"{ok[f]}/{n}", f"{ok[f] / n:.3f}"] for f in FIELDS])
    lines += ["", f"All fields: **{total}/{n * len(FIELDS)} = {total / (n * len(FIELDS)):.3f}**", "",
              "### Structure misses", ""]
    lines += table(["file", "field", "expected", "got"], misses) if misses else ["none"]
    return lines


def attribute_section(labels, preds) -> list[str]:
    n = len(labels)
    dec_ok = [lab["declared_attribute"] == pr["declared"] for lab, pr in zip(labels, preds)]
    sug_ok = [lab["correct_attribute"]["value"] == pr["suggestion"] for lab, pr in zip(labels, preds)]
    lines = ["## 附注 (declared attribute value)", "",
             f"Accuracy: **{sum(dec_ok)}/{n} = {sum(dec_ok) / n:.3f}**", ""]
    bad = [[lab["file"], lab["declared_attribute"], pr["declared"], repr(pr["declared_raw"])]
           for lab, pr, ok in zip(labels, preds, dec_ok) if not ok]
    lines += table(["file", "expected", "got", "raw"], bad) if bad else ["no misses"]
    lines += ["", "## Suggested attribute", "", f"Accuracy: **{sum(sug_ok)}/{n} = {sum(sug_ok) / n:.3f}**", ""]
    conf = Counter((lab["correct_attribute"]["value"], pr["suggestion"]) for lab, pr in zip(labels, preds))
    rows = []
    for want in ATTRS:
        total = sum(conf[(want, g)] for g in ATTRS + [None])
        rows.append([want] + [conf[(want, g)] for g in ATTRS] + [total])
    lines += table(["correct \\ suggested"] + ATTRS + ["n"], rows)
    lines += ["", "### Suggestion misses", ""]
    bad = [[lab["file"], lab["correct_attribute"]["value"], pr["suggestion"], " ".join(pr["suggestion_rules"]),
            pr["opinion"], pr["decision"], lab["correct_attribute"]["reason"]]
           for lab, pr, ok in zip(labels, preds, sug_ok) if not ok]
    lines += table(["file", "expected", "got", "rules", "opinion", "decision", "label reason"], bad) if bad \
        else ["no misses"]
    return lines


def span_section(labels, preds) -> list[str]:
    lines = ["## Spans (main text only; optional gold spans neither rewarded nor penalised)", ""]
    detail = {}
    for mode, match in (("exact", exact), ("overlap", overlaps)):
        tp, fp, fn = Counter(), Counter(), Counter()
        miss_rows, fp_rows = [], []
        for lab, pr in zip(labels, preds):
            t, f, n, misses, false_pos = score_spans(lab["spans"], pr["findings"], match)
            tp.update(t), fp.update(f), fn.update(n)
            miss_rows += [[lab["file"], g["category"], g["text"], g.get("role", ""),
                           _near(g, pr["findings"])] for g in misses]
            fp_rows += [[lab["file"], p["category"], p["text"], p["action"], p["detector"]] for p in false_pos]
        detail[mode] = (miss_rows, fp_rows)
        rows = []
        for cat in SPAN_CATEGORIES:
            gold = tp[cat] + fn[cat]
            if gold == 0 and fp[cat] == 0:
                continue
            p, r, f = prf(tp[cat], fp[cat], fn[cat])
            rows.append([cat, gold, tp[cat], fp[cat], fn[cat], f"{p:.3f}", f"{r:.3f}", f"**{f:.3f}**"])
        p, r, f = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
        rows.append(["**all**", sum(tp.values()) + sum(fn.values()), sum(tp.values()), sum(fp.values()),
                     sum(fn.values()), f"{p:.3f}", f"{r:.3f}", f"**{f:.3f}**"])
        lines += [f"### {mode} match", ""]
        lines += table(["category", "gold", "tp", "fp", "fn", "P", "R", "F1"], rows) + [""]
    lines += role_section(labels, preds)
    for mode in ("exact", "overlap"):
        miss_rows, fp_rows = detail[mode]
        lines += [f"### Missed gold spans ({mode})", ""]
        lines += table(["file", "category", "gold text", "role", "nearest finding"], miss_rows) if miss_rows \
            else ["none"]
        lines += ["", f"### False positives ({mode})", ""]
        lines += table(["file", "category", "text", "action", "detector"], fp_rows) if fp_rows else ["none"]
        lines += [""]
    return lines


def _near(g: dict, findings: list[dict]) -> str:
    near = [f for f in findings if f["start"] < g["end"] and g["start"] < f["end"]]
    return "; ".join(f"{f['category']} `{f['text']}`" for f in near) or "—"


def role_section(labels, preds) -> list[str]:
    """How the detected gold names/phones were actioned, by labelled role (public should be low / none)."""
    counts = defaultdict(Counter)
    for lab, pr in zip(labels, preds):
        for g in lab["spans"]:
            if "role" not in g or g.get("optional"):
                continue
            hits = [p for p in pr["findings"] if overlaps(g, p)]
            action = hits[0]["action"] if hits else "missed"
            counts[(g["category"], g["role"])][action] += 1
    rows = [[cat, role, sum(c.values())] + [c[a] for a in ("none", "review", "redact", "block", "missed")]
            for (cat, role), c in sorted(counts.items())]
    return ["### Role handling (gold spans with a role; action of the overlapping finding)", ""] + \
        table(["category", "role", "n", "none", "review", "redact", "block", "missed"], rows) + [""]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, help="also write the Markdown report here")
    args = ap.parse_args()
    labels = [json.loads(line) for line in (HERE / "labels.jsonl").read_text(encoding="utf-8").splitlines()
              if line.strip()]
    preds = run(labels)
    with open(HERE / "predictions.jsonl", "w", encoding="utf-8") as out:
        for row in preds:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    errors = [p["file"] for p in preds if p["error"]]
    lines = [f"Documents: {len(labels)}; reports with an error: {errors or 'none'}", ""]
    lines += structure_section(labels, preds) + [""] + attribute_section(labels, preds) + [""]
    lines += span_section(labels, preds)
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
