"""The owner transfer in each CRM's words: Salesforce and HubSpot import CSV, WeCom ``transfer_customer`` bodies.

- Salesforce: one row per account, ``Id`` (the record id: the customer's id in the handover) and the new
  owner's e-mail, for Data Loader's Update (its OwnerId is the user's id: look it up by that e-mail).
- HubSpot: a Companies import that updates by ``Record ID`` and sets ``Company owner``, which HubSpot
  matches by the owner's e-mail.
- WeCom (企业微信) 离职继承: request bodies of ``POST /cgi-bin/externalcontact/resigned/transfer_customer``,
  ``{"handover_userid", "takeover_userid", "external_userid": [...]}``, at most 100 external contacts each,
  as the API allows.
CSV is what Excel opens with Chinese intact (UTF-8 with BOM, CRLF), every cell guarded against formulas.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence

from ..track.transfer import TransferPlan
from .incomplete import _csv_safe

WECOM_BATCH = 100  # external_userid per transfer_customer call, the API's limit


def _csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_csv_safe(cell) for cell in row] for row in rows)
    return "\ufeff" + buffer.getvalue()


def salesforce_csv(plan: TransferPlan) -> str:
    return _csv(("Id", "Name", "Previous Owner Email", "New Owner Email"),
                ((t.customer_id, t.customer_name, t.previous.email, t.successor.email) for t in plan.transfers))


def hubspot_csv(plan: TransferPlan) -> str:
    return _csv(("Record ID", "Company name", "Company owner"),
                ((t.customer_id, t.customer_name, t.successor.email) for t in plan.transfers))


def wecom_requests(plan: TransferPlan) -> list[dict[str, object]]:
    """One body per (leaver, successor) and batch of at most 100 external contacts, in the plan's order."""
    by_pair: dict[tuple[str, str], dict[str, None]] = {}  # a dict keeps the order and drops repeats
    for t in plan.transfers:
        by_pair.setdefault((t.previous.wecom_userid, t.successor.wecom_userid), {}).update(dict.fromkeys(t.external_userids))
    batches = [(pair, list(ids)) for pair, ids in by_pair.items() if ids]
    return [{"handover_userid": handover, "takeover_userid": takeover, "external_userid": ids[start:start + WECOM_BATCH]}
            for (handover, takeover), ids in batches for start in range(0, len(ids), WECOM_BATCH)]


def wecom_json(plan: TransferPlan) -> str:
    return json.dumps(wecom_requests(plan), ensure_ascii=False, indent=2) + "\n"
