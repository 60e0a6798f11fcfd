"""Regenerate ``name_chars.txt``: python -m detectors.personal.names.build_name_chars

Runs LAC (dense, every character) over the UNER zh GSDSIMP train and dev text (Wikipedia, CC BY-SA 4.0;
Mayhew et al., NAACL 2024) and the public regulations in ../shared/seeds, and counts, per character, how
often LAC begins a name with it and how often it appears inside one.  Only LAC's own predictions are used,
not UNER's labels; CLUENER is not read.  Surnames from ``surnames.txt`` always
begin names; those LAC rarely begins one with (和, 高, 文…) are weak starters.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from detectors.personal.names.crf import spans
from detectors.personal.names.lac import LacTagger

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
OUT = Path(__file__).parent / "name_chars.txt"
WEAK_RATE = 0.05     # starters that begin a name in fewer than 5% of their occurrences
NEVER_MIN = 20       # a character seen this often and never inside a name is never a name's second character


def corpus() -> list[str]:
    texts = []
    for split in ("train", "dev"):
        path = SHARED / "data/uner_zh_gsdsimp" / f"zh_gsdsimp-ud-{split}.iob2"
        texts += [ln[9:] for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith("# text = ")]
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        texts += [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return texts


def main() -> None:
    texts = corpus()
    begins, inside, seen = Counter(), Counter(), Counter()
    for text, tags in zip(texts, LacTagger(name_gap=None).tag(texts)):
        seen.update(text)
        for s, e in spans(tags):
            begins[text[s]] += 1
            inside.update(text[s + 1:e])
    lines = (Path(__file__).parent / "surnames.txt").read_text(encoding="utf-8").splitlines()
    surnames = {c for ln in lines if not ln.startswith("#") for c in ln}
    starters = set(begins) | surnames
    weak = {c for c in starters if seen[c] and begins[c] / seen[c] < WEAK_RATE}
    strong = starters - weak
    never = {c for c, n in seen.items() if n >= NEVER_MIN and not inside[c] and not c.isspace()}
    header = ("# Characters that can begin a person name (strong / weak) and that never continue one, from LAC's\n"
              "# tags over UNER zh GSDSIMP train+dev text (CC BY-SA 4.0, Mayhew et al. 2024) and public\n"
              "# regulations; see build_name_chars.py. Tab-separated: class, characters.\n")
    body = "".join(f"{k}\t{''.join(sorted(v))}\n" for k, v in (("strong", strong), ("weak", weak), ("never", never)))
    OUT.write_text(header + body, encoding="utf-8")
    print(f"strong {len(strong)}, weak {len(weak)}, never {len(never)} from {sum(map(len, texts)):,} chars")


if __name__ == "__main__":
    main()
