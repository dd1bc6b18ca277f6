"""Project settings from ``[tool.handover]`` in pyproject.toml: one place, plain defaults."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .errors import ProjectError
from .i18n import LANGUAGES, message

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

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
    trust_forge_merges: bool = False  # count the forge's Approved-by lines in a merge someone else made

    @cached_property
    def _roles_by_key(self) -> dict[str, str]:
        return {key.lower(): role for role in reversed(ROLES) for key in self.trailers[role]}

    def role_of_trailer(self, key: str) -> str | None:
        return self._roles_by_key.get(key.lower())

    def fingerprint(self) -> str:
        return repr((sorted(self.trailers.items()), self.merge_approval, self.require_signed, self.allowed_signers,
                     self.trust_forge_merges))


@dataclass(frozen=True)
class SecurityConfig:
    """What counts as a safe credential reference."""

    credential_schemes: tuple[str, ...] = ("vault", "op", "bitwarden", "keepass")


def _handover_table(root: Path) -> dict[str, Any]:
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        return {}
    try:
        data: dict[str, Any] = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ProjectError(message("config_unreadable", file=pyproject, error=exc)) from exc
    table = data.get("tool", {}).get("handover", {})
    if not isinstance(table, dict):
        raise ProjectError(message("config_not_table", file=pyproject, table="tool.handover"))
    return table


def _section(root: Path, name: str) -> dict[str, Any]:
    section = _handover_table(root).get(name, {})
    if not isinstance(section, dict):
        raise ProjectError(message("config_not_table", file=root / "pyproject.toml", table=f"tool.handover.{name}"))
    return section


COMPANY_MAX = 100


def load_company(root: Path) -> str:
    """``[tool.handover] company``: the name printed on every handover certificate ("" when not set)."""
    company = _handover_table(root).get("company", "")
    if not isinstance(company, str) or len(company) > COMPANY_MAX or any(c in company for c in "\r\n\t"):
        raise ProjectError(message("config_company", file=root / "pyproject.toml", most=COMPANY_MAX))
    return company.strip()


def load_language(root: Path) -> str | None:
    """``[tool.handover] language``: "zh" or "en", the language of messages (None when not set)."""
    language = _handover_table(root).get("language")
    if language is None:
        return None
    if language not in LANGUAGES:
        raise ProjectError(message("config_language", file=root / "pyproject.toml", value=language))
    return str(language)


def load_security_config(root: Path) -> SecurityConfig:
    section = _section(root, "security")
    schemes = section.get("credential_schemes", list(SecurityConfig().credential_schemes))
    if not isinstance(schemes, list) or not schemes or not all(isinstance(s, str) and s.isascii() and s for s in schemes):
        raise ProjectError(message("config_schemes", file=root / "pyproject.toml"))
    return SecurityConfig(tuple(s.lower() for s in schemes))


@dataclass(frozen=True)
class PolicyConfig:
    """The seeds' time rules. A threshold of 0 turns its check off."""

    country: str = "CN"
    subdivision: str | None = None
    min_notice_days: int = 30
    min_handover_working_days: int = 3
    successor_confirm_working_days: int = 3
    key_customer_contact_working_days: int = 3
    require_transition: bool = True
    require_customer_confirmation: bool = True
    owner_reminder_working_days: int = 3
    manager_reminder_working_days: int = 1


def load_policy_config(root: Path) -> PolicyConfig:
    section = _section(root, "policy")
    defaults = PolicyConfig()
    values: dict[str, Any] = {}
    for name, default in defaults.__dict__.items():
        value = section.get(name, default)
        expected = type(default) if default is not None else str
        if value is None and default is None:
            values[name] = value
            continue
        if not isinstance(value, expected) or (isinstance(value, int) and not isinstance(value, bool) and value < 0):
            raise ProjectError(message("config_policy_number" if expected is int else "config_policy_type",
                                       file=root / "pyproject.toml", name=name, type=expected.__name__))
        values[name] = value
    unknown = set(section) - set(values)
    if unknown:
        raise ProjectError(message("config_policy_unknown", file=root / "pyproject.toml", names=", ".join(sorted(unknown))))
    return PolicyConfig(**values)


def load_signoff_config(root: Path) -> SignoffConfig:
    pyproject = root / "pyproject.toml"
    section = _section(root, "signoff")
    defaults = SignoffConfig()
    trailers = dict(defaults.trailers)
    for role in ROLES:
        keys = section.get(f"{role}_trailers")
        if keys is not None:
            if not isinstance(keys, list) or not keys or not all(isinstance(k, str) and k for k in keys):
                raise ProjectError(message("config_trailers", file=pyproject, role=role))
            trailers[role] = tuple(keys)
    flags = {}
    for name in ("merge_approval", "require_signed", "trust_forge_merges"):
        value = section.get(name, getattr(defaults, name))
        if not isinstance(value, bool):
            raise ProjectError(message("config_flag", file=pyproject, name=name))
        flags[name] = value
    allowed = section.get("allowed_signers")
    if allowed is not None and not isinstance(allowed, str):
        raise ProjectError(message("config_allowed_signers", file=pyproject))
    return SignoffConfig(trailers, flags["merge_approval"], flags["require_signed"], allowed, flags["trust_forge_merges"])
