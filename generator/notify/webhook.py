"""A generic JSON webhook (``HANDOVER_WEBHOOK_URL``): the day's reminders as data, for any system to pass on.

One POST per run (split only past ``BODY_BYTES``) of ``{"source", "date", "part", "parts", "markdown", "people":
[{"id", "name", "name_en", "email", "handovers": [{"title", "title_en", "url", "reminders": [{"file", "item",
"title", "due", "working_days_left", "text", "text_en"}]}]}]}``; any 2xx answer is success. Mobile numbers are
never sent. Plain http is allowed (intranet receivers); a 3xx is not followed.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from ..i18n import message
from ..model.handbook import Person
from .channels import CHANNELS, ChannelInfo
from .message import Notice, markdown
from .robot import REPLY_CHARS, Reply, Robot, Verdict, json_body, robot_url, transport_verdict

BODY_BYTES = 1024 * 1024


def no_mention(person: Person) -> str:
    return ""


def document(notices: tuple[Notice, ...], today: dt.date, part: int, parts: int) -> dict[str, Any]:
    return {"source": "handover-kb", "date": today.isoformat(), "part": part, "parts": parts,
            "markdown": markdown(notices, today, part, parts, no_mention),
            "people": [{"id": n.person.id, "name": n.person.name, "name_en": n.person.name_en,
                        "email": n.person.email,
                        "handovers": [{"title": s.zh, "title_en": s.en, "url": s.url,
                                       "reminders": [{"file": e.reminder.file, "item": e.reminder.item,
                                                      "title": e.reminder.title, "due": e.reminder.due,
                                                      "working_days_left": e.reminder.days,
                                                      "text": e.zh, "text_en": e.en} for e in s.entries]}
                                      for s in n.sections]}
                       for n in notices]}


@dataclass(frozen=True)
class Webhook(Robot):
    url: str

    info: ClassVar[ChannelInfo] = CHANNELS["webhook"]

    def fits(self, notices: tuple[Notice, ...], today: dt.date) -> bool:
        return len(json_body(document(notices, today, 99, 99))) <= BODY_BYTES

    def request(self, notices: tuple[Notice, ...], today: dt.date, part: int, parts: int,
                now: float) -> tuple[str, bytes]:
        return self.url, json_body(document(notices, today, part, parts))

    def judge(self, reply: Reply) -> Verdict:
        transient = transport_verdict(reply, self.info)
        if transient is not None:
            return transient
        if reply.status is not None and 200 <= reply.status < 300:
            return Verdict(True)
        return Verdict(False, message("robot_http_body", vendor=self.info.label, status=reply.status,
                                      body=reply.body[:REPLY_CHARS].decode("utf-8", "replace")),
                       False, message("webhook_hint"))

    def secrets(self) -> tuple[str, ...]:
        return (self.url,)


def configure(env: Mapping[str, str]) -> Webhook:
    return Webhook(robot_url(env, "HANDOVER_WEBHOOK_URL", plain_http=True))
