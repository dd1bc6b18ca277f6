"""Schema validation: every error of the compiled validator, as located problems with a hint."""
from __future__ import annotations

import dataclasses
import re
from typing import Any

from ..load.document import Document, pointer_from_path, pointer_join
from ..load.schemas import Field, localized
from ..problems import Problem

_KEBAB = re.compile(r"(?<!^)(?=[A-Z])")


def _dotted(path: list[str | int]) -> str:
    text = ""
    for token in path:
        text += f"[{token}]" if isinstance(token, int) else (f".{token}" if text else str(token))
    return text or "(file)"


def _type_hint(document: Document, pointer: str, value: Any, expected: list[str], withheld: bool) -> str:
    if value is None:
        return "fill in a value here, or remove the key"
    if "string" in expected and pointer in document.plain_scalars and not isinstance(value, str):
        if withheld:
            return "quote it to keep it as text, exactly as written"
        written = ("true" if value else "false") if isinstance(value, bool) else str(value)
        return f'quote it to keep it as text: "{written}"'
    if "boolean" in expected:
        return "write true or false (without quotes)"
    if "array" in expected:
        return "write a list: one '- ' item per line, or [] for none"
    if "object" in expected:
        return "write a mapping of 'key: value' lines, indented under this key"
    if "integer" in expected or "number" in expected:
        return "write a number without quotes"
    return f"expected {' or '.join(expected)}"


def _sensitive(field: Field) -> bool:
    return field.credential or field.sensitivity == "restricted"


def _withheld(tree: Field, path: list[str | int]) -> bool:
    """Whether a message may not repeat the value at ``path``: it is, holds or sits inside restricted or
    credential data. Problems go to terminals, CI logs and build errors, which are not private."""
    current: Field | None = tree
    for token in path:
        if current is None:
            return False
        if _sensitive(current):
            return True
        current = current.child(token)
    return current is not None and (_sensitive(current) or bool(current.paths(lambda _, f: _sensitive(f))))


_FORMATS = {"email": "e-mail address", "date": "date (YYYY-MM-DD)"}


def _without_value(kind_name: str, kind: Any, here: Field | None) -> str:
    """What is wrong with a value, said without the value (jsonschema's own message quotes it)."""
    name = localized(here.title, "en").lower() if here is not None and here.title else "value"
    limit = getattr(kind, "limit", "")
    said = {
        "Type": lambda: f"must be of type {' or '.join(kind.types)}",
        "Pattern": lambda: f"does not match the expected {name} format",
        "Format": lambda: f"is not a valid {_FORMATS.get(kind.format, name)}",
        "MinLength": lambda: "must not be empty",
        "MaxLength": lambda: f"is longer than {limit} characters",
        "MinItems": lambda: f"must have at least {limit} item(s)",
        "MaxItems": lambda: f"must have at most {limit} item(s)",
        "UniqueItems": lambda: "has repeated items",
        "Enum": lambda: "is not one of the allowed values",
        "Constant": lambda: "is not the expected value",
    }.get(kind_name)
    return said() if said else f"is not a valid {name} ({_KEBAB.sub('-', kind_name).lower()})"


# What the loader says, quoting the value as written, before any schema is known; said instead where the
# value may not be repeated.
_LOADER_SAYS_WITHOUT_VALUE = {
    "yaml-ambiguous-number": ("would be read as a number and change (a leading + or 0, or trailing zeros, are lost)",
                              "quote it to keep it exactly as written"),
    "yaml-full-width": ("a full-width colon '\uff1a' or space (U+3000) stands where YAML needs ': '",
                        "write an ASCII colon and a space after the key, and indent with ASCII spaces"),
    "yaml-tab": ("the line is indented with a tab; YAML allows only spaces", "indent with spaces instead"),
}


def _path(pointer: str) -> list[str | int]:
    tokens = (t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:])
    return [int(t) if t.isdigit() else t for t in tokens]


def withhold_values(problems: list[Problem], tree: Field) -> list[Problem]:
    """``problems`` with the loader's messages about restricted or credential values said without the value.

    The loader reports before the role's schema is known; once it is, this keeps a mistyped phone
    number out of terminals, CI logs and build errors, as ``schema_problems`` does for its own."""
    result = []
    for problem in problems:
        said = _LOADER_SAYS_WITHOUT_VALUE.get(problem.rule)
        if said is not None and _withheld(tree, _path(problem.pointer)):
            message, hint = said
            problem = dataclasses.replace(problem, message=f"{_dotted(_path(problem.pointer))}: {message}", hint=hint)
        result.append(problem)
    return result


def schema_problems(document: Document, validator: Any, tree: Field) -> list[Problem]:
    """Validate ``document`` and translate each error into a problem at the line to fix."""
    problems: list[Problem] = []
    unexpected: list[tuple[list[str | int], str]] = []
    for error in validator.iter_errors(document.data):
        path = list(error.instance_path)
        pointer = pointer_from_path(path)
        kind = error.kind
        kind_name = type(kind).__name__
        rule = "schema-" + _KEBAB.sub("-", kind_name).lower()
        where = _dotted(path)
        here = tree.at(path)
        withheld = _withheld(tree, path)
        hint = ""
        message = f"{where}: {_without_value(kind_name, kind, here) if withheld else error.message}"
        if kind_name in ("UnevaluatedProperties", "AdditionalProperties"):
            unexpected.extend((path, name) for name in kind.unexpected)
            continue
        if kind_name == "Type":
            hint = _type_hint(document, pointer, error.instance, list(kind.types), withheld)
        elif kind_name == "Required":
            child = here.properties.get(kind.property) if here else None
            title = f" ({localized(child.title, 'en')})" if child and child.title else ""
            message = f"{where}: missing required field '{kind.property}'{title}"
            hint = f"add '{kind.property}:' here"
        elif kind_name == "Enum":
            hint = "use one of: " + ", ".join(str(o) for o in kind.options)
        elif kind_name == "Constant":
            hint = f"use {kind.expected_value!r}" if hasattr(kind, "expected_value") else ""
        elif kind_name == "Format":
            hint = {"date": "write a real calendar date as YYYY-MM-DD, e.g. 2026-11-30",
                    "email": "write an e-mail address such as name@example.com"}.get(kind.format, "")
        elif kind_name in ("Pattern", "MinLength", "MaxLength") and here is not None:
            if kind_name == "MinLength" or (kind_name == "Pattern" and isinstance(error.instance, str) and not error.instance.strip()):
                message = f"{where}: must not be empty"
            hint = localized(here.description, "en") if here.description else ""
        elif kind_name == "MinItems":
            hint = "add at least one item"
        problems.append(Problem(document.path, *document.position(pointer), pointer, "error", rule, message, hint))
    problems.extend(_unexpected_problems(document, tree, unexpected, problems))
    return problems


def _unexpected_problems(document: Document, tree: Field, unexpected: list[tuple[list[str | int], str]],
                         found: list[Problem]) -> list[Problem]:
    """Unknown keys, one problem each at the key itself, skipping keys that already have an error.

    Draft 2020-12 reports a key as "unevaluated" when the subschema that knows it failed; the
    failure is already reported, so repeating it as "unknown" would only mislead.
    """
    failed = {p.pointer for p in found}
    seen: set[str] = set()
    result: list[Problem] = []
    for path, name in unexpected:
        pointer = pointer_join(pointer_from_path(path), name)
        if pointer in seen or any(f == pointer or f.startswith(pointer + "/") for f in failed):
            continue
        seen.add(pointer)
        here = tree.at(path)
        allowed = ", ".join(here.properties) if here and here.properties else ""
        if here is not None and name in here.properties:
            continue
        if not name.isascii() or " " in name:
            hint = ("this looks like text cut off by a comma or colon inside {…}: put the whole text in quotes")
        elif allowed:
            hint = f"check the spelling; fields allowed here: {allowed}"
        else:
            hint = "remove it; nothing is allowed here"
        result.append(Problem(document.path, *document.position(pointer, key=True), pointer, "error",
                              "schema-unknown-field", f"{_dotted([*path, name])}: unknown field '{name}'", hint))
    return result
