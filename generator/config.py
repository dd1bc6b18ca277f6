"""Project settings from ``[tool.handover]`` in pyproject.toml: one place, plain defaults."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .errors import ProjectError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROLES = ("leaver", "successor", "manager")


@dataclass(frozen=True)
class SignoffConfig:
    """How sign-offs are read from git history (see the sign-off guide page)."""

    trailers: dict[str, tuple[str, ...]] = field(default_factory=lambda: {
        "leaver": ("Signed-off-by",),
        "successor": ("Acked-by", "Reviewed-by"),
        "manager": ("Approved-by",),
    })
    merge_approval: bool = True
    require_signed: bool = False
    allowed_signers: str | None = None

    @cached_property
    def _roles_by_key(self) -> dict[str, str]:
        return {key.lower(): role for role in reversed(ROLES) for key in self.trailers[role]}

    def role_of_trailer(self, key: str) -> str | None:
        return self._roles_by_key.get(key.lower())

    def fingerprint(self) -> str:
        return repr((sorted(self.trailers.items()), self.merge_approval, self.require_signed, self.allowed_signers))


def load_signoff_config(root: Path) -> SignoffConfig:
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        return SignoffConfig()
    try:
        data: dict[str, Any] = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ProjectError(f"{pyproject}: {exc}") from exc
    section = data.get("tool", {}).get("handover", {}).get("signoff", {})
    if not isinstance(section, dict):
        raise ProjectError(f"{pyproject}: [tool.handover.signoff] must be a table")
    defaults = SignoffConfig()
    trailers = dict(defaults.trailers)
    for role in ROLES:
        keys = section.get(f"{role}_trailers")
        if keys is not None:
            if not isinstance(keys, list) or not keys or not all(isinstance(k, str) and k for k in keys):
                raise ProjectError(f"{pyproject}: [tool.handover.signoff] {role}_trailers must be a list of names")
            trailers[role] = tuple(keys)
    flags = {}
    for name in ("merge_approval", "require_signed"):
        value = section.get(name, getattr(defaults, name))
        if not isinstance(value, bool):
            raise ProjectError(f"{pyproject}: [tool.handover.signoff] {name} must be true or false")
        flags[name] = value
    allowed = section.get("allowed_signers")
    if allowed is not None and not isinstance(allowed, str):
        raise ProjectError(f"{pyproject}: [tool.handover.signoff] allowed_signers must be a path")
    return SignoffConfig(trailers, flags["merge_approval"], flags["require_signed"], allowed)
