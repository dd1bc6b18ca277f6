"""Schema validation: every error of the compiled validator, as located problems with a hint."""
from __future__ import annotations

import dataclasses
import re
from typing import Any

from ..i18n import current_language, message
from ..load.document import Document, is_index, pointer_from_path, pointer_join, pointer_tokens
from ..load.schemas import Field, localized, localized_description
from ..problems import Problem
from .place import place_in_words

_KEBAB = re.compile(r"(?<!^)(?=[A-Z])")


def _where(data: Any, tree: Field, path: list[str | int]) -> str:
    """The place in words (第 3 个客户「苏州澄泓」的电话), or the dotted path where the schema has no words for it."""
    return place_in_words(data, tree, pointer_from_path(path), current_language()) or _dotted(path)


def _dotted(path: list[str | int]) -> str:
    text = ""
    for token in path:
        text += f"[{token}]" if isinstance(token, int) else (f".{token}" if text else str(token))
    return text or "(file)"


def _type_hint(document: Document, pointer: str, value: Any, expected: list[str], withheld: bool) -> str:
    if value is None:
        return message("hint_fill_value")
    if "string" in expected and pointer in document.plain_scalars and not isinstance(value, str):
        if withheld:
            return message("hint_quote_withheld")
        written = ("true" if value else "false") if isinstance(value, bool) else str(value)
        return message("hint_quote", written=written)
    if "boolean" in expected:
        return message("hint_boolean")
    if "array" in expected:
        return message("hint_array")
    if "object" in expected:
        return message("hint_object")
    if "integer" in expected or "number" in expected:
        return message("hint_number")
    return message("hint_expected_type", types=" / ".join(expected))


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


_FORMATS = {"email": "format_email", "date": "format_date"}
# Each kind of jsonschema error, said in the catalogue (schema_<kind>); jsonschema itself speaks only English.
_KINDS = ("Type", "Pattern", "Format", "MinLength", "MaxLength", "MinItems", "MaxItems", "UniqueItems", "Enum",
          "Constant")


def _without_value(kind_name: str, kind: Any, here: Field | None) -> str:
    """What is wrong with a value, said without the value (jsonschema's own message quotes it)."""
    language = current_language()
    title = localized(here.title, language) if here is not None and here.title else ""
    name = (title.lower() if language == "en" else title) if title else message("value_word")
    fields = {"name": name, "limit": getattr(kind, "limit", ""), "types": " / ".join(getattr(kind, "types", ())),
              "format": message(_FORMATS[kind.format]) if getattr(kind, "format", None) in _FORMATS else name}
    if kind_name in _KINDS:
        return message("schema_" + _KEBAB.sub("_", kind_name).lower(), **fields)
    return message("schema_other", name=name, kind=_KEBAB.sub("-", kind_name).lower())


def _what_is_wrong(kind_name: str, kind: Any, here: Field | None, said: str, withheld: bool) -> str:
    """jsonschema's message (which quotes the value) in English where the value may be shown; ours otherwise."""
    return said if current_language() == "en" and not withheld else _without_value(kind_name, kind, here)


# What the loader says, quoting the value as written, before any schema is known; said instead where the
# value may not be repeated.
_LOADER_SAYS_WITHOUT_VALUE = {
    "yaml-ambiguous-number": ("withheld_ambiguous_number", "hint_keep_as_written"),
    "yaml-full-width": ("withheld_full_width", "hint_full_width"),
    "yaml-tab": ("withheld_tab", "hint_tab"),
}


def _path(pointer: str) -> list[str | int]:
    tokens = pointer_tokens(pointer)
    return [int(t) if is_index(t) else t for t in tokens]


def withhold_values(problems: list[Problem], tree: Field) -> list[Problem]:
    """``problems`` with the loader's messages about restricted or credential values said without the value.

    The loader reports before the role's schema is known; once it is, this keeps a mistyped phone
    number out of terminals, CI logs and build errors, as ``schema_problems`` does for its own."""
    result = []
    for problem in problems:
        said = _LOADER_SAYS_WITHOUT_VALUE.get(problem.rule)
        if said is not None and _withheld(tree, _path(problem.pointer)):
            said_key, hint_key = said
            problem = dataclasses.replace(problem, hint=message(hint_key), message=message(
                "at_place", where=_dotted(_path(problem.pointer)), text=message(said_key)))
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
        where = _where(document.data, tree, path)
        here = tree.at(path)
        withheld = _withheld(tree, path)
        hint = ""
        said = message("at_place", where=where, text=_what_is_wrong(kind_name, kind, here, error.message, withheld))
        if kind_name in ("UnevaluatedProperties", "AdditionalProperties"):
            unexpected.extend((path, name) for name in kind.unexpected)
            continue
        if kind_name == "Type":
            hint = _type_hint(document, pointer, error.instance, list(kind.types), withheld)
        elif kind_name == "Required":
            child = here.properties.get(kind.property) if here else None
            title = message("title_in_brackets", title=localized(child.title, current_language())) \
                if child and child.title else ""
            said = message("at_place", where=where, text=message("schema_required", key=kind.property, title=title))
            hint = message("hint_add_key", key=kind.property)
        elif kind_name == "Enum":
            hint = message("hint_one_of", options=", ".join(str(o) for o in kind.options))
        elif kind_name == "Constant":
            hint = message("hint_use_value", value=kind.expected_value) if hasattr(kind, "expected_value") else ""
        elif kind_name == "Format":
            hint = message(f"hint_format_{kind.format}") if kind.format in _FORMATS else ""
        elif kind_name in ("Pattern", "MinLength", "MaxLength") and here is not None:
            if kind_name == "MinLength" or (kind_name == "Pattern" and isinstance(error.instance, str) and not error.instance.strip()):
                said = message("at_place", where=where, text=message("schema_min_length"))
            hint = localized_description(here.description, current_language()) if here.description else ""
        elif kind_name == "MinItems":
            hint = message("hint_at_least_one")
        problems.append(Problem(document.path, *document.position(pointer), pointer, "error", rule, said, hint))
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
            hint = message("hint_cut_off")
        elif allowed:
            hint = message("hint_check_spelling", allowed=allowed)
        else:
            hint = message("hint_nothing_allowed")
        said = message("at_place", where=_where(document.data, tree, [*path, name]),
                       text=message("schema_unknown_field", key=name))
        result.append(Problem(document.path, *document.position(pointer, key=True), pointer, "error",
                              "schema-unknown-field", said, hint))
    return result
