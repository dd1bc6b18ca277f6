"""The validated handbook as plain, immutable data. Built only from documents that passed validation."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..load.schemas import Role


@dataclass(frozen=True)
class Department:
    id: str
    name: str
    name_en: str
    head: str | None = None


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    name_en: str
    department: str
    title: str
    email: str
    active: bool
    git_emails: tuple[str, ...] = ()
    ssh_principals: tuple[str, ...] = ()
    github: str = ""
    gitlab: str = ""
    # Who to mention in a chat group's reminder: 企业微信 userid, 钉钉 userid (or, failing that, the mobile number
    # 钉钉 knows them by; restricted personal data, never shown), 飞书 open_id.
    wecom_userid: str = ""
    dingtalk_userid: str = ""
    mobile: str = ""
    feishu_open_id: str = ""

    def called(self, language: str) -> str:
        """How the person is called in ``language``: the Chinese name, or in English their English name if they have one."""
        return self.name_en or self.name if language == "en" else self.name


@dataclass(frozen=True)
class Roster:
    departments: dict[str, Department]
    people: dict[str, Person]


@dataclass(frozen=True)
class Handover:
    id: str
    file: str
    role: Role
    data: dict[str, Any]

    @property
    def leaver(self) -> str:
        return str(self.data["leaver"])

    @property
    def successors(self) -> tuple[str, ...]:
        return tuple(self.data["successors"])

    @property
    def manager(self) -> str:
        return str(self.data["manager"])

    @property
    def notice_date(self) -> dt.date:
        return dt.date.fromisoformat(self.data["notice_date"])

    @property
    def last_day(self) -> dt.date:
        return dt.date.fromisoformat(self.data["last_day"])

    def items(self, section: str) -> list[dict[str, Any]]:
        value = self.data.get(section)
        return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


@dataclass(frozen=True)
class Handbook:
    roster: Roster
    handovers: tuple[Handover, ...]
    roles: dict[str, Role]
