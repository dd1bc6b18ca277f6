"""Views across handovers: progress and state, each customer's owners, each person's hand-overs.

Plain functions over the model; no Markdown here. Everything is computed in one pass
over the handbook so that the site's cost grows linearly with the number of handovers.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..load.schemas import values_at
from ..model.handbook import Handbook, Handover

COMPLETE, OVERDUE, OPEN = "complete", "overdue", "open"


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    open_items: int

    @property
    def percent(self) -> int:
        return 100 if self.total == 0 else round(100 * self.done / self.total)


@dataclass(frozen=True)
class OpenItem:
    """Something of a handover still to do: the one definition that progress, reminders, calendars and reports share."""

    section: str  # tasks | checklist | access | assets
    id: str
    title: str
    owner: str  # who must do it: the item's owner, else the leaver
    due: str  # ISO date, "" when none; accounts and assets are due on the last day
    status: str
    dated: bool  # a task or checklist item with a deadline of its own: what reminders and calendars follow

    @property
    def due_date(self) -> dt.date:
        return dt.date.fromisoformat(self.due)


def open_items(handover: Handover) -> list[OpenItem]:
    """Tasks not done, checklist items to do, accounts not handed over, assets not returned."""
    last_day = str(handover.data["last_day"])
    found = []
    for task in handover.items("tasks"):
        if task.get("status") != "done":
            due = task.get("due")
            found.append(OpenItem("tasks", str(task.get("id", "")), str(task.get("title", "")),
                                  str(task.get("owner") or handover.leaver), str(due or ""), str(task.get("status", "")),
                                  isinstance(due, str)))
    for item in handover.items("checklist"):
        if item.get("status") == "todo":
            due = item.get("due")
            found.append(OpenItem("checklist", str(item.get("id", "")), str(item.get("item", "")),
                                  str(item.get("owner") or handover.leaver), str(due or ""), "todo", isinstance(due, str)))
    for account in handover.items("access"):
        if account.get("status") != "done":
            found.append(OpenItem("access", str(account.get("system", "")),
                                  f"{account.get('action', '')}: {account.get('account', '')}",
                                  str(account.get("to") or handover.leaver), last_day, "pending", False))
    for asset in handover.items("assets"):
        if asset.get("returned") is not True:
            found.append(OpenItem("assets", str(asset.get("tag") or asset.get("item", "")), str(asset.get("item", "")),
                                  handover.leaver, last_day, "not returned", False))
    return found


def dated_open_items(handover: Handover) -> list[OpenItem]:
    return [item for item in open_items(handover) if item.dated]


def progress(handover: Handover) -> Progress:
    checklist = [i for i in handover.items("checklist") if i.get("status") != "n/a"]
    done = sum(1 for i in checklist if i.get("status") == "done")
    return Progress(done, len(checklist), len(open_items(handover)))


def state(handover: Handover, today: dt.date) -> str:
    if progress(handover).open_items == 0:
        return COMPLETE
    return OVERDUE if today > handover.last_day else OPEN


def commitments(handover: Handover) -> list[dict[str, Any]]:
    return [t for t in handover.items("tasks") if t.get("verbal_commitment") is True]


@dataclass(frozen=True)
class OwnerStep:
    date: str
    previous: str
    successor: str
    handover: Handover


@dataclass
class CustomerEntry:
    id: str
    name: str
    steps: list[OwnerStep] = field(default_factory=list)

    @property
    def current_owner(self) -> str:
        return self.steps[-1].successor


def customer_items(handover: Handover) -> list[tuple[str, dict[str, Any]]]:
    """(JSON pointer, item) for every customer the handover lists, for any role."""
    found = []
    for path in handover.role.paths.customers:
        for pointer, value in values_at(handover.data, path):
            if isinstance(value, list):
                found += [(f"{pointer}/{index}", item) for index, item in enumerate(value)
                          if isinstance(item, dict) and "id" in item]
    return found


def customers(handbook: Handbook) -> dict[str, CustomerEntry]:
    entries: dict[str, CustomerEntry] = {}
    for handover in sorted(handbook.handovers, key=lambda h: (h.data["last_day"], h.id)):
        for _, item in customer_items(handover):
            entry = entries.setdefault(str(item["id"]), CustomerEntry(str(item["id"]), str(item.get("name", item["id"]))))
            successor = str(item.get("successor") or handover.successors[0])
            entry.steps.append(OwnerStep(handover.data["last_day"], handover.leaver, successor, handover))
    return entries


def initial(name: str) -> str:
    """The group letter of a name: its first Latin letter, or the pinyin initial of a Chinese name."""
    first = name.strip()[:1]
    if not first:
        return "#"
    if first.isascii():
        return first.upper() if first.isalpha() else "#"
    from pypinyin import Style, lazy_pinyin  # its dictionary takes a noticeable time to load: only for the site

    letters = lazy_pinyin(first, style=Style.FIRST_LETTER, errors="ignore")
    return letters[0][:1].upper() if letters and letters[0][:1].isalpha() else "#"


def sort_key(name: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(name, errors="default")).lower()


@dataclass
class PersonView:
    gave: list[Handover] = field(default_factory=list)
    received: list[Handover] = field(default_factory=list)
    approves: list[Handover] = field(default_factory=list)
    customers: list[CustomerEntry] = field(default_factory=list)


def people(handbook: Handbook, customer_entries: dict[str, CustomerEntry]) -> dict[str, PersonView]:
    views: dict[str, PersonView] = defaultdict(PersonView)
    for handover in sorted(handbook.handovers, key=lambda h: h.data["last_day"], reverse=True):
        views[handover.leaver].gave.append(handover)
        views[handover.manager].approves.append(handover)
        for successor in handover.successors:
            views[successor].received.append(handover)
    for entry in customer_entries.values():
        views[entry.current_owner].customers.append(entry)
    return views


def knowledge(handbook: Handbook) -> dict[str, list[tuple[str, Handover, list[dict[str, Any]]]]]:
    """Per role: (section title, handover, items) for every x-knowledge section with content."""
    result: dict[str, list[tuple[str, Handover, list[dict[str, Any]]]]] = defaultdict(list)
    for handover in sorted(handbook.handovers, key=lambda h: h.data["last_day"], reverse=True):
        for key, spec in handover.role.tree.properties.items():
            items = handover.items(key)
            if spec.knowledge and items:
                result[handover.role.id].append((key, handover, items))
    return result
