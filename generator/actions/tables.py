"""Read a spreadsheet export (.xlsx, or .csv as Excel and CRMs write it) into rows of text.

CSV from Excel comes in several encodings: UTF-8 with a byte-order mark ("CSV UTF-8"), UTF-16 with
tabs ("Unicode text"), and on Chinese Windows GBK ("CSV (逗号分隔)"). The BOMs say which; without one,
UTF-8 is tried, then GB18030 (GBK's superset) when the headers read that way are ones the map knows;
anything else is an error that says how to save the file as UTF-8.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..i18n import message

HEADER_SEARCH_ROWS = 20  # a title or a blank line above the headers is common in exports


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (row number as the spreadsheet shows it, one text per header)
    note: str = ""  # how the file was read, when a person should know (an encoding guessed)


def header_key(text: str) -> str:
    """A header (or a CRM value) as compared: no case, spaces or punctuation, full-width forms folded."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def cell_text(value: Any) -> str:
    """What a cell shows: a whole number without '.0', a date as YYYY-MM-DD, nothing for an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _table(lines: Iterable[tuple[int, list[Any]]], is_header: Callable[[list[str]], bool]) -> Table:
    """Rows of cells into a table: the headers are the first row ``is_header`` accepts among the first rows."""
    rows = [(number, [cell_text(c) for c in cells]) for number, cells in lines]
    rows = [(number, cells) for number, cells in rows if any(cells)]
    if not rows:
        raise UsageError(message("table_no_rows"))
    first = rows[:HEADER_SEARCH_ROWS]
    widest = max(range(len(first)), key=lambda i: sum(1 for c in first[i][1] if c))  # else: the fullest row, not a title
    start = next((i for i, (_, cells) in enumerate(first) if is_header(cells)), widest)
    headers = tuple(rows[start][1])
    width = len(headers)
    body = tuple((number, tuple((cells + [""] * width)[:width])) for number, cells in rows[start + 1:])
    return Table(headers, body)


def read_xlsx(path: Path, is_header: Callable[[list[str]], bool]) -> Table:
    from openpyxl import load_workbook  # type: ignore[import-untyped]  # only this command needs it

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError and its own errors for a damaged file
        raise UsageError(message("table_bad_workbook", path=path, error=type(exc).__name__)) from None
    try:
        sheet = book.active or book.worksheets[0]
        return _table(((n, list(r)) for n, r in enumerate(sheet.iter_rows(values_only=True), 1)), is_header)
    finally:
        book.close()




def _csv_rows(text: str) -> list[tuple[int, list[Any]]]:
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ";" if first.count(";") > first.count(",") else ","
    return [(n, row) for n, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 1)]


def read_csv(path: Path, is_header: Callable[[list[str]], bool], encoding: str | None = None) -> Table:
    raw = path.read_bytes()
    if encoding:
        try:
            return _table(_csv_rows(raw.decode(encoding)), is_header)
        except LookupError:
            raise UsageError(message("table_unknown_encoding", encoding=encoding)) from None
        except UnicodeDecodeError as exc:
            raise UsageError(message("table_wrong_encoding", path=path, encoding=encoding, byte=exc.start + 1,
                                     fix=message("table_save_as_utf8"))) from None
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return _table(_csv_rows(raw.decode(name, errors="replace")), is_header)
    try:
        return _table(_csv_rows(raw.decode("utf-8")), is_header)
    except UnicodeDecodeError:
        pass
    try:
        table = _table(_csv_rows(raw.decode("gb18030")), is_header)
    except UnicodeDecodeError:
        table = None
    if table is None or not is_header(list(table.headers)):
        raise UsageError(message("table_unknown_text", path=path, fix=message("table_save_as_utf8")))
    return Table(table.headers, table.rows, message("table_read_as_gbk"))


def read_table(path: Path, is_header: Callable[[list[str]], bool], encoding: str | None = None) -> Table:
    if not path.is_file():
        raise UsageError(message("table_no_such_file", path=path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, is_header)
    if suffix in (".csv", ".txt", ".tsv"):
        return read_csv(path, is_header, encoding)
    if suffix in (".xls", ".et"):
        raise UsageError(message("table_old_excel", path=path))
    raise UsageError(message("table_unknown_format", path=path))
