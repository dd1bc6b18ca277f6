"""Problems (of check and scan) as text, JSON and GitHub workflow annotations."""
from __future__ import annotations

import json
from collections.abc import Sequence

from ..i18n import message
from ..problems import Problem
from .terminal import inline


def text_report(problems: Sequence[Problem]) -> str:
    lines = []
    for p in problems:
        lines.append(message("problem_line", file=inline(p.file), line=p.line, column=p.column,
                             severity=message(f"severity_{p.severity}"), message=inline(p.message), rule=p.rule))
        if p.hint:
            lines.append(message("problem_hint", hint=inline(p.hint)))
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    if problems:
        lines.append(message("problem_summary", errors=errors, warnings=warnings))
    return "\n".join(lines)


def json_report(problems: Sequence[Problem]) -> str:
    return json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2)


def _github_escape(text: str, *, property_value: bool = False) -> str:
    # The workflow-command escaping GitHub documents for messages and properties.
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def github_report(problems: Sequence[Problem]) -> str:
    lines = []
    for p in problems:
        said = f"{p.message} [{p.rule}]" + ("\n" + message("problem_hint", hint=p.hint).strip() if p.hint else "")
        lines.append(f"::{p.severity} file={_github_escape(p.file, property_value=True)},line={p.line},"
                     f"col={p.column}::{_github_escape(said)}")
    return "\n".join(lines)
