"""A standalone HTML report: summary, findings, the document with flagged spans highlighted. All escaped."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from mishen.render.highlight import segments
from mishen.render.labels import (
    ACTION_LABELS, CATEGORY_LABELS, DECISION_LABELS, ERROR_LABELS, GROUP_LABELS, SEVERITY_LABELS,
)
from models import Report

TEMPLATES = Path(__file__).parent / "templates"


@cache
def _environment() -> Environment:
    # A template environment holds no document data; caching it only saves re-reading the templates.
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(category_label=CATEGORY_LABELS, group_label=GROUP_LABELS, decision_label=DECISION_LABELS,
                       severity_label=SEVERITY_LABELS, action_label=ACTION_LABELS, error_label=ERROR_LABELS)
    return env


def render_html(report: Report) -> str:
    main = [f for f in report.findings if f.part is None]
    parts = [
        (part, segments(part.text, [f for f in report.findings if f.part == part.id]))
        for part in report.hidden_parts
    ]
    return _environment().get_template("report.html").render(
        report=report, doc=report.document, body=segments(report.document.text, main), parts=parts)


def render_index(entries: list[tuple[Report, str]]) -> str:
    """An index page of several reports: (report, relative link to its HTML file)."""
    return _environment().get_template("index.html").render(entries=entries)
