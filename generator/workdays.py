"""Working days: weekends and public holidays of the configured country, from the holidays library.

For China that includes the adjusted working weekends (调休): a Sunday that is worked counts as a
working day, a weekday given off does not.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import holidays

from .errors import ProjectError


@dataclass
class WorkCalendar:
    country: str = "CN"
    subdivision: str | None = None
    _calendar: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        try:
            self._calendar = holidays.country_holidays(self.country, subdiv=self.subdivision)
        except NotImplementedError as exc:
            raise ProjectError(f"[tool.handover.policy] country '{self.country}' is not known to the holidays "
                               "library; use an ISO 3166 code such as CN, HK, SG or US") from exc

    def is_working_day(self, day: dt.date) -> bool:
        return bool(self._calendar.is_working_day(day))

    def holiday_name(self, day: dt.date) -> str | None:
        return self._calendar.get(day)

    def add(self, day: dt.date, working_days: int) -> dt.date:
        """The date ``working_days`` working days after (or before, if negative) ``day``."""
        step = 1 if working_days >= 0 else -1
        remaining = abs(working_days)
        while remaining:
            day += dt.timedelta(days=step)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days from ``start`` to ``end``: positive if ``end`` is later, negative if earlier."""
        if start == end:
            return 0
        step = 1 if end > start else -1
        count, day = 0, start
        while day != end:
            day += dt.timedelta(days=step)
            if self.is_working_day(day):
                count += step
        return count
