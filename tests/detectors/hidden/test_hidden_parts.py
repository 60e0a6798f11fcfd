"""Hidden-content detectors on Documents built directly: one finding per hidden part of their kinds, with the
part's id, whole text and location, and the span invariant kept."""
from __future__ import annotations

import pytest

from detectors.hidden import build
from detectors.hidden.comment import DocCommentDetector
from detectors.hidden.hidden_link import HiddenLinkDetector
from detectors.hidden.hidden_text import HiddenTextDetector
from detectors.hidden.metadata import DocMetadataDetector
from detectors.hidden.no_text_layer import NoTextLayerDetector
from detectors.hidden.pdf_annotation import PdfAnnotationDetector
from detectors.hidden.revision import DocRevisionDetector
from mishen.settings import Settings
from models import (
    Action, Block, Category, Document, HiddenKind, HiddenPart, Normalizer, Severity, SourceFormat,
)

NORMALIZER = Normalizer()


def _doc(text: str, parts: list[HiddenPart] = (), **extra) -> Document:
    return Document(source="t.docx", sha256="0", format=SourceFormat.DOCX, text=text, hidden_parts=list(parts),
                    **extra)


def _part(pid: str, kind: HiddenKind, text: str, **attrs: str) -> HiddenPart:
    return HiddenPart(id=pid, kind=kind, location=f"位置{pid}", document=_doc(text), attrs=attrs)


@pytest.mark.parametrize(("detector", "part", "category", "severity", "action"), [
    (DocCommentDetector(), _part("comment/1", HiddenKind.COMMENT, "此处数据待核实", author="王五"),
     Category.DOC_COMMENT, Severity.HIGH, Action.REDACT),
    (DocCommentDetector(), _part("comment/2", HiddenKind.COMMENT, ""), Category.DOC_COMMENT, Severity.HIGH,
     Action.REDACT),
    (DocRevisionDetector(), _part("deletion/p12/1", HiddenKind.DELETION, "身份证号110101199003071234"),
     Category.DOC_REVISION, Severity.HIGH, Action.REDACT),
    (DocRevisionDetector(), _part("insertion/p3/1", HiddenKind.INSERTION, "新增的一句"),
     Category.DOC_REVISION, Severity.MEDIUM, Action.REVIEW),
    (HiddenTextDetector(), _part("hidden/p2/1", HiddenKind.HIDDEN_TEXT, "隐藏的备注"),
     Category.HIDDEN_TEXT, Severity.HIGH, Action.REDACT),
    (HiddenTextDetector(), _part("html/hidden/1", HiddenKind.HTML_HIDDEN, "隐藏段落"),
     Category.HIDDEN_TEXT, Severity.HIGH, Action.REDACT),
    (HiddenTextDetector(), _part("covered/p1/1", HiddenKind.COVERED_TEXT, "张三 13800138000", why="filled_rect"),
     Category.HIDDEN_TEXT, Severity.CRITICAL, Action.REDACT),
    (HiddenTextDetector(), _part("header/1", HiddenKind.HEADER_FOOTER, "内部资料 注意保存"),
     Category.HIDDEN_TEXT, Severity.LOW, Action.NONE),
    (HiddenLinkDetector(), _part("link/3", HiddenKind.HTML_LINK, "http://bet.example.com",
                                 href="http://bet.example.com", why="display:none"),
     Category.HIDDEN_LINK, Severity.HIGH, Action.REDACT),
    (DocMetadataDetector(), _part("meta/core/author", HiddenKind.METADATA, "张三", field="author"),
     Category.DOC_METADATA, Severity.MEDIUM, Action.REDACT),
    (DocMetadataDetector(), _part("meta/app/Company", HiddenKind.METADATA, "某某局", field="Company"),
     Category.DOC_METADATA, Severity.MEDIUM, Action.REDACT),
    (DocMetadataDetector(), _part("meta/custom/审核人", HiddenKind.METADATA, "李四", field="审核人"),
     Category.DOC_METADATA, Severity.MEDIUM, Action.REDACT),
    (DocMetadataDetector(), _part("meta/core/title", HiddenKind.METADATA, "通知", field="title"),
     Category.DOC_METADATA, Severity.LOW, Action.REDACT),
    (PdfAnnotationDetector(), _part("annot/p2/1", HiddenKind.PDF_ANNOTATION, "请删除第三段", author="赵六"),
     Category.PDF_ANNOTATION, Severity.HIGH, Action.REDACT),
    (PdfAnnotationDetector(), _part("attachment/1", HiddenKind.PDF_ATTACHMENT, "名单.xlsx"),
     Category.PDF_ANNOTATION, Severity.HIGH, Action.REDACT),
    (PdfAnnotationDetector(), _part("form/name", HiddenKind.PDF_FORM_FIELD, "王五"),
     Category.PDF_ANNOTATION, Severity.HIGH, Action.REDACT),
    (PdfAnnotationDetector(), _part("annot/p1/link1", HiddenKind.PDF_ANNOTATION, "http://www.gov.cn",
                                    subtype="Link", href="http://www.gov.cn"),
     Category.PDF_ANNOTATION, Severity.LOW, Action.NONE),
])
def test_hidden_part_is_reported(detector, part: HiddenPart, category, severity, action) -> None:
    doc = _doc("正文。", [part])
    (f,) = detector.detect(doc, NORMALIZER(doc.text))
    assert (f.category, f.severity, f.action) == (category, severity, action)
    assert f.part == part.id and f.location == part.location
    assert (f.start, f.end, f.text) == (0, len(part.document.text), part.document.text)
    assert f.rules == ["H"] and f.explanation


@pytest.mark.parametrize(("detector", "part"), [
    (DocCommentDetector(), _part("deletion/p1/1", HiddenKind.DELETION, "x")),
    (DocRevisionDetector(), _part("comment/1", HiddenKind.COMMENT, "x")),
    (HiddenTextDetector(), _part("footer/1", HiddenKind.HEADER_FOOTER, "— 1 —")),     # page number only
    (HiddenTextDetector(), _part("footer/2", HiddenKind.HEADER_FOOTER, "第 2 页 共 5 页")),
    (HiddenTextDetector(), _part("footnote/1", HiddenKind.FOOTNOTE, "脚注内容")),       # visible content
    (HiddenLinkDetector(), _part("link/1", HiddenKind.HTML_LINK, "http://www.gov.cn", href="http://www.gov.cn")),
    (DocMetadataDetector(), _part("meta/core/author", HiddenKind.METADATA, "   ", field="author")),
    (PdfAnnotationDetector(), _part("comment/1", HiddenKind.COMMENT, "x")),
])
def test_other_parts_are_not_reported(detector, part: HiddenPart) -> None:
    doc = _doc("正文。", [part])
    assert detector.detect(doc, NORMALIZER(doc.text)) == []


def test_no_text_layer_one_empty_span_per_page() -> None:
    text = "第一页文字\n第三页文字"
    blocks = [Block(start=0, end=5, kind="line", ref="page/1/line/1", location="第1页第1行", page=1),
              Block(start=6, end=11, kind="line", ref="page/3/line/1", location="第3页第1行", page=3)]
    doc = _doc(text, blocks=blocks, pages=4, pages_without_text=[2, 4])
    findings = NoTextLayerDetector().detect(doc, NORMALIZER(text))
    assert [(f.start, f.end, f.location) for f in findings] == [(6, 6, "第2页"), (11, 11, "第4页")]
    for f in findings:
        assert doc.text[f.start:f.end] == f.text == ""
        assert f.category is Category.NO_TEXT_LAYER and f.action is Action.REVIEW and f.severity is Severity.HIGH


def test_no_text_layer_silent_when_every_page_has_text() -> None:
    assert NoTextLayerDetector().detect(_doc("文字", pages=1), NORMALIZER("文字")) == []


def test_build_gives_every_detector_once() -> None:
    names = [d.name for d in build(Settings())]
    assert len(names) == len(set(names)) == 7
    assert all(d.scope == "document" for d in build(Settings()))
