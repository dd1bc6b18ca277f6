"""CODEOWNERS so that each handover file needs its successors' and its manager's review.

Our lines live in a marked block at the end of the file (later rules win on GitHub, and on
GitLab a section runs to the next header); anything else in the file is kept as it is.
"""
from __future__ import annotations

from pathlib import Path

from ..audit.history import open_repository
from ..model.handbook import Handbook, Person
from ..project import Project

BEGIN = "# BEGIN handover-kb: written by 'handover codeowners'; edit the handover files, not these lines"
END = "# END handover-kb"
LOCATIONS = {"github": ".github/CODEOWNERS", "gitlab": ".gitlab/CODEOWNERS"}


def _owner(person: Person, forge: str) -> str:
    handle = person.github if forge == "github" else person.gitlab
    return f"@{handle}" if handle else person.email or person.id


def render_block(handbook: Handbook, forge: str, repo_paths: dict[str, str]) -> str:
    lines = [BEGIN]
    for handover in sorted(handbook.handovers, key=lambda h: repo_paths[h.id]):
        reviewers = [*handover.successors, handover.manager]
        owners = " ".join(_owner(handbook.roster.people[p], forge) for p in reviewers)
        path = "/" + repo_paths[handover.id].replace(" ", "\\ ")
        if forge == "gitlab":
            lines.append(f"[handover {handover.id}][{len(reviewers)}]")
        lines.append(f"{path} {owners}")
    lines.append(END)
    return "\n".join(lines) + "\n"


def _without_block(text: str) -> str:
    if BEGIN not in text:
        return text
    before, _, rest = text.partition(BEGIN)
    _, _, after = rest.partition(END)
    return (before.rstrip("\n") + "\n" + after.lstrip("\n")).lstrip("\n")


def update_codeowners(project: Project, handbook: Handbook, forge: str, *, check_only: bool) -> tuple[Path, bool]:
    """Write (or with ``check_only`` only compare) CODEOWNERS; returns its path and whether it differs."""
    repo = open_repository(project.root)
    top = Path(repo.working_tree_dir).resolve() if repo is not None and repo.working_tree_dir else project.root
    repo_paths = {h.id: (project.root / h.file).resolve().relative_to(top).as_posix() for h in handbook.handovers}
    target = top / LOCATIONS[forge]
    current = target.read_text(encoding="utf-8") if target.is_file() else ""
    kept = _without_block(current).rstrip("\n")
    wanted = (kept + "\n\n" if kept else "") + render_block(handbook, forge, repo_paths)
    changed = wanted != current
    if changed and not check_only:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(wanted, encoding="utf-8")
    return target, changed
