"""Case files: YAML that says, in comments, every problem the check must report for it.

A case is one handover file, or a folder of files for rules that need several (two handovers that
clash, a broken roster). In a folder, a top-level ``people.yaml`` replaces the roster and every other
file is a handover, subfolders kept. Each file declares its own problems::

    # expect: LINE RULE             an error on LINE of this file (a remark may follow)
    # expect-warning: LINE RULE     a warning on LINE of this file (a remark may follow)
    # today: YYYY-MM-DD             the day the check runs (once per case; default TODAY)

The check must report exactly the declared problems over the whole project: no more, no fewer.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator import check_handbook
from generator.project import Project

CASES = Path(__file__).resolve().parent / "cases"
# Within the cases' handover period (notice 2026-10-12, last day 2026-11-13): fixed, so that time
# rules report the same on every day the tests run.
TODAY = dt.date(2026, 10, 20)

_EXPECT = re.compile(rb"^# expect(-warning)?: (\d+) ([a-z0-9-]+)(?:[ \t].*)?$", re.MULTILINE)  # then any remark
_TODAY = re.compile(rb"^# today: (\d{4}-\d\d-\d\d)[ \t]*$", re.MULTILINE)

# (file as the check names it, line, rule, severity)
Expected = set[tuple[str, int, str, str]]


def declared(raw: bytes) -> set[tuple[int, str, str]]:
    """(line, rule, severity) of every ``# expect`` comment in a file's bytes."""
    return {(int(line), rule.decode(), "warning" if warning else "error") for warning, line, rule in _EXPECT.findall(raw)}


@dataclass(frozen=True)
class Case:
    path: Path  # a .yaml file or a folder

    @property
    def name(self) -> str:
        return self.path.stem if self.path.is_file() else self.path.name

    def files(self) -> list[Path]:
        if self.path.is_file():
            return [self.path]
        return sorted(p for p in self.path.rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml"))

    def place(self, file: Path) -> Path:
        """Where ``file`` goes in a project, relative to its root."""
        if self.path.is_dir() and file.parent == self.path and file.name == "people.yaml":
            return Path("handbook") / "people.yaml"
        relative = file.name if self.path.is_file() else file.relative_to(self.path)
        return Path("handbook") / "handovers" / relative

    def today(self) -> dt.date:
        days = {day for file in self.files() for day in _TODAY.findall(file.read_bytes())}
        assert len(days) <= 1, f"{self.name}: more than one '# today:' line"
        return dt.date.fromisoformat(days.pop().decode()) if days else TODAY

    def expected(self) -> Expected:
        return {(self.place(file).as_posix(), line, rule, severity)
                for file in self.files() for line, rule, severity in declared(file.read_bytes())}

    def reported(self, project: Path) -> Expected:
        """Copy the case into ``project`` (a copy without handovers) and check it."""
        for file in self.files():
            target = project / self.place(file)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, target)
        result = check_handbook(Project.at(project), today=self.today())
        return {(p.file, p.line, p.rule, p.severity) for p in result.problems}


def cases(kind: str) -> list[Case]:
    """The cases under cases/<kind>/: every .yaml file and every folder."""
    folder = CASES / kind
    return [Case(p) for p in sorted(folder.iterdir()) if p.is_dir() or p.suffix in (".yaml", ".yml")]


def every_declared_rule() -> set[str]:
    """Every rule some case file under cases/ (secrets included) declares."""
    return {rule for file in CASES.rglob("*.y*ml") for _, rule, _ in declared(file.read_bytes())}
