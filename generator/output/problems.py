"""Problems (of check and scan) as text, JSON and GitHub workflow annotations."""
from __future__ import annotations

import json
from collections.abc import Sequence

from ..problems import Problem
from .terminal import inline


def text_report(problems: Sequence[Problem]) -> str:
    lines = []
    for p in problems:
        lines.append(f"{inline(p.file)}:{p.line}:{p.column}: {p.severity}: {inline(p.message)} [{p.rule}]")
        if p.hint:
            lines.append(f"    hint: {inline(p.hint)}")
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    if problems:
        lines.append(f"{errors} error(s), {warnings} warning(s)")
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
        message = f"{p.message} [{p.rule}]" + (f"\nhint: {p.hint}" if p.hint else "")
        lines.append(f"::{p.severity} file={_github_escape(p.file, property_value=True)},line={p.line},"
                     f"col={p.column}::{_github_escape(message)}")
    return "\n".join(lines)
