"""A real browser on the built site: it renders, search works offline, and nothing leaves the machine."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from generator.site.build import build_site

from .browser import chromium, served

if TYPE_CHECKING:  # playwright itself is imported by .browser, once a browser is known to exist
    from playwright.sync_api import Browser


@pytest.fixture
def served_site(project: Path) -> Iterator[str]:
    with served(build_site(project / "mkdocs.yml", project / "site")) as address:
        yield address


@pytest.fixture
def browser() -> Iterator[Browser]:
    with chromium() as instance:
        yield instance


def test_pages_load_only_from_the_site_and_search_finds_a_customer(served_site: str, browser) -> None:
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    failures: list[str] = []
    page.on("pageerror", lambda error: failures.append(str(error)))

    page.goto(served_site, wait_until="networkidle")
    assert "交接看板" in page.locator("h1").inner_text()
    page.locator("a", has_text="2026-11-zhangwei-sales").first.click()
    page.wait_for_load_state("networkidle")
    assert "张伟" in page.locator("h1").inner_text()
    assert page.locator("#customer-c-10007").count() == 1

    # Material runs the query on key events; text typed as CJK arrives as an IME-style insert
    # without them, so a real key (End) follows, as it would when a person finishes typing.
    search = page.locator(".md-search__input")
    search.click()
    search.fill("苏州澄泓精密机械有限公司")
    search.press("End")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert results.count() >= 1
    assert "澄泓" in page.locator(".md-search-result").inner_text()

    own = urlsplit(served_site).netloc
    foreign = [url for url in requested if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own]
    assert foreign == []
    assert failures == []
