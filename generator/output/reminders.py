"""``handover remind``: today's reminders as text and JSON.

The text says to each person what the robots and the e-mail say to them (``notify.message``, the same lines), in the
command's language: their name, each handover with its page when the site's address is known, each item with its
due date and the working days left. The JSON is the reminders as data, keys unchanged.
"""
from __future__ import annotations

import json

from ..i18n import current_language, message
from ..notify.channels import Outbox
from ..notify.message import Wording, section_lines
from ..track.reminders import WEEKEND, DayReminders
from .terminal import inline


def as_json(day: DayReminders | Outbox) -> str:
    return json.dumps([r.as_dict() for r in day.reminders], ensure_ascii=False, indent=2)


def as_text(day: DayReminders | Outbox) -> str:
    """The day's reminders, or why there are none. Given the ``Outbox`` of ``remind --send``, each handover is
    named with its page on the site."""
    if day.day_off is not None:
        why = message("remind_weekend") if day.day_off == WEEKEND else day.day_off
        return message("remind_day_off", today=day.today, why=why)
    wording = day.wording if isinstance(day, Outbox) else Wording(day.today, day.handbook)
    language = current_language()
    lines = []
    for notice in wording.notices(day.reminders):
        name, email = notice.name(language), notice.person.email
        lines.append(message("remind_to", name=name, email=inline(email)) if email else name)
        lines += [f"  {line}" for section in notice.sections for line in section_lines(section, language)]
    lines.append(message("remind_summary", count=len(day.reminders), people=len({r.to for r in day.reminders})))
    return "\n".join(lines)
