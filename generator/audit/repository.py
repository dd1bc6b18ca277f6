"""Sign-off against a real repository: read history once, sign, and verify a published audit."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import git

from ..audit.signoffs import HandoverAudit, audit_handbook, people_by_email
from ..config import SignoffConfig, load_signoff_config
from ..errors import HandoverError, UsageError
from ..audit.history import History, open_repository, read_history
from ..model.handbook import Handbook, Handover
from ..project import Project

AUDIT_FORMAT = 1


@dataclass(frozen=True)
class ProjectHistory:
    """The repository around a project, read once: None history means no git repository at all."""

    history: History | None
    repo_paths: dict[str, str]
    config: SignoffConfig


def read_project_history(project: Project, handbook: Handbook) -> ProjectHistory:
    config = load_signoff_config(project.root)
    repo = open_repository(project.root)
    if repo is None:
        return ProjectHistory(None, {}, config)
    allowed = (project.root / config.allowed_signers) if config.allowed_signers else None
    history = read_history(repo, allowed)
    top = history.root.resolve()
    paths = {h.id: (project.root / h.file).resolve().relative_to(top).as_posix() for h in handbook.handovers}
    return ProjectHistory(history, paths, config)


def audit_project(project: Project, handbook: Handbook) -> dict[str, HandoverAudit]:
    found = read_project_history(project, handbook)
    return audit_handbook(handbook, found.history, found.config, found.repo_paths)


def audit_json(handbook: Handbook, audits: dict[str, HandoverAudit], head: str | None) -> str:
    """What the site publishes so that a later checkout can prove no sign-off vanished from history."""
    signoffs = [{"file": audit.file, "role": s.role, "person": s.person, "commit": s.commit, "blob": s.blob,
                 "state": s.state, "at": s.at}
                for handover in sorted(handbook.handovers, key=lambda h: h.id)
                for audit in [audits[handover.id]] for s in audit.signoffs if s.commit]
    return json.dumps({"format": AUDIT_FORMAT, "head": head, "signoffs": signoffs}, ensure_ascii=False, indent=1)


def missing_commits(published: Any, history: History) -> list[dict[str, Any]]:
    """Sign-offs of a published audit.json whose commit is no longer in history."""
    entries = published.get("signoffs") if isinstance(published, dict) else published
    if not isinstance(entries, list):
        raise UsageError("the audit file has no 'signoffs' list")
    return [e for e in entries if isinstance(e, dict) and isinstance(e.get("commit"), str) and e["commit"] not in history]


def sign(project: Project, handover: Handover, role: str) -> str:
    """Record the current git identity's sign-off of ``handover`` as an empty commit; return its id."""
    repo = open_repository(project.root)
    if repo is None:
        raise UsageError("not a git repository: sign-offs live in git history")
    config = load_signoff_config(project.root)
    reader = repo.config_reader()
    name = str(reader.get_value("user", "name", ""))
    email = str(reader.get_value("user", "email", "")).lower()
    person = people_by_email(_roster_of(project)).get(email)
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


def _roster_of(project: Project) -> Any:
    from ..model.build import load_roster
    from ..load.schemas import SchemaSet

    roster, _ = load_roster(project, SchemaSet(project.schemas_dir, project.templates_dir))
    if roster is None:
        raise UsageError("the roster handbook/people.yaml has errors; run 'handover check' first")
    return roster
