"""R2 deadlines in PRC working days, with holidays and 调休 make-up days (chinese-calendar)."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from mishen.review.deadlines import add_workdays, is_overdue, is_workday, review_due


@pytest.mark.parametrize(("day", "workday"), [
    (date(2024, 9, 29), True),    # a Sunday made a workday (调休) for National Day
    (date(2024, 10, 1), False),   # National Day
    (date(2024, 10, 7), False),   # a Monday inside the holiday
    (date(2024, 10, 12), True),   # a Saturday made a workday
    (date(2024, 3, 8), True),     # an ordinary Friday
    (date(2024, 3, 9), False),    # an ordinary Saturday
    (date(2027, 3, 1), True),     # a year the calendar does not know yet: Monday–Friday
    (date(2027, 3, 6), False),
])
def test_is_workday(day: date, workday: bool) -> None:
    assert is_workday(day) is workday


@pytest.mark.parametrize(("start", "due"), [
    (date(2024, 3, 1), date(2024, 3, 22)),    # three plain weeks
    (date(2024, 9, 30), date(2024, 10, 25)),  # the Golden Week is skipped, Sat 12 Oct counts
    (date(2024, 9, 27), date(2024, 10, 23)),  # Sun 29 Sep counts
    (date(2027, 3, 1), date(2027, 3, 22)),    # fallback year
])
def test_fifteen_working_days(start: date, due: date) -> None:
    assert add_workdays(start, 15) == due


def test_review_due_counts_from_the_beijing_date_of_receipt() -> None:
    # 17:00 UTC on Thu 7 Mar is 01:00 on Fri 8 Mar in Beijing: the count starts on Friday.
    assert review_due(datetime(2024, 3, 7, 17, 0, tzinfo=UTC)) == date(2024, 3, 29)
    assert review_due(datetime(2024, 3, 7, 15, 0, tzinfo=UTC)) == date(2024, 3, 28)


@pytest.mark.parametrize(("now", "overdue"), [
    (datetime(2024, 3, 22, 15, 59, tzinfo=UTC), False),  # 23:59 on the due day in Beijing
    (datetime(2024, 3, 22, 16, 0, tzinfo=UTC), True),    # 00:00 the day after
])
def test_overdue_after_the_due_day(now: datetime, overdue: bool) -> None:
    assert is_overdue(date(2024, 3, 22), now) is overdue
