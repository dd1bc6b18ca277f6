from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import run

# Re-exported for tests that still import them from here; new code imports tests/helpers.py.
from .helpers import CASES, REPO, CliResult, copy_project

__all__ = ["CASES", "REPO", "CliResult", "copy_project"]


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests read the English messages unless they ask for Chinese (--lang zh, or HANDOVER_LANG=zh)."""
    monkeypatch.setenv("HANDOVER_LANG", "en")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def empty_project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", with_handovers=False)


@pytest.fixture
def cli() -> Callable[..., CliResult]:
    """Run the real ``handover`` entry point in-process, capturing what it prints."""

    def invoke(*args: str, root: Path) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run(["--root", str(root), *args])
        return code, out.getvalue(), err.getvalue()

    return invoke
