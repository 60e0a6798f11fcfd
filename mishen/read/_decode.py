"""Bytes -> str for plain text and HTML: strict UTF-8 first, then BOMs, then charset-normalizer."""
from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from mishen.read.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# A detected legacy encoding is decoded with its superset, which reads everything the subset writes.
_SUPERSETS = {"gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030", "hz": "gb18030",
              "big5": "big5hkscs", "cp950": "big5hkscs"}
_MAX_JUNK_SHARE = 0.01
_SAMPLE = 256 * 1024  # bytes charset-normalizer looks at


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns (text, encoding name). ``declared`` (e.g. an HTML meta charset) is tried
    after a BOM and strict UTF-8. Binary junk raises ReadError UNREADABLE."""
    found = _try_bom(data)
    if found is None and b"\x00" in data[:4096]:
        found = _try_wide(data)
    text, encoding = found or _try_strict(data, "utf-8") or _try_declared(data, declared) or _try_detector(data)
    if "\x00" in text or _junk_share(text) > _MAX_JUNK_SHARE:
        raise ReadError("UNREADABLE", "文件内容不是可识别的文字（可能是二进制文件或已损坏）")
    return text, encoding


def _try_bom(data: bytes) -> tuple[str, str] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            body = data if name == "utf-8-sig" else data[len(bom):]
            try:
                return body.decode(name), name.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise ReadError("UNREADABLE", f"文件以 {name} 字节序标记开头，但内容无法按该编码解码") from exc
    return None


def _try_strict(data: bytes, name: str) -> tuple[str, str] | None:
    try:
        return data.decode(name), name
    except (UnicodeDecodeError, LookupError):
        return None


def _try_declared(data: bytes, declared: str | None) -> tuple[str, str] | None:
    if not declared:
        return None
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    name = _SUPERSETS.get(_key(name), name)
    found = _try_strict(data, name)
    return (found[0], name) if found else None


def _try_wide(data: bytes) -> tuple[str, str]:
    """BOM-less UTF-16: ASCII and line breaks leave NUL bytes at one parity. Anything else with NULs is binary."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(data) % 2 == 0 and max(even, odd) >= 2 and min(even, odd) * 8 <= max(even, odd):
        found = _try_strict(data, "utf-16-be" if even > odd else "utf-16-le")
        if found:
            return found
    raise ReadError("UNREADABLE", "文件内容不是可识别的文字（含有二进制数据）")


def _try_detector(data: bytes) -> tuple[str, str]:
    best = None
    for trim in range(4 if len(data) > _SAMPLE else 1):  # a cut may split a character: try shorter cuts
        best = from_bytes(data[:_SAMPLE - trim]).best()
        if best is not None:
            break
    if best is None:
        raise ReadError("UNREADABLE", "无法识别文件的文字编码（可能是二进制文件或已损坏）")
    name = codecs.lookup(best.encoding).name
    name = _SUPERSETS.get(_key(name), name)
    try:
        return data.decode(name), name
    except UnicodeDecodeError:
        return data.decode(name, errors="replace"), name


def _key(name: str) -> str:
    return name.replace("-", "").replace("_", "").lower()


# Characters no text file would call junk, removed in one pass before the per-character check of the rest:
# printable ASCII and the usual white space, Latin, CJK punctuation, kana, the CJK ideographs, full-width forms.
_COMMON = re.compile("[\t\n\r\f\v\x20-\x7e\u00a0-\u024f\u2010-\u2064\u3000-\u303f\u3041-\u3096\u3099-\u30ff"
                     "\u4e00-\u9fff\uff01-\uffbe]+")


def _junk_share(text: str) -> float:
    """Share of characters no text file contains: controls (but tab/newline/CR/FF), unassigned, private."""
    sample = text[:200_000]
    if not sample:
        return 0.0
    junk = 0
    for ch in _COMMON.sub("", sample):
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cn", "Co", "Cs") or ch == "\ufffd":
            junk += 1
    return junk / len(sample)
