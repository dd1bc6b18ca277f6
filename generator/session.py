"""One command's view of a project: every input read at most once and handed to whoever needs it.

A command (``check``, ``status``, ``remind``, a site build) asks the session for what it needs: the
checked handbook, the repository's history, the sign-off audit, the policy and its calendar. Each is
computed on first use and kept, so git history is read once per command however many stages use it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .audit.history import ShallowHistory
from .audit.repository import RepositoryHistory, read_repository_history
from .audit.signoffs import UNKNOWN, HandoverAudit
from .config import PolicyConfig, SignoffConfig, load_policy_config, load_signoff_config
from .i18n import message
from .memory import paused_cycle_collection
from .model.build import CheckResult, LoadedHandbook, read_handbook
from .model.handbook import Handbook
from .problems import Problem
from .project import Project
from .track.coverage import coverage_problems
from .track.policy import policy_problems
from .track.workdays import WorkCalendar


@dataclass(frozen=True)
class Session:
    project: Project
    today: dt.date = field(default_factory=dt.date.today)
    jobs: int | None = 1  # worker processes for checking files; None: as the cores and files suggest

    @cached_property
    def policy(self) -> PolicyConfig:
        return load_policy_config(self.project.root)

    @cached_property
    def calendar(self) -> WorkCalendar:
        return WorkCalendar(self.policy.country, self.policy.subdivision)

    @cached_property
    def signoff_config(self) -> SignoffConfig:
        return load_signoff_config(self.project.root)

    @cached_property
    def loaded(self) -> LoadedHandbook:
        return read_handbook(self.project, self.today, self.jobs)

    @cached_property
    def history(self) -> RepositoryHistory:
        """The one ``git log`` of this command (raises ShallowHistory in a shallow clone)."""
        return read_repository_history(self.project, self.signoff_config)

    def audits(self, handbook: Handbook) -> dict[str, HandoverAudit]:
        return self.history.audit(self.project, handbook)

    def check(self, only: list[Path] | None = None) -> CheckResult:
        """Every problem of the handbook, reported for ``only`` (default: every file).

        Cross-file rules always see the whole handbook, so checking one file still catches a clash
        with another.
        """
        with paused_cycle_collection():
            wanted = None if only is None else {self.project.display(p) for p in only}
            return self.loaded.result(self._policy_problems(), wanted)

    def _policy_problems(self) -> list[Problem]:
        """Time rules and coverage (nothing a leaver holds left out); the sign-off ones only where full git history can be read."""
        handbook = self.loaded.partial_handbook()
        if handbook is None:
            return []
        problems: list[Problem] = []
        try:
            audits = self.audits(handbook)
        except ShallowHistory as shallow:
            audits = {}
            problems.append(Problem(self.project.display(self.project.people_file), 1, 1, "", "warning",
                                    "policy-no-history", message("policy_no_history"), str(shallow)))
        for handover, doc in self.loaded.documents:
            audit = audits.get(handover.id)
            problems += policy_problems(handover, doc, self.policy, self.calendar, self.today,
                                        audit if audit is not None and audit.state != UNKNOWN else None)
        return problems + coverage_problems(self.loaded.documents, handbook.roster)


def check_handbook(project: Project, only: list[Path] | None = None, today: dt.date | None = None,
                   jobs: int | None = 1) -> CheckResult:
    """Validate the roster and every handover; report problems for ``only`` (default: all files)."""
    return Session(project, today or dt.date.today(), jobs).check(only)
