"""jsonschema-rs (fast, used in production) gives the same draft 2020-12 verdicts as the reference
Python implementation, on every case and sample file."""
from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import referencing

from generator.load.document import load_file
from generator.load.schemas import SchemaSet

from .helpers import CASES, REPO

SCHEMAS = SchemaSet(REPO / "schemas", REPO / "role_templates")
REGISTRY = referencing.Registry().with_resources(
    (path.as_uri(), referencing.Resource.from_contents(schema)) for path, schema in SCHEMAS.documents.items())
FILES = sorted([*(CASES / "valid").glob("*.yaml"), *(CASES / "invalid").glob("*.yaml"),
                *(REPO / "handbook" / "handovers").glob("*.yaml")])


def reference_errors(schema_path: Path, data: object) -> set[tuple[str, ...]]:
    validator = jsonschema.Draft202012Validator(
        {"$ref": schema_path.as_uri()}, registry=REGISTRY, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return {tuple(map(str, e.absolute_path)) for e in validator.iter_errors(data)}


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_same_verdict_and_error_locations(path: Path) -> None:
    document, _ = load_file(path)
    if document is None or not isinstance(document.data, dict) or SCHEMAS.role(str(document.data.get("role"))) is None:
        pytest.skip("not a document a schema applies to (unreadable YAML or unknown role)")
    role = SCHEMAS.role(str(document.data["role"]))
    ours = {tuple(map(str, e.instance_path)) for e in SCHEMAS.validator(role.schema_path).iter_errors(document.data)}
    reference = reference_errors(role.schema_path, document.data)
    assert (ours == set()) == (reference == set())
    assert ours == reference
