"""Plain text: detect the encoding, normalise line breaks, one block per non-empty line."""
from __future__ import annotations

from mishen.read._common import TextBuilder
from mishen.read._decode import decode_text
from mishen.settings import Settings
from models import Document, SourceFormat


def read_txt(data: bytes, name: str, sha256: str, settings: Settings) -> Document:
    """Decode ``data`` (UTF-8, UTF-16/32 with or without BOM, GB18030/GBK, Big5 …) into a Document.

    ``text`` is the decoded content with "\\r\\n" and lone "\\r" turned into "\\n"; nothing else changes.
    Each non-empty line is a block (kind "line", location 第N行, N counting every line as an editor does).
    """
    decoded, encoding = decode_text(data)
    text = decoded.replace("\r\n", "\n").replace("\r", "\n")
    builder = TextBuilder()
    for number, line in enumerate(text.split("\n"), 1):
        builder.add_block(line, "line", f"line/{number}", f"第{number}行")
    return Document(source=name, sha256=sha256, format=SourceFormat.TXT, text=text, blocks=builder.blocks,
                    encoding=encoding)
