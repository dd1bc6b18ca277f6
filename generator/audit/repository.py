"""The repository around a project, read once: its history, where each handover sits in it, and the
published audit that lets a later checkout prove no sign-off vanished."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import SignoffConfig
from ..errors import UsageError
from ..i18n import message
from ..model.handbook import Handbook
from ..project import Project
from .history import History, open_repository, read_history
from .signoffs import HandoverAudit, audit_handbook

AUDIT_FORMAT = 1


@dataclass(frozen=True)
class RepositoryHistory:
    """One ``git log`` of the repository holding a project; ``history`` is None without a repository."""

    history: History | None
    config: SignoffConfig

    @property
    def head(self) -> str | None:
        return None if self.history is None else self.history.head

    def repo_path(self, project: Project, file: str) -> str:
        """Where a project-relative file sits inside the repository (git paths are repository-relative)."""
        assert self.history is not None
        return (project.root / file).resolve().relative_to(self.history.root.resolve()).as_posix()

    def audit(self, project: Project, handbook: Handbook) -> dict[str, HandoverAudit]:
        paths = {} if self.history is None else {h.id: self.repo_path(project, h.file) for h in handbook.handovers}
        return audit_handbook(handbook, self.history, self.config, paths)


def read_repository_history(project: Project, config: SignoffConfig) -> RepositoryHistory:
    repo = open_repository(project.root)
    if repo is None:
        return RepositoryHistory(None, config)
    allowed = (project.root / config.allowed_signers) if config.allowed_signers else None
    return RepositoryHistory(read_history(repo, allowed), config)


def audit_json(handbook: Handbook, audits: dict[str, HandoverAudit], head: str | None) -> str:
    """What the site publishes so that a later checkout can prove no sign-off vanished from history."""
    signoffs = [{"file": audit.file, "role": s.role, "person": s.person, "commit": s.commit, "blob": s.blob,
                 "state": s.state, "at": s.at}
                for handover in sorted(handbook.handovers, key=lambda h: h.id)
                for audit in [audits[handover.id]] for s in audit.signoffs if s.commit]
    # What a sign-off's state alone would hide, per handover: content nobody committed, approval of unfinished work.
    handovers = [{"file": audit.file, "state": audit.state, "uncommitted_changes": audit.uncommitted,
                  "approved_incomplete": audit.approved_incomplete is not None}
                 for handover in sorted(handbook.handovers, key=lambda h: h.id) for audit in [audits[handover.id]]]
    return json.dumps({"format": AUDIT_FORMAT, "head": head, "signoffs": signoffs, "handovers": handovers},
                      ensure_ascii=False, indent=1)


def missing_commits(published: Any, history: History) -> list[dict[str, Any]]:
    """Sign-offs of a published audit.json whose commit is no longer in history."""
    entries = published.get("signoffs") if isinstance(published, dict) else published
    if not isinstance(entries, list):
        raise UsageError(message("audit_no_signoffs"))
    return [e for e in entries if isinstance(e, dict) and isinstance(e.get("commit"), str) and e["commit"] not in history]


def read_published_audit(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(message("audit_unreadable", path=path, error=exc)) from None
