"""argparse's own words ("usage:", "options", its usage errors) from the one catalogue, and help laid out
for Chinese.

Why the words come in by swapping two module globals, and only while a parser is built and runs:
argparse looks every word of its own up at the moment it uses it, through ``argparse._`` and
``argparse.ngettext`` (gettext's functions, bound when argparse was imported): the headings while a parser
is built, the error texts while it parses. The alternatives are worse. A gettext translation (a compiled
.mo file, ``textdomain``) would be a second catalogue beside ours and would change the lookup of every
library in the process. Overriding ``error()`` or ``format_usage()`` in a subclass comes too late: by then
argparse has composed its English sentence ("argument --format: invalid choice: ...") from several words,
and it would have to be parsed back. So ``argparse_speaks()`` points the two names at the catalogue and
puts gettext's back when it ends, however it ends (``--help`` ends argparse with SystemExit). The command
parses on one thread; nothing else in the process uses argparse meanwhile.

The catalogue's ``argparse_`` entries are the table: their English text is argparse's msgid, exactly
(``tests/test_cli_language.py`` checks every msgid of the running Python is there). A msgid a newer Python
adds and the table lacks stays English rather than failing.
"""
from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from . import CATALOGUE, message

# argparse's English msgid -> the catalogue key that says it in the language in use.
MSGIDS: dict[str, str] = {english: key for key, (_, english) in CATALOGUE.items() if key.startswith("argparse_")}


def _gettext(msgid: str) -> str:
    key = MSGIDS.get(msgid)  # argparse also passes None (an untitled group's description)
    return message(key) if key else msgid


def _ngettext(singular: str, plural: str, count: int) -> str:
    return _gettext(singular if count == 1 else plural)  # Chinese has one form; English keeps its two


@contextmanager
def argparse_speaks() -> Iterator[None]:
    """argparse's words in the language in use (``use_language``), until the block ends."""
    names = vars(argparse)
    saved = {name: names[name] for name in ("_", "ngettext")}
    names.update(_=_gettext, ngettext=_ngettext)
    try:
        yield
    finally:
        names.update(saved)


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes: a Chinese character (wide or full-width) takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
# What a wrapped line never splits: a run of Latin letters, or one Chinese character, with the opening
# brackets before it and the punctuation that may not start a line after it; then its spaces.
_PIECE = re.compile(rf"[（“‘「《]*(?:[^\s{_WIDE}]+|.)[，。、；：！？）”’」》]*\s*")


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, measured in terminal columns rather than characters.

    argparse wraps and aligns by ``len()``, and breaks lines only at spaces; Chinese text has none and each
    character takes two columns, so its help would run past the terminal's edge and its columns would not
    line up. Only the measuring changes here; what is said and in which order is argparse's.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # as argparse's own, whatever its version takes
        super().__init__(*args, **kwargs)
        self._headings: list[str] = []

    def _split_lines(self, text: str, width: int) -> list[str]:
        lines = [""]
        for piece in _PIECE.findall(" ".join(text.split())):
            if lines[-1] and columns(lines[-1] + piece.rstrip()) > width:
                lines.append("")
            lines[-1] += piece
        return [line.rstrip() for line in lines]

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in self._split_lines(text, width - len(indent)))

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        header = self._format_action_invocation(action)
        wider = columns(header) - len(header)
        start = self._current_indent + len(header)
        padding = len(text[start:]) - len(text[start:].lstrip(" "))
        if not wider or not padding or text[start + padding] == "\n":
            return text  # all narrow, or the help starts on a line of its own
        if padding - wider >= 2:
            return text[:start] + text[start + wider:]  # the help where argparse meant it, in columns
        return text[:start] + "\n" + " " * (start + padding) + text[start + padding:]  # too wide: the next line

    def _format_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                      groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None) -> str:
        prefix = message("argparse_usage") if prefix is None else prefix
        wider, width = columns(prefix) - len(prefix), self._width
        try:
            for _ in range(3):  # argparse wraps by len(): narrower until its lines fit in columns
                first, *rest = super()._format_usage(usage, actions, groups, prefix).split("\n")
                # argparse indents the lines after the first by len(prefix)
                text = "\n".join([first, *(line and " " * wider + line for line in rest)])
                over = max(map(columns, text.split("\n"))) - width
                if over <= 0:
                    break
                self._width -= over
        finally:
            self._width = width
        return text

    def start_section(self, heading: str | None) -> None:
        if heading:
            self._headings.append(heading)
        super().start_section(heading)

    def format_help(self) -> str:
        # Before Python 3.13 argparse ends each heading with a bare ":", not with its "%(heading)s:" msgid.
        said = {f"{heading}:": message("argparse_heading") % {"heading": heading} for heading in self._headings}
        lines = super().format_help().split("\n")
        return "\n".join(line.replace(line.lstrip(" "), said[line.lstrip(" ")]) if line.lstrip(" ") in said else line
                         for line in lines)
