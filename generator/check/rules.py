"""Rules no schema can state: people exist, dates make sense, ids are unique, links are safe.

Each rule is a plain function from data to problems. Rules find the places they care about
through schema annotations (``x-person``, ``x-link``, ``x-index``), so they work for any role.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..config import SecurityConfig
from ..load.document import Document, pointer_join
from ..load.schemas import Field, FieldPaths, values_at
from ..problems import Problem

PLACEHOLDER = "待填写"
RETENTION_WARNING_DAYS = 30
SAFE_SCHEMES = ("http", "https", "mailto")
_STARTS_WITH_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def walk(value: Any, tree: Field | None, pointer: str = "") -> Iterator[tuple[str, Any, Field | None]]:
    """Every value in a document with the schema field that describes it (None where unknown)."""
    yield pointer, value, tree
    if isinstance(value, dict):
        for key, child in value.items():
            yield from walk(child, tree.properties.get(key) if tree else None, pointer_join(pointer, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from walk(child, tree.items if tree else None, pointer_join(pointer, index))


def _problem(doc: Document, pointer: str, rule: str, message: str, hint: str = "",
             severity: str = "error") -> Problem:
    return Problem(doc.path, *doc.position(pointer), pointer, severity, rule, message, hint)  # type: ignore[arg-type]


def _at(data: Any, paths: tuple[tuple[str, ...], ...]) -> Iterator[tuple[str, Any]]:
    for path in paths:
        yield from values_at(data, path)


def person_problems(doc: Document, paths: FieldPaths, people: Collection[str]) -> list[Problem]:
    problems = []
    for pointer, value in _at(doc.data, paths.people):
        if isinstance(value, str) and value not in people:
            close = difflib.get_close_matches(value, list(people), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "add the person to handbook/people.yaml, or fix the id"
            problems.append(_problem(doc, pointer, "unknown-person", f"'{value}' is not in the roster", hint))
    return problems


def party_problems(doc: Document, data: dict[str, Any]) -> list[Problem]:
    leaver, manager = data.get("leaver"), data.get("manager")
    successors = data.get("successors") or []
    problems = []
    if leaver is not None and leaver == manager:
        problems.append(_problem(doc, "/manager", "parties-distinct", "the manager is the leaver",
                                 "the approving manager must be someone other than the leaver"))
    for index, successor in enumerate(successors):
        if successor in (leaver, manager):
            who = "leaver" if successor == leaver else "manager"
            problems.append(_problem(doc, f"/successors/{index}", "parties-distinct",
                                     f"the successor '{successor}' is also the {who}",
                                     "leaver, successors and manager must be different people"))
    return problems


def date_problems(doc: Document, data: dict[str, Any]) -> list[Problem]:
    problems = []
    notice, last = data.get("notice_date"), data.get("last_day")
    if isinstance(notice, str) and isinstance(last, str) and last < notice:
        problems.append(_problem(doc, "/last_day", "date-order", f"last day {last} is before the notice date {notice}",
                                 "check both dates; the last working day comes after giving notice"))
    transition = data.get("transition")
    if isinstance(transition, dict):
        start, end = transition.get("start"), transition.get("end")
        if isinstance(start, str) and isinstance(end, str) and end < start:
            problems.append(_problem(doc, "/transition/end", "date-order",
                                     f"the transition ends ({end}) before it starts ({start})", "swap or fix the dates"))
        if isinstance(end, str) and isinstance(last, str) and end > last:
            problems.append(_problem(doc, "/transition/end", "transition-after-last-day",
                                     f"the transition ends {end}, after the last day {last}",
                                     "co-service needs the leaver: end the transition on or before the last day",
                                     "warning"))
    return problems


def unique_id_problems(doc: Document, paths: FieldPaths) -> list[Problem]:
    """Ids are unique among items of the same kind in a file (all task ids, all opportunity ids...)."""
    seen: dict[tuple[tuple[str, ...], str], str] = {}
    problems = []
    for path in paths.ids:
        for pointer, value in values_at(doc.data, path):
            if not isinstance(value, str):
                continue
            key = (path, value)
            if key in seen:
                first_line = doc.position(seen[key])[0]
                problems.append(_problem(doc, pointer, "duplicate-id",
                                         f"id '{value}' is used twice (first on line {first_line})", "give each item its own id"))
            else:
                seen[key] = pointer
    return problems


def successor_problems(doc: Document, data: dict[str, Any], paths: FieldPaths) -> list[Problem]:
    """Items that name their own successor (customers split among successors) name a listed one."""
    successors = set(data.get("successors") or [])
    problems = []
    for pointer, value in _at(data, paths.customers):
        if not isinstance(value, list):
            continue
        for index, item in enumerate(value):
            if isinstance(item, dict) and isinstance(item.get("successor"), str) and item["successor"] not in successors:
                where = pointer_join(pointer_join(pointer, index), "successor")
                problems.append(_problem(doc, where, "successor-not-listed",
                                         f"'{item['successor']}' takes this over but is not among the successors",
                                         "add them to 'successors' at the top, or pick one of: " + ", ".join(sorted(successors))))
    return problems


def link_problem(value: str, root: Path | None = None) -> str | None:
    """Why ``value`` is not a safe location, or None if it is.

    ``root``, an already resolved folder, also has symbolic links on disk followed.
    """
    if _CONTROL.search(value) or "\\" in value:
        return "contains control characters or backslashes"
    if _STARTS_WITH_SCHEME.match(value):
        parts = urlsplit(value)
        if parts.scheme.lower() not in SAFE_SCHEMES:
            return f"the '{parts.scheme}:' scheme is not allowed"
        if parts.scheme.lower() in ("http", "https") and not parts.hostname:
            return "the URL has no host"
        if parts.username or parts.password:
            return "the URL carries a user name or password"
        return None
    if value.startswith(("/", "~")) or value.startswith("//"):
        return "a repository path must be relative"
    if ".." in value.split("/"):
        return "a repository path may not climb out with '..'"
    if root is not None and not (root / value).resolve().is_relative_to(root):
        return "the path leads out of the repository through a symbolic link"
    return None


def link_problems(doc: Document, paths: FieldPaths, root: Path | None) -> list[Problem]:
    problems = []
    for pointer, value in _at(doc.data, paths.links):
        if isinstance(value, str) and not value.startswith(PLACEHOLDER):
            why = link_problem(value, root)
            if why:
                problems.append(_problem(doc, pointer, "unsafe-link", f"unsafe location: {why}",
                                         "use an http(s) or mailto: address, or a relative path inside the repository"))
    return problems


def credential_problems(doc: Document, paths: FieldPaths, security: SecurityConfig) -> list[Problem]:
    problems = []
    for pointer, value in _at(doc.data, paths.credentials):
        scheme = value.split("://", 1)[0].lower() if isinstance(value, str) else ""
        if scheme not in security.credential_schemes:
            allowed = ", ".join(f"{s}://" for s in security.credential_schemes)
            problems.append(_problem(doc, pointer, "credential-scheme",
                                     f"'{scheme}://' is not a password manager this company uses",
                                     f"store the credential in one of: {allowed} and reference it here"))
    return problems


def retention_problems(doc: Document, data: dict[str, Any], today: dt.date) -> list[Problem]:
    """Personal data is kept only as long as its purpose: warn 30 days ahead, fail once past."""
    value = data.get("retain_until")
    if not isinstance(value, str):
        return []
    until = dt.date.fromisoformat(value)
    hint = "purge the file from git history and republish, as the guide page guide/security.md explains"
    if today > until:
        return [_problem(doc, "/retain_until", "retention-expired", f"kept past its retention date {value}", hint)]
    if (until - today).days <= RETENTION_WARNING_DAYS:
        return [_problem(doc, "/retain_until", "retention-due", f"its retention ends on {value}, in "
                         f"{(until - today).days} days", hint, "warning")]
    return []


def placeholder_problems(doc: Document) -> list[Problem]:
    if PLACEHOLDER not in doc.text:  # the common case, decided without walking the document
        return []
    return [_problem(doc, pointer, "placeholder", "template placeholder still here", "replace it with real content, "
                     "or delete the optional entry", "warning")
            for pointer, value, _ in walk(doc.data, None)
            if isinstance(value, str) and PLACEHOLDER in value]


def checklist_problems(doc: Document, data: dict[str, Any], template_ids: list[str]) -> list[Problem]:
    present = {item.get("id") for item in data.get("checklist") or [] if isinstance(item, dict)}
    return [_problem(doc, "/checklist", "checklist-missing-item", f"the role checklist item '{item_id}' is missing",
                     "copy it from the role template and give it a status (use n/a when it does not apply)", "warning")
            for item_id in template_ids if item_id not in present]


def commitment_problems(doc: Document, data: dict[str, Any]) -> list[Problem]:
    return [_problem(doc, f"/tasks/{index}/verbal_commitment", "commitment-without-party",
                     "a verbal commitment without 'promised_to'", "say whom it was promised to", "warning")
            for index, task in enumerate(data.get("tasks") or [])
            if isinstance(task, dict) and task.get("verbal_commitment") is True and not task.get("promised_to")]


@dataclass(frozen=True)
class RuleContext:
    """What per-file rules need beyond the document: who is in the roster, settings and the day it is."""

    people: frozenset[str]
    security: SecurityConfig
    today: dt.date
    root: Path | None = None

    def __post_init__(self) -> None:
        if self.root is not None:  # once here, not once per link
            object.__setattr__(self, "root", self.root.resolve())


def document_problems(doc: Document, paths: FieldPaths, context: RuleContext, template_ids: list[str]) -> list[Problem]:
    """Every per-file rule, for a document that passed its schema."""
    data = doc.data
    return [
        *credential_problems(doc, paths, context.security),
        *retention_problems(doc, data, context.today),
        *person_problems(doc, paths, context.people),
        *party_problems(doc, data),
        *date_problems(doc, data),
        *unique_id_problems(doc, paths),
        *successor_problems(doc, data, paths),
        *link_problems(doc, paths, context.root),
        *checklist_problems(doc, data, template_ids),
        *commitment_problems(doc, data),
    ]


def cross_file_problems(documents: list[tuple[str, FieldPaths, Document]]) -> list[Problem]:
    """Rules over the whole handbook: unique handover ids, one name per customer id.

    ``documents`` are (handover id, the role's field paths, document) of every file that passed its schema.
    """
    problems = []
    by_id: dict[str, Document] = {}
    names: dict[str, tuple[str, Document, str]] = {}
    for handover_id, paths, doc in documents:
        if handover_id in by_id:
            problems.append(_problem(doc, "", "duplicate-handover", f"another handover file is also named '{handover_id}' "
                                     f"({by_id[handover_id].path})", "rename one of the files; the name is its page address"))
        by_id.setdefault(handover_id, doc)
        for pointer, value in _at(doc.data, paths.customers):
            if not isinstance(value, list):
                continue
            for index, item in enumerate(value):
                if not isinstance(item, dict):
                    continue
                customer_id, name = item.get("id"), item.get("name")
                if not isinstance(customer_id, str) or not isinstance(name, str):
                    continue
                first = names.setdefault(customer_id, (name, doc, f"{pointer}/{index}/name"))
                if first[0] != name:
                    problems.append(_problem(doc, f"{pointer}/{index}/name", "customer-name-mismatch",
                                             f"customer '{customer_id}' is called '{first[0]}' in {first[1].path}",
                                             "use the same name for the same customer id, or fix the id", "warning"))
    return problems


def roster_problems(doc: Document, paths: FieldPaths) -> list[Problem]:
    data = doc.data
    problems = unique_id_problems(doc, paths)
    departments = {d.get("id") for d in data.get("departments", []) if isinstance(d, dict)}
    for index, person in enumerate(data.get("people", [])):
        if isinstance(person, dict) and person.get("department") not in departments:
            problems.append(_problem(doc, f"/people/{index}/department", "unknown-department",
                                     f"department '{person.get('department')}' is not listed under 'departments'",
                                     "add the department, or fix the id"))
    return problems
