"""Working days: weekends and public holidays of the configured country, from the holidays library.

For China that includes the adjusted working weekends (调休): a Sunday that is worked counts as a
working day, a weekday given off does not.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import holidays

from ..errors import ProjectError
from ..i18n import message


@dataclass
class WorkCalendar:
    country: str = "CN"
    subdivision: str | None = None
    _calendar: Any = field(default=None, repr=False)
    _working: dict[dt.date, bool] = field(default_factory=dict, repr=False)
    # Working days counted from _origin: counts[i] = working days in (origin, origin + i].
    _origin: int = field(default=0, repr=False)
    _counts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        try:
            self._calendar = holidays.country_holidays(self.country, subdiv=self.subdivision)
        except NotImplementedError as exc:
            raise ProjectError(message("unknown_country", country=self.country)) from exc

    def is_working_day(self, day: dt.date) -> bool:
        known = self._working.get(day)
        if known is None:
            known = self._working[day] = bool(self._calendar.is_working_day(day))
        return known

    def _cover(self, first: int, last: int) -> None:
        """Make the running count span the ordinals ``first`` to ``last`` (with a year to spare)."""
        if not self._counts or first < self._origin:
            end = max(last, self._origin + len(self._counts) - 1) if self._counts else last
            self._origin, self._counts = first - 366, []
            self._extend_to(end + 366)
        if last >= self._origin + len(self._counts):
            self._extend_to(last + 366)

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

    def _extend_to(self, ordinal: int) -> None:
        count = self._counts[-1] if self._counts else 0
        for next_ordinal in range(self._origin + len(self._counts), ordinal + 1):
            if self._counts and self.is_working_day(dt.date.fromordinal(next_ordinal)):
                count += 1
            self._counts.append(count)

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days from ``start`` to ``end``: positive if ``end`` is later, negative if earlier.

        Counts the days after ``start`` up to and including ``end`` (or the reverse when earlier).
        """
        first, last = sorted((start.toordinal(), end.toordinal()))
        self._cover(first, last)
        return self._counts[end.toordinal() - self._origin] - self._counts[start.toordinal() - self._origin]
