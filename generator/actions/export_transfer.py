"""``handover export owner-transfer``: what moves a handover's customers to their successors in the CRM.

Refuses before writing anything when the roster lacks what the CRM matches owners by (an e-mail for
Salesforce and HubSpot, a WeCom userid for WeCom), naming the people and what to add to people.yaml.
Customers the CRM cannot be told about (no WeCom external contact id) are left out and named, so
the caller can say so and fail.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import HandoverError
from ..model.handbook import Handover, Person, Roster
from ..output import render
from ..track.transfer import TransferPlan, transfer_plan

# Salesforce record ids: 15 characters, or 18 with the case-safe suffix.
_SALESFORCE_ID = re.compile(r"[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?")


@dataclass(frozen=True)
class Export:
    text: str
    count: int  # customers in the file
    left_out: tuple[str, ...]  # customers not in it, each with the reason
    warnings: tuple[str, ...]


def _need(people: list[Person], what: str, field: str) -> None:
    missing = sorted({p.id: p for p in people if not getattr(p, field)}.values(), key=lambda p: p.id)
    if missing:
        names = ", ".join(f"{p.name} ({p.id})" for p in missing)
        raise HandoverError(f"no {what} in handbook/people.yaml for {names}: add '{field}: …' to each of them, then "
                            "export again")


def owner_transfer(handover: Handover, roster: Roster, fmt: str) -> Export:
    plan = transfer_plan(handover, roster)
    parties = [roster.people[handover.leaver], *(t.successor for t in plan.transfers)]
    warnings: list[str] = []
    left_out: list[str] = []
    if fmt == "wecom":
        _need(parties, "WeCom userid", "wecom_userid")
        for t in plan.transfers:
            if not t.external_userids:
                left_out.append(f"{t.customer_name} ({t.customer_id}): none of its {t.contacts} contact(s) has a "
                                "wecom_external_userid; add it (handover import with --map wecom), or transfer the "
                                "customer in the WeCom admin console")
        plan = TransferPlan(plan.file, tuple(t for t in plan.transfers if t.external_userids))
    else:
        _need([t.successor for t in plan.transfers], "e-mail", "email")
        if fmt == "salesforce":
            odd = [t.customer_id for t in plan.transfers if not _SALESFORCE_ID.fullmatch(t.customer_id)]
            if odd:
                warnings.append(f"not Salesforce record ids (15 or 18 letters and digits), which Data Loader will "
                                f"refuse: {', '.join(odd)}; import the customers from a Salesforce export so that each "
                                "id is the account's record id")
    return Export(render("owner-transfer", fmt, plan), len(plan.transfers), tuple(left_out), tuple(warnings))
