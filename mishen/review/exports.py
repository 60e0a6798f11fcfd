"""Exports: the 保密审查记录 of one item (.docx) and the 台账 of all items (.xlsx).

The record carries no document text: each finding is shown by its category, location and masked form
(the finding's replacement, else the mask the redactor would use), never the raw span.
"""
from __future__ import annotations

import io
from datetime import datetime

from docx import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from mishen.redact.plan import proposed_mask
from mishen.render import labels
from mishen.review import deadlines
from mishen.review.views import Item, ItemSummary, ReviewedFinding

STATUS = {"pending": "待审查", "in_review": "审查中", "done": "已审结"}
VERDICT = {"accept": "确认", "reject": "排除"}
OVERDUE_FILL = PatternFill("solid", fgColor="FDE2E1")


def masked(rf: ReviewedFinding) -> str:
    """How a finding is shown outside the queue: its masked form, never its text."""
    mask = proposed_mask(rf.finding)
    return mask if mask else "（整段删除）"


def _day(moment: datetime | None) -> str:
    return deadlines.local_date(moment).isoformat() if moment else "—"


def review_record_docx(item: Item) -> bytes:
    s = item.summary
    doc = DocxDocument()
    title = doc.add_heading("保密审查记录", level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    facts = [("文件标题", s.title or s.source), ("文号", s.doc_number or "—"), ("发文机关", s.issuer or "—"),
             ("成文日期", s.doc_date.isoformat() if s.doc_date else "—"), ("收文日期", _day(s.received_at)),
             ("审查期限（R2）", s.due.isoformat() if s.due else "—"), ("审查人", s.decided_by or "—"),
             ("审查日期", _day(s.decided_at))]
    _pairs(doc, facts)
    doc.add_heading("发现的问题", level=1)
    if item.findings:
        table = doc.add_table(rows=1, cols=6)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ("序号", "类别", "位置", "遮盖后形式", "依据规则", "审查决定")):
            cell.text = text
        for rf in item.findings:
            f = rf.finding
            row = table.add_row().cells
            values = (f.id, labels.CATEGORY_LABELS.get(f.category, f.category.value), f.location or "正文",
                      masked(rf), "、".join(f.rules), VERDICT.get(rf.verdict.value, "") if rf.verdict else "未处理")
            for cell, text in zip(row, values):
                cell.text = text
    else:
        doc.add_paragraph("未发现需要处理的内容。")
    doc.add_heading("审查结论", level=1)
    _pairs(doc, [("公开属性", s.final_attribute or "未定"), ("审查意见", s.opinion or "未定"),
                 ("依据", item.basis or "—"), ("理由", item.reason or "—")])
    doc.add_paragraph()
    for line in ("审查人（签字）：________________    日期：____年__月__日",
                 "保密工作机构负责人（签字）：________________    日期：____年__月__日"):
        doc.add_paragraph(line)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _pairs(doc, pairs: list[tuple[str, str]]) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for key, value in pairs:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = key, value


LEDGER_COLUMNS = ("序号", "标题", "文号", "发文机关", "成文日期", "收文日期", "状态", "审查期限（R2）", "审查超期",
                  "建议属性", "公开属性", "审查意见", "审查人", "审查日期", "公开期限（R3）", "公开超期",
                  "报告期限（R4）", "已报告", "报告超期")


def ledger_xlsx(items: list[ItemSummary]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "保密审查台账"
    sheet.append(list(LEDGER_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for i in items:
        sheet.append(_ledger_row(i))
        if i.any_overdue:
            for cell in sheet[sheet.max_row]:
                cell.fill = OVERDUE_FILL
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _ledger_row(i: ItemSummary) -> list[str | int]:
    def iso(day) -> str:
        return day.isoformat() if day else "—"

    def flag(value: bool) -> str:
        return "是" if value else ""

    return [i.id, _cell(i.title or i.source), _cell(i.doc_number or "—"), _cell(i.issuer or "—"), iso(i.doc_date),
            _day(i.received_at), STATUS[i.status.value], iso(i.due), flag(i.overdue), i.suggested_attribute or "—",
            i.final_attribute or "—", i.opinion or "—", i.decided_by or "—", _day(i.decided_at), iso(i.publish_due),
            flag(i.publish_overdue), iso(i.report_due), _day(i.reported_at) if i.reported_at else "",
            flag(i.report_overdue)]


def _cell(text: str) -> str:
    """No formula injection: a cell never starts with = + - @ (a spreadsheet would evaluate it)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
