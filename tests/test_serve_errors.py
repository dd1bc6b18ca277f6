"""While `handover serve` runs, a save that breaks the handbook shows in the browser: a real serve process on
loopback, a real Chromium following its live reload, the problems exactly as `handover check` reports them."""
from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from generator.i18n import label

from .browser import chromium
from .helpers import free_port

if TYPE_CHECKING:  # playwright itself is imported by .browser, once a browser is known to exist
    from playwright.sync_api import Browser

HANDOVER = "2026-11-zhangwei-sales"
FILE = f"handbook/handovers/{HANDOVER}.yaml"
HOSTILE_KEY = "<img src=x onerror=alert('serve')>"
WAIT = 120_000  # ms: a rebuild on a busy machine


@contextlib.contextmanager
def serving(project: Path, log: Path) -> Iterator[str]:
    port = free_port()
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen([sys.executable, "-m", "generator.cli", "--root", str(project), "serve",
                                   "-a", f"127.0.0.1:{port}"], stdout=output, stderr=subprocess.STDOUT)
        address = f"http://127.0.0.1:{port}/"
        try:
            deadline = time.monotonic() + 120
            while True:
                assert server.poll() is None, log.read_text(encoding="utf-8")
                try:
                    with urllib.request.urlopen(address, timeout=5):
                        break
                except OSError:
                    assert time.monotonic() < deadline, "serve never answered:\n" + log.read_text(encoding="utf-8")
                    time.sleep(0.5)
            yield address
            assert server.poll() is None, "serve stopped:\n" + log.read_text(encoding="utf-8")
        finally:
            server.terminate()
            server.wait(timeout=30)


@pytest.fixture
def browser() -> Iterator[Browser]:
    with chromium() as instance:
        yield instance


def _break(project: Path) -> str:
    """An impossible date and an unknown key whose name is markup; returns the file as it was."""
    path = project / FILE
    original = path.read_text(encoding="utf-8")
    assert "\nlast_day: 2026-11-13\n" in original
    broken = original.replace("\nlast_day: 2026-11-13\n", "\nlast_day: 2026-11-31\n")
    path.write_text(broken + json.dumps(HOSTILE_KEY) + ": 1\n", encoding="utf-8")
    return original


def _errors(cli, project: Path) -> list[dict]:
    code, out, _ = cli("check", "--format", "json", str(project / FILE), root=project)
    assert code == 1
    problems = [p for p in json.loads(out) if p["severity"] == "error"]
    assert {p["rule"] for p in problems} >= {"schema-format", "schema-unknown-field"}
    return problems


def _assert_listed(banner: str, problems: list[dict]) -> None:
    for problem in problems:
        assert f"{problem['file']}:{problem['line']}:{problem['column']}" in banner
        assert problem["message"] in banner and problem["hint"] in banner


def test_an_edit_that_breaks_the_handbook_shows_in_the_browser_and_serving_goes_on(
        project: Path, browser: Browser, cli, tmp_path: Path) -> None:
    with serving(project, tmp_path / "serve.log") as address:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(address + f"handovers/{HANDOVER}/", wait_until="load")
        heading = page.locator("h1").inner_text()
        assert "张伟" in heading and page.locator(".hk-serve-errors").count() == 0

        original = _break(project)
        page.wait_for_selector(".hk-serve-errors", timeout=WAIT)  # live reload brings the banner

        banner = page.locator(".hk-serve-errors").inner_text()
        problems = _errors(cli, project)
        assert label("serve_errors", "zh", n=len(problems)) in banner
        assert label("serve_errors_stale", "zh") in banner
        _assert_listed(banner, problems)
        assert HOSTILE_KEY in banner  # shown as text
        assert page.locator(".hk-serve-errors img").count() == 0 and dialogs == []
        assert page.locator("h1").inner_text() == heading  # the last good page, under the banner
        page.goto(address, wait_until="load")  # every page carries it
        assert page.locator(".hk-serve-errors").count() == 1

        (project / FILE).write_text(original, encoding="utf-8")
        page.wait_for_selector(".hk-serve-errors", state="detached", timeout=WAIT)
        assert label("dashboard", "zh") in page.locator("h1").inner_text()
        page.close()
    assert "the handbook has errors" in (tmp_path / "serve.log").read_text(encoding="utf-8")  # the terminal too


def test_serve_started_on_a_broken_handbook_shows_the_errors_until_they_are_fixed(
        project: Path, browser: Browser, cli, tmp_path: Path) -> None:
    original = _break(project)
    problems = _errors(cli, project)
    with serving(project, tmp_path / "serve.log") as address:
        page = browser.new_page()
        page.goto(address, wait_until="load")
        banner = page.locator(".hk-serve-errors").inner_text()
        assert label("serve_errors_first", "zh") in banner
        _assert_listed(banner, problems)
        page.goto(address + "archive/", wait_until="load")  # a navigation tab: an error page, not a 404
        assert page.locator(".hk-serve-errors").count() == 1

        page.goto(address, wait_until="load")
        (project / FILE).write_text(original, encoding="utf-8")
        page.wait_for_selector(".hk-serve-errors", state="detached", timeout=WAIT)
        assert label("dashboard", "zh") in page.locator("h1").inner_text()
        page.close()


def test_build_still_fails_on_a_broken_handbook(project: Path, cli) -> None:
    _break(project)
    code, _, err = cli("build", root=project)
    assert code == 1
    assert f"{FILE}:" in err and "2026-11-31" in err


def test_a_broken_project_is_shown_while_serving_as_a_project_problem(project: Path) -> None:
    """A broken role schema is no handbook problem with a line: serve shows it as the 'project' rule."""
    from mkdocs.config import load_config

    (project / "schemas" / "roles" / "sales.schema.json").write_text("{ not json", encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["handover"]
    plugin.on_startup(command="serve", dirty=False)
    try:
        plugin.on_config(config)
        assert [p.rule for p in plugin.errors] == ["project"]
        assert "sales.schema.json" in plugin.errors[0].message
    finally:
        plugin.on_startup(command="build", dirty=False)  # MkDocs keeps this object for the process's next build
