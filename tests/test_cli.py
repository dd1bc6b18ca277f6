"""The ``handover`` command's interface: formats, keys and exit codes other tools depend on."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .helpers import CASES, REPO

JSON_KEYS = {"file", "line", "column", "pointer", "severity", "rule", "message", "hint"}


def add_case(project: Path, name: str) -> str:
    shutil.copy2(CASES / "invalid" / f"{name}.yaml", project / "handbook" / "handovers" / f"{name}.yaml")
    return f"handbook/handovers/{name}.yaml"


def test_check_clean_handbook_exits_0(project, cli) -> None:
    code, out, _ = cli("check", root=project)
    assert code == 0
    assert ": error:" not in out and "0 error(s)" in out


def test_check_text_format_locates_and_hints(empty_project, cli) -> None:
    path = add_case(empty_project, "phone-unquoted")
    code, out, _ = cli("check", root=empty_project)
    assert code == 1
    first, hint = out.splitlines()[:2]
    assert first.startswith(f"{path}:25:16: error: ")
    assert first.endswith("[yaml-ambiguous-number]")
    assert hint.strip().startswith("hint: quote it")


def test_check_json_format_has_exactly_the_documented_keys(empty_project, cli) -> None:
    path = add_case(empty_project, "typo-field")
    code, out, _ = cli("check", "--format", "json", root=empty_project)
    problems = json.loads(out)
    assert code == 1 and problems
    assert all(set(p) == JSON_KEYS for p in problems)
    unknown = next(p for p in problems if p["rule"] == "schema-unknown-field")
    assert (unknown["file"], unknown["line"], unknown["pointer"]) == (path, 21, "/customers/0/profil")
    assert unknown["severity"] == "error" and "profile" in unknown["hint"]


def test_check_github_format_is_workflow_annotations(empty_project, cli) -> None:
    path = add_case(empty_project, "impossible-date")
    code, out, _ = cli("check", "--format", "github", root=empty_project)
    assert code == 1
    assert out.startswith(f"::error file={path},line=33,col=10::open task 1 (发送续约报价), due: ")
    assert "[schema-format]%0Ahint: write a real calendar date" in out  # one line per annotation


def test_check_only_named_paths(empty_project, cli) -> None:
    add_case(empty_project, "impossible-date")
    clean = empty_project / "handbook" / "handovers" / "ok.yaml"
    shutil.copy2(CASES / "valid" / "minimal-sales.yaml", clean)
    code, out, _ = cli("check", str(clean), root=empty_project)
    assert code == 0, out


def test_warnings_do_not_fail(empty_project, cli) -> None:
    target = empty_project / "handbook" / "handovers" / "w.yaml"
    text = (CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")
    target.write_text(text.replace("发送续约报价", "待填写:进行中的事项"), encoding="utf-8")
    code, out, _ = cli("check", "--format", "json", root=empty_project)
    problems = json.loads(out)
    assert code == 0 and problems
    assert "placeholder" in {p["rule"] for p in problems}
    assert {p["severity"] for p in problems} == {"warning"}


def test_usage_errors_exit_2(project, cli) -> None:
    assert cli("check", "--format", "xml", root=project)[0] == 2
    assert cli("check", "--jobs", "0", root=project)[0] == 2
    assert cli("check", "--jobs", "²", root=project)[0] == 2  # a digit to str.isdigit, not a number
    assert cli("check", "no/such/file.yaml", root=project)[0] == 2
    assert cli("frobnicate", root=project)[0] == 2
    assert cli("new", "--role", "astronaut", "--leaver", "lina", root=project)[0] == 2


def test_checking_in_worker_processes_gives_exactly_the_serial_result(project, cli) -> None:
    """Every invalid case at once, with the sample handbook: same problems, same order, same exit code."""
    for case in sorted((CASES / "invalid").glob("*.yaml")):
        add_case(project, case.stem)
    handovers = project / "handbook" / "handovers"
    original = (handovers / "2025-06-liuyang-sales.yaml").read_text(encoding="utf-8")
    (handovers / "2025-07-liuyang-sales.yaml").write_text(original.replace("苏州澄泓精密机械", "苏州澄泓精机"), encoding="utf-8")
    serial = cli("check", "--format", "json", "--jobs", "1", root=project)
    parallel = cli("check", "--format", "json", "-j", "2", root=project)
    assert serial[0] == parallel[0] == 1
    assert json.loads(parallel[1]) == json.loads(serial[1])
    rules = {p["rule"] for p in json.loads(serial[1])}
    assert len(rules) > 20 and "customer-name-mismatch" in rules  # per-file and cross-file rules both ran


def test_a_broken_role_is_reported_alike_from_a_worker_process(project, cli) -> None:
    (project / "role_templates" / "sales.yaml").unlink()
    serial = cli("check", "--jobs", "1", root=project)
    parallel = cli("check", "--jobs", "2", root=project)
    assert serial[0] == parallel[0] != 0
    assert serial[2] == parallel[2] and "has a schema but no template" in serial[2]
    assert "Traceback" not in parallel[1] + parallel[2]


def test_new_creates_from_template_and_never_overwrites(project, cli) -> None:
    args = ("new", "--role", "sales", "--leaver", "lina", "--successor", "liuyang", "--successor", "yangfan",
            "--last-day", "2027-01-29", "--notice-date", "2026-12-28")
    code, out, _ = cli(*args, root=project)
    created = project / "handbook" / "handovers" / "2027-01-lina-sales.yaml"
    assert code == 0 and "handbook/handovers/2027-01-lina-sales.yaml" in out
    text = created.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/roles/sales.schema.json")
    assert "successors: [liuyang, yangfan]" in text and "manager: wangfang" in text  # head of sales
    assert "last_day: 2027-01-29" in text and "start: 2027-01-15" in text
    assert "__" not in text
    code, out, _ = cli("check", "--format", "json", str(created), root=project)
    problems = json.loads(out)
    assert {p["rule"] for p in problems if p["severity"] == "error"} <= {"placeholder-required"}  # only the customer id
    assert "placeholder" in {p["rule"] for p in problems}
    before = created.read_bytes()
    code, _, err = cli(*args, root=project)
    assert code == 1 and "exists already" in err
    assert created.read_bytes() == before


def test_new_refuses_unknown_people_and_same_person_twice(project, cli) -> None:
    code, _, err = cli("new", "--role", "sales", "--leaver", "nobody", root=project)
    assert code == 2 and "nobody" in err
    code, _, err = cli("new", "--role", "sales", "--leaver", "lina", "--successor", "wangfang", root=project)
    assert code == 2 and "different people" in err


def test_installed_console_script_runs(project) -> None:
    result = subprocess.run([sys.executable, "-m", "generator.cli", "--root", str(project), "check"],
                            capture_output=True, text=True, cwd=REPO, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_roster_problems_are_located_in_people_yaml(project, cli) -> None:
    roster = project / "handbook" / "people.yaml"
    text = roster.read_text(encoding="utf-8")
    roster.write_text(text.replace("head: wangfang", "head: wangfan").replace(
        "department: hr, title: HRBP", "department: legal, title: HRBP"), encoding="utf-8")
    code, out, _ = cli("check", "--format", "json", root=project)
    found = {(p["file"], p["rule"]) for p in json.loads(out)}
    assert code == 1
    assert found >= {("handbook/people.yaml", "unknown-person"), ("handbook/people.yaml", "unknown-department")}


def test_new_turns_template_offsets_into_working_day_deadlines(project, cli) -> None:
    # Last day Thu 2025-10-09, right after China's National Day week (10-01..10-08 off, Sun 09-28 worked).
    code, _, err = cli("new", "--role", "engineer", "--leaver", "fengtao", "--successor", "xumin",
                       "--notice-date", "2025-09-01", "--last-day", "2025-10-09", root=project)
    assert code == 0, err
    text = (project / "handbook" / "handovers" / "2025-10-fengtao-engineer.yaml").read_text(encoding="utf-8")
    dues = dict(re.findall(r"\{id: ([a-z-]+), .*?due: (\d{4}-\d\d-\d\d)\}", text))
    assert dues["repo-permissions"] == "2025-09-28"  # 3 working days back: 09-30, 09-29, and the worked Sunday
    assert dues["oncall-handover"] == "2025-09-30"  # 7 calendar days back is a holiday: the working day before
    assert dues["accounts"] == "2025-10-09"
