"""Calendar feeds (iCalendar, via the icalendar library) so deadlines reach people's calendars.

One feed per handover (every deadline, the notice, the transition, the last day) and one per person
(what they own, and the last days of the handovers they are part of).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from icalendar import Calendar, Event, vText

from ..load.characters import without_unsafe
from ..model.handbook import Handbook, Handover, Person
from ..model.views import dated_open_items

PRODUCT = "-//handover-kb//handover calendar//ZH"
_BLANKS = re.compile(r"\s+")


@dataclass(frozen=True)
class Deadline:
    uid: str
    day: dt.date
    summary: str
    description: str
    owner: str | None = None


def handover_deadlines(handover: Handover) -> list[Deadline]:
    data = handover.data
    name = handover.id
    found = [Deadline(f"{name}-notice", handover.notice_date, f"提出离职 / notice: {name}", handover.file),
             Deadline(f"{name}-last-day", handover.last_day, f"最后工作日 / last day: {name}", handover.file)]
    transition = data.get("transition")
    if isinstance(transition, dict):
        found += [Deadline(f"{name}-transition-start", dt.date.fromisoformat(transition["start"]),
                           f"过渡期开始 / transition starts: {name}", handover.file),
                  Deadline(f"{name}-transition-end", dt.date.fromisoformat(transition["end"]),
                           f"过渡期结束 / transition ends: {name}", handover.file)]
    found += [Deadline(f"{name}-{item.id}", item.due_date, f"{item.title} ({name})", f"{handover.file} · {item.id}", item.owner)
              for item in dated_open_items(handover)]
    return sorted(found, key=lambda d: (d.day, d.uid))


def person_deadlines(person: Person, handbook: Handbook) -> list[Deadline]:
    found = []
    for handover in handbook.handovers:
        parties = (handover.leaver, handover.manager, *handover.successors)
        for deadline in handover_deadlines(handover):
            if deadline.owner == person.id or (person.id in parties and deadline.uid.endswith("-last-day")):
                found.append(deadline)
    return sorted(found, key=lambda d: (d.day, d.uid))


def _text(value: str) -> vText:
    """A calendar TEXT value from content: one line, no control characters.

    Calendar apps show control characters raw or refuse the feed, and icalendar writes an ``X-``
    property given as a plain string unescaped, so a line break in a name broke the whole file.
    As ``vText`` the value is escaped (``,`` ``;`` ``\\``) by the library."""
    return vText(without_unsafe(_BLANKS.sub(" ", value)).strip())


def to_ics(name: str, deadlines: list[Deadline], stamp: dt.date) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _text(name))
    stamped = dt.datetime.combine(stamp, dt.time(), tzinfo=dt.timezone.utc)  # reproducible builds
    for deadline in deadlines:
        event = Event()
        event.add("uid", _text(f"{deadline.uid}@handover-kb"))
        event.add("dtstamp", stamped)
        event.add("dtstart", deadline.day)
        event.add("dtend", deadline.day + dt.timedelta(days=1))
        event.add("summary", _text(deadline.summary))
        event.add("description", _text(deadline.description))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
