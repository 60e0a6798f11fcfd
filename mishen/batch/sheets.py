"""summary.csv and summary.xlsx: one row per document (no document text), spreadsheet-safe."""
from __future__ import annotations

import csv
from pathlib import Path

from mishen.batch.results import DocResult
from mishen.batch.summary import NOT_DECLARED, Summary
from mishen.batch.summary_html import STATUS_LABELS, category_label, group_label
from mishen.render.labels import DECISION_LABELS, ERROR_LABELS

COLUMNS = ["文件", "结论", "标注属性", "建议属性", "属性不一致", "审查意见", "问题数", "高风险问题数", "问题类别",
           "错误", "错误说明", "队列编号", "审查报告", "字数", "格式", "状态", "SHA-256", "检测版本"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe (CSV/formula injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def row_values(r: DocResult) -> list[object]:
    categories = "；".join(f"{category_label(name)}×{n}" for name, n in
                          sorted(r.categories.items(), key=lambda kv: (-kv[1], kv[0])))
    return [safe_cell(v) for v in (
        r.source, DECISION_LABELS[r.decision], r.declared or NOT_DECLARED, r.suggested or "",
        "是" if r.conflict else "", r.opinion or "", r.findings, r.serious, categories,
        ERROR_LABELS.get(r.error_code, r.error_code) if r.error_code else "", r.error_message or "",
        r.item_id if r.item_id is not None else "", r.report or "", r.chars, r.format or "",
        STATUS_LABELS[r.status.value], r.sha256, r.detector_version)]


def write_csv(summary: Summary, target: Path) -> None:
    """UTF-8 with a byte-order mark, so that Excel opens the Chinese correctly."""
    with target.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(row_values(r) for r in summary.rows)


def write_xlsx(summary: Summary, target: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "逐份文件"
    sheet.append(COLUMNS)
    for r in summary.rows:
        sheet.append(row_values(r))
    _finish(sheet, Font(bold=True), [28, 12, 12, 12, 10, 10, 8, 12, 40, 12, 30, 10, 30, 10, 8, 14, 20, 24])
    totals = book.create_sheet("汇总")
    totals.append(["项目", "数量"])
    for label, value in _totals(summary):
        totals.append([label, value])
    _finish(totals, Font(bold=True), [24, 10])
    kinds = book.create_sheet("问题类别")
    kinds.append(["类别", "分组", "代码", "涉及文件", "问题数"])
    for c in summary.categories:
        kinds.append([category_label(c.category), group_label(c.category), c.category, c.documents, c.findings])
    _finish(kinds, Font(bold=True), [24, 12, 22, 10, 10])
    book.save(target)


def _totals(summary: Summary) -> list[tuple[str, int]]:
    rows = [("文件总数", summary.total)]
    rows += [(DECISION_LABELS[d], n) for d, n in summary.by_decision.items()]
    rows += [("标注与建议不一致", summary.conflicts), ("无法处理或读取", summary.errors),
             ("本次审查", summary.reviewed), ("沿用此前结果", summary.skipped), ("总字数", summary.chars)]
    rows += [(f"标注属性：{k}", summary.declared[k]) for k in summary.declared_keys]
    rows += [(f"建议属性：{k}", summary.suggested[k]) for k in summary.suggested_keys]
    return rows


def _finish(sheet, bold, widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for cell in sheet[1]:
        cell.font = bold
    for i, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
