"""Reminders by e-mail over SMTP (``HANDOVER_SMTP_*``), one message per recipient.

One refused mailbox must not cost everyone else their reminder: each recipient is tried on its own, each success is
written to the ledger the moment it is sent, and failures come back as values for the CLI to report.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import smtplib
import ssl
import time
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr
from pathlib import Path
from typing import ClassVar, Literal

from .. import i18n
from ..errors import UsageError
from ..load.characters import visible
from ..track.reminders import Reminder
from .channels import CHANNELS, ChannelInfo, Outbox
from .ledger import load_ledger, record
from .message import Notice, Wording, email_subject, email_text

# Seconds to wait before the 2nd and 3rd try after a transient failure (a 4xx reply, a dropped connection): long
# enough for a busy server to recover, short enough that a run with a few failing mailboxes still ends quickly.
RETRY_DELAYS = (0.5, 2.0)
LOGIN_REFUSED = frozenset({530, 534, 535, 538})
REPLY_CHARS = 300

# server: no connection or login, so nobody from here on was e-mailed; sender: HANDOVER_SMTP_FROM was refused;
# recipient: this mailbox or this message was refused.
Cause = Literal["server", "sender", "recipient"]


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str  # starttls | ssl | none
    user: str | None
    password: str | None
    sender: str

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> SmtpSettings:
        env = dict(os.environ if environ is None else environ)
        host = env.get("HANDOVER_SMTP_HOST")
        if not host:
            raise UsageError(i18n.message("channel_needs", name="email", variables="HANDOVER_SMTP_HOST",
                                          what=i18n.message("channel_what_email")))
        security = env.get("HANDOVER_SMTP_TLS", "starttls").lower()
        if security not in ("starttls", "ssl", "none"):
            raise UsageError(i18n.message("email_tls"))
        default_port = {"starttls": 587, "ssl": 465, "none": 25}[security]
        try:
            port = int(env.get("HANDOVER_SMTP_PORT", default_port))
        except ValueError:
            raise UsageError(i18n.message("email_port")) from None
        return cls(host, port, security, env.get("HANDOVER_SMTP_USER"), env.get("HANDOVER_SMTP_PASSWORD"),
                   env.get("HANDOVER_SMTP_FROM", "handover-kb@localhost"))

    @property
    def server(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass(frozen=True)
class Failure:
    """A recipient whose reminders were not sent, with what the server said (never a credential)."""

    to: str  # their name
    email: str
    code: int | None  # the SMTP reply code; None when no reply came (refused, reset or timed-out connection)
    reply: str
    cause: Cause


@dataclass(frozen=True)
class Delivery:
    sent: int
    skipped: int
    failures: tuple[Failure, ...] = ()
    server: str = ""
    state_file: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.failures

    def report(self) -> str:
        """What happened, for stderr: the failures grouped by what the server said, each with what to do next."""
        lines = [i18n.message("email_sent", sent=self.sent, skipped=self.skipped)]
        if not self.failures:
            return lines[0]
        groups: dict[tuple[Cause, int | None, str], list[Failure]] = defaultdict(list)
        for failure in self.failures:
            groups[failure.cause, failure.code, failure.reply].append(failure)
        lines.append(i18n.message("email_failed", count=len(self.failures)))
        for (cause, code, reply), failed in groups.items():
            who = i18n.message("list_comma").join(f"{f.to} <{f.email}>" for f in failed)
            said = f"{code} {reply}" if code is not None else reply
            lines.append(i18n.message("email_failure", who=who, problem=self._problem(cause, code), said=said,
                                      hint=self._hint(cause, code)))
        lines.append(i18n.message("email_rerun_state", state=self.state_file) if self.state_file else
                     i18n.message("email_rerun"))
        return "\n".join(lines)

    def _problem(self, cause: Cause, code: int | None) -> str:
        if cause == "server":
            return i18n.message("email_login_refused" if code in LOGIN_REFUSED else "email_server_unusable",
                                server=self.server)
        if _transient(code):
            return i18n.message("email_try_later", tries=len(RETRY_DELAYS) + 1)
        return i18n.message("email_refused")

    @staticmethod
    def _hint(cause: Cause, code: int | None) -> str:
        if cause == "server":
            return i18n.message("email_hint_login" if code in LOGIN_REFUSED else "email_hint_server")
        if cause == "sender":
            return i18n.message("email_hint_sender")
        if _transient(code):
            return i18n.message("email_hint_wait")
        return i18n.message("email_hint_recipient")


def compose(notice: Notice, address: str, sender: str, today: dt.date) -> EmailMessage:
    """One person's e-mail, in the words every channel uses (message.py)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = formataddr((notice.person.name, address))
    message["Subject"] = email_subject(notice, today)
    message.set_content(email_text(notice, today))
    return message


def send(items: list[Reminder], settings: SmtpSettings, wording: Wording, state_file: Path | None,
         pause: Callable[[float], None] = time.sleep) -> Delivery:
    """One e-mail per recipient with their reminders not yet sent today; every recipient is tried.

    Each e-mail sent is written to the ledger at once, so a crash or a failure halfway never sends twice and a rerun
    sends exactly what is missing. If the server cannot be reached, nobody is e-mailed and all of them are failures.
    """
    today = wording.today
    ledger = load_ledger(state_file)
    day = today.isoformat()
    already = set(ledger.get(day, []))
    by_person: dict[str, list[Reminder]] = defaultdict(list)
    skipped = 0
    for reminder in items:
        if reminder.key in already or not reminder.email:
            skipped += 1
            continue
        by_person[reminder.to].append(reminder)
    waiting = [mine for _, mine in sorted(by_person.items())]
    emailed: list[str] = []
    if waiting:  # a state file that cannot be written stops the run before anyone is e-mailed
        _record(state_file, ledger, today, emailed)
    failures: list[Failure] = []
    connection = _Connection(settings)
    try:
        for index, mine in enumerate(waiting):
            notice = wording.notices(mine)[0]
            outcome = _deliver(connection, notice, mine[0].email, today, pause)
            if outcome is None:
                emailed.append(notice.names[0])
                ledger.setdefault(day, []).extend(r.key for r in mine)
                _record(state_file, ledger, today, emailed)
                continue
            code, reply, cause = outcome
            # Without a server every later recipient fails the same way: report them at once, don't knock again.
            failed = waiting[index:] if cause == "server" else [mine]
            failures += [Failure(visible(wording.person(them[0].to).name), them[0].email, code, reply, cause)
                         for them in failed]
            if cause == "server":
                break
    finally:
        connection.close()
    return Delivery(len(emailed), skipped, tuple(failures), settings.server, state_file)


@dataclass(frozen=True)
class EmailChannel:
    settings: SmtpSettings
    info: ClassVar[ChannelInfo] = CHANNELS["email"]

    def deliver(self, outbox: Outbox, state_file: Path | None) -> Delivery:
        return send(list(outbox.reminders), self.settings, outbox.wording, state_file)


def configure(env: Mapping[str, str]) -> EmailChannel:
    return EmailChannel(SmtpSettings.from_environment(dict(env)))


def _record(state_file: Path | None, ledger: dict[str, list[str]], today: dt.date, emailed: list[str]) -> None:
    done = (i18n.message("email_state_sent", names=i18n.message("list_comma").join(emailed)) if emailed else
            i18n.message("email_state_nobody"))
    record(state_file, ledger, today, CHANNELS["email"].name, done)


class _Connection:
    """One SMTP session, opened when first needed and opened again after the server dropped it."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self.server: smtplib.SMTP | None = None

    def open(self) -> smtplib.SMTP:
        if self.server is None:
            self.server = _connect(self.settings)
        return self.server

    def drop(self) -> None:
        if self.server is not None:
            self.server.close()
        self.server = None

    def close(self) -> None:
        if self.server is not None and self.server.sock is not None:
            # Everything was already sent or failed: a rude goodbye changes nothing.
            with contextlib.suppress(OSError, smtplib.SMTPException):
                self.server.quit()
        self.drop()


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    if settings.security == "ssl":
        server: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=30,
                                                context=ssl.create_default_context())
    else:
        server = smtplib.SMTP(settings.host, settings.port, timeout=30)
    try:
        if settings.security == "starttls":
            server.starttls(context=ssl.create_default_context())
        if settings.user:
            server.login(settings.user, settings.password or "")
    except BaseException:
        server.close()
        raise
    return server


def _deliver(connection: _Connection, notice: Notice, address: str, today: dt.date,
             pause: Callable[[float], None]) -> tuple[int | None, str, Cause] | None:
    """Send one recipient's e-mail, trying again after transient failures; None once sent, else why not."""
    settings = connection.settings
    for delay in (*RETRY_DELAYS, None):
        cause: Cause = "server"  # until the session is open, a failure is the server's, not this recipient's
        try:
            server = connection.open()
            cause = "recipient"
            server.send_message(compose(notice, address, settings.sender, today), to_addrs=[address])
            return None
        except (OSError, ValueError, smtplib.SMTPException) as exc:
            code, raw, transient = _explain(exc)
            if _lost(exc) or (connection.server is not None and connection.server.sock is None):  # e.g. after a 421
                connection.drop()
            if isinstance(exc, smtplib.SMTPSenderRefused):
                cause = "sender"
            if not transient or delay is None:
                return code, _words(raw, settings), cause
            pause(delay)
    raise AssertionError("unreachable: the last try always returns")


def _explain(exc: Exception) -> tuple[int | None, bytes | str, bool]:
    """The reply code, the server's words and whether trying again soon may help."""
    words: bytes | str
    if isinstance(exc, smtplib.SMTPRecipientsRefused):  # one recipient per message, so one reply
        code, words = next(iter(exc.recipients.values()), (-1, b"refused"))
    elif isinstance(exc, smtplib.SMTPResponseException):
        code, words = exc.smtp_code, exc.smtp_error
    else:
        dropped = isinstance(exc, (smtplib.SMTPServerDisconnected, ConnectionResetError, ConnectionAbortedError,
                                   BrokenPipeError))
        return None, str(exc) or type(exc).__name__, dropped
    if code < 100:  # smtplib's -1: the connection closed before a reply
        return None, words, True
    return code, words, _transient(code)


def _lost(exc: Exception) -> bool:
    """The connection is gone: smtplib's errors are OSErrors too, but after most of them the session goes on."""
    return isinstance(exc, smtplib.SMTPServerDisconnected) or (
        isinstance(exc, OSError) and not isinstance(exc, smtplib.SMTPException))


def _transient(code: int | None) -> bool:
    return code is not None and 400 <= code < 500


def _words(raw: bytes | str, settings: SmtpSettings) -> str:
    """The server's reply on one printable line, with the password blanked in case a server echoes it."""
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    if settings.password:
        text = text.replace(settings.password, "***")
    text = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return text[:REPLY_CHARS] + ("…" if len(text) > REPLY_CHARS else "")
