"""``handover scan-history``: secrets found in git history, as text and JSON."""
from __future__ import annotations

import json
from collections.abc import Sequence

from ..check.secrets import HistoryFinding
from .terminal import inline


def as_json(findings: Sequence[HistoryFinding]) -> str:
    return json.dumps([{**f.problem.as_dict(), "commit": f.commit} for f in findings], ensure_ascii=False, indent=2)


def as_text(findings: Sequence[HistoryFinding]) -> str:
    lines = []
    for f in findings:
        p = f.problem
        lines.append(f"{inline(p.file)}:{p.line}:{p.column}: error: {inline(p.message)} [secret] (commit {f.commit[:10]})")
    lines.append(f"{len(findings)} secret(s) in history" + (": rotate each, then purge it (see guide/security.md)"
                                                           if findings else ""))
    return "\n".join(lines)
