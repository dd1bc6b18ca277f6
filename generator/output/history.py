"""``handover scan-history``: secrets found in git history, as text and JSON."""
from __future__ import annotations

import json
from collections.abc import Sequence

from ..check.secrets import HistoryFinding
from ..i18n import message
from .terminal import inline


def as_json(findings: Sequence[HistoryFinding]) -> str:
    return json.dumps([{**f.problem.as_dict(), "commit": f.commit} for f in findings], ensure_ascii=False, indent=2)


def as_text(findings: Sequence[HistoryFinding]) -> str:
    lines = []
    for f in findings:
        p = f.problem
        lines.append(message("history_secret", file=inline(p.file), line=p.line, column=p.column,
                             severity=message("severity_error"), message=inline(p.message), rule=p.rule,
                             commit=f.commit[:10]))
    lines.append(message("history_secrets", count=len(findings)) if findings else message("history_no_secrets"))
    return "\n".join(lines)
