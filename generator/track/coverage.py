"""Nothing a leaver holds falls through: every customer and account earlier handovers gave them is in their handover.

Ownership follows the chain of handovers in the order of their last days: a customer entry hands the
customer to its successor, an account moved with ``action: transfer`` goes to its ``to``, a revoked
account goes to nobody. When someone leaves, whatever the handovers before their last day left with
them must appear in their own handover (its customers or access sections) or be listed under
``not_handed_over`` with a reason; otherwise a located warning names each one and where it came from.

Plain functions over the handbook the session already read: no file and no git history is read here.
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..i18n import current_language, message
from ..load.document import Document
from ..load.schemas import values_at
from ..model.handbook import Handover, Roster
from ..model.views import customer_items
from ..problems import Problem


@dataclass(frozen=True)
class Grant:
    """One handover passing one thing on: a customer (``key`` is its id) or an account (``key`` is system and account)."""

    key: tuple[str, ...]
    label: str  # how people name it: the customer's name and id, or the system and account
    to: str | None  # None: revoked, nobody holds it any more
    handover: Handover
    vault: str = ""  # an account's credential_ref: the same account when it was renamed on the way

    @property
    def day(self) -> str:
        return str(self.handover.data["last_day"])


def _norm(text: Any) -> str:
    """Written the same way as far as a reader can tell: full-width forms, case and spacing do not count."""
    return " ".join(unicodedata.normalize("NFKC", str(text)).casefold().split())


def _account_key(item: dict[str, Any]) -> tuple[str, ...]:
    return (_norm(item.get("system", "")), _norm(item.get("account", "")))


def _customer_grants(handover: Handover) -> Iterable[Grant]:
    for _, item in customer_items(handover):
        name = str(item.get("name", item["id"]))
        successor = str(item.get("successor") or handover.successors[0])
        yield Grant((str(item["id"]),), f"{name} ({item['id']})", successor, handover)


def _account_grants(handover: Handover) -> Iterable[Grant]:
    for item in handover.items("access"):
        to = item.get("to") if item.get("action") == "transfer" else None
        yield Grant(_account_key(item), f"{item.get('system', '')} / {item.get('account', '')}",
                    str(to) if to else None, handover, str(item.get("credential_ref") or ""))


class _Chain:
    """Who holds each thing at any day, from every grant in the order of the handovers' last days."""

    def __init__(self, grants: Iterable[Grant]) -> None:
        by_key: dict[tuple[str, ...], list[Grant]] = defaultdict(list)
        for grant in sorted(grants, key=lambda g: (g.day, g.handover.file)):
            by_key[grant.key].append(grant)
        self._received: dict[str, list[tuple[list[Grant], int]]] = defaultdict(list)
        for chain in by_key.values():
            for index, grant in enumerate(chain):
                if grant.to is not None:
                    self._received[grant.to].append((chain, index))

    def held_before(self, person: str, day: str) -> list[Grant]:
        """The grants by which ``person`` still holds something when the handovers before ``day`` are done."""
        held = []
        for chain, index in self._received.get(person, ()):
            grant = chain[index]
            if grant.day < day and (index + 1 == len(chain) or chain[index + 1].day >= day):
                held.append(grant)
        return held


def _mentioned_accounts(handover: Handover) -> set[tuple[str, ...]]:
    """(system, account) of every account the handover lists or excuses; (system, "vault", credential_ref) of those it lists.

    An account renamed on the way (``ext-zhoujie`` became ``ext-sunli``) is still the same account when
    its system and its vault reference are the same.
    """
    keys = {_account_key(item) for item in [*handover.items("access"), *_excused(handover, "access")]}
    return keys | {(_norm(item.get("system", "")), "vault", str(item["credential_ref"]))
                   for item in handover.items("access") if item.get("credential_ref")}


def _excused(handover: Handover, section: str) -> list[dict[str, Any]]:
    listed = handover.data.get("not_handed_over")
    items = listed.get(section) if isinstance(listed, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _where(doc: Document, candidates: Sequence[str]) -> str:
    """The first of ``candidates`` the file has: where a reader should add what is missing."""
    return next((pointer for pointer in candidates if pointer in doc.positions), "/leaver")


def _person(roster: Roster | None, person_id: str) -> str:
    person = roster.people.get(person_id) if roster is not None else None
    name = person.called(current_language()) if person is not None else person_id
    return f"{name} ({person_id})" if name != person_id else person_id


def _received_from(grant: Grant, roster: Roster | None) -> str:
    return message("coverage_received_from", person=_person(roster, grant.handover.leaver), file=grant.handover.file,
                   day=grant.day)


def coverage_problems(documents: Sequence[tuple[Handover, Document]], roster: Roster | None) -> list[Problem]:
    """A warning for every customer and account a leaver holds from earlier handovers and leaves unmentioned."""
    handovers = [handover for handover, _ in documents]
    customers = _Chain(grant for handover in handovers for grant in _customer_grants(handover))
    accounts = _Chain(grant for handover in handovers for grant in _account_grants(handover))
    problems: list[Problem] = []
    for handover, doc in documents:
        day = str(handover.data["last_day"])
        held = customers.held_before(handover.leaver, day)
        if held:
            listed = {str(item["id"]) for _, item in customer_items(handover)}
            listed |= {str(item.get("customer_id")) for item in _excused(handover, "customers")}
            sections = [pointer for path in handover.role.paths.customers for pointer, _ in values_at(handover.data, path)]
            pointer = _where(doc, [*sections, "/not_handed_over/customers", "/not_handed_over"])
            for grant in held:
                if grant.key[0] not in listed:
                    problems.append(_customer_missing(doc, pointer, grant, roster, bool(sections)))
        held = accounts.held_before(handover.leaver, day)
        if held:
            mentioned = _mentioned_accounts(handover)
            pointer = _where(doc, ["/access", "/not_handed_over/access", "/not_handed_over"])
            for grant in held:
                if grant.key not in mentioned and (grant.key[0], "vault", grant.vault) not in mentioned:
                    problems.append(_access_missing(doc, pointer, grant, roster))
    return problems


def _customer_missing(doc: Document, pointer: str, grant: Grant, roster: Roster | None, has_section: bool) -> Problem:
    customer_id = grant.key[0]
    where = message("hint_coverage_add_customer") if has_section else ""
    return Problem(doc.path, *doc.position(pointer, key=True), pointer, "warning", "coverage-customer-missing",
                   message("coverage_customer_missing", label=grant.label, received=_received_from(grant, roster)),
                   message("hint_coverage_customer_missing", where=where, customer_id=customer_id))


def _access_missing(doc: Document, pointer: str, grant: Grant, roster: Roster | None) -> Problem:
    return Problem(doc.path, *doc.position(pointer, key=True), pointer, "warning", "coverage-access-missing",
                   message("coverage_access_missing", label=grant.label, received=_received_from(grant, roster)),
                   message("hint_coverage_access_missing"))
