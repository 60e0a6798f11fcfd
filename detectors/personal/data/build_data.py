"""Regenerate the small data files of this package from the shared public data sets.

    python -m detectors.personal.data.build_data [/work/shared/data/divisions]

region_codes.txt.gz — every GB/T 2260 6-digit code 1981–2024, in use or abolished (yescallop/areacodes, CC0).
divisions.txt      — province / city / county names of 2023 (modood/Administrative-divisions-of-China, WTFPL),
                     one per line as "level<TAB>name".
"""
from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

HERE = Path(__file__).parent
DEFAULT_SOURCE = Path("/work/shared/data/divisions")


def region_codes(source: Path) -> list[str]:
    with open(source / "areacodes" / "result.csv", encoding="utf-8-sig", newline="") as f:
        codes = {row["代码"] for row in csv.DictReader(f) if len(row["代码"]) == 6 and row["代码"].isdigit()}
    return sorted(codes)


def division_names(source: Path) -> list[tuple[str, str]]:
    base = source / "modood_divisions"
    rows: list[tuple[str, str]] = []
    for level, name in (("province", "provinces.csv"), ("city", "cities.csv"), ("county", "areas.csv")):
        with open(base / name, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row["name"] not in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                    rows.append((level, row["name"]))
    return sorted(set(rows))


def main(source: Path = DEFAULT_SOURCE) -> None:
    codes = region_codes(source)
    with gzip.open(HERE / "region_codes.txt.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(codes) + "\n")
    names = division_names(source)
    (HERE / "divisions.txt").write_text("".join(f"{lv}\t{n}\n" for lv, n in names), encoding="utf-8")
    print(f"{len(codes)} region codes, {len(names)} division names")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE)
