"""Evaluate the 附注 parser and the attribute suggestion on the labelled set.

    .venv/bin/python eval/attribute/evaluate.py [--seeds ../shared/seeds] [--mode pipeline|functions|both]
                                                [--markdown]

``pipeline``: the whole Reviewer (readers, structure parser, every registered detector, policy) — its figures
grow as the other detectors land. ``functions``: the attribute detector and the policy alone, with no
structure and no other detector's findings (what the policy's own reading of the text gets right).
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from detectors.attribute import build as build_attribute, parse_declared  # noqa: E402
from mishen.policy import evaluate, load_policy  # noqa: E402
from mishen.settings import Settings  # noqa: E402
from models import Attribute, Document, Normalizer, SourceFormat, Structure  # noqa: E402

HERE = Path(__file__).resolve().parent
ATTRS = [a.value for a in Attribute]
DEFAULT_OPINION = {"主动公开": "公开", "脱密后公开": "公开", "依申请公开": "免予公开", "不予公开": "免予公开"}


@dataclass
class Outcome:
    id: str
    attribute: str
    suggested: str
    declared_ok: bool
    declared_got: str
    opinion: str
    opinion_got: str
    decision: str
    rules: list[str]


def load_cases(seeds: Path | None) -> list[dict]:
    cases = []
    for path in sorted((HERE / "corpus").glob("*.yaml")):
        cases += yaml.safe_load(path.read_text(encoding="utf-8"))
    if seeds and seeds.is_dir():
        for case in yaml.safe_load((HERE / "seeds.yaml").read_text(encoding="utf-8")):
            case["text"] = (seeds / case["file"]).read_text(encoding="utf-8")
            cases.append(case)
    return cases


def _document(case: dict) -> Document:
    text = case["text"]
    return Document(source=case["id"] + ".txt", sha256=hashlib.sha256(text.encode()).hexdigest(),
                    format=SourceFormat.TXT, text=text, structure=Structure())


class FunctionsOnly:
    """The attribute detector + policy, no structure parser, no other detector."""

    def __init__(self) -> None:
        settings = Settings()
        self.normalizer = Normalizer()
        self.detectors = build_attribute(settings)
        self.policy = load_policy(settings)

    def review(self, case: dict):
        doc = _document(case)
        view = self.normalizer(doc.text)
        findings = [f for d in self.detectors for f in d.detect(doc, view)]
        declared = parse_declared(doc, view)
        result = evaluate(doc, declared, findings, self.policy)
        return declared, result.suggestion, result.decision


class FullPipeline:
    def __init__(self) -> None:
        from mishen.pipeline import Reviewer
        self.reviewer = Reviewer(Settings())

    def review(self, case: dict):
        report = self.reviewer.review_bytes(case["text"].encode("utf-8"), case["id"] + ".txt")
        if report.error is not None:
            raise RuntimeError(f"{case['id']}: {report.error.code} {report.error.message}")
        return report.declared_attribute, report.suggestion, report.decision


def _declared_ok(case: dict, declared) -> tuple[bool, str]:
    want = case.get("declared")
    if declared is None:
        return want is None, "—"
    got = f"{declared.value.value if declared.value else None}|{declared.raw}"
    if want is None:
        return False, got
    return (declared.value and declared.value.value) == want["value"] and declared.raw == want["raw"], got


def run(engine, cases: list[dict]) -> list[Outcome]:
    out = []
    for case in cases:
        declared, suggestion, decision = engine.review(case)
        ok, got = _declared_ok(case, declared)
        out.append(Outcome(
            id=case["id"], attribute=case["attribute"], suggested=suggestion.attribute.value, declared_ok=ok,
            declared_got=got, opinion=case.get("opinion") or DEFAULT_OPINION[case["attribute"]],
            opinion_got=suggestion.opinion.value, decision=decision.value, rules=suggestion.rules))
    return out


def summary(name: str, outcomes: list[Outcome]) -> str:
    n = len(outcomes)
    right = sum(o.attribute == o.suggested for o in outcomes)
    lines = [f"### {name}", "", f"- documents: {n}",
             f"- suggestion accuracy: **{right / n:.3f}** ({right}/{n})",
             f"- 附注 parse accuracy: **{sum(o.declared_ok for o in outcomes) / n:.3f}**",
             f"- opinion accuracy: {sum(o.opinion == o.opinion_got for o in outcomes) / n:.3f}",
             "- decisions: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(o.decision for o in outcomes).items())),
             "", "| correct \\ suggested | " + " | ".join(ATTRS) + " | n | accuracy |",
             "|---|" + "---|" * (len(ATTRS) + 2)]
    for want in ATTRS:
        row = [o for o in outcomes if o.attribute == want]
        counts = Counter(o.suggested for o in row)
        acc = f"{sum(o.suggested == want for o in row) / len(row):.3f}" if row else "—"
        lines.append(f"| {want} | " + " | ".join(str(counts.get(a, 0)) for a in ATTRS) + f" | {len(row)} | {acc} |")
    errors = [o for o in outcomes if o.attribute != o.suggested or not o.declared_ok or o.opinion != o.opinion_got]
    if errors:
        lines += ["", "Errors:", ""]
        for o in errors:
            lines.append(f"- `{o.id}`: correct {o.attribute}/{o.opinion}, suggested {o.suggested}/{o.opinion_got} "
                         f"{o.rules}" + ("" if o.declared_ok else f"; 附注 parsed as {o.declared_got}"))
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--mode", choices=["pipeline", "functions", "both"], default="both")
    args = parser.parse_args()
    cases = load_cases(args.seeds)
    if args.mode in ("functions", "both"):
        print(summary("Attribute detector + policy alone (no structure, no other detectors)",
                      run(FunctionsOnly(), cases)))
    if args.mode in ("pipeline", "both"):
        print(summary("Full pipeline (mishen.pipeline.Reviewer)", run(FullPipeline(), cases)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
