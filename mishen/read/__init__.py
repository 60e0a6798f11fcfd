"""Readers: a file's bytes -> Document. The format is sniffed from the content, not trusted from the name."""
from __future__ import annotations

import hashlib
from pathlib import Path

from mishen.read.errors import ReadError
from mishen.settings import Settings
from models import Document, SourceFormat

__all__ = ["ReadError", "read_bytes", "read_path", "sniff_format"]

_EXTENSIONS = {
    ".docx": SourceFormat.DOCX, ".pdf": SourceFormat.PDF, ".txt": SourceFormat.TXT, ".text": SourceFormat.TXT,
    ".md": SourceFormat.MD, ".html": SourceFormat.HTML, ".htm": SourceFormat.HTML, ".shtml": SourceFormat.HTML,
}


def format_from_name(name: str) -> SourceFormat | None:
    return _EXTENSIONS.get(Path(name).suffix.lower())


def sniff_format(data: bytes, name: str) -> SourceFormat:
    """What the bytes are. A name that disagrees with the content is an error, not a guess."""
    claimed = format_from_name(name)
    if data.startswith(b"PK\x03\x04"):
        actual = SourceFormat.DOCX
    elif data.lstrip()[:5] == b"%PDF-" or data[:1024].find(b"%PDF-") >= 0:
        actual = SourceFormat.PDF
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
            raise ReadError("ENCRYPTED", "文件是加密的 Office 文档（设置了打开密码），无法读取；"
                                         "请去除密码后再提交")
        raise ReadError("UNSUPPORTED", "文件是旧版 Office 格式（.doc/.xls）或加密的 Office 文件，请另存为 .docx 后再提交")
    else:
        head = data[:4096].lower()
        looks_html = any(tag in head for tag in (b"<html", b"<!doctype html", b"<body", b"<div", b"<p>", b"<p "))
        if claimed in (SourceFormat.DOCX, SourceFormat.PDF):
            raise ReadError("UNREADABLE", f"文件扩展名为 .{claimed.value}，但内容不是该格式（文件已损坏或扩展名错误）")
        if claimed is SourceFormat.HTML or (claimed is None and looks_html):
            actual = SourceFormat.HTML
        elif claimed is SourceFormat.MD:
            actual = SourceFormat.MD
        else:
            actual = SourceFormat.TXT
    if claimed is not None and claimed in (SourceFormat.DOCX, SourceFormat.PDF) and claimed is not actual:
        raise ReadError("UNREADABLE", f"文件扩展名为 .{claimed.value}，但内容是 {actual.value} 格式")
    return actual


def read_bytes(data: bytes, name: str, settings: Settings) -> Document:
    """Read one document from its bytes; ``name`` is what the report shows as the source."""
    if len(data) > settings.max_file_bytes:
        raise ReadError("TOO_LARGE", f"文件大小 {len(data)} 字节，超过上限 {settings.max_file_bytes} 字节")
    if not data.strip():
        raise ReadError("EMPTY", "文件为空，没有可审查的内容")
    fmt = sniff_format(data, name)
    sha256 = hashlib.sha256(data).hexdigest()
    if fmt is SourceFormat.DOCX:
        from mishen.read.docx import read_docx
        doc = read_docx(data, name, sha256, settings)
    elif fmt is SourceFormat.PDF:
        from mishen.read.pdf import read_pdf
        doc = read_pdf(data, name, sha256, settings)
    elif fmt is SourceFormat.HTML:
        from mishen.read.html import read_html
        doc = read_html(data, name, sha256, settings)
    else:
        from mishen.read.txt import read_txt
        doc = read_txt(data, name, sha256, settings)
        doc.format = fmt
    if len(doc.text) > settings.max_text_chars:
        raise ReadError("TOO_LARGE", f"提取的文字有 {len(doc.text)} 个字符，超过上限 {settings.max_text_chars}")
    return doc


def read_path(path: Path, settings: Settings) -> Document:
    """Read a file from disk; the size is checked before the file is loaded."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError("UNREADABLE", f"无法打开文件（{type(exc).__name__}）") from exc
    if size > settings.max_file_bytes:
        raise ReadError("TOO_LARGE", f"文件大小 {size} 字节，超过上限 {settings.max_file_bytes} 字节")
    return read_bytes(path.read_bytes(), path.name, settings)
