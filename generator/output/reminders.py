"""``handover remind``: today's reminders as text and JSON."""
from __future__ import annotations

import json

from ..track.reminders import DayReminders
from .terminal import inline


def as_json(day: DayReminders) -> str:
    return json.dumps([r.as_dict() for r in day.reminders], ensure_ascii=False, indent=2)


def as_text(day: DayReminders) -> str:
    if day.day_off is not None:
        return f"{day.today} is not a working day ({day.day_off}): no reminders"
    lines = []
    for r in day.reminders:
        when = f"{-r.days} working day(s) overdue" if r.days < 0 else f"due in {r.days} working day(s)"
        lines.append(f"{inline(r.to)} <{inline(r.email)}>: [{r.kind}] {inline(r.title)} ({inline(r.item)}) — "
                     f"{inline(r.file)} — {r.due}, {when}")
    lines.append(f"{len(day.reminders)} reminder(s) for {len({r.to for r in day.reminders})} people")
    return "\n".join(lines)
