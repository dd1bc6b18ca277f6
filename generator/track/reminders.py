"""Reminders before things are late, and e-mail that sends each of them once.

Default rules (from the seeds, thresholds in ``[tool.handover.policy]``): the owner of an open item
within 3 working days of its deadline; the manager within 1 working day and every working day it is
overdue; whoever's sign-off the handover is waiting for. Nothing is sent on days off.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import smtplib
import ssl
import tempfile
from collections import defaultdict
from dataclasses import asdict, dataclass
from email.message import EmailMessage
from email.utils import formataddr
from pathlib import Path
from typing import Any

from ..audit.signoffs import SIGNED, UNKNOWN, HandoverAudit
from ..config import PolicyConfig
from ..errors import HandoverError, UsageError
from ..model.handbook import Handbook, Handover
from ..model.views import COMPLETE, state
from ..track.workdays import WorkCalendar

DUE_SOON, OVERDUE, SIGNOFF_PENDING = "due-soon", "overdue", "signoff-pending"
STATE_DAYS_KEPT = 40


@dataclass(frozen=True)
class Reminder:
    to: str
    email: str
    file: str
    item: str
    title: str
    due: str
    days: int
    kind: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def key(self) -> str:
        return f"{self.to}|{self.file}|{self.item}|{self.kind}"


@dataclass(frozen=True)
class OpenItem:
    id: str
    title: str
    due: dt.date
    owner: str


def open_items(handover: Handover) -> list[OpenItem]:
    """Tasks not done and checklist items still to do, that have a deadline."""
    found = []
    for task in handover.items("tasks"):
        if task.get("status") != "done" and isinstance(task.get("due"), str):
            found.append(OpenItem(str(task["id"]), str(task["title"]), dt.date.fromisoformat(task["due"]),
                                  str(task.get("owner") or handover.leaver)))
    for item in handover.items("checklist"):
        if item.get("status") == "todo" and isinstance(item.get("due"), str):
            found.append(OpenItem(str(item["id"]), str(item["item"]), dt.date.fromisoformat(item["due"]),
                                  str(item.get("owner") or handover.leaver)))
    return found


def reminders(handbook: Handbook, audits: dict[str, HandoverAudit], policy: PolicyConfig, calendar: WorkCalendar,
              today: dt.date) -> list[Reminder]:
    if not calendar.is_working_day(today):
        return []
    people = handbook.roster.people
    found: dict[str, Reminder] = {}

    def add(person: str, handover: Handover, item: str, title: str, due: dt.date, days: int, kind: str) -> None:
        email = people[person].email if person in people else ""
        reminder = Reminder(person, email, handover.file, item, title, due.isoformat(), days, kind)
        found.setdefault(reminder.key, reminder)

    for handover in sorted(handbook.handovers, key=lambda h: h.file):
        if state(handover, today) == COMPLETE:
            continue
        for item in open_items(handover):
            days = calendar.between(today, item.due) if item.due >= today else min(calendar.between(today, item.due), -1)
            if 0 <= days <= policy.owner_reminder_working_days:
                add(item.owner, handover, item.id, item.title, item.due, days, DUE_SOON)
            if 0 <= days <= policy.manager_reminder_working_days:
                add(handover.manager, handover, item.id, item.title, item.due, days, DUE_SOON)
            if days < 0:
                add(handover.manager, handover, item.id, item.title, item.due, days, OVERDUE)
        audit = audits.get(handover.id)
        if audit is None or audit.state in (SIGNED, UNKNOWN):
            continue
        waiting_for = audit.state.removeprefix("awaiting-")
        days = calendar.between(today, handover.last_day) if handover.last_day >= today else min(
            calendar.between(today, handover.last_day), -1)
        for signoff in audit.signoffs:
            if signoff.party and signoff.role == waiting_for and signoff.state != SIGNED:
                add(signoff.person, handover, f"signoff-{signoff.role}", f"sign-off as {signoff.role} ({signoff.state})",
                    handover.last_day, days, SIGNOFF_PENDING)
    return sorted(found.values(), key=lambda r: (r.to, r.days, r.file, r.item, r.kind))


# -- sending -------------------------------------------------------------------------------------

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


def _load_state(path: Path | None) -> dict[str, list[str]]:
    if path is None or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(day): [str(k) for k in keys] for day, keys in data.get("sent", {}).items()}
    except (ValueError, AttributeError, OSError) as exc:
        raise UsageError(f"{path}: not a reminder state file ({exc}); move it away to start afresh") from None


def _save_state(path: Path, sent: dict[str, list[str]], today: dt.date) -> None:
    horizon = (today - dt.timedelta(days=STATE_DAYS_KEPT)).isoformat()
    kept = {day: keys for day, keys in sent.items() if day >= horizon}
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        json.dump({"sent": kept}, stream, ensure_ascii=False, indent=1)
    os.replace(temporary, path)


def send(items: list[Reminder], settings: SmtpSettings, today: dt.date, state_file: Path | None) -> tuple[int, int]:
    """One e-mail per recipient with their reminders not yet sent today; returns (e-mails sent, skipped)."""
    sent = _load_state(state_file)
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
                    _save_state(state_file, sent, today)
    except (OSError, smtplib.SMTPException) as exc:
        raise HandoverError(f"could not send e-mail through {settings.host}:{settings.port}: {exc}") from exc
    return count, skipped
