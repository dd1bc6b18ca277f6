"""``handover sign``: record the current git identity's sign-off of a handover as an empty commit."""
from __future__ import annotations

from pathlib import Path

import git

from ..audit.history import open_repository
from ..audit.signoffs import people_by_email
from ..config import SignoffConfig
from ..errors import HandoverError, UsageError
from ..model.handbook import Handover, Roster
from ..project import Project


def sign(project: Project, handover: Handover, role: str, roster: Roster, config: SignoffConfig) -> str:
    """Commit the sign-off of ``handover`` as ``role``; return the new commit's id."""
    repo = open_repository(project.root)
    if repo is None:
        raise UsageError("not a git repository: sign-offs live in git history")
    reader = repo.config_reader()
    name = str(reader.get_value("user", "name", ""))
    email = str(reader.get_value("user", "email", "")).lower()
    person = people_by_email(roster).get(email)
    if person is None:
        raise UsageError(f"your git e-mail '{email}' is not in handbook/people.yaml (email or git_emails)")
    holders = {"leaver": [handover.leaver], "successor": list(handover.successors), "manager": [handover.manager]}[role]
    if person not in holders:
        raise UsageError(f"you are {person}, but the {role} of this handover is {', '.join(holders)}")
    top = Path(repo.working_tree_dir or ".").resolve()
    path = (project.root / handover.file).resolve().relative_to(top).as_posix()
    if repo.git.ls_files("--", path) == "":
        raise UsageError(f"{handover.file} is not committed yet: commit it first, then sign what is committed")
    if repo.git.status("--porcelain", "--", path):
        raise UsageError(f"{handover.file} has uncommitted changes: commit them first (you sign what is committed)")
    key = config.trailers[role][0]
    message = f"Sign off {handover.id} as {role}\n\nHandover: {path}\n{key}: {name} <{email}>\n"
    options = ["-S"] if config.require_signed else []
    try:
        repo.git.commit("--allow-empty", "--no-verify", *options, "-m", message)
    except git.GitCommandError as exc:
        raise HandoverError(f"git could not record the sign-off: {exc.stderr.strip() or exc}") from exc
    return repo.head.commit.hexsha
