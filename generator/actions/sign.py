"""``handover sign``: record the current git identity's sign-off of a handover as an empty commit."""
from __future__ import annotations

import re
from pathlib import Path

import git

from ..audit.history import open_repository
from ..audit.signoffs import people_by_email
from ..config import SignoffConfig
from ..errors import HandoverError, UsageError
from ..i18n import message
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
        raise UsageError(message("sign_no_identity", said=said)) from None
    match = _IDENT.match(ident.strip())
    if match is None:
        raise HandoverError(message("sign_bad_identity", ident=ident))
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
        raise UsageError(message("cli_not_git_for_signoffs"))
    name, email = author_identity(repo)
    person = people_by_email(roster, principals=False).get(email.lower())
    if person is None:
        raise UsageError(message("sign_unknown_email", name=name, email=email))
    holders = {"leaver": [handover.leaver], "successor": list(handover.successors), "manager": [handover.manager]}[role]
    if person not in holders:
        raise UsageError(message("sign_wrong_person", person=person, email=email, role=message(f"party_{role}"),
                                 holders=", ".join(holders)))
    top = Path(repo.working_tree_dir or ".").resolve()
    path = (project.root / handover.file).resolve().relative_to(top).as_posix()
    if repo.git.ls_files("--", path) == "":
        raise UsageError(message("sign_not_committed", file=handover.file))
    if repo.git.status("--porcelain", "--", path):
        raise UsageError(message("sign_uncommitted", file=handover.file))
    ready = readiness(handover)
    if ready.placeholders:  # nobody signs a template: an error for every party, whatever the flags
        raise UsageError(message("sign_placeholders", file=handover.file, leaver=handover.leaver,
                                 where=_placeholders(project, handover, ready.placeholders)))
    if role == "manager" and ready.todo and not allow_incomplete:
        raise UsageError(message("sign_unfinished", file=handover.file, leaver=handover.leaver,
                                 todo=", ".join(ready.todo)))
    key = config.trailers[role][0]
    # The commit message is a record for git and the audit, not for people: it stays as the audit parses it.
    record = f"Sign off {handover.id} as {role}\n\nHandover: {path}\n{key}: {name} <{email}>\n"
    options = ["-S"] if config.require_signed else []
    try:
        repo.git.commit("--allow-empty", "--no-verify", *options, "-m", record)
    except git.GitCommandError as exc:
        raise HandoverError(message("sign_git_failed", error=exc.stderr.strip() or exc)) from exc
    return repo.head.commit.hexsha
