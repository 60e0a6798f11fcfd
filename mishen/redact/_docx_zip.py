"""The .docx container for writing: members in their original order, parts dropped together with the
relationships and content-type overrides that name them."""
from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

from mishen.read._docx_package import REL, safe_parser

CT = "http://schemas.openxmlformats.org/package/2006/content-types"


class DocxZip:
    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.infos = z.infolist()
            self.members = {i.filename: z.read(i.filename) for i in self.infos}

    def names(self) -> list[str]:
        return [i.filename for i in self.infos if i.filename in self.members]

    def xml(self, name: str) -> etree._Element | None:
        raw = self.members.get(name)
        return etree.fromstring(raw, safe_parser()) if raw is not None else None

    def put_xml(self, name: str, root: etree._Element) -> None:
        self.members[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def drop(self, name: str) -> None:
        """Remove a part, the relationships pointing at it, its own .rels and its content-type override."""
        if name not in self.members:
            return
        del self.members[name]
        folder, base = posixpath.split(name)
        self.members.pop(posixpath.join(folder, "_rels", base + ".rels"), None)
        for rels_name in [n for n in self.members if n.endswith(".rels")]:
            root = self.xml(rels_name)
            source_folder = posixpath.dirname(posixpath.dirname(rels_name))
            changed = False
            for rel in list(root):
                target = rel.get("Target") or ""
                if rel.get("TargetMode") == "External":
                    continue
                full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join(source_folder, target))
                if full == name:
                    root.remove(rel)
                    changed = True
            if changed:
                self.put_xml(rels_name, root)
        types = self.xml("[Content_Types].xml")
        if types is not None:
            for override in types.findall(f"{{{CT}}}Override"):
                if (override.get("PartName") or "").lstrip("/") == name:
                    types.remove(override)
            self.put_xml("[Content_Types].xml", types)

    def drop_rel(self, rels_name: str, rel_id: str) -> None:
        root = self.xml(rels_name)
        if root is None:
            return
        for rel in root.findall(f"{{{REL}}}Relationship"):
            if rel.get("Id") == rel_id:
                root.remove(rel)
        self.put_xml(rels_name, root)

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for info in self.infos:
                if info.filename in self.members:
                    copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                    copy.compress_type = zipfile.ZIP_DEFLATED
                    copy.external_attr = info.external_attr
                    z.writestr(copy, self.members[info.filename])
        return out.getvalue()
