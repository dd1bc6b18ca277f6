"""``handover sign``: record the current git identity's sign-off of a handover as an empty commit."""
from __future__ import annotations

import re
from pathlib import Path

import git

from ..audit.history import open_repository
from ..audit.signoffs import people_by_email
from ..config import SignoffConfig
from ..errors import HandoverError, UsageError
from ..load.document import load_file
from ..model.handbook import Handover, Roster
from ..model.readiness import readiness
from ..project import Project

_IDENT = re.compile(r"^(?P<name>.*) <(?P<email>[^<>]*)> \d+ [+-]\d{4}$")


def author_identity(repo: git.Repo) -> tuple[str, str]:
    """The name and e-mail git will write into the commit's author field.

    ``user.email`` alone is not it: GIT_AUTHOR_EMAIL, ``-c`` and ``includeIf`` all win over it,
    and the audit judges the author field, so that field is the identity to check.
    """
    try:
        ident = repo.git.var("GIT_AUTHOR_IDENT")
    except git.GitCommandError as exc:
        said = (str(exc.stderr or "").strip().splitlines() or [str(exc)])[-1]
        raise UsageError("git does not know who you are: run git config user.name \"你的名字\" and "
                         "git config user.email you@company.com (the address in handbook/people.yaml), "
                         f"then sign again (git said: {said})") from None
    match = _IDENT.match(ident.strip())
    if match is None:
        raise HandoverError(f"git reported an author identity this tool cannot read: {ident!r}")
    return match["name"], match["email"]


def _placeholders(project: Project, handover: Handover, pointers: tuple[str, ...]) -> str:
    doc, _ = load_file(project.root / handover.file, handover.file)
    where = [f"  {handover.file}:{':'.join(map(str, doc.position(p)))} {p}" if doc else f"  {p}" for p in pointers]
    return "\n".join(where)


def sign(project: Project, handover: Handover, role: str, roster: Roster, config: SignoffConfig, *,
         allow_incomplete: bool = False) -> str:
    """Commit the sign-off of ``handover`` as ``role``; return the new commit's id."""
    repo = open_repository(project.root)
    if repo is None:
        raise UsageError("not a git repository: sign-offs live in git history")
    name, email = author_identity(repo)
    person = people_by_email(roster, principals=False).get(email.lower())
    if person is None:
        raise UsageError(f"git would record this commit as {name} <{email}> (its author field), and that address is not "
                         "in handbook/people.yaml: add it to your entry's git_emails, or commit with the address listed "
                         "there (check GIT_AUTHOR_EMAIL and git config user.email)")
    holders = {"leaver": [handover.leaver], "successor": list(handover.successors), "manager": [handover.manager]}[role]
    if person not in holders:
        raise UsageError(f"you are {person} ({email}), but the {role} of this handover is {', '.join(holders)}")
    top = Path(repo.working_tree_dir or ".").resolve()
    path = (project.root / handover.file).resolve().relative_to(top).as_posix()
    if repo.git.ls_files("--", path) == "":
        raise UsageError(f"{handover.file} is not committed yet: commit it first, then sign what is committed")
    if repo.git.status("--porcelain", "--", path):
        raise UsageError(f"{handover.file} has uncommitted changes: commit them first (you sign what is committed)")
    ready = readiness(handover)
    if ready.placeholders:  # nobody signs a template: an error for every party, whatever the flags
        raise UsageError(f"{handover.file} still has the template placeholder 待填写, so it cannot be signed:\n"
                         f"{_placeholders(project, handover, ready.placeholders)}\n"
                         f"ask {handover.leaver} to replace each with real content (or delete the optional entry) and "
                         "commit, then sign again")
    if role == "manager" and ready.todo and not allow_incomplete:
        raise UsageError(f"{handover.file} is not finished: checklist item(s) still todo: {', '.join(ready.todo)}. "
                         f"Ask {handover.leaver} to finish them (or mark them n/a), or approve anyway with "
                         "--allow-incomplete (the site and 'handover status' will show it was approved while incomplete)")
    key = config.trailers[role][0]
    message = f"Sign off {handover.id} as {role}\n\nHandover: {path}\n{key}: {name} <{email}>\n"
    options = ["-S"] if config.require_signed else []
    try:
        repo.git.commit("--allow-empty", "--no-verify", *options, "-m", message)
    except git.GitCommandError as exc:
        raise HandoverError(f"git could not record the sign-off: {exc.stderr.strip() or exc}") from exc
    return repo.head.commit.hexsha
