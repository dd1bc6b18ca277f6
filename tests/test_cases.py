"""Data-driven cases: each YAML file under cases/ says which problems it must produce."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import check_handbook
from generator.project import Project

from .conftest import CASES

EXPECT = re.compile(rb"^# expect: (\d+) ([a-z0-9-]+)\s*$", re.MULTILINE)


def expected(case: Path) -> set[tuple[int, str]]:
    return {(int(line), rule.decode()) for line, rule in EXPECT.findall(case.read_bytes())}


def errors_for(project: Path, case: Path) -> set[tuple[int, str]]:
    target = project / "handbook" / "handovers" / case.name
    shutil.copy2(case, target)
    result = check_handbook(Project.at(project))
    return {(p.line, p.rule) for p in result.problems if p.is_error and p.file.endswith(case.name)}


@pytest.mark.parametrize("case", sorted((CASES / "invalid").glob("*.yaml")), ids=lambda p: p.stem)
def test_invalid_case_reports_exactly_its_problems(empty_project: Path, case: Path) -> None:
    assert expected(case), f"{case.name} declares no '# expect:' line"
    assert errors_for(empty_project, case) == expected(case)


@pytest.mark.parametrize("case", sorted((CASES / "valid").glob("*.yaml")), ids=lambda p: p.stem)
def test_valid_case_has_no_errors(empty_project: Path, case: Path) -> None:
    assert errors_for(empty_project, case) == set()


def test_sample_handbook_is_clean() -> None:
    result = check_handbook(Project.at(Path(__file__).resolve().parents[1]))
    assert [p for p in result.problems if p.is_error] == []
    assert result.handbook is not None and len(result.handbook.handovers) >= 8
