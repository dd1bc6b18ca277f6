"""企业微信 (WeCom) group robot: ``{"msgtype": "markdown", "markdown": {"content": …}}`` posted to its webhook.

No signature: the ``key`` in the address is the secret. People are mentioned with ``<@userid>`` (``wecom_userid`` in
people.yaml); content is at most 4096 bytes of UTF-8 and a robot may send 20 messages a minute, so the day's
reminders go out as one message, split only by size. Answers: ``{"errcode": 0, "errmsg": "ok"}``; 45009 is the rate
limit, 93000 an address that is not a robot's.
"""
from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from ..model.handbook import Person
from .channels import CHANNELS, ChannelInfo
from .message import Notice, markdown
from .robot import Reply, Robot, Verdict, json_body, judge_json, robot_url

CONTENT_BYTES = 4096
RATE_LIMITED = frozenset({45009})
# What to do about an answer, as catalogue keys.
HINTS = {93000: "wecom_hint_93000", 40058: "robot_hint_malformed"}
OTHERWISE = "wecom_hint_other"


@dataclass(frozen=True)
class WeCom(Robot):
    url: str

    info: ClassVar[ChannelInfo] = CHANNELS["wecom"]
    windows: ClassVar[tuple[tuple[int, float], ...]] = ((20, 60.0),)

    def content(self, notices: tuple[Notice, ...], today: dt.date, part: int, parts: int) -> str:
        return markdown(notices, today, part, parts, mention)

    def fits(self, notices: tuple[Notice, ...], today: dt.date) -> bool:
        return len(self.content(notices, today, 99, 99).encode("utf-8")) <= CONTENT_BYTES

    def request(self, notices: tuple[Notice, ...], today: dt.date, part: int, parts: int,
                now: float) -> tuple[str, bytes]:
        return self.url, json_body({"msgtype": "markdown",
                                    "markdown": {"content": self.content(notices, today, part, parts)}})

    def judge(self, reply: Reply) -> Verdict:
        return judge_json(reply, self.info, "errcode", "errmsg", RATE_LIMITED, HINTS, OTHERWISE)

    def secrets(self) -> tuple[str, ...]:
        return (self.url, *urllib.parse.parse_qs(urllib.parse.urlsplit(self.url).query).get("key", []))


def mention(person: Person) -> str:
    return f"<@{person.wecom_userid}>" if person.wecom_userid else ""


def configure(env: Mapping[str, str]) -> WeCom:
    return WeCom(robot_url(env, "HANDOVER_WECOM_WEBHOOK"))
