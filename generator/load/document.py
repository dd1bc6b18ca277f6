"""Load YAML without losing or changing anything, and remember where every value stood.

PyYAML implements YAML 1.1, whose implicit typing corrupts data (``NO`` becomes false,
``01234567`` an octal number, ``2024-02-30`` a crash). We read the C parser's *events*
and resolve plain scalars with YAML 1.2 core rules ourselves, so that:

* ``NO``, ``on``, ``y`` stay strings, dates stay ISO strings;
* a number whose text would not survive a round trip (``0123``, ``+86…``, ``1.50``) is a
  located error with the hint to quote it, never a quietly different value;
* anchors, aliases, merge keys, tags and duplicate keys are errors (aliases are refused
  before anything could expand them);
* size, depth and node-count limits fail fast and closed;
* what typing Chinese or pressing Tab puts where YAML wants ``: `` and spaces (a full-width colon
  ``：``, a full-width space, a tab in the indentation) is one problem on its own line, with the line
  as it should be, instead of libyaml's error on a later line.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..i18n import message
from ..problems import Problem
from .characters import REFUSED_IN_A_LINE

try:  # the C parser is what makes loading thousands of files fast
    from yaml import CBaseLoader as _EventLoader
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml
    from yaml import BaseLoader as _EventLoader  # type: ignore[assignment]

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
MAX_NODES = 200_000

Position = tuple[int, int]

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OTHER_BASE = re.compile(r"0o[0-7]+\Z|0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_UNUSUAL = REFUSED_IN_A_LINE.search
_NUMBER_STARTS = frozenset("0123456789+-.")  # how every text _INT, _INT_OTHER_BASE, _FLOAT and _FLOAT_SPECIAL match begins
_FLOAT_SPECIAL = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z|\.(?:nan|NaN|NAN)\Z")


@dataclass(frozen=True)
class Document:
    """One YAML file as plain data, with the 1-based line/column of every value and key."""

    path: str
    data: Any
    positions: dict[str, Position] = field(default_factory=dict)
    key_positions: dict[str, Position] = field(default_factory=dict)
    plain_scalars: frozenset[str] = frozenset()
    text: str = ""
    # Where a text value holds a character some field refuses (load.characters.REFUSED_IN_A_LINE), found
    # while reading, so the control-character rule looks at these values only; None: not known, look at all.
    unusual_text: frozenset[str] | None = None

    # Worker processes send documents back to the parent, which needs a position only for the odd
    # cross-file or deadline problem. The position maps are most of a document's pickle, so they stay
    # behind and are read again from the text, which does travel, on first use.
    def __getstate__(self) -> dict[str, Any]:
        return {name: value for name, value in self.__dict__.items() if name not in _REREAD_FIELDS}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)

    def __getattr__(self, name: str) -> Any:  # only reached for attributes not set: after unpickling
        if name not in _REREAD_FIELDS or "text" not in self.__dict__:
            raise AttributeError(name)
        again, _ = parse(self.text, self.path)
        source = again if again is not None else Document(self.path, None)  # the same text parsed before
        for field_name in _REREAD_FIELDS:
            object.__setattr__(self, field_name, getattr(source, field_name))
        return self.__dict__[name]

    def position(self, pointer: str, *, key: bool = False) -> Position:
        """Where to point for ``pointer``: the key if asked and known, else the value, else its parent."""
        if key and pointer in self.key_positions:
            return self.key_positions[pointer]
        while pointer:
            if pointer in self.positions:
                return self.positions[pointer]
            pointer = pointer.rsplit("/", 1)[0]
        return self.positions.get("", (1, 1))


_REREAD_FIELDS = ("positions", "key_positions", "plain_scalars", "unusual_text")


def pointer_join(pointer: str, token: str | int) -> str:
    text = str(token)
    if isinstance(token, str) and ("~" in text or "/" in text):
        text = text.replace("~", "~0").replace("/", "~1")
    return f"{pointer}/{text}"


def is_index(token: str) -> bool:
    """Whether a pointer token is a list index: ASCII digits only ("²" and "٣" are digits to str.isdigit)."""
    return token.isascii() and token.isdigit()


def pointer_tokens(pointer: str) -> list[str]:
    """The keys and indexes a JSON pointer names, unescaped (``~1`` is ``/``, ``~0`` is ``~``)."""
    return [token.replace("~1", "/").replace("~0", "~") for token in pointer.split("/")[1:]] if pointer else []


def pointer_from_path(path: Iterator[str | int] | list[str | int] | tuple[str | int, ...]) -> str:
    pointer = ""
    for token in path:
        pointer = pointer_join(pointer, token)
    return pointer


class _Refused(Exception):
    """Stops loading at a problem that makes the rest of the file meaningless."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Builder:
    """Turns the parser's event stream into plain values, collecting problems as it goes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.positions: dict[str, Position] = {}
        self.key_positions: dict[str, Position] = {}
        self.plain: set[str] = set()
        self.unusual: set[str] = set()
        self.problems: list[Problem] = []
        self.nodes = 0

    def problem(self, mark: Any, pointer: str, rule: str, message: str, hint: str = "") -> Problem:
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        found = Problem(self.path, line, column, pointer, "error", rule, message, hint)
        self.problems.append(found)
        return found

    def refuse(self, mark: Any, pointer: str, rule: str, message: str, hint: str = "") -> _Refused:
        return _Refused(Problem(self.path, mark.line + 1, mark.column + 1, pointer, "error", rule, message, hint))

    def check_node(self, event: Any, pointer: str, depth: int) -> None:
        if self.nodes > MAX_NODES:
            raise self.refuse(event.start_mark, pointer, "yaml-too-large",
                              message("yaml_too_large", most=MAX_NODES), message("hint_yaml_too_large"))
        if depth > MAX_DEPTH:
            raise self.refuse(event.start_mark, pointer, "yaml-too-deep",
                              message("yaml_too_deep", most=MAX_DEPTH), message("hint_yaml_too_deep"))
        if getattr(event, "anchor", None) is not None:
            self.problem(event.start_mark, pointer, "yaml-anchor",
                         message("yaml_anchor", anchor=event.anchor), message("hint_yaml_anchor"))
        tag = getattr(event, "tag", None)
        if tag is not None:
            self.problem(event.start_mark, pointer, "yaml-tag", message("yaml_tag", tag=tag), message("hint_yaml_tag"))

    def build(self, events: Iterator[Any], first: Any, pointer: str, depth: int) -> Any:
        if isinstance(first, yaml.AliasEvent):
            raise self.refuse(first.start_mark, pointer, "yaml-alias",
                              message("yaml_alias", anchor=first.anchor), message("hint_yaml_alias"))
        self.nodes += 1
        if (self.nodes > MAX_NODES or depth > MAX_DEPTH  # one test per node; the details only when it fails
                or getattr(first, "anchor", None) is not None or getattr(first, "tag", None) is not None):
            self.check_node(first, pointer, depth)
        self.positions[pointer] = (first.start_mark.line + 1, first.start_mark.column + 1)
        if isinstance(first, yaml.ScalarEvent):
            return self.scalar(first, pointer)
        if isinstance(first, yaml.SequenceStartEvent):
            items: list[Any] = []
            for event in events:
                if isinstance(event, yaml.SequenceEndEvent):
                    return items
                items.append(self.build(events, event, f"{pointer}/{len(items)}", depth + 1))
        if isinstance(first, yaml.MappingStartEvent):
            return self.mapping(events, pointer, depth)
        raise self.refuse(first.start_mark, pointer, "yaml-syntax", message("yaml_unexpected_structure"))

    def mapping(self, events: Iterator[Any], pointer: str, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_event in events:
            if isinstance(key_event, yaml.MappingEndEvent):
                return result
            if not isinstance(key_event, yaml.ScalarEvent):
                if isinstance(key_event, yaml.AliasEvent):
                    raise self.refuse(key_event.start_mark, pointer, "yaml-alias",
                                      message("yaml_alias", anchor=key_event.anchor), message("hint_yaml_alias_key"))
                raise self.refuse(key_event.start_mark, pointer, "yaml-complex-key",
                                  message("yaml_complex_key"), message("hint_yaml_complex_key"))
            key = key_event.value
            child = pointer_join(pointer, key) if "~" in key or "/" in key else f"{pointer}/{key}"
            key_mark: Any = key_event.start_mark  # libyaml always marks events it produced
            merge = key == "<<" and not key_event.style
            if merge:
                self.problem(key_mark, child, "yaml-merge-key", message("yaml_merge_key"), message("hint_yaml_merge_key"))
            if key_event.tag is not None or key_event.anchor is not None:
                self.problem(key_mark, child, "yaml-tag", message("yaml_key_tag"), message("hint_yaml_key_tag"))
            value = self.build(events, next(events), child, depth + 1)
            if merge:
                continue  # reported; keeping it would add a second, misleading "unknown field"
            if key in result:
                first_line = self.key_positions[child][0]
                self.problem(key_mark, child, "yaml-duplicate-key",
                             message("yaml_duplicate_key", key=key, line=first_line), message("hint_yaml_duplicate_key"))
                continue
            self.key_positions[child] = (key_mark.line + 1, key_mark.column + 1)
            result[key] = value
        raise _Refused(Problem(self.path, 1, 1, pointer, "error", "yaml-syntax", message("yaml_end_of_mapping")))

    def scalar(self, event: Any, pointer: str) -> Any:
        text: str = event.value
        if _UNUSUAL(text):
            self.unusual.add(pointer)
        if event.style or not event.implicit[0]:
            return text  # quoted or block scalar: always text
        self.plain.add(pointer)
        if text in _NULL:
            return None
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        if not text or text[0] not in _NUMBER_STARTS:  # most values are words: no number pattern can match
            return text
        if _INT.match(text):
            number = int(text)
            if str(number) != text:
                self.ambiguous(event, pointer, text, str(number))
                return text
            return number
        if _INT_OTHER_BASE.match(text):
            self.ambiguous(event, pointer, text, str(int(text, 0)))
            return text
        if _FLOAT.match(text):
            number_f = float(text)
            if repr(number_f) != text:
                self.ambiguous(event, pointer, text, repr(number_f))
                return text
            return number_f
        if _FLOAT_SPECIAL.match(text):
            self.ambiguous(event, pointer, text, "NaN" if "nan" in text.lower() else "infinity")
            return text
        return text

    def ambiguous(self, event: Any, pointer: str, text: str, would_be: str) -> None:
        self.problem(event.start_mark, pointer, "yaml-ambiguous-number",
                     message("yaml_ambiguous_number", text=text, number=would_be), message("hint_yaml_quote", text=text))


def _position_of_offset(raw: bytes, offset: int) -> Position:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = len(before) - (before.rfind(b"\n") + 1) + 1
    return line, column


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    if len(raw) > MAX_BYTES:
        return None, [Problem(path, 1, 1, "", "error", "file-too-large",
                              message("file_too_large", size=len(raw), most=MAX_BYTES), message("hint_file_too_large"))]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line, column = _position_of_offset(raw, exc.start)
        return None, [Problem(path, line, column, "", "error", "encoding",
                              message("file_encoding"), message("hint_file_encoding"))]


def parse(text: str, path: str) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML text. Returns the document (None if unreadable) and every problem found."""
    if not any(char in text for char in _TYPED):  # the common case: none of the characters a mistake needs
        document, problems, _ = _parse(text, path)
        return document, problems
    return _parse_repairing(text, path)


def _parse(text: str, path: str) -> tuple[Document | None, list[Problem], Position | None]:
    """Parse one YAML text: the document (None if unreadable), every problem, and where a syntax error stopped it."""
    builder = _Builder(path)
    data: Any = None
    loader = _EventLoader(text)
    try:
        # One C call per event; yaml.parse's generator doubles the cost of reading a file.
        events = iter(loader.get_event, None)
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise builder.refuse(event.start_mark, "", "yaml-multiple-documents",
                                         message("yaml_multiple_documents"), message("hint_yaml_multiple_documents"))
                data = builder.build(events, next(events), "", 0)
    except _Refused as refused:
        return None, [*builder.problems, refused.problem], None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or str(exc)
        stopped = builder.problem(mark, "", "yaml-syntax", message("yaml_syntax", what=what), message("hint_yaml_syntax"))
        return None, builder.problems, (stopped.line, stopped.column)
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        mark = getattr(exc, "position", None)
        line, column = (1, 1)
        if isinstance(mark, int):
            before = text[:mark]
            line, column = before.count("\n") + 1, mark - (before.rfind("\n") + 1) + 1
        builder.problems.append(Problem(path, line, column, "", "error", "yaml-syntax",
                                        message("yaml_unreadable", reason=getattr(exc, "reason", exc)),
                                        message("hint_yaml_unreadable")))
        return None, builder.problems, None
    finally:
        loader.dispose()
    document = Document(path, data, builder.positions, builder.key_positions, frozenset(builder.plain), text,
                        frozenset(builder.unusual))
    return document, builder.problems, None


# -- what typing Chinese or pressing Tab puts where YAML wants ": " and spaces ---------------------------------

_TYPED = ("\uff1a", "\u3000", "\t")  # a full-width colon, a full-width space, a tab
_INDENT = re.compile(r"[ \t\u3000]*")
_DASHES = re.compile(r"(?:-[ \t\u3000]+)*")  # the "- " of list items before the content
_KEY_THEN_COLON = re.compile(r"(?P<key>[A-Za-z_][A-Za-z0-9_-]*) *(?P<colon>\uff1a[ \u3000]*|:\u3000[ \u3000]*)")
_SNAKE_KEY = re.compile(r"[a-z][a-z0-9_]*")  # a field name: what a scalar that starts with one and '：' was meant as
_OPENS_BLOCK = re.compile(r"(?::|[|>][-+0-9]*)$")  # a line whose next lines, indented deeper, are its content
# Every repair parses the file again; a file with many mistakes gets as many as 20 MB of parsing allow.
_REPAIR_BUDGET = 20 * 1024 * 1024
# What libyaml counts as a line break, so that its line numbers index these lines (CR alone, NEL, LS and PS too).
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_OTHER_BREAKS = re.compile("[\r\x85\u2028\u2029]")
_MAX_REPAIRS = 100


@dataclass(frozen=True)
class _Mistake:
    line: int  # 1-based
    column: int
    rule: str
    message: str
    advice: str
    corrected: str  # the line as it should be written
    shown: int  # how much of ``corrected`` a hint shows when the value's field is unknown: up to the value
    start: int  # the 0-based column where the line's content starts, after indentation and "- "
    key: str | None = None  # the key before the full-width colon; None for indentation

    def problem(self, path: str, pointer: str, repaired: str) -> Problem:
        """The problem, its hint showing the line ``repaired`` (with every mistake on it corrected)."""
        # Without a pointer the schema cannot tell whether the value is restricted, so the hint leaves it out.
        shown = repaired.rstrip() if pointer else self.corrected[:self.shown] + "…"
        return Problem(path, self.line, self.column, pointer, "error", self.rule, self.message,
                       message("hint_with_line", advice=self.advice, line=shown))


def _indentation(lines: list[str], index: int, indent: str) -> str:
    """Spaces for an indentation typed with tabs or full-width spaces: a child of a line ending in ':', else its sibling."""
    for previous in reversed(lines[:index]):
        content = previous.split(" #", 1)[0].rstrip()
        if content.strip() and not content.lstrip().startswith("#"):
            start = len(content) - len(content.lstrip(" "))
            start += len(_DASHES.match(content, start).group())  # type: ignore[union-attr]
            return " " * (start + 2 if _OPENS_BLOCK.search(content) else start)
    return indent.replace("\t", "  ").replace("\u3000", "  ")


def _mistake_on(lines: list[str], index: int) -> _Mistake | None:
    """The first mistake on line ``index`` (0-based) that stops libyaml or makes it read something else, if any."""
    line = lines[index].rstrip("\r\n")
    indent = _INDENT.match(line).group()  # type: ignore[union-attr]
    dashes = _DASHES.match(line, len(indent)).group()  # type: ignore[union-attr]
    start = len(indent) + len(dashes)
    typed = [at for at, char in enumerate(line[:start]) if char in "\t\u3000"]
    if typed:
        spaces = _indentation(lines, index, indent) if indent.strip(" ") else indent
        items = re.sub(r"-[ \t\u3000]+", "- ", dashes)
        corrected = spaces + items + line[start:]
        shown = len(spaces + items)
        if "\t" in line[:start]:
            return _Mistake(index + 1, typed[0] + 1, rule="yaml-tab", message=message("withheld_tab"),
                            advice=message("hint_tab"), corrected=corrected, shown=shown, start=start)
        return _Mistake(index + 1, typed[0] + 1, rule="yaml-full-width", message=message("yaml_full_width_indent"),
                        advice=message("hint_full_width_indent"), corrected=corrected, shown=shown, start=start)
    found = _KEY_THEN_COLON.match(line, start)
    if found is None:
        return None
    key, head = found.group("key"), line[:found.start("colon")].rstrip(" ")
    if found.group("colon").startswith("\uff1a"):
        column, said = found.start("colon"), message("yaml_full_width_colon", key=key)
    else:
        column, said = found.start("colon") + 1, message("yaml_full_width_space", key=key)
    return _Mistake(index + 1, column + 1, rule="yaml-full-width", message=said, advice=message("hint_full_width_colon"),
                    corrected=f"{head}: {line[found.end('colon'):]}", shown=len(head) + 2, start=start, key=key)


def _mistake_before(lines: list[str], stop: Position) -> _Mistake | None:
    """The mistake nearest before where libyaml stopped (it stops on the line of a tab, after a full-width colon)."""
    for index in range(min(stop[0], len(lines)) - 1, -1, -1):
        if any(char in lines[index] for char in _TYPED) and (mistake := _mistake_on(lines, index)) is not None:
            return mistake
    return None


def _misread(lines: list[str], document: Document) -> _Mistake | None:
    """A mistake YAML reads without error, meaning something else: a ``key：value`` line read as the text of the
    key above it, or a line indented with full-width spaces read as a key that starts with them."""
    found: list[_Mistake] = []
    for pointer, (line, _) in document.key_positions.items():
        if pointer.rsplit("/", 1)[-1].startswith("\u3000") and (mistake := _mistake_on(lines, line - 1)) is not None:
            found.append(mistake)
    typed = {number for number, text in enumerate(lines, 1) if "\uff1a" in text or "\u3000" in text}
    for pointer in document.plain_scalars:
        line, column = document.positions[pointer]
        if line not in typed:  # most values: no line of theirs could hold the mistake
            continue
        key = document.key_positions.get(pointer)
        if key is None or key[0] == line:  # text after its key, as in 'notes: crm：…', is text
            continue
        mistake = _mistake_on(lines, line - 1)
        if mistake is not None and mistake.key is not None and mistake.start + 1 == column and _SNAKE_KEY.fullmatch(mistake.key):
            found.append(mistake)
    return min(found, key=lambda mistake: (mistake.line, mistake.column), default=None)


def _parse_repairing(text: str, path: str) -> tuple[Document | None, list[Problem]]:
    """``parse`` for a text with a character a mistake needs: each mistake found is one problem, then repaired
    (in a copy: the file is never changed) so that the rest of the file is read and checked too."""
    # libyaml's lines: a repair replaces one and keeps every line break as it was (most files have only "\n").
    if _OTHER_BREAKS.search(text):
        lines, breaks = _LINE_BREAK.split(text), _LINE_BREAK.findall(text)
    else:
        lines = text.split("\n")
        breaks = ["\n"] * (len(lines) - 1)
    found: list[_Mistake] = []
    document, problems, stopped = _parse(text, path)
    for _ in range(min(_MAX_REPAIRS, _REPAIR_BUDGET // max(len(text), 1))):
        if stopped is not None:
            mistake = _mistake_before(lines, stopped)
        else:
            mistake = _misread(lines, document) if document is not None else None
        if mistake is None:
            break
        attempt = [*lines]
        attempt[mistake.line - 1] = mistake.corrected
        repaired = "".join(line + end for line, end in zip(attempt, [*breaks, ""], strict=True))
        again, again_problems, again_stopped = _parse(repaired, path)
        moved_on = again_stopped is None or (stopped is not None and again_stopped > stopped)
        if not moved_on:
            break  # not what stopped libyaml: its own error, on its own line, says more
        found.append(mistake)
        lines, document, problems, stopped = attempt, again, again_problems, again_stopped
    starting: dict[int, str] = {}  # line -> the key or value that starts on it, once the repaired file reads
    for positions in (document.key_positions, document.positions) if document is not None and found else ():
        for pointer, (line, _) in positions.items():
            if pointer:
                starting.setdefault(line, pointer)
    return document, [m.problem(path, starting.get(m.line, ""), lines[m.line - 1]) for m in found] + problems


def read_text(file: Path, display: str | None = None) -> tuple[str | None, list[Problem]]:
    """A file's text, refused before reading past the size limit; None with the problem if unreadable."""
    shown = display or str(file)
    try:
        with file.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, [Problem(shown, 1, 1, "", "error", "unreadable", message("file_unreadable", error=exc.strerror),
                              message("hint_file_unreadable"))]
    return decode(raw, shown)


def load_file(file: Path, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    shown = display or str(file)
    text, problems = read_text(file, shown)
    if text is None:
        return None, problems
    return parse(text, shown)
