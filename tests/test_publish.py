"""The rendered-pages cache: reused only while every input is unchanged, never trusted blindly."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from generator import check_handbook
from generator.errors import ValidationFailed
from generator.project import Project
from generator.render.pages import SiteOptions, render_site
from generator.site.content import site_content

from .helpers import CASES

CHART_ID = re.compile(r"chart-[0-9a-f-]{36}")  # pygal names each chart anew, however it is rendered
OPTIONS = SiteOptions("zh", "all-staff", dt.date(2026, 11, 22))


def test_unchanged_handbook_is_served_from_cache_and_any_edit_invalidates_it(project: Path) -> None:
    cache = project / ".cache" / "handover"
    first = site_content(Project.at(project), OPTIONS, cache)
    second = site_content(Project.at(project), OPTIONS, cache)
    assert (first.from_cache, second.from_cache) == (False, True)
    assert second.pages == first.pages and second.search == first.search
    assert site_content(Project.at(project), SiteOptions("en", "all-staff", OPTIONS.today), cache).from_cache is False

    handover = project / "handbook" / "handovers" / "2026-11-chenjing-sales.yaml"
    text = handover.read_text(encoding="utf-8")
    assert "\nsummary: >-\n" in text
    handover.write_text(text.replace("\nsummary: >-\n", "\nsummary: >-\n  新增说明\n", 1), encoding="utf-8")
    third = site_content(Project.at(project), OPTIONS, cache)
    assert third.from_cache is False
    assert "新增说明" in third.pages["handovers/2026-11-chenjing-sales.md"]
    assert len(list(cache.glob("site-*.json"))) == 1  # only the latest is kept


def test_damaged_cache_is_rebuilt(project: Path) -> None:
    cache = project / ".cache" / "handover"
    site_content(Project.at(project), OPTIONS, cache)
    for file in cache.glob("site-*.json"):
        file.write_text("{not json", encoding="utf-8")
    again = site_content(Project.at(project), OPTIONS, cache)
    assert again.from_cache is False and "index.md" in again.pages


def test_a_handbook_with_errors_is_never_cached(project: Path) -> None:
    cache = project / ".cache" / "handover"
    shutil.copy2(CASES / "invalid" / "wrong-enum.yaml", project / "handbook" / "handovers" / "bad.yaml")
    for _ in range(2):
        with pytest.raises(ValidationFailed) as failed:
            site_content(Project.at(project), OPTIONS, cache)
        assert any(p.rule == "schema-enum" for p in failed.value.problems)
    assert not cache.exists() or not list(cache.glob("site-*.json"))


def test_pages_rendered_in_worker_processes_are_exactly_the_same(project) -> None:
    """Handover pages, customer letters and calendars come from workers when it pays: same files, same bytes."""
    handbook = check_handbook(Project.at(project)).handbook
    assert handbook is not None
    for language in ("zh", "en"):
        options = SiteOptions(language, "all-staff", OPTIONS.today)
        serial, parallel = (
            {path: CHART_ID.sub("chart", text) for path, text in render_site(handbook, options, jobs=jobs).items()}
            for jobs in (1, 2))
        assert list(parallel) == list(serial) and parallel == serial
        assert sum(1 for path in parallel if path.startswith(("handovers/", "customers/", "calendar/"))) > 20
