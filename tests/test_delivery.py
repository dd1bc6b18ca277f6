"""E-mail delivery when some mailboxes, or the whole server, fail: a real SMTP server on 127.0.0.1 and the real CLI.

One refused mailbox must not stop everyone else's reminders; whoever got an e-mail is in the state file at once,
so a rerun the same day sends only what failed.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from .helpers import CASES

TODAY = "2025-09-30"
FILE = "handbook/handovers/a.yaml"
LINA, LIUYANG, WANGFANG = "lina@example.com", "liuyang@example.com", "wangfang@example.com"
PASSWORD = "s3cret-Pa55"

# Two tasks due Thu 2025-10-09 (after National Day), one working day after TODAY: their owners lina and liuyang and
# the manager wangfang are reminded. liuyang sorts between the other two, so a refusal there used to stop wangfang's.
HANDOVER = ((CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")
            .replace("notice_date: 2026-10-12", "notice_date: 2025-09-01")
            .replace("last_day: 2026-11-13", "last_day: 2025-10-09")
            .replace("start: 2026-10-26\n  end: 2026-11-13", "start: 2025-09-22\n  end: 2025-10-09")
            .replace("due: 2026-11-30", "due: 2025-10-09")
            .replace("    owner: lina\n", "    owner: lina\n  - id: T-02\n    title: 移交样品\n    priority: high\n"
                     "    due: 2025-10-09\n    status: todo\n    owner: liuyang\n"))


class Postbox:
    """An SMTP handler that refuses chosen mailboxes, answers 451 for a while or drops the line, as real servers do."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Message]] = []
        self.refuse: dict[str, str] = {}  # address -> the reply that refuses it
        self.later: dict[str, int] = {}  # address -> how many more times to answer "try again later"
        self.drops = 0  # how many more messages to answer by dropping the connection
        self.tries: Counter[str] = Counter()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 - aiosmtpd's name
        self.tries[address] += 1
        if address in self.refuse:
            return self.refuse[address]
        if self.later.get(address, 0) > 0:
            self.later[address] -= 1
            return "451 4.7.1 Greylisted, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        if self.drops > 0:
            self.drops -= 1
            server.transport.abort()  # a reset connection, no reply at all
            return "451 never read"
        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 OK"

    def recipients(self) -> list[str]:
        return sorted(rcpt for rcpts, _ in self.messages for rcpt in rcpts)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def refuse_login(server, session, envelope, mechanism, auth_data) -> AuthResult:
    return AuthResult(success=False, handled=False)


@pytest.fixture
def port(monkeypatch: pytest.MonkeyPatch) -> int:
    chosen = free_port()
    monkeypatch.setenv("HANDOVER_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("HANDOVER_SMTP_PORT", str(chosen))
    monkeypatch.setenv("HANDOVER_SMTP_TLS", "none")
    monkeypatch.setenv("HANDOVER_SMTP_FROM", "handover-kb@example.com")
    return chosen


class Servers:
    """Starts real SMTP servers on the test's port, and stops every one of them at the end."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.running: list[Controller] = []

    def start(self, postbox: Postbox, **options: object) -> Postbox:
        controller = Controller(postbox, hostname="127.0.0.1", port=self.port, **options)
        controller.start()
        self.running.append(controller)
        return postbox

    def stop(self) -> None:
        while self.running:
            self.running.pop().stop()


@pytest.fixture
def servers(port: int) -> Iterator[Servers]:
    started = Servers(port)
    try:
        yield started
    finally:
        started.stop()


@pytest.fixture
def smtp(servers: Servers) -> Postbox:
    return servers.start(Postbox())


@pytest.fixture
def project(empty_project: Path) -> Path:
    (empty_project / FILE).write_text(HANDOVER, encoding="utf-8")
    return empty_project


def send(cli, project: Path, state: Path) -> tuple[int, str]:
    code, _, err = cli("remind", "--today", TODAY, "--send", "--state", str(state), root=project)
    return code, err


def sent_to(state: Path) -> set[str]:
    """Who the state file says got today's e-mail."""
    if not state.exists():
        return set()
    return {key.split("|")[0] for key in json.loads(state.read_text(encoding="utf-8"))["sent"]["email"].get(TODAY, [])}


def test_a_refused_mailbox_does_not_stop_the_others_and_a_rerun_sends_only_it(project: Path, smtp: Postbox,
                                                                             tmp_path: Path) -> None:
    smtp.refuse[LIUYANG] = "550 5.1.1 <liuyang@example.com>: Recipient address rejected: User unknown"
    state = tmp_path / "sent.json"
    command = [str(Path(sys.executable).with_name("handover")), "--root", str(project), "remind", "--send",
               "--state", str(state), "--today", TODAY]
    first = subprocess.run(command, capture_output=True, text=True, env=os.environ, check=False)

    assert first.returncode == 1, first.stderr
    assert smtp.recipients() == [LINA, WANGFANG]
    assert sent_to(state) == {"lina", "wangfang"}
    assert "sent 2 e-mail(s)" in first.stderr
    assert "could not e-mail 1 recipient(s)" in first.stderr
    assert "刘洋 <liuyang@example.com>: mail server refused it: 550 5.1.1" in first.stderr
    assert "User unknown" in first.stderr and "people.yaml" in first.stderr
    assert f"--state {state}" in first.stderr and "Traceback" not in first.stderr
    assert smtp.tries[LIUYANG] == 1  # a permanent refusal is not tried again

    smtp.refuse.clear()
    second = subprocess.run(command, capture_output=True, text=True, env=os.environ, check=False)
    assert second.returncode == 0, second.stderr
    assert smtp.recipients() == [LINA, LIUYANG, WANGFANG]  # only liuyang's e-mail was added
    assert sent_to(state) == {"lina", "liuyang", "wangfang"}
    assert "sent 1 e-mail(s)" in second.stderr

    third = subprocess.run(command, capture_output=True, text=True, env=os.environ, check=False)
    assert (third.returncode, len(smtp.messages)) == (0, 3), third.stderr


@pytest.mark.parametrize("refused", [LINA, WANGFANG])
def test_the_first_or_last_mailbox_refused_is_the_only_one_missing(cli, project: Path, smtp: Postbox, tmp_path: Path,
                                                                   refused: str) -> None:
    smtp.refuse[refused] = "550 5.2.1 Mailbox disabled"
    state = tmp_path / "sent.json"
    code, err = send(cli, project, state)
    assert code == 1
    others = sorted({LINA, LIUYANG, WANGFANG} - {refused})
    assert smtp.recipients() == others
    assert sent_to(state) == {address.split("@")[0] for address in others}
    assert f"<{refused}>: mail server refused it: 550 5.2.1 Mailbox disabled" in err


def test_a_server_that_is_down_fails_everyone_once_and_records_nothing(cli, project: Path, servers: Servers,
                                                                       port: int, tmp_path: Path) -> None:
    state = tmp_path / "sent.json"
    code, err = send(cli, project, state)

    assert code == 1
    assert "sent 0 e-mail(s)" in err and "could not e-mail 3 recipient(s)" in err
    lines = [line for line in err.splitlines() if line.startswith("  - ")]
    assert len(lines) == 1, err  # one failure, naming everyone
    assert f"mail server 127.0.0.1:{port} could not be used" in lines[0] and "refused" in lines[0]
    assert all(f"<{address}>" in lines[0] for address in (LINA, LIUYANG, WANGFANG))
    assert "HANDOVER_SMTP_HOST" in err and "Traceback" not in err
    assert sent_to(state) == set()

    smtp = servers.start(Postbox())
    assert send(cli, project, state)[0] == 0
    assert smtp.recipients() == [LINA, LIUYANG, WANGFANG]


def test_a_mailbox_asked_to_wait_is_tried_again(cli, project: Path, smtp: Postbox, tmp_path: Path) -> None:
    smtp.later[LIUYANG] = 1
    code, err = send(cli, project, tmp_path / "sent.json")
    assert code == 0, err
    assert smtp.recipients() == [LINA, LIUYANG, WANGFANG]
    assert smtp.tries[LIUYANG] == 2


def test_a_mailbox_that_keeps_asking_to_wait_is_reported_after_three_tries(cli, project: Path, smtp: Postbox,
                                                                          tmp_path: Path) -> None:
    smtp.later[LIUYANG] = 10
    state = tmp_path / "sent.json"
    code, err = send(cli, project, state)
    assert code == 1
    assert smtp.tries[LIUYANG] == 3
    assert "刘洋 <liuyang@example.com>: mail server asked to try later (tried 3 times): 451 4.7.1" in err, err
    assert smtp.recipients() == [LINA, WANGFANG] and sent_to(state) == {"lina", "wangfang"}


def test_a_dropped_connection_is_opened_again_and_nothing_is_sent_twice(cli, project: Path, smtp: Postbox,
                                                                       tmp_path: Path) -> None:
    smtp.drops = 1
    code, err = send(cli, project, tmp_path / "sent.json")
    assert code == 0, err
    assert smtp.recipients() == [LINA, LIUYANG, WANGFANG]


def test_a_refused_login_is_one_failure_and_the_password_is_never_shown(cli, project: Path, servers: Servers,
                                                                        monkeypatch: pytest.MonkeyPatch,
                                                                        tmp_path: Path) -> None:
    monkeypatch.setenv("HANDOVER_SMTP_USER", "robot")
    monkeypatch.setenv("HANDOVER_SMTP_PASSWORD", PASSWORD)
    smtp = servers.start(Postbox(), authenticator=refuse_login, auth_require_tls=False)
    state = tmp_path / "sent.json"
    code, err = send(cli, project, state)
    assert code == 1
    assert "refused the login: 535" in err and "HANDOVER_SMTP_PASSWORD" in err
    assert PASSWORD not in err
    assert smtp.messages == [] and sent_to(state) == set()


def test_a_state_file_that_cannot_be_written_stops_before_anyone_is_emailed(cli, project: Path, smtp: Postbox,
                                                                            tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
    state = tmp_path / "not-a-folder" / "sent.json"
    code, err = send(cli, project, state)
    assert code == 1
    assert f"could not write the reminder state file {state}" in err and "nobody was e-mailed" in err
    assert "Traceback" not in err and smtp.messages == []
    monkeypatch.setenv("HANDOVER_LANG", "zh")
    code, err = send(cli, project, state)
    assert code == 1 and smtp.messages == []
    assert f"邮件（email）：无法写入提醒记录文件 {state}（" in err
    assert "），所以停止了发送：还没有给任何人发出邮件；请让它所在的文件夹可写，或用 --state 换一个文件，然后再运行一次" in err
