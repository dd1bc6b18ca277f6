"""Mistakes hurried people make, recognised where the schema only sees a value that does not fit.

A date written ``2026/12/31`` or ``2026年12月31日`` fails both the date pattern and the date format; a
person given by name (``successor: 杨帆``) fails the id pattern. The schema's problems are right but
say it in regular expressions, twice. Here each such value becomes one problem that says what was
meant: the date as it must be written, the id of the person named.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from ..i18n import message
from ..load.document import Document
from ..load.schemas import Field
from ..problems import Problem
from .rules import RuleContext, person_mistake, unknown_person
from .schema import _path as json_path

# Year, month and day as people in China write them: 2026/12/31, 2026.12.31, 2026年12月31日, 2026-1-5.
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?")
_ISO = re.compile(r"\d{4}-\d\d-\d\d")


def _value_at(data: Any, pointer: str) -> Any:
    current = data
    for token in json_path(pointer):
        try:
            current = current[token]
        except (KeyError, IndexError, TypeError):
            return None
    return current


def date_mistake(value: str) -> tuple[str, str] | None:
    """(message, hint) for a date written another way than YYYY-MM-DD; None if it does not look like a date."""
    found = _DATE.fullmatch(unicodedata.normalize("NFKC", value).strip())  # NFKC: full-width digits and ／ too
    if found is None or _ISO.fullmatch(value):  # written right, but no such day: the schema says so
        return None
    year, month, day = (int(part) for part in found.groups())
    shown = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        dt.date(year, month, day)
    except ValueError:
        return message("date_no_such_day", value=value, shown=shown), message("hint_format_date")
    return message("date_not_iso", value=value), message("hint_write_date_as", shown=shown)


def recognise(doc: Document, tree: Field, problems: list[Problem], context: RuleContext | None) -> list[Problem]:
    """``problems`` (the schema's, for ``doc``) with each recognised mistake said once, in place of its problems."""
    failed: dict[str, set[str]] = {}
    for problem in problems:
        failed.setdefault(problem.pointer, set()).add(problem.rule)
    said: dict[str, Problem] = {}
    for pointer, rules in failed.items():
        value = _value_at(doc.data, pointer)
        if not isinstance(value, str):
            continue
        here = tree.at(json_path(pointer))
        if here is None or not rules <= {"schema-format", "schema-pattern"}:
            continue
        if here.placeholder == "date" and (mistake := date_mistake(value)):
            said[pointer] = Problem(doc.path, *doc.position(pointer), pointer, "error", "date-not-iso", *mistake)
        elif here.person and context is not None and (mistake := person_mistake(value, context)):
            said[pointer] = unknown_person.problem(doc, pointer, *mistake)
    replaced, result = set(said), []
    for problem in problems:
        if problem.pointer not in replaced:
            result.append(problem)
        elif (instead := said.pop(problem.pointer, None)) is not None:  # once, where the schema's first problem stood
            result.append(instead)
    return result
