"""One broken handover never stops the reminders, the status or the report of every other handover."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .gitrepo import GitRepo
from .helpers import CliResult

BROKEN = "handbook/handovers/2026-11-chenjing-sales.yaml"
TODAY = "2026-11-16"


def _break_one(project: Path) -> None:
    path = project / BROKEN
    text = path.read_text(encoding="utf-8")
    # A password written down: a secret error, exactly the mistake that used to silence everyone's reminders.
    path.write_text(text.replace("summary:", "# 门户账号 kangyi / Kangyi2026\nsummary:", 1), encoding="utf-8")


def _others(project: Path) -> set[str]:
    return {f"handbook/handovers/{p.name}" for p in (project / "handbook" / "handovers").glob("*.yaml")} - {BROKEN}


def test_status_remind_and_report_serve_every_valid_file_and_fail_at_the_end(
        project: Path, cli: Callable[..., CliResult]) -> None:
    GitRepo(project).commit("Handbook", by="zhangwei")
    _break_one(project)

    code, out, err = cli("check", root=project)
    assert code == 1 and BROKEN in out  # check stays strict

    code, out, err = cli("status", "--format", "json", root=project)
    assert code == 1
    assert {entry["file"] for entry in json.loads(out)} == _others(project)
    assert BROKEN in err and "left out 1 file(s)" in err and "secret" in err

    code, out, err = cli("remind", "--today", TODAY, "--format", "json", root=project)
    assert code == 1
    reminded = {r["file"] for r in json.loads(out)}
    assert reminded and BROKEN not in reminded
    assert BROKEN in err

    code, out, err = cli("report", "incomplete", "--today", TODAY, "--format", "json", root=project)
    assert code == 1
    rows = json.loads(out)
    assert rows and BROKEN not in {r["file"] for r in rows}
    assert BROKEN in err


def test_with_nothing_broken_the_commands_succeed(project: Path, cli: Callable[..., CliResult]) -> None:
    GitRepo(project).commit("Handbook", by="zhangwei")
    for command in (["status"], ["remind", "--today", TODAY], ["report", "incomplete", "--today", TODAY]):
        code, _, err = cli(*command, root=project)
        assert code == 0 and "left out" not in err, (command, err)


def test_a_broken_roster_still_stops_them(project: Path, cli: Callable[..., CliResult]) -> None:
    GitRepo(project).commit("Handbook", by="zhangwei")
    people = project / "handbook" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "\nbroken: [\n", encoding="utf-8")
    code, _, err = cli("remind", "--today", TODAY, root=project)
    assert code == 1 and "people.yaml" in err
