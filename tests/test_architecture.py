"""The shape of the code, enforced: imports run one way through the stages, and git history is
read once per command."""
from __future__ import annotations

import ast
import importlib
import os
import pkgutil
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import generator

from .gitrepo import GitRepo
from .helpers import copy_project

PACKAGE = Path(generator.__file__).resolve().parent

# Lower ranks never import higher ones: load <- check <- model <- audit <- track <- render <- {output, notify}
# <- session <- actions <- site <- cli. Base modules (errors, problems, config, ...) sit under every stage.
RANKS = {"load": 1, "check": 2, "model": 3, "audit": 4, "track": 5, "render": 6, "output": 7, "notify": 7,
         "session": 8, "actions": 9, "site": 10, "cli": 11}
# skeleton: the templates and shipped data of 'handover init' (data; imports nothing of ours).
BASE = {"errors", "problems", "config", "project", "memory", "fanout", "i18n", "skeleton", "__version__"}
# The sign-off audit reads git and judges trailers; it must not reach into checking, tracking or rendering.
AUDIT_MAY_IMPORT = {"audit", "model", "config", "errors", "memory", "project", "i18n"}


def _stage(module: str) -> str:
    """``generator.check.rules`` -> ``check``; ``generator.errors`` -> ``errors``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _rank(stage: str) -> int:
    return 0 if stage in BASE else RANKS[stage]


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(relative.parts)
        if parts[-1] == "__init__":
            parts.pop()
        found.append((".".join(parts), path))
    return found


def _imports(module: str, path: Path) -> list[tuple[int, str]]:
    """Every generator module imported anywhere in the file (function-level imports included)."""
    is_package = path.name == "__init__.py"
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [target] if node.module else [f"{target}.{alias.name}" for alias in node.names]
            found += [(node.lineno, name) for name in names if name.startswith("generator.")]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("generator.")]
    return found


def test_every_module_imports() -> None:
    names = [name for _, name, _ in pkgutil.walk_packages(generator.__path__, "generator.")]
    assert len(names) > 40
    for name in names:
        importlib.import_module(name)


def test_imports_run_one_way_through_the_stages() -> None:
    wrong = []
    for module, path in _modules():
        source = _stage(module)
        if source == "":  # generator/__init__.py: the public API, imported lazily
            continue
        for line, target in _imports(module, path):
            target_stage = _stage(target)
            if _rank(target_stage) > _rank(source):
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {source} imports {target} ({target_stage})")
            if source == "audit" and target_stage not in AUDIT_MAY_IMPORT:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: audit imports {target}")
    assert not wrong, "imports against the data flow:\n" + "\n".join(wrong)


def test_the_direction_test_sees_a_wrong_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from ..render.pages import SiteOptions\n", encoding="utf-8")
    [(line, target)] = _imports("generator.check.bad", bad)
    assert line == 1 and target == "generator.render.pages" and _rank(_stage(target)) > _rank("check")


def test_every_stage_is_ranked() -> None:
    stages = {_stage(module) for module, _ in _modules()} - {""}
    assert stages <= set(RANKS) | BASE, stages - set(RANKS) - BASE


# -- git history is read once per command ------------------------------------------------------------

@pytest.fixture
def counting_git(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A ``git`` first on PATH that records each call, then runs the real git."""
    real = shutil.which("git")
    assert real is not None
    folder = tmp_path / "bin"
    folder.mkdir()
    log = tmp_path / "git-calls.log"
    wrapper = folder / "git"
    wrapper.write_text(f'#!/bin/sh\nprintf "%s\\n" "$*" >> "{log}"\nexec "{real}" "$@"\n', encoding="utf-8")
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    env = {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}
    env.pop("GIT_PYTHON_GIT_EXECUTABLE", None)
    return log, env


def _git_log_calls(log: Path) -> list[str]:
    if not log.exists():
        return []
    calls = log.read_text(encoding="utf-8").splitlines()
    return [call for call in calls if " log " in f" {call} "]


@pytest.mark.parametrize("command", [
    ["check"],
    ["status", "--format", "json"],
    ["remind", "--today", "2026-11-16", "--format", "json"],
    ["report", "incomplete", "--today", "2026-11-16", "--format", "json"],
    ["build"],
])
def test_git_history_is_read_once_per_command(tmp_path: Path, counting_git: tuple[Path, dict[str, str]],
                                              command: list[str]) -> None:
    project = copy_project(tmp_path / "project")
    repo = GitRepo(project)
    repo.commit("Handbook", by="zhangwei")
    repo.sign("Signed-off-by", "zhangwei", "handbook/handovers/2026-11-zhangwei-sales.yaml")
    log, env = counting_git
    result = subprocess.run([sys.executable, "-m", "generator.cli", "--root", str(project), *command],
                            cwd=project, env=env, capture_output=True, text=True, check=False)
    assert result.returncode in (0, 1), result.stderr
    calls = _git_log_calls(log)
    assert len(calls) == 1, calls
