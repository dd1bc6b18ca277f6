"""Schemas are documentation too: every field says what it is in Chinese and English, with an example."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator.load.schemas import SchemaSet

from .helpers import REPO

CHINESE = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = re.compile(r"[A-Za-z]{3,}")


def fields(schemas: SchemaSet, schema: Any, base: Path, where: str = "") -> list[tuple[str, dict[str, Any], bool]]:
    """(location, flattened schema, is_leaf) for every named property reachable from ``schema``."""
    flat: dict[str, Any] = {}
    schemas._flatten(schema, base, 0, flat)
    found = []
    for name, sources in flat.get("properties", {}).items():
        merged: dict[str, Any] = {}
        for sub, sub_base in sources:
            schemas._flatten(sub, sub_base, 0, merged)
        leaf = "properties" not in merged and "items" not in merged
        found.append((f"{where}/{name}", merged, leaf))
        for sub, sub_base in sources:
            found += fields(schemas, sub, sub_base, f"{where}/{name}")
            for item, item_base in merged.get("items", []):
                found += fields(schemas, item, item_base, f"{where}/{name}/*")
    return found


SCHEMAS = SchemaSet(REPO / "schemas", REPO / "role_templates")
ROLE_FILES = sorted(SCHEMAS.documents)


@pytest.mark.parametrize("path", ROLE_FILES, ids=lambda p: p.name)
def test_every_field_is_described_in_both_languages_with_an_example(path: Path) -> None:
    missing = []
    for where, spec, leaf in fields(SCHEMAS, SCHEMAS.documents[path], path):
        if where.endswith("/id") or where.endswith("/role") or where.endswith("/schema_version"):
            continue  # structural keys, described once in the envelope's $defs
        title, description = spec.get("title", ""), spec.get("description", "")
        if not (CHINESE.search(title) and ENGLISH.search(title)):
            missing.append(f"{where}: title")
        if not (CHINESE.search(description) and ENGLISH.search(description)):
            missing.append(f"{where}: description")
        if leaf and "examples" not in spec and "enum" not in spec and "const" not in spec:
            missing.append(f"{where}: examples")
        if "enum" in spec and set(spec.get("x-enum-labels", {})) != set(spec["enum"]):
            missing.append(f"{where}: x-enum-labels")
    assert missing == []


def test_every_role_has_a_template_with_a_checklist() -> None:
    roles = SCHEMAS.roles()
    assert {r.id for r in roles} >= {"sales", "consultant", "engineer", "admin"}
    for role in roles:
        assert role.checklist, role.id
        first = role.template_path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=")
        assert (role.template_path.parent / first.split("=", 1)[1]).resolve() == role.schema_path  # editors find it


def _descriptions(node: object) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "description" and isinstance(v, str)] + [
            d for k, v in node.items() if k != "description" for d in _descriptions(v)]
    return [d for v in node for d in _descriptions(v)] if isinstance(node, list) else []


def test_every_description_reads_in_one_language_at_a_time() -> None:
    """Hints and pages show a field's description in the reader's language only: each splits into its two halves."""
    from generator.load.schemas import localized

    texts = [d for path in sorted((REPO / "schemas").rglob("*.json"))
             for d in _descriptions(json.loads(path.read_text(encoding="utf-8")))]
    assert len(texts) > 200
    for text in texts:
        chinese, english = localized(text, "zh"), localized(text, "en")
        assert chinese != english and chinese + english != text.replace(" ", ""), text
        assert re.search(r"[\u4e00-\u9fff]", chinese) and english[:1].isascii(), text
        letters, hanzi = sum(c.isascii() and c.isalpha() for c in english), len(re.findall(r"[\u4e00-\u9fff]", english))
        assert english not in chinese and letters > 3 * hanzi, text  # English, though it may quote 待填写


@pytest.mark.parametrize(("text", "chinese", "english"), [
    ("客户 / Customers", "客户", "Customers"),
    ("过渡期安排。 How the transition is run.", "过渡期安排。", "How the transition is run."),
    ("填写 CRM / ERP 系统的名称，以及账号。", "填写 CRM / ERP 系统的名称，以及账号。", "填写 CRM / ERP 系统的名称，以及账号。"),
    ("系统名称（旧） CRM 账号。 The system's name.", "系统名称（旧） CRM 账号。", "The system's name."),
    ("http(s) 网址,或相对路径(不得以 / 开头)。 A URL or a relative path (no leading /).",
     "http(s) 网址,或相对路径(不得以 / 开头)。", "A URL or a relative path (no leading /)."),
    ("只有中文。", "只有中文。", "只有中文。"),
])
def test_a_text_splits_into_its_chinese_and_english_halves_only_where_it_has_both(text: str, chinese: str,
                                                                                  english: str) -> None:
    from generator.load.schemas import localized

    assert (localized(text, "zh"), localized(text, "en")) == (chinese, english)
