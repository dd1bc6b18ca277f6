"""Reminders by e-mail over SMTP (``HANDOVER_SMTP_*``), one message per recipient."""
from __future__ import annotations

import datetime as dt
import os
import smtplib
import ssl
from collections import defaultdict
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr
from pathlib import Path

from ..errors import HandoverError, UsageError
from ..track.reminders import Reminder
from .ledger import load_ledger, save_ledger


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
            raise UsageError("--send needs HANDOVER_SMTP_HOST (and HANDOVER_SMTP_PORT, HANDOVER_SMTP_TLS, "
                             "HANDOVER_SMTP_USER, HANDOVER_SMTP_PASSWORD, HANDOVER_SMTP_FROM as needed)")
        security = env.get("HANDOVER_SMTP_TLS", "starttls").lower()
        if security not in ("starttls", "ssl", "none"):
            raise UsageError("HANDOVER_SMTP_TLS must be starttls, ssl or none")
        default_port = {"starttls": 587, "ssl": 465, "none": 25}[security]
        try:
            port = int(env.get("HANDOVER_SMTP_PORT", default_port))
        except ValueError:
            raise UsageError("HANDOVER_SMTP_PORT must be a number") from None
        return cls(host, port, security, env.get("HANDOVER_SMTP_USER"), env.get("HANDOVER_SMTP_PASSWORD"),
                   env.get("HANDOVER_SMTP_FROM", "handover-kb@localhost"))


def compose(recipient: Reminder, items: list[Reminder], sender: str, today: dt.date) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = formataddr((recipient.to, recipient.email))
    message["Subject"] = f"交接提醒 / Handover reminders: {len(items)} item(s) — {today.isoformat()}"
    lines = [f"{recipient.to}, 您好 / hello,", ""]
    for r in items:
        when = f"逾期 {-r.days} 个工作日 / {-r.days} working day(s) overdue" if r.days < 0 else (
            f"{r.days} 个工作日内到期 / due in {r.days} working day(s)")
        lines.append(f"- [{r.kind}] {r.title} ({r.item}) — {r.file} — {r.due}, {when}")
    lines += ["", "请更新交接文件或在知识库中查看详情。 Update the handover file, or see the knowledge base."]
    message.set_content("\n".join(lines))
    return message


def send(items: list[Reminder], settings: SmtpSettings, today: dt.date, state_file: Path | None) -> tuple[int, int]:
    """One e-mail per recipient with their reminders not yet sent today; returns (e-mails sent, skipped)."""
    sent = load_ledger(state_file)
    already = set(sent.get(today.isoformat(), []))
    by_person: dict[str, list[Reminder]] = defaultdict(list)
    skipped = 0
    for reminder in items:
        if reminder.key in already or not reminder.email:
            skipped += 1
            continue
        by_person[reminder.to].append(reminder)
    if not by_person:
        return 0, skipped
    try:
        if settings.security == "ssl":
            server: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=30,
                                                    context=ssl.create_default_context())
        else:
            server = smtplib.SMTP(settings.host, settings.port, timeout=30)
        with server:
            if settings.security == "starttls":
                server.starttls(context=ssl.create_default_context())
            if settings.user:
                server.login(settings.user, settings.password or "")
            count = 0
            for _, mine in sorted(by_person.items()):
                server.send_message(compose(mine[0], mine, settings.sender, today))
                count += 1
                sent.setdefault(today.isoformat(), []).extend(r.key for r in mine)
                if state_file is not None:  # after every e-mail: a crash halfway never sends twice
                    save_ledger(state_file, sent, today)
    except (OSError, smtplib.SMTPException) as exc:
        raise HandoverError(f"could not send e-mail through {settings.host}:{settings.port}: {exc}") from exc
    return count, skipped
