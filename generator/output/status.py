"""``handover status``: who signed which handover, as text and JSON."""
from __future__ import annotations

import json
from collections.abc import Sequence

from ..audit.signoffs import HandoverAudit


def as_json(audits: Sequence[HandoverAudit]) -> str:
    return json.dumps([a.as_dict() for a in audits], ensure_ascii=False, indent=2)


def as_text(audits: Sequence[HandoverAudit]) -> str:
    lines = []
    for audit in audits:
        lines.append(f"{audit.file}: {audit.state}")
        for s in audit.signoffs:
            where = f" {s.commit[:10]} {s.at}" if s.commit else ""
            lines.append(f"    {s.role:<9} {s.person:<12} {s.state:<8}{where}{' verified' if s.verified else ''}"
                         f"{'  (' + s.reason + ')' if s.reason else ''}")
    return "\n".join(lines)
