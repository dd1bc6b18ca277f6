"""The one exception hierarchy. Library code raises these; the CLI and plugin catch them once."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .i18n import message

if TYPE_CHECKING:
    from .problems import Problem


class HandoverError(Exception):
    """Base of every error this package raises on purpose."""


class UsageError(HandoverError):
    """The command was called wrongly (exit code 2)."""


class ProjectError(HandoverError):
    """The project layout or configuration is broken: a schema or template is missing or invalid."""


class ValidationFailed(HandoverError):
    """The handbook has errors; carries every problem found, not just the first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        errors = sum(1 for p in self.problems if p.is_error)
        super().__init__(message("error_validation_failed", errors=errors))


class WorkerFailed(HandoverError):
    """A worker process died (killed, out of memory) before returning its share of the work."""


class AlreadyExists(HandoverError):
    """Refusing to overwrite a file that exists."""
