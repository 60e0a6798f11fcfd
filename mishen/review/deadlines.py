"""Deadlines in PRC working days (weekends, public holidays and 调休 make-up workdays: chinese-calendar)."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar

BEIJING = ZoneInfo("Asia/Shanghai")
REVIEW_DAYS = 15  # R2: the review is due within 15 working days of receipt
PUBLISH_DAYS = 20  # R3: 主动公开 information is published within 20 working days of its formation
REPORT_DAYS = 5  # R4: a 不予公开 decision is reported within 5 working days of the decision


def is_workday(day: date) -> bool:
    """A PRC working day. Years chinese-calendar does not know yet fall back to Monday–Friday."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5


def add_workdays(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (the day of receipt itself does not count)."""
    day = start
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if is_workday(day):
            remaining -= 1
    return day


def local_date(moment: datetime) -> date:
    return moment.astimezone(BEIJING).date()


def review_due(received_at: datetime) -> date:
    return add_workdays(local_date(received_at), REVIEW_DAYS)


def is_overdue(due: date, now: datetime) -> bool:
    return local_date(now) > due


def parse_iso(value: str | None) -> date | None:
    """An ISO yyyy-mm-dd date, or None where there is none or it is not one."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def publish_due(doc_date: date | None) -> date | None:
    return add_workdays(doc_date, PUBLISH_DAYS) if doc_date else None


def report_due(decided_at: datetime | None) -> date | None:
    return add_workdays(local_date(decided_at), REPORT_DAYS) if decided_at else None
