"""飞书 (Feishu / Lark) custom robot: a rich-text ``post`` message with ``at`` elements, signed in the body.

Signing (签名校验): ``timestamp`` in seconds and ``sign = base64(HMAC-SHA256(key=timestamp + "\\n" + secret,
msg=""))`` go into the JSON body: the key and the message are the other way round from 钉钉's. 飞书 refuses a
timestamp more than an hour off. People are mentioned with ``{"tag": "at", "user_id": open_id}`` (the post form of
``<at user_id="…">``; ``feishu_open_id`` in people.yaml). A request body is at most 20 KB; 100 messages a minute and
5 a second per robot. Answers: ``{"code": 0, …}``; 19021 a refused signature or timestamp, 9499 a bad request,
11232 the rate limit.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from .channels import CHANNELS, ChannelInfo
from .message import Notice, both, headline
from .robot import Reply, Robot, Verdict, json_body, judge_json, robot_url

BODY_BYTES = 19 * 1024  # 飞书's limit is 20 KB; the signature and timestamp are added after measuring
RATE_LIMITED = frozenset({11232})
# What to do about an answer, as catalogue keys.
HINTS = {19021: "feishu_hint_19021", 9499: "robot_hint_malformed"}
OTHERWISE = "feishu_hint_other"


def sign(timestamp: int, secret: str) -> str:
    """The body's ``sign``, as 飞书 computes it: the timestamp and secret are the key, the message is empty."""
    digest = hmac.new(f"{timestamp}\n{secret}".encode(), b"", hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def post(notices: tuple[Notice, ...], today: dt.date, part: int, parts: int) -> dict[str, Any]:
    """The message as 飞书's rich text: text elements are shown as written, never read as markup."""
    lines: list[list[dict[str, str]]] = []
    for notice in notices:
        name, name_en = notice.names
        who = ({"tag": "at", "user_id": notice.person.feishu_open_id, "user_name": name}
               if notice.person.feishu_open_id else {"tag": "text", "text": name})
        lines += [[{"tag": "text", "text": ""}], [who] + ([{"tag": "text", "text": f" {name_en}"}] if name_en else [])]
        for section in notice.sections:
            link = [{"tag": "a", "text": f" {both('remind_open_page')}", "href": section.url}] if section.url else []
            lines.append([{"tag": "text", "text": f"{section.zh} · {section.en}"}, *link])
            for entry in section.entries:
                lines += [[{"tag": "text", "text": f"· {entry.zh}"}],
                          [{"tag": "text", "text": f"  {entry.en}"}]]
    return {"msg_type": "post",
            "content": {"post": {"zh_cn": {"title": headline(today, part, parts), "content": lines[1:]}}}}


@dataclass(frozen=True)
class Feishu(Robot):
    url: str
    secret: str

    info: ClassVar[ChannelInfo] = CHANNELS["feishu"]
    windows: ClassVar[tuple[tuple[int, float], ...]] = ((5, 1.0), (100, 60.0))

    def fits(self, notices: tuple[Notice, ...], today: dt.date) -> bool:
        return len(json_body(post(notices, today, 99, 99))) <= BODY_BYTES

    def request(self, notices: tuple[Notice, ...], today: dt.date, part: int, parts: int,
                now: float) -> tuple[str, bytes]:
        timestamp = int(now)
        return self.url, json_body({"timestamp": str(timestamp), "sign": sign(timestamp, self.secret),
                                    **post(notices, today, part, parts)})

    def judge(self, reply: Reply) -> Verdict:
        return judge_json(reply, self.info, "code", "msg", RATE_LIMITED, HINTS, OTHERWISE)

    def secrets(self) -> tuple[str, ...]:
        return self.url, self.url.rstrip("/").rsplit("/", 1)[-1], self.secret


def configure(env: Mapping[str, str]) -> Feishu:
    return Feishu(robot_url(env, "HANDOVER_FEISHU_WEBHOOK"), env["HANDOVER_FEISHU_SECRET"].strip())
