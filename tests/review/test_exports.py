"""The 保密审查记录 (.docx) and the 台账 (.xlsx): contents, roles, and no raw personal data."""
from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import pytest
from docx import Document as DocxDocument
from openpyxl import load_workbook

from mishen.review.views import FinalOpinion, Verdict
from models import Attribute, Category, Opinion
from tests.review.conftest import make_report
from tests.review.test_web import app_and_store, client, login  # noqa: F401  (fixtures)

ID = "110101199003071234"
PHONE = "13912345678"
TEXT = f"关于开展专项检查的通知\n联系人张三，身份证号{ID}，电话{PHONE}。\n（此件公开发布）"
SPANS = [("张三", Category.PERSON_NAME), (ID, Category.CN_ID_CARD), (PHONE, Category.CN_PHONE)]


def _decided_item(store, doc_date: str | None = "2024-09-20", title: str = "关于开展专项检查的通知") -> int:
    report = make_report(TEXT, SPANS, title=title, doc_number="京检发〔2024〕3号")
    report.document.issuer, report.document.date = "北京市检查办公室", doc_date
    item_id = store.submit(report, "drafter1", received_at=datetime(2024, 9, 23, 2, tzinfo=UTC)).item_id
    reviewer = store.get_user("reviewer1")
    store.decide_finding(item_id, "f1", Verdict.REJECT, reviewer)
    store.decide_finding(item_id, "f2", Verdict.ACCEPT, reviewer)
    store.record_opinion(item_id, reviewer, FinalOpinion(Attribute.AFTER_REDACTION, Opinion.PUBLISH,
                                                         basis="P2：个人信息遮盖后公开", reason="含身份证号码"))
    return item_id


def _all_text(data: bytes) -> str:
    """Every XML part of an OOXML package, as text (where a raw value could hide)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith((".xml", ".rels")))


def test_review_record_docx(app_and_store) -> None:
    client, store = app_and_store
    item_id = _decided_item(store)
    login(client, "reviewer1")
    response = client.get(f"/items/{item_id}/record.docx")
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    doc = DocxDocument(io.BytesIO(response.content))
    paragraphs = [p.text for p in doc.paragraphs]
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert paragraphs[0] == "保密审查记录"
    assert {"文件标题", "关于开展专项检查的通知", "文号", "京检发〔2024〕3号", "发文机关", "北京市检查办公室",
            "成文日期", "2024-09-20", "收文日期", "2024-09-23", "审查人", "reviewer1", "审查日期"} <= cells
    assert {"脱密后公开", "公开", "P2：个人信息遮盖后公开", "含身份证号码", "确认", "排除", "未处理"} <= cells
    assert {"张*", "110101********1234", "139****5678"} <= cells  # masked forms only
    assert any("签字" in p for p in paragraphs)
    raw = _all_text(response.content)
    for value in (ID, PHONE, "张三"):
        assert value not in raw


def test_ledger_xlsx(app_and_store) -> None:
    client, store = app_and_store
    decided = _decided_item(store)
    pending = store.submit(make_report(f"另一份文件，身份证号{ID}。", [(ID, Category.CN_ID_CARD)],
                                       title="=HYPERLINK(\"http://x\")"), "drafter1").item_id
    login(client, "admin1")
    response = client.get("/ledger.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = rows[0]
    by_id = {row[0]: dict(zip(header, row)) for row in rows[1:]}
    assert set(by_id) == {decided, pending}
    done = by_id[decided]
    assert (done["状态"], done["公开属性"], done["审查意见"], done["审查人"]) == ("已审结", "脱密后公开", "公开", "reviewer1")
    assert (done["成文日期"], done["收文日期"], done["审查期限（R2）"]) == ("2024-09-20", "2024-09-23", "2024-10-17")
    assert by_id[pending]["状态"] == "待审查" and by_id[pending]["建议属性"] == "脱密后公开"
    assert by_id[pending]["标题"].startswith("'=")  # not a formula
    assert ID not in _all_text(response.content)


@pytest.mark.parametrize(("who", "status"), [("drafter1", 403), ("reviewer1", 200), ("admin1", 200), (None, 303)])
@pytest.mark.parametrize("path", ["/items/{id}/record.docx", "/ledger.xlsx"])
def test_exports_are_for_reviewers_and_admins(app_and_store, who, status, path) -> None:
    client, store = app_and_store
    item_id = _decided_item(store)
    if who:
        login(client, who)
    response = client.get(path.format(id=item_id))
    assert response.status_code == status
    assert status != 303 or response.headers["location"] == "/login"
