"""No input makes the tool crash: random documents give problems, never a traceback."""
from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator import check_handbook
from generator.problems import Problem
from generator.project import Project
from generator.render.pages import SiteOptions, render_site

from .helpers import CASES, copy_project

BASE = yaml.load((CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=False),
                    st.text(max_size=30), st.sampled_from(["lina", "2026-02-30", "javascript:alert(1)", "../x", "待填写", ""]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=12)


def paths(document: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(document, dict):
        for key, value in document.items():
            found += paths(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += paths(value, (*prefix, index))
    return found


ALL_PATHS = [p for p in paths(BASE) if p]


def replace(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    result = copy.deepcopy(document)
    target = result
    for token in path[:-1]:
        target = target[token]
    target[path[-1]] = value
    return result


@pytest.fixture(scope="module")
def shared_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("robust") / "project", with_handovers=False)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutations=st.lists(st.tuples(st.sampled_from(ALL_PATHS), values), min_size=1, max_size=3),
       as_json=st.booleans())
# Found by this test: a key "²" is a digit to str.isdigit, and int("²") raised while the problem was placed.
@example(mutations=[(("customers", 0), {"²": None})], as_json=False)
@example(mutations=[(("customers", 0), {"٣": None})], as_json=True)
def test_mutated_documents_give_problems_not_exceptions(shared_project: Path, mutations, as_json: bool) -> None:
    document: Any = BASE
    for path, value in mutations:
        try:
            document = replace(document, path, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    text = json.dumps(document, ensure_ascii=False) if as_json else yaml.safe_dump(document, allow_unicode=True)
    (shared_project / "handbook" / "handovers" / "fuzz.yaml").write_text(text, encoding="utf-8")
    result = check_handbook(Project.at(shared_project))
    assert all(isinstance(p, Problem) and p.line >= 1 and p.column >= 1 for p in result.problems)
    if result.ok:  # whatever passes validation must also render
        assert result.handbook is not None
        assert "handovers/fuzz.md" in render_site(result.handbook, SiteOptions(today=dt.date(2026, 11, 22)))
