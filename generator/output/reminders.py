"""``handover remind``: today's reminders as text and JSON."""
from __future__ import annotations

import json

from ..i18n import message
from ..track.reminders import DayReminders
from .terminal import inline


def as_json(day: DayReminders) -> str:
    return json.dumps([r.as_dict() for r in day.reminders], ensure_ascii=False, indent=2)


def as_text(day: DayReminders) -> str:
    if day.day_off is not None:
        return message("remind_day_off", today=day.today, why=day.day_off)
    lines = []
    for r in day.reminders:
        when = message("remind_overdue", n=-r.days) if r.days < 0 else message("remind_due_in", n=r.days)
        lines.append(message("remind_line", to=inline(r.to), email=inline(r.email), kind=r.kind, title=inline(r.title),
                             item=inline(r.item), file=inline(r.file), due=r.due, when=when))
    lines.append(message("remind_summary", count=len(day.reminders), people=len({r.to for r in day.reminders})))
    return "\n".join(lines)
