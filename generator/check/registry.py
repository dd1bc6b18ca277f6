"""Every rule a check can report, registered once: its id, its default severity and its documentation.

Shaped like yamllint's ``rules/``: a rule is an id, a severity and a docstring, and the docstring is
the user's documentation. The per-file rules of ``rules.py`` register their check functions with
``@rule(...)`` and are run from here; rules reported by other code (the YAML loader, the schema,
the secret scan, the time policy) are registered with ``describe(...)`` in ``catalog.py``, so that
one table names every id a user can meet. The guide page ``handbook/guide/rules.md`` is that
table, generated (``catalog.guide_page``).

``@rule`` turns the decorated function into its ``Rule``: inside, ``name.problem(...)`` makes a
problem carrying the registered id and severity, so neither is ever written twice.

A rule's documentation is six labelled paragraphs, Chinese first::

    查什么：…  为什么：…  怎么改：…
    What: …  Why: …  Fix: …
"""
from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..load.document import Document
from ..problems import Problem, Severity

# (key, label): the paragraphs of a rule's documentation, in the order they are written.
SECTIONS = (("what_zh", "查什么："), ("why_zh", "为什么："), ("fix_zh", "怎么改："),
            ("what", "What:"), ("why", "Why:"), ("fix", "Fix:"))

# Where a rule is reported, in the order a file meets them; the guide groups its table by these.
STAGES: dict[str, tuple[str, str]] = {
    "file": ("文件", "Files"),
    "yaml": ("YAML 读取", "Reading YAML"),
    "schema": ("字段格式（schema）", "Fields (schema)"),
    "handover": ("交接内容", "Handover content"),
    "roster": ("花名册", "Roster"),
    "handbook": ("跨文件", "Across files"),
    "secrets": ("密钥", "Secrets"),
    "policy": ("时限", "Deadlines"),
}

# How a per-file run calls a rule's check: "handover" and "roster" with a ``rules.Subject`` (a file
# that passed its schema), "draft" with a ``rules.Draft`` (the document and the schema's fields, also when
# the schema fails), "handbook" with every handover file at once.
SCOPES = ("handover", "roster", "draft", "handbook")

Check = Callable[[Any], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    stage: str
    doc: str
    check: Check | None = None  # None: reported by code outside check/rules.py, registered for its documentation
    scopes: tuple[str, ...] = ()

    def problem(self, doc: Document, pointer: str, message: str, hint: str = "") -> Problem:
        return Problem(doc.path, *doc.position(pointer), pointer, self.severity, self.id, message, hint)

    @cached_property
    def sections(self) -> dict[str, str]:
        return parse_sections(self.doc)


def parse_sections(doc: str) -> dict[str, str]:
    """The labelled paragraphs of a docstring, each running to the next label or blank line.

    Text outside any paragraph is kept under the key ``""``, so that ``register`` can refuse it.
    """
    found: dict[str, list[str]] = {}
    current = ""
    for raw in inspect.cleandoc(doc).splitlines():
        line = raw.strip()
        label = next(((key, text) for key, text in SECTIONS if line.startswith(text)), None)
        if label is not None:
            current, line = label[0], line[len(label[1]):].strip()
        elif not line:
            current = ""
            continue
        found.setdefault(current, []).append(line)
    # A wrapped Chinese paragraph joins without spaces, an English one with one.
    return {key: ("" if key.endswith("_zh") else " ").join(lines).strip() for key, lines in found.items()}


_RULES: dict[str, Rule] = {}


def register(new: Rule) -> Rule:
    """Add ``new`` to the registry; a rule registered twice or documented incompletely is a programming error."""
    if new.id in _RULES:
        raise ValueError(f"rule '{new.id}' is registered twice")
    if new.stage not in STAGES or any(scope not in SCOPES for scope in new.scopes):
        raise ValueError(f"rule '{new.id}': unknown stage '{new.stage}' or scope in {new.scopes}")
    missing = [label for key, label in SECTIONS if not new.sections.get(key)]
    if missing or "" in new.sections:
        raise ValueError(f"rule '{new.id}': its documentation needs exactly the paragraphs "
                         f"{' '.join(label for _, label in SECTIONS)} (missing: {' '.join(missing) or 'none'})")
    _RULES[new.id] = new
    return new


def rule(rule_id: str, severity: Severity, stage: str, *scopes: str) -> Callable[[Check], Rule]:
    """Register the decorated check under ``rule_id``; its docstring is the rule's documentation."""

    def wrap(check: Check) -> Rule:
        return register(Rule(rule_id, severity, stage, inspect.getdoc(check) or "", check, scopes))

    return wrap


def describe(rule_id: str, severity: Severity, stage: str, doc: str) -> Rule:
    """Register a rule that other code reports, for its documentation."""
    return register(Rule(rule_id, severity, stage, doc))


def registered() -> Mapping[str, Rule]:
    """The rules registered so far, by id, in registration order (``catalog.every_rule`` has them all)."""
    return MappingProxyType(_RULES)


def checks_for(scope: str) -> tuple[Rule, ...]:
    """The rules a per-file run of ``scope`` applies, in registration order."""
    return tuple(r for r in _RULES.values() if r.check is not None and scope in r.scopes)
