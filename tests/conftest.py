from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import run

REPO = Path(__file__).resolve().parents[1]
CASES = Path(__file__).resolve().parent / "cases"
PROJECT_PARTS = ("schemas", "role_templates", "handbook", "mkdocs.yml")


def copy_project(target: Path, *, with_handovers: bool = True) -> Path:
    """A real, independent copy of the project: tests change it freely."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    if not with_handovers:
        shutil.rmtree(target / "handbook" / "handovers")
        (target / "handbook" / "handovers").mkdir()
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def empty_project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", with_handovers=False)


CliResult = tuple[int, str, str]


@pytest.fixture
def cli() -> Callable[..., CliResult]:
    """Run the real ``handover`` entry point in-process, capturing what it prints."""

    def invoke(*args: str, root: Path) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run(["--root", str(root), *args])
        return code, out.getvalue(), err.getvalue()

    return invoke
