"""The incomplete-items report (未完成项报告) as CSV for Excel, JSON and Markdown."""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

from ..i18n import current_language, label
from ..track.reports import CHASE_MANAGER, OpenRow, manager_summary


def rows_as_csv(rows: list[OpenRow]) -> str:
    """The report's raw values under their field names (``handover report incomplete --format csv``)."""
    fields = list(OpenRow.__dataclass_fields__)
    return table_as_csv(fields, [[getattr(row, f) for f in fields] for row in rows])


def table_as_csv(headers: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    """CSV that Excel opens with Chinese intact: UTF-8 with a byte-order mark, CRLF line ends, no formulas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_csv_safe(h) for h in headers])
    for row in rows:
        writer.writerow([_csv_safe(value) for value in row])
    return "\ufeff" + buffer.getvalue()


# Spreadsheets run a cell as a formula when it starts with = + - @ (OWASP "CSV injection"), also after
# leading blanks or control characters they skip, and in their full-width and small forms, which
# some convert; a cell starting with a tab, CR or any other control character is guarded as well.
_FORMULA = re.compile("[\\s\x00-\x1f\x7f-\x9f]*[=+\\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b]"
                      "|[\x00-\x1f\x7f-\x9f]")


def _csv_safe(value: Any) -> Any:
    """Content is data, never a formula: a cell a spreadsheet could run gets a leading apostrophe."""
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def rows_as_json(rows: list[OpenRow]) -> str:
    return json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2)


def _cell(value: Any) -> str:
    """Readable Markdown table cell: pipes escaped, markup characters turned into entities."""
    text = " ".join(str(value).split())
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def open_rows_as_markdown(rows: list[OpenRow]) -> str:
    """For a merge request or a chat: headers in the command's language, whom to chase by name."""
    language = current_language()
    headers = [label(key, language) for key in ("handover", "leaver", "section", "csv_item_id", "item", "owner", "due",
                                                "state", "overdue_wd", "chase", "manager")]
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(v) for v in (r.handover, r.leaver, r.section, r.item, r.title, r.owner, r.due,
                                                    r.status, r.working_days_overdue or "", _chase(r, language),
                                                    _named(r.manager, r.manager_name))) + " |" for r in rows]
    summary = [label(key, language) for key in ("manager", "open_items", "overdue_items", "chase")]
    lines += ["", f"## {label('by_manager', language)}", "", "| " + " | ".join(summary) + " |", "|---|---|---|---|"]
    lines += [f"| {_cell(s.manager)} | {s.open} | {s.overdue} | {_cell(', '.join(s.chase))} |"
              for s in manager_summary(rows)]
    return "\n".join(lines) + "\n"


def _named(person_id: str, name: str) -> str:
    return f"{name} ({person_id})" if name and name != person_id else person_id


def _chase(row: OpenRow, language: str) -> str:
    """Who to chase; a manager standing in says so, because the successor is no longer active."""
    named = _named(row.chase, row.chase_name)
    return named + label("chase_manager", language) if row.chase_reason == CHASE_MANAGER else named
