"""Roles are data: a JSON Schema in ``schemas/roles/`` and a template in ``role_templates/``.

This module loads every schema once, compiles one validator per role (jsonschema-rs,
draft 2020-12), and flattens each role schema into a ``Field`` tree: the titles, enum
labels and ``x-`` annotations that rules and renderers read, with ``$ref`` and ``allOf``
already resolved. Adding a role never needs code.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema_rs

from ..errors import ProjectError
from ..i18n import message
from ..load.document import is_index, load_file, pointer_join

ROLES_DIR = "roles"
SENSITIVITY = {"public": 0, "internal": 1, "restricted": 2}
SCHEMA_SUFFIX = ".schema.json"


@dataclass(frozen=True)
class Field:
    """What the schema says about one place in a document, for people and rules (not for validation)."""

    title: str = ""
    description: str = ""
    types: tuple[str, ...] = ()
    properties: dict[str, Field] = field(default_factory=dict)
    items: Field | None = None
    required: frozenset[str] = frozenset()
    enum_labels: dict[str, str] = field(default_factory=dict)
    label_key: str | None = None
    person: bool = False
    link: bool = False
    credential: bool = False
    knowledge: bool = False
    decision_chain: bool = False
    index: str | None = None
    sensitivity: str | None = None
    max_length: int | None = None  # a text's maxLength: whether it may span lines (check.rules.free_text)
    format: str | None = None  # x-format: how pages show the value (e.g. "money": an amount with its currency)
    placeholder: str | None = None  # x-placeholder: the value a 待填写 placeholder stands for ("person", "date", "id")

    def child(self, token: str | int) -> Field | None:
        if isinstance(token, int) or token == "*" or is_index(token):
            return self.items
        return self.properties.get(token)

    def paths(self, wanted: Callable[[str, Field], bool], prefix: tuple[str, ...] = ()) -> tuple[tuple[str, ...], ...]:
        """Schema paths (``"*"`` for list items) to every field for which ``wanted(name, field)`` holds."""
        found: list[tuple[str, ...]] = []
        for name, child in self.properties.items():
            if wanted(name, child):
                found.append((*prefix, name))
            found.extend(child.paths(wanted, (*prefix, name)))
        if self.items is not None:
            if wanted("*", self.items):
                found.append((*prefix, "*"))
            found.extend(self.items.paths(wanted, (*prefix, "*")))
        return tuple(found)

    def at(self, path: list[str | int] | tuple[str | int, ...]) -> Field | None:
        current: Field | None = self
        for token in path:
            if current is None:
                return None
            current = current.child(token)
        return current


@dataclass(frozen=True)
class FieldPaths:
    """Where, in any document of a role, the values that rules and views care about can stand."""

    people: tuple[tuple[str, ...], ...]
    links: tuple[tuple[str, ...], ...]
    ids: tuple[tuple[str, ...], ...]
    customers: tuple[tuple[str, ...], ...]
    credentials: tuple[tuple[str, ...], ...] = ()

    @classmethod
    def of(cls, tree: Field) -> FieldPaths:
        return cls(people=tree.paths(lambda _, f: f.person), links=tree.paths(lambda _, f: f.link),
                   ids=tree.paths(lambda name, _: name == "id"),
                   customers=tree.paths(lambda _, f: f.index == "customers"),
                   credentials=tree.paths(lambda _, f: f.credential))


def values_at(data: Any, path: tuple[str, ...], pointer: str = "") -> Iterator[tuple[str, Any]]:
    """(JSON pointer, value) for every value at a schema path; ``"*"`` runs over list items."""
    if not path:
        yield pointer, data
        return
    head, rest = path[0], path[1:]
    if head == "*":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from values_at(item, rest, f"{pointer}/{index}")
    elif isinstance(data, dict) and head in data:
        yield from values_at(data[head], rest, pointer_join(pointer, head))


@dataclass(frozen=True)
class Role:
    id: str
    title: str
    description: str
    schema_path: Path
    template_path: Path
    tree: Field
    checklist: tuple[tuple[str, str], ...] = ()
    """(id, item) of the role checklist, as its template lists it."""
    paths: FieldPaths = FieldPaths((), (), (), ())


# Descriptions are written "中文句子。 English sentence.": the English starts after the first Chinese full stop
# (or, failing one, closing bracket or quote) that a space and a Latin letter or quote follow.
_DESCRIPTION_SPLITS = (re.compile(r"(?<=[。！？])\s+(?=[A-Za-z\"'(])"), re.compile(r"(?<=[）」”])\s+(?=[A-Za-z\"'(])"))
_HAN = re.compile(r"[\u3400-\u9fff]")


def localized(text: str, language: str) -> str:
    """Titles are written "中文 / English", descriptions "中文。 English."; pick the part for ``language``."""
    for split in _DESCRIPTION_SPLITS:  # first: a description may hold " / " in a sentence ("CRM / ERP 系统")
        parts = split.split(text, maxsplit=1)
        if len(parts) == 2:
            chinese, english = parts
            break
    else:
        chinese, _, english = text.partition(" / ")
        if not english or _HAN.search(english):  # no English half: the text is in one language
            return text
    return english.strip() if language == "en" else chinese.strip()


def localized_description(text: str, language: str) -> str:
    """A description in ``language`` (see ``localized``), with full-width punctuation in Chinese."""
    text = localized(text.strip(), language)
    return full_width(text) if language == "zh" else text


_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_HALF_WIDTH = re.compile(f"(?<=[{_CJK}])[,:;()]|[,:;()](?=[{_CJK}])")
_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）"}


def full_width(text: str) -> str:
    """Chinese text with Chinese punctuation: a , : ; ( or ) next to a Chinese character becomes full-width.

    For our own texts (schema descriptions), never for content people wrote."""
    return _HALF_WIDTH.sub(lambda m: _FULL_WIDTH[m.group()], text)


def _pointer_get(document: Any, fragment: str) -> Any:
    current = document
    for raw in fragment.lstrip("/").split("/") if fragment.strip("/") else []:
        token = unquote(raw).replace("~1", "/").replace("~0", "~")
        current = current[int(token)] if isinstance(current, list) else current[token]
    return current


class SchemaSet:
    """Every schema file of a project, loaded once; validators compiled once per role."""

    def __init__(self, schemas_dir: Path, templates_dir: Path) -> None:
        self.schemas_dir = schemas_dir.resolve()
        self.templates_dir = templates_dir.resolve()
        self.documents: dict[Path, dict[str, Any]] = {}
        if not self.schemas_dir.is_dir():
            raise ProjectError(message("schema_folder_missing", path=schemas_dir))
        for path in sorted(self.schemas_dir.rglob("*" + SCHEMA_SUFFIX)):
            self.documents[path.resolve()] = _read_json(path)
        self.registry = jsonschema_rs.Registry([(p.as_uri(), s) for p, s in self.documents.items()])
        self._validators: dict[Path, Any] = {}
        self._roles: dict[str, Role] = {}

    # -- roles -----------------------------------------------------------------
    def role_ids(self) -> list[str]:
        folder = self.schemas_dir / ROLES_DIR
        return sorted(p.name[: -len(SCHEMA_SUFFIX)] for p in folder.glob("*" + SCHEMA_SUFFIX))

    def role(self, role_id: str) -> Role | None:
        if role_id in self._roles:
            return self._roles[role_id]
        if role_id not in self.role_ids():
            return None
        schema_path = (self.schemas_dir / ROLES_DIR / f"{role_id}{SCHEMA_SUFFIX}").resolve()
        template_path = self.templates_dir / f"{role_id}.yaml"
        if not template_path.is_file():
            raise ProjectError(message("schema_without_template", role=role_id, path=template_path))
        schema = self.documents[schema_path]
        tree = self.tree(schema_path)
        role = Role(role_id, str(schema.get("title", role_id)), str(schema.get("description", "")),
                    schema_path, template_path, tree, _template_checklist(template_path), FieldPaths.of(tree))
        self._roles[role_id] = role
        return role

    def roles(self) -> list[Role]:
        return [role for role in (self.role(r) for r in self.role_ids()) if role is not None]

    # -- validation ------------------------------------------------------------
    def validator(self, schema_path: Path) -> Any:
        schema_path = schema_path.resolve()
        if schema_path not in self._validators:
            try:
                self._validators[schema_path] = jsonschema_rs.validator_for(
                    self.documents[schema_path], registry=self.registry, base_uri=schema_path.as_uri(),
                    validate_formats=True)
            except (ValueError, jsonschema_rs.ReferencingError) as exc:
                raise ProjectError(message("schema_invalid", path=schema_path, error=exc)) from exc
        return self._validators[schema_path]

    # -- the annotation tree -----------------------------------------------------
    def tree(self, schema_path: Path) -> Field:
        return self._build([(self.documents[schema_path.resolve()], schema_path.resolve())], 0)

    def _resolve_ref(self, ref: str, base: Path) -> tuple[Any, Path]:
        target, _, fragment = ref.partition("#")
        path = (base.parent / unquote(target)).resolve() if target else base
        if path not in self.documents:
            raise ProjectError(message("schema_ref_missing", path=base, ref=ref))
        try:
            return _pointer_get(self.documents[path], fragment), path
        except (KeyError, IndexError, ValueError) as exc:
            raise ProjectError(message("schema_ref_nothing", path=base, ref=ref)) from exc

    def _flatten(self, schema: Any, base: Path, depth: int, into: dict[str, Any]) -> None:
        """Merge ``schema`` (following $ref and allOf) into ``into``; outer keywords win over referenced ones."""
        if not isinstance(schema, dict) or depth > 40:
            return
        if "$ref" in schema:
            target, target_base = self._resolve_ref(schema["$ref"], base)
            self._flatten(target, target_base, depth + 1, into)
        for sub in schema.get("allOf", []):
            self._flatten(sub, base, depth + 1, into)
        for key, value in schema.items():
            if key == "properties":
                for name, sub in value.items():
                    into.setdefault("properties", {}).setdefault(name, []).append((sub, base))
            elif key == "items":
                into.setdefault("items", []).append((value, base))
            elif key == "required":
                into["required"] = set(into.get("required", set())) | set(value)
            elif key == "x-sensitivity":
                if SENSITIVITY.get(value) is None:
                    raise ProjectError(message("schema_sensitivity", path=base, levels=", ".join(SENSITIVITY), value=value))
                if SENSITIVITY[value] < SENSITIVITY.get(into.get(key, "public"), 0):
                    raise ProjectError(message("schema_sensitivity_lowered", path=base, value=value, shared=into[key]))
                into[key] = value
            elif key not in ("$ref", "allOf", "$defs", "$schema", "$id"):
                into[key] = value

    def _build(self, sources: list[tuple[Any, Path]], depth: int) -> Field:
        flat: dict[str, Any] = {}
        for schema, base in sources:
            self._flatten(schema, base, depth, flat)
        declared = flat.get("type")
        types = tuple(declared) if isinstance(declared, list) else ((declared,) if declared else ())
        if not types and "properties" in flat:
            types = ("object",)
        if not types and "items" in flat:
            types = ("array",)
        return Field(
            title=str(flat.get("title", "")),
            description=str(flat.get("description", "")),
            types=types,
            properties={name: self._build(subs, depth + 1) for name, subs in flat.get("properties", {}).items()},
            items=self._build(flat["items"], depth + 1) if "items" in flat else None,
            required=frozenset(flat.get("required", ())),
            enum_labels=dict(flat.get("x-enum-labels", {})),
            label_key=flat.get("x-label"),
            person=bool(flat.get("x-person")),
            link=bool(flat.get("x-link")),
            credential=bool(flat.get("x-credential")),
            knowledge=bool(flat.get("x-knowledge")),
            decision_chain=bool(flat.get("x-decision-chain")),
            index=flat.get("x-index"),
            sensitivity=flat.get("x-sensitivity"),
            max_length=flat.get("maxLength"),
            format=flat.get("x-format"),
            placeholder=flat.get("x-placeholder"),
        )

    @cached_property
    def people_schema(self) -> Path:
        path = (self.schemas_dir / f"people{SCHEMA_SUFFIX}").resolve()
        if path not in self.documents:
            raise ProjectError(message("schema_roster_missing", path=path))
        return path


def _template_checklist(template: Path) -> tuple[tuple[str, str], ...]:
    document, problems = load_file(template)
    if document is None or not isinstance(document.data, dict):
        reason = problems[0] if problems else None
        raise ProjectError(message("template_unreadable", path=template, line=reason.line, column=reason.column,
                                   reason=reason.message) if reason else message("template_not_mapping", path=template))
    items = document.data.get("checklist") or []
    return tuple((str(i["id"]), str(i.get("item", ""))) for i in items if isinstance(i, dict) and "id" in i)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ProjectError(message("schema_json", path=path, line=exc.lineno, column=exc.colno, error=exc.msg)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ProjectError(message("schema_unreadable", path=path, error=exc)) from exc
    if not isinstance(data, dict):
        raise ProjectError(message("schema_not_object", path=path))
    return data
