"""summary.html: one self-contained page (inline CSS and SVG, no script, no external resource), in Chinese."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

from mishen.batch.chart import Chart, grouped_bars
from mishen.batch.summary import ATTRIBUTES, NOT_DECLARED, Summary
from mishen.render.labels import CATEGORY_LABELS, DECISION_LABELS, ERROR_LABELS, GROUP_LABELS
from models import CATEGORY_GROUP, Category, Decision

TEMPLATES = Path(__file__).parent / "templates"
RENDER_TEMPLATES = Path(__file__).parent.parent / "render" / "templates"
DECISION_COLOURS = {Decision.PASS: "#2e8b57", Decision.REVIEW: "#d99a00", Decision.BLOCK: "#b3261e"}
STATUS_LABELS = {"reviewed": "本次审查", "skipped": "已审查（沿用）", "failed": "处理失败"}
_KNOWN = {c.value: c for c in Category}


@cache
def _environment() -> Environment:
    # Holds templates only, no document data (as mishen.render.html does).
    env = Environment(loader=ChoiceLoader([FileSystemLoader(TEMPLATES), FileSystemLoader(RENDER_TEMPLATES)]),
                      autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)
    env.globals.update(decision_label=DECISION_LABELS, error_label=ERROR_LABELS, status_label=STATUS_LABELS,
                       category_label=category_label, group_label=group_label, decisions=list(Decision))
    return env


def category_label(name: str) -> str:
    category = _KNOWN.get(name)
    return CATEGORY_LABELS.get(category, name) if category else name


def group_label(name: str) -> str:
    category = _KNOWN.get(name)
    return GROUP_LABELS[CATEGORY_GROUP[category]] if category in CATEGORY_GROUP else "其他"


def decision_chart(summary: Summary) -> Chart:
    counts = {DECISION_LABELS[d]: n for d, n in summary.by_decision.items()}
    colours = {DECISION_LABELS[d]: c for d, c in DECISION_COLOURS.items()}
    return grouped_bars(list(counts), [("文件数", "#8b1a1a", counts)], group_width=120, bar_width=56,
                        group_colours=colours)


def attribute_chart(summary: Summary) -> Chart:
    groups = ATTRIBUTES + [k for k in summary.declared_keys if k not in ATTRIBUTES]
    return grouped_bars(groups, [("标注属性", "#7a8aa6", summary.declared), ("建议属性", "#8b1a1a", summary.suggested)])


def render_summary(summary: Summary, title: str = "批量审查汇总") -> str:
    return _environment().get_template("summary.html").render(
        s=summary, title=title, decision_chart=decision_chart(summary), attribute_chart=attribute_chart(summary),
        attributes=ATTRIBUTES, not_declared=NOT_DECLARED)
