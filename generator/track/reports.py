"""Reports over the handbook: what is still open, how risky each handover is, how good it is.

Plain functions over the model; formats (CSV, JSON, Markdown) are chosen at the edge. The risk and
quality formulas are documented on the site's guide page ``guide/reports.md``.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ..audit.signoffs import SIGNED, UNKNOWN, HandoverAudit
from ..i18n import label
from ..model.handbook import Handbook, Handover, Person
from ..model.views import COMPLETE, OpenItem, commitments, customer_items, open_items, progress, state
from ..track.workdays import WorkCalendar

SECTIONS = ("tasks", "checklist", "access", "assets")


@dataclass(frozen=True)
class OpenRow:
    handover: str
    file: str
    leaver: str
    role: str
    department: str
    last_day: str
    section: str
    item: str
    title: str
    owner: str
    due: str
    status: str
    working_days_overdue: int
    # Who to chase now (added after the first columns: the CLI's CSV/JSON keep their old columns first).
    chase: str = ""
    chase_name: str = ""
    chase_reason: str = ""  # CHASE_OWNER | CHASE_SUCCESSOR | CHASE_MANAGER (the successor is inactive)
    manager: str = ""
    manager_name: str = ""


CHASE_OWNER, CHASE_SUCCESSOR, CHASE_MANAGER = "owner", "successor", "manager"


def _active(people: dict[str, Person], person_id: str) -> bool:
    """Unknown ids are the checks' business; only a roster entry with ``active: false`` rules a person out."""
    person = people.get(person_id)
    return person is None or person.active


def chase(handover: Handover, item: OpenItem, people: dict[str, Person], today: dt.date) -> tuple[str, str]:
    """(person, reason): who is responsible for the open item today, never someone the roster marks inactive.

    The owner while they can still do it; once the leaver has left (or the owner is inactive), the
    successor the item names, else the first successor; when that successor is inactive too, the manager.
    """
    owner = item.owner
    leaver_gone = owner == handover.leaver and today > handover.last_day
    if owner and not leaver_gone and _active(people, owner):
        return owner, CHASE_OWNER
    named = {str(entry.get("id", "")): str(entry["successor"]) for entry in handover.items(item.section)
             if isinstance(entry, dict) and entry.get("successor")}
    successor = named.get(item.id) or (handover.successors[0] if handover.successors else "")
    if successor and _active(people, successor):
        return successor, CHASE_SUCCESSOR
    return handover.manager, CHASE_MANAGER


def incomplete_items(handbook: Handbook, today: dt.date, calendar: WorkCalendar) -> list[OpenRow]:
    """The incomplete-items report (未完成项报告) across all open handovers, most urgent first."""
    people, departments = handbook.roster.people, handbook.roster.departments
    rows = []
    for handover in handbook.handovers:
        if state(handover, today) == COMPLETE:
            continue
        person = people.get(handover.leaver)
        department = departments[person.department].name if person and person.department in departments else ""
        manager = handover.manager
        for item in open_items(handover):
            late = 0
            if item.due and item.due_date < today:
                late = max(-calendar.between(today, item.due_date), 1)
            who, why = chase(handover, item, people, today)
            rows.append(OpenRow(handover.id, handover.file, handover.leaver, handover.role.id, department,
                                str(handover.data["last_day"]), item.section, item.id, item.title, item.owner, item.due,
                                item.status, late, who, _name(people, who), why, manager, _name(people, manager)))
    return sorted(rows, key=lambda r: (-r.working_days_overdue, r.due or "9999", r.handover, r.section, r.item))


def _name(people: dict[str, Person], person_id: str) -> str:
    person = people.get(person_id)
    return person.name if person else person_id


@dataclass(frozen=True)
class ManagerSummary:
    """One manager's share of the incomplete-items report: what is open and overdue, and whom to chase."""

    manager: str
    manager_name: str
    open: int
    overdue: int
    chase: tuple[str, ...]  # person ids, most open items first
    chase_names: tuple[str, ...]


def manager_summary(rows: list[OpenRow]) -> list[ManagerSummary]:
    """Per manager across their handovers, the manager with most overdue items first."""
    grouped: dict[str, list[OpenRow]] = {}
    for row in rows:
        grouped.setdefault(row.manager, []).append(row)
    summaries = []
    for manager, mine in grouped.items():
        counts = Counter(r.chase for r in mine)
        names = {r.chase: r.chase_name for r in mine}
        chased = tuple(sorted(counts, key=lambda p: (-counts[p], p)))
        summaries.append(ManagerSummary(manager, mine[0].manager_name, len(mine),
                                        sum(1 for r in mine if r.working_days_overdue), chased,
                                        tuple(names[p] for p in chased)))
    return sorted(summaries, key=lambda s: (-s.overdue, -s.open, s.manager))


# -- risk and quality ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Risk:
    score: int
    overdue: int
    due_soon: int
    unsigned: int
    days_left: int


def risk(handover: Handover, audit: HandoverAudit | None, today: dt.date, calendar: WorkCalendar) -> Risk:
    """How likely the handover is to slip; the formula is on guide/reports.md."""
    days_left = calendar.between(today, handover.last_day)
    overdue = due_soon = 0
    for item in open_items(handover):
        if not item.due:
            continue
        distance = calendar.between(today, item.due_date)
        if item.due_date < today:
            overdue += 1
        elif distance <= 3:
            due_soon += 1
    unsigned = 0
    if audit is not None and audit.state not in (SIGNED, UNKNOWN):
        unsigned = sum(1 for s in audit.signoffs if s.party and s.state != SIGNED)
    urgency = 10 if today > handover.last_day else (5 if days_left <= 5 else 0)
    signoff_weight = 3 if days_left <= 5 else 1
    score = urgency + 2 * overdue + due_soon + signoff_weight * unsigned + (100 - progress(handover).percent) // 10
    return Risk(score, overdue, due_soon, unsigned, days_left)


@dataclass(frozen=True)
class Finding:
    """One thing the quality score misses: a catalogue key (i18n ``q_<code>``) and its values, so pages say it
    in their language."""

    weight: int
    code: str
    params: tuple[tuple[str, str], ...]

    def text(self, language: str) -> str:
        return label(f"q_{self.code}", language, **dict(self.params))


@dataclass(frozen=True)
class Quality:
    score: int
    findings: tuple[Finding, ...]


def _decision_chain_keys(handover: Handover) -> list[str]:
    item_fields = []
    for path in handover.role.paths.customers:
        spec = handover.role.tree.at(path)
        if spec is not None and spec.items is not None:
            item_fields += [key for key, field in spec.items.properties.items() if field.decision_chain]
    return item_fields


def quality(handover: Handover) -> Quality:
    """100 minus what the seeds warn about; the weights are on guide/reports.md."""
    findings: list[Finding] = []

    def found(weight: int, code: str, **params: object) -> None:
        findings.append(Finding(weight, code, tuple((k, str(v)) for k, v in params.items())))

    chain_keys = _decision_chain_keys(handover)
    for _, customer in customer_items(handover):
        name = customer.get("name", customer.get("id"))
        if customer.get("key_account") is True:
            if chain_keys and not any(customer.get(k) for k in chain_keys):
                found(10, "no_decision_chain", name=name)
            if customer.get("handover_confirmed_by_customer") is not True:
                found(5, "unconfirmed", name=name)
        for opportunity in customer.get("opportunities") or []:
            if isinstance(opportunity, dict) and not (opportunity.get("next_step") and opportunity.get("due")):
                found(3, "opportunity_undated", name=name, title=opportunity.get("title", ""))
    for task in handover.items("tasks"):
        if not task.get("due") and task.get("status") != "done":
            found(3, "task_undated", id=task.get("id", ""), title=task.get("title", ""))
    for document in handover.items("documents"):
        if not document.get("location"):
            found(5, "document_no_location", title=document.get("title", ""))
    for task in commitments(handover):
        if not task.get("owner") or not task.get("promised_to"):
            found(5, "commitment_incomplete", id=task.get("id", ""), title=task.get("title", ""))
    for item in handover.items("checklist"):
        if item.get("status") == "done" and not item.get("evidence"):
            found(1, "checklist_no_evidence", id=item.get("id", ""), item=item.get("item", ""))
    score = max(0, 100 - sum(f.weight for f in findings))
    return Quality(score, tuple(findings))


def cycle_days(handover: Handover, audit: HandoverAudit | None) -> int | None:
    """Notice to fully signed, in calendar days, from the sign-off dates in git."""
    if audit is None or audit.state != SIGNED:
        return None
    dates = [s.at[:10] for s in audit.signoffs if s.party and s.at]
    return (dt.date.fromisoformat(max(dates)) - handover.notice_date).days if dates else None
