"""Every output format of every command, behind one registry.

``FORMATS[kind][name]`` turns one command's result into text: ``problems`` (check, scan),
``status``, ``reminders``, ``incomplete`` (report incomplete) and ``history`` (scan-history).
Formatters only format; they never decide an exit code. A new format is one function and one
line here; the CLI offers exactly the formats registered for a kind. Every format but CSV (data for
a spreadsheet, guarded there) leaves through ``terminal.safe_output``: no control character is
ever printed raw.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import codequality, history, incomplete, problems, reminders, status, transfer
from .terminal import safe_output

Formatter = Callable[[Any], str]

FORMATS: dict[str, dict[str, Formatter]] = {
    "problems": {"text": problems.text_report, "json": problems.json_report, "github": problems.github_report,
                 "codequality": codequality.codequality_report},
    "status": {"text": status.as_text, "json": status.as_json},
    "reminders": {"text": reminders.as_text, "json": reminders.as_json},
    "incomplete": {"csv": incomplete.rows_as_csv, "json": incomplete.rows_as_json,
                   "md": incomplete.open_rows_as_markdown},
    "history": {"text": history.as_text, "json": history.as_json},
    "owner-transfer": {"salesforce": transfer.salesforce_csv, "hubspot": transfer.hubspot_csv, "wecom": transfer.wecom_json},
}


def formats(kind: str) -> list[str]:
    return sorted(FORMATS[kind])


# Spreadsheet data, written as it is (formula-guarded by its formatter); escaping would change the data.
RAW_FORMATS = frozenset({"csv", "salesforce", "hubspot"})


def render(kind: str, name: str, data: Any) -> str:
    text = FORMATS[kind][name](data)
    return text if name in RAW_FORMATS else safe_output(text)
