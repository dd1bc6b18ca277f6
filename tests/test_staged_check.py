"""The ``handover-check`` pre-commit hook checks what is being committed, against the committed handbook.

Every test commits for real, through a git pre-commit hook that does what the pre-commit framework does
with the hook of .pre-commit-hooks.yaml: it passes the staged files its ``files`` pattern matches.
"""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .gitrepo import GitRepo
from .helpers import CASES, REPO, copy_project

HANDOVER = "handbook/handovers/2026-11-zhangwei-sales.yaml"
DRAFT = "handbook/handovers/2026-12-yangfan-sales.yaml"
VALID = (CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")
BROKEN = "schema_version: 1\nrole: sales\nleaver: [unclosed\n"


def _hook() -> dict:
    return next(h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
                if h["id"] == "handover-check")


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """The sample handbook, committed, with the hook installed as the pre-commit framework would run it."""
    project = copy_project(tmp_path / "project", with_handovers=False)
    git = GitRepo(project)
    git.commit("Handbook", by="luoping", files={HANDOVER: VALID})
    hook = _hook()
    command = shlex.split(hook["entry"])
    assert command[0] == "handover" and hook["pass_filenames"] is True
    entry = " ".join([shlex.quote(sys.executable), "-m", "generator.cli", *map(shlex.quote, command[1:])])
    script = project / ".git" / "hooks" / "pre-commit"
    script.write_text(
        "#!/bin/sh\n"
        f"files=$(git diff --cached --name-only --diff-filter=ACMR | grep -E {shlex.quote(hook['files'])})\n"
        '[ -z "$files" ] && exit 0\n'
        f"exec {entry} $files\n", encoding="utf-8")
    script.chmod(0o755)
    return git


def _write(repo: GitRepo, path: str, text: str) -> None:
    target = repo.root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def _commit(repo: GitRepo, *args: str) -> subprocess.CompletedProcess[str]:
    """A real 'git commit' (hooks run); returns git's result instead of raising."""
    return subprocess.run(["git", "commit", "-q", "-m", "Update", *args], cwd=repo.root, capture_output=True,
                          text=True, check=False)


def _edited(text: str) -> str:
    return re.sub(r"(?m)^summary: .*$", "summary: 交接范围已与接手人逐项核对。", text, count=1)


def test_an_untracked_broken_draft_does_not_block_a_commit_of_a_valid_file(repo: GitRepo, cli) -> None:
    _write(repo, DRAFT, BROKEN)  # someone's draft, never added
    _write(repo, HANDOVER, _edited(VALID))
    repo.git("add", HANDOVER)
    code, out, _ = cli("check", root=repo.root)
    assert code == 1 and DRAFT in out  # checking the working tree would have blocked this commit
    result = _commit(repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert repo.git("status", "--porcelain", "--untracked-files=all") == f"?? {DRAFT}"


def test_a_staged_broken_file_blocks_the_commit(repo: GitRepo) -> None:
    _write(repo, DRAFT, BROKEN)
    repo.git("add", DRAFT)
    result = _commit(repo)
    assert result.returncode != 0
    assert f"{DRAFT}:" in result.stderr and "error" in result.stderr  # git shows a hook's output on stderr
    assert repo.git("rev-list", "--count", "HEAD") == "1"


def test_the_staged_version_is_checked_not_the_working_copy(repo: GitRepo) -> None:
    _write(repo, HANDOVER, _edited(VALID))
    repo.git("add", HANDOVER)
    _write(repo, HANDOVER, BROKEN)  # an unstaged edit on top: not what is committed
    assert _commit(repo).returncode == 0
    _write(repo, HANDOVER, BROKEN)
    repo.git("add", HANDOVER)
    _write(repo, HANDOVER, VALID)  # the fix is not staged: the commit would still record the broken file
    assert _commit(repo).returncode != 0


def test_committing_some_paths_checks_only_what_that_commit_records(repo: GitRepo) -> None:
    _write(repo, DRAFT, BROKEN)
    repo.git("add", DRAFT)  # staged, but not part of the commit below (git uses a temporary index)
    _write(repo, HANDOVER, _edited(VALID))
    result = _commit(repo, "--", HANDOVER)
    assert result.returncode == 0, result.stdout + result.stderr
    assert repo.git("diff", "--cached", "--name-only") == DRAFT


def test_a_roster_change_is_checked_against_every_committed_handover(repo: GitRepo) -> None:
    roster = repo.root / "handbook" / "people.yaml"
    text = roster.read_text(encoding="utf-8")
    without_lina = "\n".join(line for line in text.splitlines() if "id: lina," not in line) + "\n"
    assert without_lina != text
    roster.write_text(without_lina, encoding="utf-8")
    repo.git("add", "handbook/people.yaml")
    result = _commit(repo)
    assert result.returncode != 0
    assert HANDOVER in result.stderr and "lina" in result.stderr


def test_check_staged_reports_only_the_files_being_committed(repo: GitRepo, cli) -> None:
    _write(repo, DRAFT, BROKEN)
    repo.git("add", DRAFT)
    _write(repo, HANDOVER, _edited(VALID))
    repo.git("add", HANDOVER)
    code, out, err = cli("check", "--staged", HANDOVER, root=repo.root)
    assert (code, out.strip()) == (0, "no problems found"), out + err
    code, out, err = cli("check", "--staged", "--format", "json", root=repo.root)  # every staged file
    assert code == 1 and DRAFT in out and str(repo.root) not in out


def test_deleting_a_handover_passes(repo: GitRepo, cli) -> None:
    repo.git("rm", "-q", HANDOVER)
    code, out, err = cli("check", "--staged", root=repo.root)
    assert code == 0, out + err


def test_check_staged_outside_a_repository_says_what_to_do(tmp_path: Path, cli) -> None:
    project = copy_project(tmp_path / "project", with_handovers=False)
    code, out, err = cli("check", "--staged", root=project)
    assert code == 2 and "not in a git repository" in err and "leave out --staged" in err
