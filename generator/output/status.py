"""``handover status``: who signed which handover, as text and JSON."""
from __future__ import annotations

import json
from collections.abc import Sequence

from ..audit.signoffs import SIGNED, STALE, HandoverAudit, Signoff
from ..i18n import message


def as_json(audits: Sequence[HandoverAudit]) -> str:
    return json.dumps([a.as_dict() for a in audits], ensure_ascii=False, indent=2)


def _evidence(signoff: Signoff) -> str:
    if signoff.state not in (SIGNED, STALE):
        return ""
    # An unsigned commit proves only what its author field says; anyone can type any name there.
    return "  " + message("status_verified" if signoff.verified else "status_claimed")


def warnings(audit: HandoverAudit) -> list[str]:
    """What a signed state alone would hide: content nobody signed, an approval of unfinished work."""
    found = []
    if audit.uncommitted:
        found.append(message("status_uncommitted", file=audit.file))
    if audit.approved_incomplete:
        found.append(message("status_approved_incomplete", reasons=message("list_semicolon").join(audit.approved_incomplete.reasons())))
    return found


def as_text(audits: Sequence[HandoverAudit]) -> str:
    lines = []
    for audit in audits:
        lines.append(message("status_line", file=audit.file, state=message(f"status_overall_{audit.state}")))
        lines += [f"    ! {warning}" for warning in warnings(audit)]
        for s in audit.signoffs:
            where = f" {s.commit[:10]} {s.at}" if s.commit else ""
            lines.append(f"    {s.role:<9} {s.person:<12} {message('status_state_' + s.state):<8}{where}{_evidence(s)}"
                         f"{'  ' + message('status_reason', reason=s.reason) if s.reason else ''}")
    return "\n".join(lines)
