"""Hostile names and handover text in a real browser: no dialog opens, no injected element exists.

The names go where Material takes page titles from (``<title>``, the header, search results), which
is where escaped text once turned back into markup.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from generator.site.build import build_site

from . import hostile
from .browser import chromium, served
from .helpers import copy_project

if TYPE_CHECKING:  # playwright itself is imported by .browser, once a browser is known to exist
    from playwright.sync_api import Browser, Dialog, Page

# Anything a payload could have made: elements with an event handler, or the elements the payloads name.
INJECTED = "[onload], [onerror], [onclick], [onmouseover], img[src='x'], .md-content svg, .md-search-result svg"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("hostile-browser") / "project")
    hostile.plant(project)
    with served(build_site(project / "mkdocs.yml", project / "site")) as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as instance:
        yield instance


class Watched:
    """A page that records every dialog (alert, confirm, prompt) and script error it meets."""

    def __init__(self, browser: Browser) -> None:
        self.page: Page = browser.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="networkidle")
        self.page.wait_for_timeout(300)  # an onload handler would have run by now

    def assert_inert(self) -> None:
        assert self.dialogs == []
        assert self.errors == []
        assert self.page.locator(INJECTED).count() == 0
        assert not self.page.evaluate("[...document.scripts].some(s => s.text.includes('alert('))")
        assert "<" not in self.page.evaluate("document.head.querySelector('title').innerHTML")


@pytest.mark.parametrize("path, shown", [
    ("people/sales/", hostile.DEPARTMENT),
    (f"handovers/{hostile.HANDOVER}/", hostile.PERSON),
    ("", hostile.PERSON),
    ("customers/other/", hostile.CUSTOMER),
])
def test_hostile_names_stay_text_on_every_kind_of_page(hostile_site: str, browser: Browser, path: str,
                                                       shown: str) -> None:
    watched = Watched(browser)
    watched.open(hostile_site + path)
    watched.assert_inert()
    assert shown in watched.page.locator(".md-content").inner_text()
    if path.startswith("handovers/"):
        assert watched.page.title().startswith(hostile.PERSON)  # the title shows the name, as text
        assert hostile.SUMMARY in watched.page.locator(".md-content").inner_text()


def test_hostile_names_in_the_english_labels_and_the_header_stay_text(hostile_site: str, browser: Browser) -> None:
    watched = Watched(browser)
    watched.open(hostile_site + "people/sales/")
    watched.page.mouse.wheel(0, 2000)  # Material swaps the page title into the header once the H1 scrolls away
    watched.page.wait_for_timeout(500)
    watched.assert_inert()
    assert hostile.DEPARTMENT in watched.page.locator("[data-md-component=header-title]").inner_text()


@pytest.mark.parametrize("query, shown", [("svg onload", "alert('p1')"), ("alert", "alert(")])
def test_search_results_for_hostile_names_stay_text(hostile_site: str, browser: Browser, query: str,
                                                     shown: str) -> None:
    watched = Watched(browser)
    watched.open(hostile_site)
    search = watched.page.locator(".md-search__input")
    search.click()
    search.fill(query)
    search.press("End")
    results = watched.page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    watched.page.wait_for_timeout(500)
    assert shown in watched.page.locator(".md-search-result").inner_text()
    watched.assert_inert()
