"""What ``git commit`` is about to record: the index, not the working tree.

``check --staged`` (the ``handover-check`` pre-commit hook) checks the staged version of the files
being committed, and checks them against the committed handbook plus the staged changes: the index
is written into a temporary folder (``git checkout-index``) and checked there. An untracked draft in
the working tree therefore never blocks a commit, and an unstaged fix never hides a staged error.
Paths in problems are relative to the project, so they read the same as in the working tree.
"""
from __future__ import annotations

import dataclasses
import subprocess
import tempfile
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

from ..audit.history import open_repository
from ..audit.repository import RepositoryHistory
from ..errors import HandoverError, ProjectError, UsageError
from ..i18n import message
from ..model.build import CheckResult
from ..problems import Problem
from ..project import Project, unfollowed
from ..session import Session

# What a check reads besides the handbook: the project's settings, schemas and templates.
CHECKED_PARTS = ("handbook", "schemas", "role_templates", "pyproject.toml")


def run_git(root: Path, *args: str, data: bytes | None = None) -> bytes:
    result = subprocess.run(["git", *args], cwd=root, input=data, capture_output=True, check=False)
    if result.returncode != 0:
        raise HandoverError(message("git_failed", command=args[0],
                                    error=result.stderr.decode("utf-8", "replace").strip()))
    return result.stdout


def repository_root(project: Project) -> Path:
    repo = open_repository(project.root)
    if repo is None or repo.working_tree_dir is None:
        raise UsageError(message("staged_not_in_repository", root=project.root))
    return Path(repo.working_tree_dir).resolve()


def staged_paths(root: Path, *, deleted: bool = False) -> list[str]:
    """Repository-relative paths the index changes against HEAD (added, copied, modified, renamed; deleted too)."""
    kinds = "ACMRD" if deleted else "ACMR"
    names = run_git(root, "diff", "--cached", "--name-only", "-z", f"--diff-filter={kinds}")
    return [name for name in names.decode("utf-8", "replace").split("\0") if name]


class _IndexSession(Session):
    """A session over a copy of the index: it has no history (sign-off deadlines are not a commit's business)."""

    @cached_property
    def history(self) -> RepositoryHistory:
        return RepositoryHistory(None, self.signoff_config)


def _write_index(top: Path, parts: list[str], target: Path) -> None:
    """The index's version of every file under ``parts`` (repository-relative), written below ``target``."""
    listed = run_git(top, "ls-files", "-z", "--", *parts)
    if listed:
        run_git(top, "checkout-index", "-z", "--stdin", f"--prefix={target.as_posix()}/", data=listed)


def _reported(copy: Project, changed: list[Path]) -> list[Path] | None:
    """The files whose problems a commit of ``changed`` must answer for; None: every file.

    A changed handover or page answers for itself (its clashes with other files included); a changed
    roster, schema, template or setting can break any handover, so then every file is reported.
    """
    only = []
    for path in changed:
        if not path.is_relative_to(copy.handbook_dir) or path == copy.people_file:
            return None
        if path.is_file():
            only.append(path)
    return only


def _mapped(problem: Problem, temporary: str, real: str) -> Problem:
    return dataclasses.replace(problem, message=problem.message.replace(temporary, real),
                               hint=problem.hint.replace(temporary, real))


def check_staged(project: Project, paths: Sequence[Path] = (), jobs: int | None = 1) -> CheckResult:
    """Check the staged version of ``paths`` (default: every staged file) against the committed handbook.

    Only the problems of the files being committed are reported (every file's, when the roster, a schema,
    a template or the settings are among them); the result carries no handbook.
    """
    top = repository_root(project)
    base = project.root.resolve().relative_to(top) if project.root.resolve().is_relative_to(top) else None
    if base is None:
        raise UsageError(message("staged_outside_repository", root=project.root, top=top))
    if paths:
        # A link is named as itself, as git names it.
        names = [unfollowed(p).relative_to(top).as_posix() for p in paths if unfollowed(p).is_relative_to(top)]
    else:
        names = staged_paths(top, deleted=True)
    prefixes = [(base / part).as_posix() for part in CHECKED_PARTS]
    mine = [name for name in names if any(name == p or name.startswith(p + "/") for p in prefixes)]
    if not mine:
        return CheckResult(None, ())
    with tempfile.TemporaryDirectory(prefix="handover-staged-") as temporary:
        folder = Path(temporary).resolve()
        _write_index(top, prefixes, folder)
        copy = Project.at(folder / base)
        only = _reported(copy, [folder / name for name in mine])
        if only == []:
            return CheckResult(None, ())  # only deletions of handovers or pages: nothing left to check
        try:
            result = _IndexSession(copy, jobs=jobs).check(only)
        except ProjectError as error:
            raise ProjectError(str(error).replace(str(copy.root), str(project.root))) from None
        problems = tuple(_mapped(p, str(copy.root), str(project.root)) for p in result.problems)
    return CheckResult(None, problems)
