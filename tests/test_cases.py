"""Data-driven cases: each case under cases/ declares every problem it must produce (format: casefiles.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator import check_handbook
from generator.check.catalog import every_rule
from generator.project import Project

from .casefiles import Case, Expected, cases

SEVERITY = {r.id: r.severity for r in every_rule()}


def checked(case: Case, project: Path) -> Expected:
    """What the check reports for ``case``: each rule registered, with the severity it is registered with."""
    reported = case.reported(project)
    assert {(rule, severity) for *_, rule, severity in reported if SEVERITY.get(rule) != severity} == set()
    return reported


@pytest.mark.parametrize("case", cases("invalid"), ids=lambda c: c.name)
def test_invalid_case_reports_exactly_its_problems(empty_project: Path, case: Case) -> None:
    assert case.expected(), f"{case.name} declares no '# expect:' line"
    assert checked(case, empty_project) == case.expected()


@pytest.mark.parametrize("case", cases("valid"), ids=lambda c: c.name)
def test_valid_case_has_no_errors_and_exactly_its_warnings(empty_project: Path, case: Case) -> None:
    assert {severity for *_, severity in case.expected()} <= {"warning"}, f"{case.name} is valid: it expects no error"
    assert checked(case, empty_project) == case.expected()


def test_sample_handbook_is_clean() -> None:
    result = check_handbook(Project.at(Path(__file__).resolve().parents[1]))
    assert [p for p in result.problems if p.is_error] == []
    assert result.handbook is not None and len(result.handbook.handovers) >= 8
