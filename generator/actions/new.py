"""``handover new``: a handover file from the role template, with people and dates filled in."""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..config import load_policy_config
from ..errors import AlreadyExists, UsageError
from ..i18n import message
from ..load.schemas import SchemaSet
from ..model.build import load_roster
from ..project import Project
from ..track.workdays import WorkCalendar

_SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=\S*$", re.MULTILINE)
# A deadline relative to the last day: 待填写-最后工作日前15天 (calendar days) or 待填写-最后工作日前3个工作日
# (working days), 后 for after. Templates before placeholders were valid values wrote __LAST_DAY-15__, __LAST_DAY-3WD__.
_DUE_TOKEN = re.compile(r"待填写-最后工作日([前后])(\d+)(个工作日|天)|__LAST_DAY([+-]\d+)(WD)?__")

DEFAULT_NOTICE_DAYS = 30
DEFAULT_TRANSITION_DAYS = 14


@dataclass(frozen=True)
class NewHandover:
    role: str
    leaver: str
    successors: tuple[str, ...]
    manager: str | None
    last_day: dt.date | None
    notice_date: dt.date | None = None



# The templates' placeholders for people and dates, and the __TOKENS__ of templates written before placeholders were
# valid values; in this order, so the list of successors is filled before the one successor.
TEMPLATE_TOKENS = {
    "leaver": ("待填写-离职人", "__LEAVER__"),
    "successors": ("[待填写-接手人]", "__SUCCESSORS__"),
    "successor": ("待填写-接手人", "__SUCCESSOR__"),
    "manager": ("待填写-审批人", "__MANAGER__"),
    "notice_date": ("待填写-提出离职日期", "__NOTICE_DATE__"),
    "last_day": ("待填写-最后工作日", "__LAST_DAY__"),
    "transition_start": ("待填写-过渡期开始日期", "__TRANSITION_START__"),
}


def filled(text: str, values: dict[str, str]) -> str:
    """A template's ``text`` with the placeholders of the people and dates ``values`` gives (by TEMPLATE_TOKENS name)."""
    for name, tokens in TEMPLATE_TOKENS.items():
        if name in values:
            for token in tokens:
                text = text.replace(token, values[name])
    return text


def _country(project: Project) -> tuple[str, str | None]:
    policy = load_policy_config(project.root)
    return policy.country, policy.subdivision


def _due(match: re.Match[str], last_day: dt.date, notice: dt.date, calendar: WorkCalendar) -> dt.date:
    """A template deadline, relative to the last day; never before the notice was given."""
    if match.group(1):
        offset, working = int(match.group(2)) * (-1 if match.group(1) == "前" else 1), match.group(3) == "个工作日"
    else:
        offset, working = int(match.group(4)), bool(match.group(5))
    due = calendar.add(last_day, offset) if working else last_day + dt.timedelta(days=offset)
    while not calendar.is_working_day(due) and due > notice:  # a deadline falls on a day people work
        due -= dt.timedelta(days=1)
    return max(due, notice)


def parse_date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(message("new_not_a_date", option=option, text=text)) from None


def create_handover(project: Project, request: NewHandover, today: dt.date) -> Path:
    """Write the new file and return its path. Never overwrites."""
    schemas = SchemaSet(project.schemas_dir, project.templates_dir)
    role = schemas.role(request.role)
    if role is None:
        raise UsageError(message("new_unknown_role", role=request.role, roles=", ".join(schemas.role_ids())))
    roster, problems = load_roster(project, schemas)
    if roster is None:
        raise UsageError(message("new_roster_broken"))
    named = [request.leaver, *request.successors, *([request.manager] if request.manager else [])]
    unknown = [person for person in named if person not in roster.people]
    if unknown:
        raise UsageError(message("new_not_in_roster", people=", ".join(unknown)))
    manager = request.manager or roster.departments[roster.people[request.leaver].department].head
    if not manager:
        raise UsageError(message("new_no_manager"))
    if len(set(named) | {manager}) != len(request.successors) + 2:
        raise UsageError(message("new_same_person"))
    notice = request.notice_date or today
    last_day = request.last_day or notice + dt.timedelta(days=DEFAULT_NOTICE_DAYS)
    if last_day < notice:
        raise UsageError(message("new_last_day_before_notice", last_day=last_day, notice=notice))
    transition_start = max(notice, last_day - dt.timedelta(days=DEFAULT_TRANSITION_DAYS))

    calendar = WorkCalendar(*_country(project))
    target = project.handovers_dir / f"{last_day:%Y-%m}-{request.leaver}-{request.role}.yaml"
    schema_ref = Path(os.path.relpath(role.schema_path, target.parent)).as_posix()
    first = request.successors[0] if request.successors else manager
    text = role.template_path.read_text(encoding="utf-8")
    # The template points editors at its schema from role_templates/; the copy must point from its own folder.
    text = _SCHEMA_LINE.sub(lambda _: f"# yaml-language-server: $schema={schema_ref}", text, count=1)
    text = _DUE_TOKEN.sub(lambda m: _due(m, last_day, notice, calendar).isoformat(), text)  # before the last day itself
    text = filled(text, {"leaver": request.leaver, "successors": "[" + ", ".join(request.successors) + "]",
                         "successor": first, "manager": manager, "notice_date": notice.isoformat(),
                         "last_day": last_day.isoformat(), "transition_start": transition_start.isoformat()})
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise AlreadyExists(message("new_exists", file=project.display(target))) from None
    return target
