"""Every page of a real build, in a real Chromium at a desk's width (1280 px) and a phone's (390 px), and on A4:
nothing scrolls sideways, no table or cell is clipped, names, ids and commit hashes stay whole, the dashboard
reads on a phone, and printing leaves the site's chrome out.

Set HANDOVER_SCREENSHOTS=DIR to keep the screenshots of the main pages for looking at them.
"""
from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from generator.i18n import label
from generator.site.build import build_site

from .browser import chromium, served
from .gitrepo import GitRepo
from .helpers import chinese_font, copy_project, html_pages

if TYPE_CHECKING:  # playwright itself is imported by .browser, once a browser is known to exist
    from playwright.sync_api import Browser

WIDTHS = {"desk": 1280, "phone": 390}
HANDOVER = "2026-11-zhangwei-sales"
SHOWN = ("", f"handovers/{HANDOVER}/", f"certificates/{HANDOVER}/", "reports/incomplete/", "signoffs/")
SLACK = 1  # px: sub-pixel rounding (MEASURE says the same)

# What a reader could not read, measured by the browser: sideways scrolling, clipped boxes, broken words.
MEASURE = """() => {
  const text = el => el.innerText.replace(/\\s+/g, ' ').trim().slice(0, 60);
  const content = document.querySelector('.md-content');
  const found = {content: content.scrollWidth - content.clientWidth,
                 page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                 clipped: [], broken: []};
  for (const el of content.querySelectorAll('.md-typeset__scrollwrap, table, pre, .hk-party')) {
    if (el.scrollWidth > el.clientWidth + 1) found.clipped.push([el.tagName, text(el), el.scrollWidth, el.clientWidth]);
  }
  for (const cell of content.querySelectorAll('td, th')) {
    if (cell.scrollWidth > cell.clientWidth + 1) found.clipped.push(['cell', text(cell), cell.scrollWidth, cell.clientWidth]);
  }
  // Names, ids, dates and commit hashes: one line each (an inline box on two lines has two rectangles).
  for (const el of content.querySelectorAll('a.hk-person, span.hk-person, a.hk-id, span.hk-id, code.hk-id, td.hk-id code')) {
    const lines = new Set([...el.getClientRects()].map(r => Math.round(r.top)));
    if (lines.size > 1) found.broken.push(text(el));
  }
  return found;
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The sample handbook with real sign-offs (commit hashes on the pages), built once for this module."""
    project = copy_project(tmp_path_factory.mktemp("layout") / "project")
    (project / "pyproject.toml").write_text('[tool.handover]\ncompany = "苏州测试精工科技有限公司"\n', encoding="utf-8")
    git = GitRepo(project)
    git.commit("The handbook", by="luoping")
    git.sign("Signed-off-by", "zhangwei", f"handbook/handovers/{HANDOVER}.yaml")
    git.sign("Acked-by", "lina", f"handbook/handovers/{HANDOVER}.yaml")
    built = build_site(project / "mkdocs.yml", project / "site")
    with served(built) as address:
        yield built, address


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as instance:
        yield instance


def _pages(site: Path) -> list[str]:
    """Every page of the site, as a path under its address."""
    return [str(p.parent.relative_to(site)) + "/" if p.parent != site else "" for p in html_pages(site)
            if p.name == "index.html" and "search" not in p.parts]


def _screenshots(tmp_path: Path) -> Path:
    kept = os.environ.get("HANDOVER_SCREENSHOTS")
    folder = Path(kept) if kept else tmp_path / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_every_page_reads_without_sideways_scrolling_clipping_or_broken_names(
        site: tuple[Path, str], browser: Browser, width: int, tmp_path: Path) -> None:
    built, address = site
    pages = _pages(built)
    assert f"handovers/{HANDOVER}/" in pages and f"certificates/{HANDOVER}/" in pages and "reports/incomplete/" in pages
    shots = _screenshots(tmp_path)
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems = {}
    for path in pages:
        page.goto(address + path, wait_until="load")
        found = page.evaluate(MEASURE)
        if found["content"] > SLACK or found["page"] > SLACK or found["clipped"] or found["broken"]:
            problems[path] = found
        if path in SHOWN:
            page.screenshot(path=str(shots / f"{path.strip('/').replace('/', '_') or 'dashboard'}-{width}.png"), full_page=True)
    page.close()
    assert problems == {}, f"screenshots in {shots}"


def test_names_ids_and_commit_hashes_are_marked_so_they_stay_whole(site: tuple[Path, str], browser: Browser) -> None:
    built, address = site
    page = browser.new_page(viewport={"width": WIDTHS["phone"], "height": 900})
    page.goto(address + f"handovers/{HANDOVER}/", wait_until="load")
    names = page.locator("a.hk-person").all_inner_texts()
    assert {"张伟", "李娜", "刘洋", "王芳"} <= set(names)
    assert page.locator("td code").count() >= 2  # the sign-off table's commit hashes
    page.goto(address, wait_until="load")
    assert HANDOVER in page.locator("a.hk-id").all_inner_texts()  # the dashboard's handover link
    page.close()


def test_the_dashboard_on_a_phone_shows_leaver_days_left_progress_and_state_for_every_open_handover(
        site: tuple[Path, str], browser: Browser) -> None:
    _, address = site
    page = browser.new_page(viewport={"width": WIDTHS["phone"], "height": 900})
    page.goto(address, wait_until="load")
    wanted = [label(key, "zh") for key in ("leaver", "days_left", "progress")]
    cards = page.evaluate("""wanted => {
      const table = [...document.querySelectorAll('.md-content table')].find(t =>
        wanted.every(w => [...t.querySelectorAll('th')].some(th => th.innerText.trim() === w)));
      return [...table.querySelectorAll('tbody tr')].map(tr => [...tr.querySelectorAll('td')].map(td => {
        const r = td.getBoundingClientRect();
        return {label: td.dataset.label, text: td.innerText.trim(), left: r.left, right: r.right, width: r.width};
      }));
    }""", wanted)
    page.close()
    assert cards, "no open handover on the dashboard"
    for card in cards:
        shown = {cell["label"]: cell for cell in card if cell["width"] > 0 and cell["left"] >= 0
                 and cell["right"] <= WIDTHS["phone"] + SLACK}
        for key in wanted:
            assert shown.get(key, {}).get("text"), (key, card)
        assert any(shown.get(label(key, "zh"), {}).get("text") for key in ("state", "signoff_state")), card


@pytest.mark.skipif(not chinese_font() and not os.environ.get("CI"),
                    reason="reading Chinese back from a PDF needs a Chinese font (apt-get install fonts-noto-cjk)")
def test_printing_leaves_navigation_header_and_search_out_on_a4(site: tuple[Path, str], browser: Browser,
                                                               tmp_path: Path) -> None:
    from pypdf import PdfReader

    _, address = site
    page = browser.new_page()
    for path in (f"certificates/{HANDOVER}/", f"handovers/{HANDOVER}/", ""):
        page.goto(address + path, wait_until="load")
        target = tmp_path / f"{path.strip('/').replace('/', '_') or 'dashboard'}.pdf"
        page.pdf(path=str(target), prefer_css_page_size=True)
        reader = PdfReader(target)
        first = reader.pages[0]
        assert abs(float(first.mediabox.width) - 595) < 2 and abs(float(first.mediabox.height) - 842) < 2
        text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in reader.pages))
        assert "交接知识库" not in text  # the site's name stands only in the header
        assert label("print_certificate", "zh") not in text and label("print_hint", "zh") not in text
        assert "张伟" in text.replace(" ", "") or path == ""
    page.close()
