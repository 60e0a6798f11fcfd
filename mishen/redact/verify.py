"""The leak verifier: reopen the public file on its own and look for every removed value everywhere
in it, in every form (as written, without separators, full-width, Traditional, digits only, after
normalisation), plus the structures that must be gone (comments, revisions, hidden text, metadata,
annotations, attachments, text on re-rendered pages). Any hit fails the redaction (decision block).
"""
from __future__ import annotations

import io
import re
import zipfile

import lxml.html
import pdfplumber
from lxml import etree
from pydantic import BaseModel, Field
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject, StreamObject

from mishen.read import read_bytes
from mishen.read._docx_package import safe_parser, w
from mishen.redact.match import Matcher
from mishen.redact.needles import NeedleMaker, Searcher
from mishen.redact.plan import Plan
from mishen.settings import Settings
from models import HiddenKind

_DOCX_GONE = {HiddenKind.COMMENT, HiddenKind.INSERTION, HiddenKind.DELETION, HiddenKind.HIDDEN_TEXT}
_DOCX_META = re.compile(r"^(creator|lastModifiedBy|lastPrinted|Company|Manager|Template|HyperlinkBase|"
                        r"attachedTemplate|custom:.*)$")
_REVISION_TAGS = [w(t) for t in ("ins", "del", "moveFrom", "moveTo", "delText", "rPrChange", "pPrChange",
                                 "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange", "commentReference",
                                 "commentRangeStart", "vanish")]


class Hit(BaseModel):
    finding_id: str | None
    category: str | None
    where: str = Field(description="where in the public file, in Chinese (never the value itself)")
    form: str = Field(description="which written form matched: 原文 / 去分隔符 / 全角 / 繁体 / 纯数字 / 规范化后 …")


class Verification(BaseModel):
    clean: bool
    hits: list[Hit] = Field(default_factory=list)
    problems: list[str] = Field(default_factory=list, description="structures that should be gone (Chinese)")
    searched: int = Field(default=0, description="how many values were searched for")


class Verifier:
    def __init__(self, matcher: Matcher, settings: Settings) -> None:
        self.matcher, self.settings = matcher, settings
        self.maker = NeedleMaker(matcher)

    def verify(self, data: bytes, name: str, plan: Plan, rerendered: list[int] | None = None) -> Verification:
        needles = self.maker.needles(plan)
        searcher = Searcher(self.matcher, needles)
        found: list[tuple[str, list]] = []
        problems: list[str] = []
        fmt = (plan.format or "").lower()
        if fmt == "docx":
            self._docx(data, name, searcher, found, problems)
        elif fmt == "pdf":
            self._pdf(data, searcher, found, problems, rerendered or [])
        elif fmt == "html":
            self._html(data, name, searcher, found, problems)
        else:
            found.append(("文本", searcher.in_text(read_bytes(data, name, self.settings).text)))
            found.append(("文件字节", searcher.in_bytes(data)))
        hits, seen = [], set()
        for where, pairs in found:
            for needle, form in pairs:
                entry = plan.entries[needle.entry]
                if (needle.entry, where) not in seen:
                    seen.add((needle.entry, where))
                    hits.append(Hit(finding_id=entry.finding_id, category=entry.category, where=where, form=form))
        return Verification(clean=not hits and not problems, hits=hits, problems=problems, searched=len(needles))

    def _docx(self, data: bytes, name: str, searcher: Searcher, found: list, problems: list[str]) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for member in z.namelist():
                raw = z.read(member)
                if re.match(r"^(word/comments\w*\.xml|word/people\.xml|docProps/custom\.xml|docProps/thumbnail)",
                            member):
                    problems.append(f"公开版仍含部件 {member}")
                if member.startswith("word/embeddings/"):
                    problems.append(f"公开版含嵌入对象 {member}，无法核验")
                if not member.endswith((".xml", ".rels")):
                    found.append((f"部件 {member}", searcher.in_bytes(raw)))
                    continue
                root = etree.fromstring(raw, safe_parser())
                found.append((f"部件 {member}", searcher.in_raw(raw.decode("utf-8", "replace"))))
                for p in root.iter(w("p")):
                    found.append((f"部件 {member} 的段落", searcher.in_text("".join(
                        t.text or "" for t in p.iter(w("t"))))))
                pieces = [el.text or "" for el in root.iter() if isinstance(el.tag, str)]
                pieces += [v for el in root.iter() if isinstance(el.tag, str) for v in el.attrib.values()]
                found.append((f"部件 {member} 的文字和属性", searcher.in_text("\n".join(pieces))))
                if member.startswith("word/") and next(root.iter(*_REVISION_TAGS), None) is not None:
                    problems.append(f"部件 {member} 仍含修订、批注标记或隐藏文字")
        doc = read_bytes(data, name, self.settings)
        for part in doc.hidden_parts:
            if part.kind in _DOCX_GONE:
                problems.append(f"公开版仍含{part.location}")
        for key, value in doc.metadata.items():
            if value and _DOCX_META.match(key):
                problems.append(f"公开版仍含文档属性 {key}")

    def _pdf(self, data: bytes, searcher: Searcher, found: list, problems: list[str], rerendered: list[int]) -> None:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, 1):
                found.append((f"第{number}页文字", searcher.in_text(page.extract_text() or "")))
                found.append((f"第{number}页字符", searcher.in_text("".join(c["text"] for c in page.chars))))
                if number in rerendered and page.chars:
                    problems.append(f"第{number}页已重绘为图像，但仍有文字层")
        reader = PdfReader(io.BytesIO(data))
        if reader.metadata:
            problems.append("公开版仍含文档信息（作者、标题等）")
        root = reader.trailer["/Root"]
        for key in ("/Metadata", "/AcroForm"):
            if key in root:
                problems.append(f"公开版仍含 {key[1:]}")
        names = root.get("/Names")
        if names is not None and "/EmbeddedFiles" in names.get_object():
            problems.append("公开版仍含附件（嵌入文件）")
        for number, page in enumerate(reader.pages, 1):
            if "/Annots" in page:
                problems.append(f"第{number}页仍含注释")
            if number in rerendered:
                if not _image_only(page, reader):
                    problems.append(f"第{number}页已重绘为图像，但内容流不只是一幅图像")
        for number, obj in _objects(reader):
            if isinstance(obj, StreamObject):
                try:
                    stream = obj.get_data()
                except Exception:  # an image codec pypdf cannot undo: its raw bytes are searched below
                    stream = obj._data if hasattr(obj, "_data") else b""
                found.append((f"对象{number}的数据流", searcher.in_bytes(stream)))
                if obj.get("/Subtype") != "/Image":  # image samples are searched as bytes only
                    found.append((f"对象{number}的数据流", searcher.in_text(stream.decode("latin-1"))))
            found.append((f"对象{number}", searcher.in_text(_as_text(obj))))

    def _html(self, data: bytes, name: str, searcher: Searcher, found: list, problems: list[str]) -> None:
        doc = read_bytes(data, name, self.settings)
        found.append(("网页源码", searcher.in_bytes(data)))
        found.append(("网页正文", searcher.in_text(doc.text)))
        root = lxml.html.document_fromstring(data)
        for el in root.iter():
            if isinstance(el.tag, str):
                found.append(("网页元素", searcher.in_text("".join(el.itertext()))))
                found.append(("网页属性", searcher.in_text("\n".join(el.attrib.values()))))
        for part in doc.hidden_parts:
            if part.kind is HiddenKind.HTML_HIDDEN:
                problems.append(f"公开版仍含{part.location}")
        if doc.metadata.get("author"):
            problems.append("公开版仍含网页作者")


def _image_only(page, reader: PdfReader) -> bool:
    """A re-rendered page: no fonts, no form XObjects, only image XObjects, no text operators."""
    resources = page.get("/Resources", DictionaryObject()).get_object()
    xobjects = resources.get("/XObject", DictionaryObject()).get_object()
    if "/Font" in resources or any(x.get_object().get("/Subtype") != "/Image" for x in xobjects.values()):
        return False
    contents = page.get_contents()
    ops = {op for _, op in ContentStream(contents, reader).operations} if contents is not None else set()
    return not ops & {b"BT", b"Tj", b"TJ", b"'", b'"', b"BI"}


def _objects(reader: PdfReader):
    ids = {i for table in reader.xref.values() for i in table} | set(reader.xref_objStm)
    for number in sorted(ids):
        try:
            obj = reader.get_object(number)
        except Exception:
            continue
        if obj is not None:
            yield number, obj


def _as_text(obj) -> str:
    """Strings of a PDF object (dictionaries and arrays included) as text."""
    try:
        return str(obj)
    except Exception:
        return ""
