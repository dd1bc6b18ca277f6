"""CODEOWNERS so that each handover file needs its successors' and its manager's review.

Our lines live in a marked block at the end of the file (later rules win on GitHub, and on
GitLab a section runs to the next header); anything else in the file is kept as it is.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..audit.history import open_repository
from ..errors import ProjectError
from ..i18n import current_language, message
from ..model.handbook import Handbook, Person
from ..project import Project

BEGIN = "# BEGIN handover-kb: written by 'handover codeowners'; edit the handover files, not these lines"
END = "# END handover-kb"
LOCATIONS = {"github": ".github/CODEOWNERS", "gitlab": ".gitlab/CODEOWNERS"}
FORGES = {"github": "GitHub", "gitlab": "GitLab"}
# A CODEOWNERS line is "pattern owner owner ...": whitespace ends the pattern, a line break starts a
# rule of the writer's choosing, and * ? [ ] ! \ # are pattern syntax. A path is written only if
# nothing in it can mean more than itself; a space is the one character escaped (both forges read "\ ").
_PATH_PUNCTUATION = frozenset("._-/ ")
_HANDLE = re.compile(r"[A-Za-z0-9_.][A-Za-z0-9_.-]*")  # used with fullmatch: "$" would let a final "\n" through
_EMAIL = re.compile(r"[^\s@#\\<>()\[\],;:\"]+@[^\s@#\\<>()\[\],;:\"]+")


def _describe(char: str) -> str:
    named = {"\n": "char_line_break", "\r": "char_carriage_return", "\t": "char_tab"}.get(char)
    if named:
        return message(named)
    if not char.isprintable():
        return message("char_invisible", code=f"U+{ord(char):04X}")
    return message("char_named", char=char, code=f"U+{ord(char):04X}", name=unicodedata.name(char, ""))


def _path_problem(path: str) -> str | None:
    unsafe = next((c for c in path if not (c.isalnum() or c in _PATH_PUNCTUATION)), None)
    if unsafe is None:
        return None
    return message("codeowners_unsafe_path", path=path, char=_describe(unsafe))


def _owner(person: Person, forge: str) -> str:
    """The owner token for ``person``, or "" when there is none a forge would honour."""
    handle = person.github if forge == "github" else person.gitlab
    if handle:
        return f"@{handle}" if _HANDLE.fullmatch(handle) else ""
    return person.email if _EMAIL.fullmatch(person.email or "") else ""


def _owner_problem(person: Person, forge: str) -> str:
    site = FORGES[forge]
    return message("codeowners_no_owner", person=person.id, name=person.called(current_language()), site=site, forge=forge)


def render_block(handbook: Handbook, forge: str, repo_paths: dict[str, str]) -> str:
    """Our CODEOWNERS lines; refuses (ProjectError, every reason at once) rather than write a line a forge
    would misread or drop."""
    lines = [BEGIN]
    problems: dict[str, None] = {}  # ordered and without repeats
    for handover in sorted(handbook.handovers, key=lambda h: repo_paths[h.id]):
        reviewers = [*handover.successors, handover.manager]
        owners = []
        for person in (handbook.roster.people[p] for p in reviewers):
            owners.append(_owner(person, forge))
            if not owners[-1]:
                problems[_owner_problem(person, forge)] = None
        path_problem = _path_problem(repo_paths[handover.id])
        if path_problem:
            problems[f"{handover.file}: {path_problem}"] = None
        path = "/" + repo_paths[handover.id].replace(" ", "\\ ")
        if forge == "gitlab":
            lines.append(f"[handover {handover.id}][{len(reviewers)}]")
        lines.append(f"{path} {' '.join(owners)}")
    if problems:
        raise ProjectError(message("codeowners_not_written", problems="\n".join(f"  {p}" for p in problems)))
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
