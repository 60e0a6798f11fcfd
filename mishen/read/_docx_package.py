"""The .docx container, opened defensively: zip-bomb limits, bounded reads, no XML entities or DTDs."""
from __future__ import annotations

import io
import posixpath
import zipfile
import zlib

from lxml import etree

from mishen.read.errors import ReadError
from mishen.settings import Settings

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MAX_MEMBERS = 10_000
_CHUNK = 1 << 20


def w(tag: str) -> str:
    """Clark name of a WordprocessingML element or attribute: w('p') -> '{…/main}p'."""
    return f"{{{W}}}{tag}"


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                           dtd_validation=False, remove_comments=True, remove_pis=True)


class Package:
    """A guarded view of the zip: parts are read with a byte limit and parsed without entity expansion."""

    def __init__(self, data: bytes, settings: Settings) -> None:
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
            raise ReadError("UNREADABLE", "文件不是有效的 .docx（压缩包已损坏或不完整）") from exc
        if len(infos) > MAX_MEMBERS:
            raise ReadError("TOO_LARGE", f"压缩包内文件数超过 {MAX_MEMBERS} 个，疑似恶意文件")
        total = sum(i.file_size for i in infos)
        if total > settings.max_unzipped_bytes:
            raise ReadError("TOO_LARGE", f"解压后大小 {total} 字节，超过上限 {settings.max_unzipped_bytes} 字节"
                                         "（疑似压缩炸弹）")
        if any(i.flag_bits & 0x1 for i in infos):
            raise ReadError("ENCRYPTED", "压缩包内的文件已加密，无法读取")
        self._infos = {i.filename: i for i in infos}
        self._part_limit = settings.max_xml_part_bytes
        self._budget = settings.max_unzipped_bytes

    def names(self) -> list[str]:
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """Read one member, never more than the part limit, whatever its header claims."""
        info = self._infos[name]
        if info.file_size > self._part_limit:
            raise ReadError("TOO_LARGE", f"文档部件解压后 {info.file_size} 字节，超过上限 {self._part_limit} 字节")
        limit = min(self._part_limit, self._budget)
        out = bytearray()
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    out += chunk
                    if len(out) > limit:
                        raise ReadError("TOO_LARGE", "文档部件解压后超过大小上限（疑似压缩炸弹）")
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error) as exc:
            raise ReadError("UNREADABLE", "文件不是有效的 .docx（压缩包内的部件已损坏）") from exc
        except NotImplementedError as exc:  # a compression method zipfile does not support
            raise ReadError("UNSUPPORTED", "压缩包使用了不支持的压缩方式，请用 Word 重新保存后再提交") from exc
        except RuntimeError as exc:  # zipfile: "File is encrypted, password required"
            raise ReadError("ENCRYPTED", "压缩包内的文件已加密，无法读取") from exc
        self._budget -= len(out)
        return bytes(out)

    def xml(self, name: str) -> etree._Element | None:
        """Parse a member as XML; None if absent. A DTD (entities, external references) is hostile."""
        if name not in self._infos:
            return None
        raw = self.read(name)
        head = raw[:4096].replace(b"\x00", b"").upper()
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise ReadError("UNREADABLE", "文档的 XML 含有 DTD/实体声明，疑似恶意构造的文件，已拒绝读取")
        try:
            root = etree.fromstring(raw, safe_parser())
        except etree.XMLSyntaxError as exc:
            raise ReadError("UNREADABLE", f"文档部件 {name} 的 XML 已损坏") from exc
        if root.getroottree().docinfo.doctype:
            raise ReadError("UNREADABLE", "文档的 XML 含有 DTD 声明，疑似恶意构造的文件，已拒绝读取")
        return root

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationships of a part: id -> (type suffix, target part name). External targets are kept as is."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, tuple[str, str]] = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{REL}}}Relationship"):
            rtype = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            if rel.get("TargetMode") != "External":
                target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join(folder, target))
            out[rel.get("Id") or ""] = (rtype, target)
        return out

    def main_part(self) -> str:
        """The main document part named by the package relationships (word/document.xml usually)."""
        for rtype, target in self.rels("").values():
            if rtype == "officeDocument" and target in self._infos:
                return target
        if "word/document.xml" in self._infos:
            return "word/document.xml"
        names = self._infos
        if any(n.startswith("xl/") for n in names):
            raise ReadError("UNSUPPORTED", "文件是 Excel 工作簿，不是 Word 文档；请提交 .docx、.pdf、.txt 或 .html")
        if any(n.startswith("ppt/") for n in names):
            raise ReadError("UNSUPPORTED", "文件是 PowerPoint 演示文稿，不是 Word 文档；"
                                           "请提交 .docx、.pdf、.txt 或 .html")
        if "mimetype" in names or "content.xml" in names:
            raise ReadError("UNSUPPORTED", "文件是 OpenDocument（WPS/LibreOffice）格式，请另存为 .docx 后再提交")
        raise ReadError("UNREADABLE", "压缩包中没有 Word 文档正文（word/document.xml），不是有效的 .docx")
