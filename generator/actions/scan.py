"""The secret scan where secrets travel: files on disk, the staged commit, and all of git history."""
from __future__ import annotations

import sys
from pathlib import Path

from ..audit.history import open_repository, read_history
from ..check.secrets import HistoryFinding, secret_problems
from ..errors import UsageError
from ..i18n import message
from ..load.document import decode, read_text
from ..problems import Problem
from ..project import TEXT_SUFFIXES, Project
from .staged import repository_root, run_git, staged_paths

HOOK_MARK = "# installed by 'handover install-hook'"


def scan_files(paths: list[Path], project: Project) -> list[Problem]:
    problems: list[Problem] = []
    for path in paths:
        text, found = read_text(path, project.display(path))
        problems += found if text is None else secret_problems(text, project.display(path))
    return problems


def default_paths(project: Project) -> list[Path]:
    folders = [project.handbook_dir, project.templates_dir]
    return sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("*")
                  if p.is_file() and p.suffix in TEXT_SUFFIXES)


def scan_staged(project: Project) -> list[Problem]:
    """What ``git commit`` is about to record: the index, not the working tree."""
    root = repository_root(project)
    problems: list[Problem] = []
    for name in staged_paths(root):
        if Path(name).suffix not in TEXT_SUFFIXES:
            continue
        text, found = decode(run_git(root, "show", f":{name}"), name)
        problems += found if text is None else secret_problems(text, name)
    return problems


def _blobs(root: Path, shas: list[str]) -> dict[str, bytes]:
    """Contents of many blobs from one ``git cat-file --batch``."""
    output = run_git(root, "cat-file", "--batch", data="".join(f"{sha}\n" for sha in shas).encode())
    contents: dict[str, bytes] = {}
    position = 0
    while position < len(output):
        header_end = output.index(b"\n", position)
        sha, kind, size = output[position:header_end].decode().split()
        start = header_end + 1
        contents[sha] = output[start:start + int(size)] if kind == "blob" else b""
        position = start + int(size) + 1
    return contents


def scan_history(project: Project) -> list[HistoryFinding]:
    """Every secret ever committed to the handbook or templates, with the commit that first brought it in."""
    repo = open_repository(project.root)
    if repo is None:
        raise UsageError(message("cli_not_git"))
    history = read_history(repo)
    top = history.root.resolve()
    # The content folders, as paths inside the repository (the project may sit in a subfolder).
    prefixes = tuple(folder.resolve().relative_to(top).as_posix().rstrip("/") + "/"
                     for folder in (project.handbook_dir, project.templates_dir) if folder.resolve().is_relative_to(top))
    first_seen: dict[str, tuple[str, str]] = {}
    for entry in reversed(history.commits):  # oldest first: keep where each blob first appeared
        for path, change in entry.changes.items():
            if path.startswith(prefixes) and Path(path).suffix in TEXT_SUFFIXES and change.blob not in first_seen:
                first_seen[change.blob] = (entry.sha, path)
    findings: list[HistoryFinding] = []
    for blob, raw in _blobs(history.root, list(first_seen)).items():
        commit, path = first_seen[blob]
        text, _ = decode(raw, path)
        if text is not None:
            findings += [HistoryFinding(commit, p) for p in secret_problems(text, path)]
    return sorted(findings, key=lambda f: (f.problem.file, f.problem.line, f.commit))


def install_hook(project: Project) -> Path:
    """A pre-commit hook that scans what is staged; refuses to replace a hook it did not write."""
    repo = open_repository(project.root)
    if repo is None:
        raise UsageError(message("cli_not_git"))
    hooks = Path(repo.git_dir) / "hooks"
    hook = hooks / "pre-commit"
    if hook.exists() and HOOK_MARK not in hook.read_text(encoding="utf-8", errors="replace"):
        raise UsageError(message("scan_hook_not_ours", hook=hook))
    hooks.mkdir(parents=True, exist_ok=True)
    hook.write_text(f"#!/bin/sh\n{HOOK_MARK}\n# Stops a commit that would store a secret in the handbook.\n"
                    f"exec '{sys.executable}' -m generator.cli --root '{project.root}' scan --staged\n", encoding="utf-8")
    hook.chmod(0o755)
    return hook
