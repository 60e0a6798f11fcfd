"""Generate the sample documents and their expected files from the plain sources in ``sample_docs/src/``.

Usage: ``python sample_docs/build.py [--out DIR]`` (default: this folder). The output is deterministic,
so the committed files only change when a source changes; ``tests/test_golden.py`` checks that.

Sources are UTF-8 text, one paragraph per line, with a small markup (see ``markup.py``) and
placeholders that keep every synthetic number valid:

- ``{id:330106-19850412-772}``   -> the 18-digit 居民身份证号码 with its GB 11643 check digit;
- ``{mask:330106-19850412-772}`` -> the same number masked as in a 公示: ``330106********7725``;
- ``{card:622848001234567890}``  -> the bank card number with its Luhn check digit appended.

The region prefix must be a real GB/T 2260 code (``REGIONS``) and the birth date a real date.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # keep sample_docs/ free of __pycache__
sys.path.insert(0, str(HERE))

from markup import parse_source  # noqa: E402

# GB/T 2260 county-level codes used by the samples (checked against the 2024 code list).
REGIONS = {
    "110101": "北京市东城区", "110105": "北京市朝阳区", "320102": "南京市玄武区", "320106": "南京市鼓楼区",
    "330102": "杭州市上城区", "330106": "杭州市西湖区", "440305": "深圳市南山区", "440106": "广州市天河区",
    "510104": "成都市锦江区", "420106": "武汉市武昌区", "370102": "济南市历下区", "350203": "厦门市思明区",
    "430104": "长沙市岳麓区", "610113": "西安市雁塔区", "210102": "沈阳市和平区",
}
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
PLACEHOLDER = re.compile(r"\{(id|mask|card):([0-9-]+)\}")


def id_check_digit(first17: str) -> str:
    """GB 11643 / ISO 7064 MOD 11-2 check character of the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS))
    return "10X98765432"[total % 11]


def luhn_check_digit(payload: str) -> str:
    """The digit that makes ``payload + digit`` pass the Luhn check."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def make_id(spec: str) -> str:
    """``RRRRRR-YYYYMMDD-SSS`` -> a valid 18-digit ID number (region and date are checked)."""
    region, birth, seq = spec.split("-")
    if region not in REGIONS:
        raise ValueError(f"region code {region} is not in REGIONS")
    dt.date(int(birth[:4]), int(birth[4:6]), int(birth[6:8]))
    if len(seq) != 3:
        raise ValueError(f"sequence {seq!r} must have 3 digits")
    first17 = region + birth + seq
    return first17 + id_check_digit(first17)


def substitute(text: str) -> str:
    """Replace every placeholder by its synthetic number."""
    def one(m: re.Match[str]) -> str:
        kind, spec = m.group(1), m.group(2)
        if kind == "card":
            return spec + luhn_check_digit(spec)
        number = make_id(spec)
        return number if kind == "id" else number[:6] + "*" * 8 + number[-4:]
    return PLACEHOLDER.sub(one, text)


def write_txt(doc, path: Path) -> None:
    lines = doc.plain_lines()
    newline = "\r\n" if doc.meta.get("newline") == "crlf" else "\n"
    data = (newline.join(lines) + newline).encode(doc.meta.get("encoding", "utf-8"))
    path.write_bytes(data)


def write_expected(src: Path, out: Path) -> None:
    """The expected file with numbers filled in; one line per key and per list item, for easy review."""
    expected = json.loads(substitute(src.read_text(encoding="utf-8")))
    lines = []
    for key, value in expected.items():
        if isinstance(value, list) and value:
            items = ",\n".join("    " + json.dumps(v, ensure_ascii=False) for v in value)
            lines.append(f"  {json.dumps(key)}: [\n{items}\n  ]")
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    out.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")


def build_one(src: Path, out_dir: Path) -> Path:
    name = src.stem
    if src.suffix == ".html":
        target = out_dir / f"{name}.html"
        target.write_text(substitute(src.read_text(encoding="utf-8")), encoding="utf-8", newline="\n")
    else:
        doc = parse_source(substitute(src.read_text(encoding="utf-8")))
        fmt = doc.meta["format"]
        target = out_dir / f"{name}.{fmt}"
        if fmt == "docx":
            from make_docx import write_docx
            write_docx(doc, target)
        elif fmt == "pdf":
            from make_pdf import write_pdf
            write_pdf(doc, target)
        elif fmt == "txt":
            write_txt(doc, target)
        else:
            raise ValueError(f"{src.name}: unknown format {fmt}")
    write_expected(src.with_suffix(".expected.json"), out_dir / f"{name}.expected.json")
    return target


def build_bad(out_dir: Path, a_docx: Path) -> None:
    """Three files that must fail to read, each with the error code it must give."""
    bad = out_dir / "bad"
    bad.mkdir(exist_ok=True)
    (bad / "empty.txt").write_bytes(b"")
    (bad / "not_a_docx.docx").write_bytes("这不是Word文件，只是改了扩展名的纯文本。\n".encode("utf-8"))
    data = a_docx.read_bytes()
    (bad / "truncated.docx").write_bytes(data[: len(data) // 2])
    for name, code in (("empty.txt", "EMPTY"), ("not_a_docx.docx", "UNREADABLE"),
                       ("truncated.docx", "UNREADABLE")):
        (bad / f"{Path(name).stem}.expected.json").write_text(
            json.dumps({"error": code}, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: sample_docs/)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    sources = sorted(p for p in (HERE / "src").iterdir()
                     if p.suffix in (".txt", ".html") and not p.name.endswith(".expected.json"))
    built = [build_one(src, args.out) for src in sources]
    first_docx = next(p for p in built if p.suffix == ".docx")
    build_bad(args.out, first_docx)
    print(f"built {len(built)} documents and 3 bad files into {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
