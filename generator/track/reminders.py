"""Reminders before things are late: who must hear about what today. Delivery is ``notify``'s job.

Default rules (from the seeds, thresholds in ``[tool.handover.policy]``): whoever is responsible for an open
item (its owner; once the leaver has gone, or the owner is inactive, the successor: ``reports.chase``) within 3
working days of its deadline; the manager within 1 working day and every working day it is overdue; whoever's
sign-off the handover is waiting for, unless the roster marks them inactive. Nothing is sent on days off.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

import holidays

from ..audit.signoffs import SIGNED, UNKNOWN, HandoverAudit
from ..config import PolicyConfig
from ..i18n import current_language
from ..model.handbook import Handbook, Handover
from ..model.views import COMPLETE, dated_open_items, state
from ..track.reports import chase
from ..track.workdays import WorkCalendar

DUE_SOON, OVERDUE, SIGNOFF_PENDING = "due-soon", "overdue", "signoff-pending"
WEEKEND = "weekend"  # ``DayReminders.day_off`` on a day off that is no public holiday
HOLIDAY_LOCALES = {"zh": "zh_CN", "en": "en_US"}


@dataclass(frozen=True)
class Reminder:
    to: str
    email: str
    file: str
    item: str
    title: str
    due: str
    days: int
    kind: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def key(self) -> str:
        return f"{self.to}|{self.file}|{self.item}|{self.kind}"


def reminders(handbook: Handbook, audits: dict[str, HandoverAudit], policy: PolicyConfig, calendar: WorkCalendar,
              today: dt.date) -> list[Reminder]:
    if not calendar.is_working_day(today):
        return []
    people = handbook.roster.people
    found: dict[str, Reminder] = {}

    def add(person: str, handover: Handover, item: str, title: str, due: dt.date, days: int, kind: str) -> None:
        email = people[person].email if person in people else ""
        reminder = Reminder(person, email, handover.file, item, title, due.isoformat(), days, kind)
        found.setdefault(reminder.key, reminder)

    for handover in sorted(handbook.handovers, key=lambda h: h.file):
        if state(handover, today) == COMPLETE:
            continue
        for item in dated_open_items(handover):
            due = item.due_date
            days = calendar.between(today, due) if due >= today else min(calendar.between(today, due), -1)
            if 0 <= days <= policy.owner_reminder_working_days:
                # Whoever is responsible today: once the leaver has gone, or the owner is inactive, the successor.
                add(chase(handover, item, people, today)[0], handover, item.id, item.title, due, days, DUE_SOON)
            if 0 <= days <= policy.manager_reminder_working_days:
                add(handover.manager, handover, item.id, item.title, due, days, DUE_SOON)
            if days < 0:
                add(handover.manager, handover, item.id, item.title, due, days, OVERDUE)
        audit = audits.get(handover.id)
        if audit is None or audit.state in (SIGNED, UNKNOWN):
            continue
        waiting_for = audit.state.removeprefix("awaiting-")
        days = calendar.between(today, handover.last_day) if handover.last_day >= today else min(
            calendar.between(today, handover.last_day), -1)
        for signoff in audit.signoffs:
            if signoff.person in people and not people[signoff.person].active:
                continue  # someone who has left signs nothing any more; the manager sees it on the status
            if signoff.party and signoff.role == waiting_for and signoff.state != SIGNED:
                add(signoff.person, handover, f"signoff-{signoff.role}", f"sign-off as {signoff.role} ({signoff.state})",
                    handover.last_day, days, SIGNOFF_PENDING)
    return sorted(found.values(), key=lambda r: (r.to, r.days, r.file, r.item, r.kind))


@dataclass(frozen=True)
class DayReminders:
    """Everything one run of ``remind`` found; ``day_off`` names the holiday (or WEEKEND) when nothing is due. The
    handbook is where the words for them find names and titles (``notify.message``)."""

    today: dt.date
    day_off: str | None
    reminders: tuple[Reminder, ...]
    handbook: Handbook = field(repr=False, compare=False)


def reminders_for_day(handbook: Handbook, audits: dict[str, HandoverAudit], policy: PolicyConfig,
                      calendar: WorkCalendar, today: dt.date) -> DayReminders:
    day_off = None if calendar.is_working_day(today) else (_holiday(calendar, today) or WEEKEND)
    return DayReminders(today, day_off, tuple(reminders(handbook, audits, policy, calendar, today)), handbook)


def _holiday(calendar: WorkCalendar, day: dt.date) -> str | None:
    """The public holiday's name in the command's language where the holidays library has it (国庆节), else as the
    calendar names it."""
    locale = HOLIDAY_LOCALES[current_language()]
    try:
        named = holidays.country_holidays(calendar.country, subdiv=calendar.subdivision, language=locale)
    except NotImplementedError:
        return calendar.holiday_name(day)
    return named.get(day) if locale in named.supported_languages else calendar.holiday_name(day)
