"""A readable Chinese summary of a report for the terminal (rich)."""
from __future__ import annotations

from rich.console import Console, Group as RichGroup
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from mishen.render.labels import (
    ACTION_LABELS, CATEGORY_LABELS, DECISION_LABELS, ERROR_LABELS, SEVERITY_LABELS,
)
from models import Decision, Report

_DECISION_STYLE = {Decision.PASS: "bold green", Decision.REVIEW: "bold yellow", Decision.BLOCK: "bold red"}
_MAX_SHOWN = 60  # findings listed in the terminal; the JSON and HTML reports hold all of them


def report_renderable(report: Report) -> Panel:
    doc = report.document
    lines: list = []
    head = Text()
    head.append("结论：")
    head.append(DECISION_LABELS[report.decision], style=_DECISION_STYLE[report.decision])
    if report.suggestion:
        s = report.suggestion
        head.append(f"    建议公开属性：{s.attribute.value}（审查意见：{s.opinion.value}，置信度 {s.confidence:.0%}）")
        if s.conflicts_with_declared:
            head.append("  与标注不一致", style="bold red")
    lines.append(head)
    if report.error:
        lines.append(Text(f"错误：{ERROR_LABELS.get(report.error.code, report.error.code)} —— {report.error.message}",
                          style="red"))
    declared = report.declared_attribute
    if declared:
        value = declared.value.value if declared.value else "无效表述"
        lines.append(Text(f"标注的公开属性：{value}（原文“{declared.raw}”）"))
        lines.extend(Text(f"  · {p.message}（{p.rule}）", style="yellow") for p in declared.problems)
    elif not report.error:
        lines.append(Text("标注的公开属性：未标注"))
    if doc.title or doc.doc_number or doc.date:
        lines.append(Text(f"标题：{doc.title or '—'}  文种：{doc.doc_type or '—'}  文号：{doc.doc_number or '—'}"
                          f"  发文机关：{doc.issuer or '—'}  成文日期：{doc.date or '—'}", style="dim"))
    if report.suggestion and report.suggestion.reasons:
        lines.append(Text("理由："))
        lines.extend(Text(f"  {i}.{r}", overflow="fold") for i, r in enumerate(report.suggestion.reasons, 1))
    if report.findings:
        lines.append(_findings_table(report))
    title = f"{doc.source}"
    return Panel(RichGroup(*lines), title=title, title_align="left", border_style=_DECISION_STYLE[report.decision])


def _findings_table(report: Report) -> Table:
    table = Table(title=f"发现的问题（{len(report.findings)} 项）", title_justify="left", show_lines=False,
                  expand=True)
    for column in ("#", "类别", "内容", "位置", "程度", "处理", "规则"):
        table.add_column(column, overflow="fold")
    for f in report.findings[:_MAX_SHOWN]:
        shown = f.text if len(f.text) <= 40 else f.text[:40] + "…"
        table.add_row(f.id, CATEGORY_LABELS[f.category], shown.replace("\n", "⏎"), f.location or "—",
                      SEVERITY_LABELS[f.severity], ACTION_LABELS[f.action.value], "、".join(f.rules))
    if len(report.findings) > _MAX_SHOWN:
        table.caption = f"另有 {len(report.findings) - _MAX_SHOWN} 项，见 JSON 或 HTML 报告"
    return table


def print_report(report: Report, console: Console) -> None:
    console.print(report_renderable(report))
