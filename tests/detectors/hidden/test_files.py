"""Real .docx and .pdf files for every hidden-content case, read by mishen.read and run through the
detectors the way the pipeline does (text detectors also on every hidden part)."""
from __future__ import annotations

from pathlib import Path

import pytest

from detectors import hidden, markers, secrets
from mishen.read import read_path
from mishen.settings import Settings
from models import Category, Document, Finding, Normalizer
from tests.read.builders import make_docx, make_pdf

SETTINGS = Settings()
NORMALIZER = Normalizer()


@pytest.fixture(scope="module")
def detectors():
    return [*secrets.build(SETTINGS), *markers.build(SETTINGS), *hidden.build(SETTINGS)]


def run(doc: Document, detectors) -> list[Finding]:
    view = NORMALIZER(doc.text)
    found = [f for d in detectors for f in d.detect(doc, view)]
    for part in doc.hidden_parts:
        part_view = NORMALIZER(part.document.text)
        for d in (d for d in detectors if d.scope == "text"):
            for f in d.detect(part.document, part_view):
                f.part, f.location = part.id, part.location
                found.append(f)
    texts = {p.id: p.document.text for p in doc.hidden_parts}
    for f in found:
        source = doc.text if f.part is None else texts[f.part]
        assert source[f.start:f.end] == f.text
    return found


def by_category(found: list[Finding], category: Category) -> list[tuple[str | None, str]]:
    return sorted((f.part, f.text) for f in found if f.category is category)


BODY = ["关于做好2024年防汛工作的通知", "各乡镇人民政府：", "请认真做好防汛准备工作。", "某某县水利局", "2024年3月1日"]


@pytest.mark.parametrize(("options", "category", "expected"), [
    ({"comments": [(2, "此处数据待核实", "王五")]}, Category.DOC_COMMENT, [("comment/1", "此处数据待核实")]),
    ({"deletions": [(2, "联系人身份证号110101199003071234", "李四")]}, Category.DOC_REVISION,
     [("deletion/p3/1", "联系人身份证号110101199003071234")]),
    ({"insertions": [(2, "务必落实到人。", "李四")]}, Category.DOC_REVISION, [("insertion/p3/1", "务必落实到人。")]),
    ({"hidden": [(2, "隐藏的内部意见")]}, Category.HIDDEN_TEXT, [("hidden/p3/1", "隐藏的内部意见")]),
    ({"white": [(2, "白色的文字")]}, Category.HIDDEN_TEXT, [("hidden/p3/1", "白色的文字")]),
    ({"tiny": [(2, "极小的文字")]}, Category.HIDDEN_TEXT, [("hidden/p3/1", "极小的文字")]),
    ({"header": "内部资料 注意保存"}, Category.HIDDEN_TEXT, [("header/header1", "内部资料 注意保存")]),
])
def test_docx_hidden_content(tmp_path: Path, detectors, options: dict, category: Category, expected) -> None:
    path = tmp_path / "draft.docx"
    make_docx(path, BODY, **options)
    found = run(read_path(path, SETTINGS), detectors)
    assert by_category(found, category) == expected
    for f in found:
        if f.part is not None and f.category is category:
            assert f.location  # says where: 批注1, 第3段中删除的文字 …


@pytest.mark.parametrize(("options", "expected"), [
    ({"core_props": {"author": "张三", "last_modified_by": "李四"}},
     [("meta/core/creator", "张三", "medium"), ("meta/core/lastModifiedBy", "李四", "medium")]),
    ({"app_props": {"Company": "某某县水利局", "Template": "D:\\内部模板\\红头.dotx"}},
     [("meta/app/Company", "某某县水利局", "medium"), ("meta/app/Template", "D:\\内部模板\\红头.dotx", "medium")]),
    ({"custom_props": {"审核人": "赵六"}}, [("meta/custom/审核人", "赵六", "medium")]),
])
def test_docx_metadata(tmp_path: Path, detectors, options: dict, expected) -> None:
    """Every property set is reported (python-docx adds defaults of its own, also reported)."""
    path = tmp_path / "draft.docx"
    make_docx(path, BODY, **options)
    found = {(f.part, f.text, f.severity.value) for f in run(read_path(path, SETTINGS), detectors)
             if f.category is Category.DOC_METADATA}
    assert set(expected) <= found


@pytest.mark.parametrize(("options", "category", "expected"), [
    ({"deletions": [(2, "系统管理员密码：Abc@123!", "李四")]}, Category.CREDENTIAL, [("deletion/p3/1", "Abc@123!")]),
    ({"comments": [(2, "内网地址 http://10.1.2.3:8080/oa", "王五")]}, Category.INTERNAL_NETWORK,
     [("comment/1", "http://10.1.2.3:8080/oa")]),
    ({"header": "秘密★1年"}, Category.CLASSIFICATION_MARK, [("header/header1", "秘密★1年")]),
    ({"hidden": [(2, "此件属于工作秘密，不得外传。")]}, Category.SECRET_MARKER,
     [("hidden/p3/1", "不得外传"), ("hidden/p3/1", "工作秘密")]),
])
def test_docx_hidden_parts_are_scanned_for_secrets(tmp_path: Path, detectors, options, category, expected) -> None:
    path = tmp_path / "draft.docx"
    make_docx(path, BODY, **options)
    assert by_category(run(read_path(path, SETTINGS), detectors), category) == expected


PAGE = ["关于做好2024年防汛工作的通知", "联系人：张三 13800138000", "请认真做好防汛准备工作。"]


@pytest.mark.parametrize(("options", "category", "expected"), [
    ({"annotations": [(0, "请删除第二行")]}, Category.PDF_ANNOTATION, [("annot/p1/1", "请删除第二行")]),
    ({"attachments": {"名单.xlsx": b"id,name"}}, Category.PDF_ANNOTATION, [("attachment/1", "名单.xlsx")]),
    ({"form_fields": {"applicant": "Wang Wu"}}, Category.PDF_ANNOTATION, [("form/applicant", "Wang Wu")]),
    ({"covered": [(0, 1)]}, Category.HIDDEN_TEXT, [("covered/p1/1", "联系人：张三 13800138000")]),
    ({"links": [(0, "http://10.1.2.3/oa")]}, Category.INTERNAL_NETWORK, [("annot/p1/link1", "http://10.1.2.3/oa")]),
])
def test_pdf_hidden_content(tmp_path: Path, detectors, options: dict, category: Category, expected) -> None:
    path = tmp_path / "draft.pdf"
    make_pdf(path, [PAGE], **options)
    assert by_category(run(read_path(path, SETTINGS), detectors), category) == expected


def test_pdf_metadata(tmp_path: Path, detectors) -> None:
    path = tmp_path / "draft.pdf"
    make_pdf(path, [PAGE], metadata={"author": "张三", "producer": "WPS Office"})
    found = {(f.part, f.text, f.severity.value) for f in run(read_path(path, SETTINGS), detectors)
             if f.category is Category.DOC_METADATA}
    assert {("meta/info/Author", "张三", "medium"), ("meta/info/Producer", "WPS Office", "low")} <= found


def test_pdf_image_only_page_needs_review(tmp_path: Path, detectors) -> None:
    path = tmp_path / "scan.pdf"
    make_pdf(path, [PAGE, [], PAGE])
    doc = read_path(path, SETTINGS)
    found = [f for f in run(doc, detectors) if f.category is Category.NO_TEXT_LAYER]
    assert [(f.location, f.text) for f in found] == [("第2页", "")]
    assert found[0].action.value == "review"


def test_clean_files_have_no_hidden_content(tmp_path: Path, detectors) -> None:
    make_docx(tmp_path / "clean.docx", BODY, footer="— 1 —")
    make_pdf(tmp_path / "clean.pdf", [PAGE])
    hidden_categories = {Category.DOC_COMMENT, Category.DOC_REVISION, Category.HIDDEN_TEXT, Category.HIDDEN_LINK,
                         Category.PDF_ANNOTATION, Category.NO_TEXT_LAYER}
    for name in ("clean.docx", "clean.pdf"):
        found = run(read_path(tmp_path / name, SETTINGS), detectors)
        assert [f.category for f in found if f.category in hidden_categories] == []
