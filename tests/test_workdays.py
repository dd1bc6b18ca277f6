"""Working days: the running count agrees with counting day by day, across China's holidays."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.track.workdays import WorkCalendar

CALENDAR = WorkCalendar("CN")
days = st.dates(min_value=dt.date(2018, 1, 1), max_value=dt.date(2030, 12, 31))


def counted(start: dt.date, end: dt.date) -> int:
    low, high = sorted((start, end))
    total = sum(1 for n in range(1, (high - low).days + 1) if CALENDAR.is_working_day(low + dt.timedelta(days=n)))
    return total if end >= start else -total


@settings(max_examples=300, deadline=None)
@given(start=days, end=days)
def test_between_matches_counting_day_by_day_and_is_antisymmetric(start: dt.date, end: dt.date) -> None:
    assert CALENDAR.between(start, end) == counted(start, end) == -CALENDAR.between(end, start)


def test_national_day_2025_and_its_worked_weekend() -> None:
    assert CALENDAR.is_working_day(dt.date(2025, 9, 28))  # a Sunday worked in exchange
    assert not CALENDAR.is_working_day(dt.date(2025, 10, 8))  # a Wednesday given off
    assert CALENDAR.between(dt.date(2025, 9, 30), dt.date(2025, 10, 9)) == 1
    assert CALENDAR.add(dt.date(2025, 10, 9), -3) == dt.date(2025, 9, 28)
