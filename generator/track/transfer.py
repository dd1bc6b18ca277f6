"""Who takes over which customer in the CRM: the plan ``handover export owner-transfer`` writes out.

Plain data from one handover: each customer entry with its previous owner (the leaver), its new
owner (the entry's successor, else the handover's first) and the WeCom external contacts of its
contacts. Formats (``output/transfer.py``) turn it into what each CRM imports.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model.handbook import Handover, Person, Roster
from ..model.views import customer_items


@dataclass(frozen=True)
class Transfer:
    customer_id: str
    customer_name: str
    previous: Person
    successor: Person
    external_userids: tuple[str, ...]  # the contacts' wecom_external_userid, where known
    contacts: int  # how many contacts the entry lists


@dataclass(frozen=True)
class TransferPlan:
    file: str
    transfers: tuple[Transfer, ...]


def transfer_plan(handover: Handover, roster: Roster) -> TransferPlan:
    transfers = []
    for _, item in customer_items(handover):
        successor = str(item.get("successor") or handover.successors[0])
        contacts = [c for c in item.get("contacts") or () if isinstance(c, dict)]
        transfers.append(Transfer(
            str(item["id"]), str(item.get("name", item["id"])), roster.people[handover.leaver], roster.people[successor],
            tuple(str(c["wecom_external_userid"]) for c in contacts if c.get("wecom_external_userid")), len(contacts)))
    return TransferPlan(handover.file, tuple(transfers))
