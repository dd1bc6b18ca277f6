"""Reminders on fixed dates (holidays and adjusted working weekends), and e-mail to a real SMTP server."""
from __future__ import annotations

import json
import re
import socket
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from .gitrepo import GitRepo, email
from .helpers import CASES, copy_project

BASE = (CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")
FILE = "handbook/handovers/a.yaml"
KEYS = {"to", "email", "file", "item", "title", "due", "days", "kind"}

# Last day Thu 2025-10-09 just after National Day (10-01..10-08 off; Sun 09-28 and Sat 10-11 worked).
AROUND_NATIONAL_DAY = (BASE.replace("notice_date: 2026-10-12", "notice_date: 2025-09-01")
                       .replace("last_day: 2026-11-13", "last_day: 2025-10-09")
                       .replace("start: 2026-10-26\n  end: 2026-11-13", "start: 2025-09-22\n  end: 2025-10-09")
                       .replace("due: 2026-11-30", "due: 2025-10-09"))


def remind(cli, project: Path, today: str, *extra: str) -> list[dict]:
    code, out, err = cli("remind", "--today", today, "--format", "json", *extra, root=project)
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def national_day(empty_project: Path) -> Path:
    (empty_project / FILE).write_text(AROUND_NATIONAL_DAY, encoding="utf-8")
    return empty_project


def kinds(found: list[dict]) -> set[tuple[str, str, str, int]]:
    return {(r["to"], r["item"], r["kind"], r["days"]) for r in found}


def test_four_working_days_ahead_nobody_is_reminded(national_day: Path, cli) -> None:
    # Fri 09-26 -> Thu 10-09 is 4 working days: Sun 09-28, 09-29, 09-30, 10-09.
    assert [r for r in remind(cli, national_day, "2025-09-26") if r["item"] == "T-01"] == []


def test_an_adjusted_working_sunday_sends_reminders(national_day: Path, cli) -> None:
    found = remind(cli, national_day, "2025-09-28")
    assert ("lina", "T-01", "due-soon", 3) in kinds(found)
    assert all(set(r) == KEYS for r in found)
    first = next(r for r in found if r["item"] == "T-01")
    assert (first["email"], first["file"], first["due"], first["title"]) == (
        "lina@example.com", FILE, "2025-10-09", "发送续约报价")


def test_holidays_send_nothing_and_the_day_before_reaches_the_manager(national_day: Path, cli) -> None:
    assert remind(cli, national_day, "2025-10-03") == []
    found = remind(cli, national_day, "2025-09-30")  # one working day left, across the whole holiday
    assert {("lina", "T-01", "due-soon", 1), ("wangfang", "T-01", "due-soon", 1)} <= kinds(found)


def test_overdue_items_go_to_the_manager_every_working_day(national_day: Path, cli) -> None:
    found = remind(cli, national_day, "2025-10-11")  # a worked Saturday: Fri 10-10 and today are late
    assert ("wangfang", "T-01", "overdue", -2) in kinds(found)
    assert not any(r["to"] == "lina" and r["item"] == "T-01" for r in found)
    assert remind(cli, national_day, "2025-10-12") == []  # an ordinary Sunday
    assert ("wangfang", "T-01", "overdue", -3) in kinds(remind(cli, national_day, "2025-10-13"))


def test_pending_signoffs_remind_whoever_is_awaited(tmp_path: Path, cli) -> None:
    project = copy_project(tmp_path / "repo", with_handovers=False)
    git = GitRepo(project)
    git.commit("Handover", by="zhangwei", files={FILE: BASE}, trailers=(f"Signed-off-by: zhangwei <{email('zhangwei')}>",))
    found = remind(cli, project, "2026-11-10")
    assert ("lina", "signoff-successor", "signoff-pending", 3) in kinds(found)
    assert not any(r["kind"] == "signoff-pending" and r["to"] == "wangfang" for r in found)


def test_after_the_last_day_the_successor_hears_of_the_leavers_items(empty_project: Path, cli) -> None:
    """The leaver has gone: what he owned and is still open is the successor's to do, as the report says."""
    text = AROUND_NATIONAL_DAY.replace("    owner: lina\n", "    owner: zhangwei\n").replace("due: 2025-10-09", "due: 2025-10-14")
    (empty_project / FILE).write_text(text, encoding="utf-8")
    found = kinds(remind(cli, empty_project, "2025-10-10"))  # Fri after the last day; Sat 10-11 is worked: 3 days
    assert ("lina", "T-01", "due-soon", 3) in found and not any(to == "zhangwei" for to, *_ in found)


def test_someone_who_has_left_is_not_asked_to_sign(tmp_path: Path, cli) -> None:
    project = copy_project(tmp_path / "repo", with_handovers=False)
    people = project / "handbook" / "people.yaml"
    people.write_text(re.sub(r"(\{id: lina,[^}]*)\}", r"\1, active: false}", people.read_text(encoding="utf-8")),
                      encoding="utf-8")
    git = GitRepo(project)
    git.commit("Handover", by="zhangwei", files={FILE: BASE}, trailers=(f"Signed-off-by: zhangwei <{email('zhangwei')}>",))
    assert not any(r["kind"] == "signoff-pending" for r in remind(cli, project, "2026-11-10"))


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], object]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 OK"


@pytest.fixture
def smtp_server(monkeypatch: pytest.MonkeyPatch):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("HANDOVER_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("HANDOVER_SMTP_PORT", str(port))
    monkeypatch.setenv("HANDOVER_SMTP_TLS", "none")
    monkeypatch.setenv("HANDOVER_SMTP_FROM", "handover-kb@example.com")
    try:
        yield inbox
    finally:
        controller.stop()


def test_send_delivers_one_email_per_recipient_and_never_twice(national_day: Path, cli, smtp_server: Inbox,
                                                               tmp_path: Path) -> None:
    state = tmp_path / "sent.json"
    found = remind(cli, national_day, "2025-09-30", "--send", "--state", str(state))
    recipients = {r["email"] for r in found}
    assert recipients == {"lina@example.com", "wangfang@example.com"}
    assert sorted(rcpt for rcpts, _ in smtp_server.messages for rcpt in rcpts) == sorted(recipients)
    for _, message in smtp_server.messages:
        subject = str(make_header(decode_header(message["Subject"])))
        assert subject.startswith("交接提醒 / Handover reminders:") and "2025-09-30" in subject
        assert "发送续约报价" in message.get_payload(decode=True).decode("utf-8")
    remind(cli, national_day, "2025-09-30", "--send", "--state", str(state))
    assert len(smtp_server.messages) == 2  # the second run the same day sends nothing
    remind(cli, national_day, "2025-10-09", "--send", "--state", str(state))
    assert len(smtp_server.messages) == 4  # a new day is a new reminder


def remind_text(cli, project: Path, today: str, language: str = "zh") -> str:
    code, out, err = cli("--lang", language, "remind", "--today", today, root=project)
    assert code == 0, err
    return out


def test_the_text_speaks_to_each_person_by_name_in_the_words_of_the_channels(national_day: Path, cli) -> None:
    out = remind_text(cli, national_day, "2025-09-30")
    lines = out.splitlines()
    assert lines[0] == "李娜 <lina@example.com>" and lines[1] == "  张伟的销售交接"  # Chinese name, not the id lina
    assert "    - 「发送续约报价」2025-10-09（周四）到期，还有 1 个工作日。" in lines
    assert "    - 李娜负责的「发送续约报价」2025-10-09（周四）到期，还有 1 个工作日。" in lines  # what the manager hears
    assert "王芳 <wangfang@example.com>" in lines and lines[-1].startswith("共 ") and lines[-1].endswith(" 人")
    overdue = remind_text(cli, national_day, "2025-10-11")
    assert "李娜负责的「发送续约报价」2025-10-09（周四）到期，已逾期 2 个工作日。" in overdue
    for text in (out, overdue):
        assert not any(word in text for word in ("due-soon", "overdue", "signoff", "T-01", "[", FILE, "lina <"))
    english = remind_text(cli, national_day, "2025-09-30", "en")
    assert "Li Na <lina@example.com>" in english and "“发送续约报价” is due on Thu 2025-10-09: 1 working day left." in english
    assert "Li Na's “发送续约报价”" in english and "due-soon" not in english


def test_a_day_off_is_named_in_the_commands_language(national_day: Path, cli) -> None:
    assert remind_text(cli, national_day, "2025-10-03") == "2025-10-03 不是工作日（国庆节）：今天没有提醒\n"
    assert remind_text(cli, national_day, "2025-10-12") == "2025-10-12 不是工作日（周末）：今天没有提醒\n"
    assert "(National Day)" in remind_text(cli, national_day, "2025-10-03", "en")


def test_an_awaited_sign_off_is_asked_for_by_role_in_words(tmp_path: Path, cli) -> None:
    project = copy_project(tmp_path / "repo", with_handovers=False)
    GitRepo(project).commit("Handover", by="zhangwei", files={FILE: BASE},
                            trailers=(f"Signed-off-by: zhangwei <{email('zhangwei')}>",))
    out = remind_text(cli, project, "2026-11-10")
    assert "请以接手人身份核对这份交接的当前版本并签字确认：最后工作日是 2026-11-13（周五），还有 3 个工作日。" in out
    assert "signoff" not in out and "successor" not in out
