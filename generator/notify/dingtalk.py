"""钉钉 (DingTalk) custom robot: a Markdown message with ``at.atUserIds`` / ``at.atMobiles``, signed in the address.

Signing (加签): ``timestamp`` in milliseconds and ``sign = urlencode(base64(HMAC-SHA256(key=secret,
msg=timestamp + "\\n" + secret)))`` are added to the webhook address; 钉钉 refuses a timestamp more than an hour
old. A mention needs both the id in ``at`` and ``@id`` in the text: the userid (``dingtalk_userid``) when known, else
the mobile number (``mobile``, restricted: it goes to 钉钉 and nowhere else). 20 messages a minute per robot, so the
day's reminders go out as one message. Answers: ``{"errcode": 0, …}``; 310000 a refused signature, keyword or IP,
130101 the rate limit.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from ..i18n import label
from ..model.handbook import Person
from .channels import CHANNELS, ChannelInfo
from .message import Notice, markdown
from .robot import Reply, Robot, Verdict, json_body, judge_json, robot_url

MESSAGE_BYTES = 15000  # the whole request body; 钉钉 refuses much larger messages
RATE_LIMITED = frozenset({130101})
# What to do about an answer, as catalogue keys (the robot's keyword, if it checks one, is the headline 交接提醒).
HINTS = {310000: "dingtalk_hint_310000", 300001: "dingtalk_hint_300001"}
OTHERWISE = "dingtalk_hint_other"


def sign(timestamp_ms: int, secret: str) -> str:
    """The ``sign`` query parameter, already URL-encoded, as 钉钉 computes it."""
    digest = hmac.new(secret.encode("utf-8"), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    return urllib.parse.quote_plus(base64.b64encode(digest).decode("ascii"))


def mobile_number(mobile: str) -> str:
    """How 钉钉 knows a mainland number: digits only, without +86."""
    digits = re.sub(r"[\s-]", "", mobile)
    return digits.removeprefix("+86") if digits.startswith("+86") else digits


def mention(person: Person) -> str:
    if person.dingtalk_userid:
        return f"@{person.dingtalk_userid}"
    return f"@{mobile_number(person.mobile)}" if person.mobile else ""


@dataclass(frozen=True)
class DingTalk(Robot):
    url: str
    secret: str

    info: ClassVar[ChannelInfo] = CHANNELS["dingtalk"]
    windows: ClassVar[tuple[tuple[int, float], ...]] = ((20, 60.0),)

    def payload(self, notices: tuple[Notice, ...], today: dt.date, part: int, parts: int) -> dict[str, object]:
        people = [n.person for n in notices]
        return {"msgtype": "markdown",
                "markdown": {"title": f"{label('remind_headline', 'zh')} {today.isoformat()}",
                             "text": markdown(notices, today, part, parts, mention, newline="  \n")},
                "at": {"atUserIds": list(dict.fromkeys(p.dingtalk_userid for p in people if p.dingtalk_userid)),
                       "atMobiles": list(dict.fromkeys(mobile_number(p.mobile) for p in people
                                                       if p.mobile and not p.dingtalk_userid)),
                       "isAtAll": False}}

    def fits(self, notices: tuple[Notice, ...], today: dt.date) -> bool:
        return len(json_body(self.payload(notices, today, 99, 99))) <= MESSAGE_BYTES

    def request(self, notices: tuple[Notice, ...], today: dt.date, part: int, parts: int,
                now: float) -> tuple[str, bytes]:
        timestamp = int(now * 1000)
        joiner = "&" if urllib.parse.urlsplit(self.url).query else "?"
        return (f"{self.url}{joiner}timestamp={timestamp}&sign={sign(timestamp, self.secret)}",
                json_body(self.payload(notices, today, part, parts)))

    def judge(self, reply: Reply) -> Verdict:
        return judge_json(reply, self.info, "errcode", "errmsg", RATE_LIMITED, HINTS, OTHERWISE)

    def secrets(self) -> tuple[str, ...]:
        token = urllib.parse.parse_qs(urllib.parse.urlsplit(self.url).query).get("access_token", [])
        return (self.url, self.secret, *token)


def configure(env: Mapping[str, str]) -> DingTalk:
    return DingTalk(robot_url(env, "HANDOVER_DINGTALK_WEBHOOK"), env["HANDOVER_DINGTALK_SECRET"].strip())
