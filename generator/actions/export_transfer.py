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
from ..i18n import current_language, message
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
    """``what``: the catalogue key of the field's name, as people call it."""
    missing = sorted({p.id: p for p in people if not getattr(p, field)}.values(), key=lambda p: p.id)
    if missing:
        names = ", ".join(f"{p.called(current_language())} ({p.id})" for p in missing)
        raise HandoverError(message("export_missing_field", what=message(what), names=names, field=field))


def owner_transfer(handover: Handover, roster: Roster, fmt: str) -> Export:
    plan = transfer_plan(handover, roster)
    parties = [roster.people[handover.leaver], *(t.successor for t in plan.transfers)]
    warnings: list[str] = []
    left_out: list[str] = []
    if fmt == "wecom":
        _need(parties, "field_wecom_userid", "wecom_userid")
        for t in plan.transfers:
            if not t.external_userids:
                left_out.append(message("export_no_external_userid", name=t.customer_name, id=t.customer_id,
                                        contacts=t.contacts))
        plan = TransferPlan(plan.file, tuple(t for t in plan.transfers if t.external_userids))
    else:
        _need([t.successor for t in plan.transfers], "field_email", "email")
        if fmt == "salesforce":
            odd = [t.customer_id for t in plan.transfers if not _SALESFORCE_ID.fullmatch(t.customer_id)]
            if odd:
                warnings.append(message("export_not_salesforce_ids", ids=", ".join(odd)))
    return Export(render("owner-transfer", fmt, plan), len(plan.transfers), tuple(left_out), tuple(warnings))
