"""Posting the day's reminders to a chat group's robot (or any JSON webhook): what every vendor module shares.

Robots allow a few messages a minute (企业微信 and 钉钉 20, 飞书 100), so the day's reminders go to each group as one
message, split only where the vendor's size limit says, and paced to its rate. Each message is signed the moment it
is sent (a retry signs again: vendors refuse old timestamps), retried with backoff when the vendor or the network
asks to slow down, never after a refused signature, and written to the ledger the moment it is accepted. When a
message is refused, the rest of that group's messages are not tried (the same robot would refuse them too) and all
are reported with the vendor's own words and what to do next.
"""
from __future__ import annotations

import datetime as dt
import http.client
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import Any, ClassVar

from .. import __version__, i18n
from ..errors import UsageError
from ..load.characters import visible
from .channels import ChannelInfo, Outbox
from .ledger import Days, load_ledger, record
from .message import Notice, pack

# Seconds before the 2nd and 3rd try after a rate limit, a 5xx or a network failure; a Retry-After answer is
# honoured up to MAX_WAIT. A run of a cron job may wait that long; a vendor's longer penalty is reported instead.
RETRY_DELAYS = (1.0, 4.0)
MAX_WAIT = 30.0
TIMEOUT = 15.0  # seconds for each request: a robot that does not answer must not hang the nightly job
ANSWER_BYTES = 64 * 1024
REPLY_CHARS = 300
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})

Send = Callable[[str, bytes], "Reply"]


@dataclass(frozen=True)
class Reply:
    """What came back: the HTTP status and body, or, with no answer at all, why not."""

    status: int | None
    body: bytes = b""
    retry_after: float | None = None
    error: str = ""


@dataclass(frozen=True)
class Verdict:
    ok: bool
    said: str = ""  # the vendor's code and message (or the HTTP status, or the network error), in words
    retry: bool = False
    hint: str = ""  # what to do next, in words


class Robot:
    """A vendor: how it wants the message laid out and signed, and how to read its answer. Subclasses are frozen
    dataclasses holding their settings from the environment."""

    info: ClassVar[ChannelInfo]
    windows: ClassVar[tuple[tuple[int, float], ...]] = ()  # at most N messages in S seconds, for each (N, S)

    def fits(self, notices: tuple[Notice, ...], today: dt.date) -> bool:
        raise NotImplementedError

    def request(self, notices: tuple[Notice, ...], today: dt.date, part: int, parts: int,
                now: float) -> tuple[str, bytes]:
        """The address and the JSON body of one message, signed for the time ``now`` (seconds since the epoch)."""
        raise NotImplementedError

    def judge(self, reply: Reply) -> Verdict:
        raise NotImplementedError

    def secrets(self) -> tuple[str, ...]:
        """Values never to show in a report: the webhook address (its token is a password) and the secret."""
        raise NotImplementedError

    def deliver(self, outbox: Outbox, state_file: Path | None, send: Send | None = None,
                pause: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.time) -> RobotDelivery:
        return post_all(self, outbox, state_file, send or http_post, pause, clock)


@dataclass(frozen=True)
class RobotDelivery:
    info: ChannelInfo
    messages: int = 0  # messages the group received
    delivered: int = 0  # reminders in them
    people: tuple[str, ...] = ()  # whose reminders they were
    skipped: int = 0  # reminders this channel already delivered today
    failed: tuple[Notice, ...] = ()  # what was not delivered
    tries: int = 0
    verdict: Verdict | None = None
    state_file: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.failed

    def report(self) -> str:
        label = self.info.heading
        comma = i18n.message("list_comma")
        posted = i18n.message("robot_posted", label=label, messages=self.messages, delivered=self.delivered,
                              count=len(self.people), skipped=self.skipped,
                              people=i18n.message("robot_people", names=comma.join(self.people)) if self.people else "")
        if self.ok or self.verdict is None:
            return posted
        count = sum(len(n.keys) for n in self.failed)
        tried = i18n.message("robot_tried", tries=self.tries) if self.tries > 1 else ""
        rerun = (i18n.message("robot_rerun_state", state=self.state_file) if self.state_file else
                 i18n.message("robot_rerun"))
        failed = i18n.message("robot_failed", label=label, count=count, whom=comma.join(_names(self.failed)),
                              said=self.verdict.said, tried=tried, hint=self.verdict.hint, rerun=rerun)
        return f"{posted}\n{failed}"


def post_all(robot: Robot, outbox: Outbox, state_file: Path | None, send: Send, pause: Callable[[float], None],
             clock: Callable[[], float]) -> RobotDelivery:
    """The day's reminders not yet posted by this robot today, in as few messages as fit, each recorded once sent."""
    name, day = robot.info.name, outbox.today.isoformat()
    ledger = load_ledger(state_file, name)
    already = set(ledger.get(day, []))
    waiting = [r for r in outbox.reminders if r.key not in already]
    skipped = len(outbox.reminders) - len(waiting)
    if not waiting:
        return RobotDelivery(robot.info, skipped=skipped, state_file=state_file)
    _record(robot, state_file, ledger, outbox.today, [])  # a state file that cannot be written stops it here
    messages = pack(outbox.wording.notices(waiting), lambda notices: robot.fits(notices, outbox.today))
    pace = _Pace(robot.windows, clock, pause)
    posted: list[Notice] = []
    for index, notices in enumerate(messages):
        verdict, tries = _post(robot, notices, outbox.today, index + 1, len(messages), send, pace, pause, clock)
        if not verdict.ok:
            return RobotDelivery(robot.info, index, sum(len(n.keys) for n in posted), _names(posted), skipped,
                                 tuple(n for later in messages[index:] for n in later), tries, verdict, state_file)
        posted += notices
        ledger.setdefault(day, []).extend(key for notice in notices for key in notice.keys)
        _record(robot, state_file, ledger, outbox.today, posted)
    return RobotDelivery(robot.info, len(messages), sum(len(n.keys) for n in posted), _names(posted), skipped,
                         state_file=state_file)


def _names(notices: Sequence[Notice]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n.names[0] for n in notices))


def _post(robot: Robot, notices: tuple[Notice, ...], today: dt.date, part: int, parts: int, send: Send,
          pace: _Pace, pause: Callable[[float], None], clock: Callable[[], float]) -> tuple[Verdict, int]:
    """One message, tried again after a rate limit, a 5xx or a network failure; the verdict and how many tries."""
    for tries, delay in enumerate((*RETRY_DELAYS, None), start=1):
        pace.wait()
        url, body = robot.request(notices, today, part, parts, clock())
        reply = send(url, body)
        verdict = robot.judge(reply)
        verdict = Verdict(verdict.ok, _words(verdict.said, robot.secrets()), verdict.retry, verdict.hint)
        if verdict.ok or not verdict.retry or delay is None:
            return verdict, tries
        pause(min(max(delay, reply.retry_after or 0.0), MAX_WAIT))
    raise AssertionError("unreachable: the last try always returns")


def _record(robot: Robot, state_file: Path | None, ledger: Days, today: dt.date, posted: list[Notice]) -> None:
    done = (i18n.message("robot_state_posted", names=i18n.message("list_comma").join(_names(posted))) if posted else
            i18n.message("robot_state_nothing"))
    record(state_file, ledger, today, robot.info.name, done)


class _Pace:
    """Waits before a message that would exceed one of the robot's rate windows (retries count too)."""

    def __init__(self, windows: tuple[tuple[int, float], ...], clock: Callable[[], float],
                 pause: Callable[[float], None]) -> None:
        self.windows, self.clock, self.pause = windows, clock, pause
        self.sent: list[float] = []

    def wait(self) -> None:
        for count, seconds in self.windows:
            recent = [t for t in self.sent if self.clock() - t < seconds]
            if len(recent) >= count:
                self.pause(seconds - (self.clock() - recent[-count]))
        self.sent.append(self.clock())


# -- HTTP -----------------------------------------------------------------------------------------------------------
class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A robot's address does not move: a redirect is answered as it is, never followed with the signed body."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def http_post(url: str, body: bytes) -> Reply:
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json; charset=utf-8", "User-Agent": f"handover-kb/{__version__}"})
    try:
        with _OPENER.open(request, timeout=TIMEOUT) as response:
            return Reply(response.status, response.read(ANSWER_BYTES), _retry_after(response.headers))
    except urllib.error.HTTPError as exc:
        with exc:
            return Reply(exc.code, exc.read(ANSWER_BYTES), _retry_after(exc.headers))
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
        reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        return Reply(None, error=str(reason) or type(reason).__name__)


def _retry_after(headers: Message | None) -> float | None:
    try:
        return float(headers.get("Retry-After", "")) if headers is not None else None
    except ValueError:  # an HTTP date: take our own backoff
        return None


def judge_json(reply: Reply, info: ChannelInfo, code_key: str, message_key: str, rate_limited: Collection[int],
               hints: Mapping[int, str], otherwise: str) -> Verdict:
    """A vendor's JSON answer: ``code_key`` 0 is success; a rate-limit code, HTTP 429 or 5xx, or no answer at all
    is worth another try; anything else (a refused signature, a bad address) is not. ``hints`` and ``otherwise``
    are catalogue keys: what to do about a code, in the command's language."""
    transient = transport_verdict(reply, info)
    if transient is not None:
        return transient
    vendor = info.label
    try:
        answer = json.loads(reply.body.decode("utf-8"))
        code = int(answer[code_key])
    except (ValueError, KeyError, TypeError, AttributeError):
        return Verdict(False, i18n.message("robot_no_code", vendor=vendor, status=reply.status, field=code_key,
                                           body=reply.body[:REPLY_CHARS].decode("utf-8", "replace")),
                       False, i18n.message(otherwise, vendor=vendor))
    if code == 0 and reply.status is not None and reply.status < 300:
        return Verdict(True)
    said = str(answer.get(message_key, "")).strip()
    said = (i18n.message("robot_answered", vendor=vendor, code=code, said=said) if said else
            i18n.message("robot_answered_code", vendor=vendor, code=code))
    if code in rate_limited:
        return Verdict(False, said, True, i18n.message("robot_hint_too_fast"))
    return Verdict(False, said, False, i18n.message(hints.get(code, otherwise), vendor=vendor))


def transport_verdict(reply: Reply, info: ChannelInfo) -> Verdict | None:
    """A verdict when the network or HTTP itself failed in a way worth another try; None otherwise."""
    if reply.status is None:
        return Verdict(False, i18n.message("robot_unreachable", vendor=info.label, error=reply.error), True,
                       i18n.message("robot_hint_unreachable"))
    if reply.status == 429 or reply.status >= 500:
        return Verdict(False, i18n.message("robot_http", vendor=info.label, status=reply.status), True,
                       i18n.message("robot_hint_busy"))
    return None


def robot_url(env: Mapping[str, str], variable: str, *, plain_http: bool = False) -> str:
    """The webhook address in ``variable``: https (plain http only to this machine, or where ``plain_http``)."""
    url = env[variable].strip()
    parsed = urllib.parse.urlsplit(url)
    secure = parsed.scheme == "https" or (parsed.scheme == "http" and (plain_http or parsed.hostname in LOOPBACK))
    if not secure or not parsed.hostname:
        # The value is a password of sorts: the message names the variable, never its value.
        raise UsageError(i18n.message("robot_not_https", variable=variable))
    return url


def _words(text: str, secrets: tuple[str, ...]) -> str:
    """A vendor's words on one printable line, with the webhook address and secret blanked in case it echoes them."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    text = " ".join(visible(text).split())
    return text[:REPLY_CHARS] + ("…" if len(text) > REPLY_CHARS else "")


def json_body(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
