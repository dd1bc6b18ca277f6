"""Time rules as located warnings, on fixed dates, with China's holidays and adjusted working weekends."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import check_handbook
from generator.errors import ProjectError
from generator.project import Project

from .gitrepo import GitRepo, email
from .helpers import CASES, copy_project

BASE = (CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")
FILE = "handbook/handovers/a.yaml"


def warnings(project: Path, today: dt.date) -> dict[str, list[tuple[int, str]]]:
    result = check_handbook(Project.at(project), today=today)
    assert result.ok, [p for p in result.problems if p.is_error]
    found: dict[str, list[tuple[int, str]]] = {}
    for p in result.problems:
        if p.file == FILE and p.rule.startswith("policy-"):
            found.setdefault(p.rule, []).append((p.line, p.message))
    return found


def write(project: Path, text: str) -> None:
    (project / FILE).write_text(text, encoding="utf-8")


def test_short_notice_and_missing_transition(empty_project: Path) -> None:
    text = BASE.replace("notice_date: 2026-10-12", "notice_date: 2026-10-30")
    text = text.replace("transition:\n  start: 2026-10-26\n  end: 2026-11-13\n", "")
    write(empty_project, text)
    found = warnings(empty_project, dt.date(2026, 11, 1))
    assert found["policy-short-notice"] == [(8, "only 14 days between notice and last day (policy: 30)")]
    assert [line for line, _ in found["policy-no-transition"]] == [8]


def test_a_late_start_counts_working_days_across_national_day(empty_project: Path) -> None:
    # 9 calendar days, but 10-01..10-08 are holidays: only 1 working day (10-09) is left.
    text = BASE.replace("notice_date: 2026-10-12", "notice_date: 2025-09-01").replace("last_day: 2026-11-13", "last_day: 2025-10-09")
    text = text.replace("start: 2026-10-26\n  end: 2026-11-13", "start: 2025-09-30\n  end: 2025-10-09")
    text = text.replace("due: 2026-11-30", "due: 2025-10-09")
    write(empty_project, text)
    found = warnings(empty_project, dt.date(2025, 9, 30))
    assert found["policy-late-start"] == [(10, "the handover starts only 1 working days before the last day (policy: 3)")]
    # Starting on Sun 09-28, a worked day, gives 09-29, 09-30 and 10-09: enough.
    write(empty_project, text.replace("start: 2025-09-30", "start: 2025-09-28"))
    assert "policy-late-start" not in warnings(empty_project, dt.date(2025, 9, 28))


def test_key_customers_must_confirm_and_be_contacted_after_the_last_day(empty_project: Path) -> None:
    text = BASE.replace("    profile: 老客户,关注交付周期。",
                        "    profile: 老客户,关注交付周期。\n    handover_confirmed_by_customer: false")
    write(empty_project, text)
    # Last day Fri 2026-11-13: three working days later is Wed 11-18.
    assert "policy-customer-not-contacted" not in warnings(empty_project, dt.date(2026, 11, 18))
    found = warnings(empty_project, dt.date(2026, 11, 19))
    assert found["policy-customer-not-contacted"] == [(14, "key customer 测试客户甲有限公司: not contacted yet; due by 2026-11-18")]
    assert [line for line, _ in found["policy-customer-unconfirmed"]] == [14]
    write(empty_project, text.replace("handover_confirmed_by_customer: false",
                                      "handover_confirmed_by_customer: true\n    successor_contacted: 2026-11-17"))
    assert warnings(empty_project, dt.date(2026, 11, 30)) == {}


def test_thresholds_are_configured_in_pyproject(empty_project: Path) -> None:
    text = BASE.replace("notice_date: 2026-10-12", "notice_date: 2026-10-30")
    write(empty_project, text)
    assert "policy-short-notice" in warnings(empty_project, dt.date(2026, 11, 1))
    (empty_project / "pyproject.toml").write_text("[tool.handover.policy]\nmin_notice_days = 0\n", encoding="utf-8")
    assert "policy-short-notice" not in warnings(empty_project, dt.date(2026, 11, 1))
    (empty_project / "pyproject.toml").write_text("[tool.handover.policy]\nmin_notice_dayz = 3\n", encoding="utf-8")
    with pytest.raises(ProjectError, match="unknown settings: min_notice_dayz"):
        check_handbook(Project.at(empty_project))


def test_the_successor_confirms_within_three_working_days_of_the_leaver(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "repo", with_handovers=False)
    git = GitRepo(project)  # commits from Mon 2026-11-02 on
    git.commit("Handover", by="zhangwei", files={FILE: BASE}, trailers=(f"Signed-off-by: zhangwei <{email('zhangwei')}>",))
    assert "policy-successor-late" not in warnings(project, dt.date(2026, 11, 5))
    found = warnings(project, dt.date(2026, 11, 6))
    assert found["policy-successor-late"] == [(5, "lina has not confirmed; the leaver signed on 2026-11-02, due by 2026-11-05")]
    git.clock = dt.datetime(2026, 11, 9, 10, tzinfo=git.clock.tzinfo)
    git.sign("Acked-by", "lina", FILE)
    found = warnings(project, dt.date(2026, 11, 10))
    assert found["policy-successor-late"] == [(5, "lina confirmed on 2026-11-09; the leaver signed on 2026-11-02, due by 2026-11-05")]
