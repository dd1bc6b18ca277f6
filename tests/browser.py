"""A real Chromium on a built site, for the browser tests: serve a folder, launch the browser.

Importing this module skips the importing test module when no Chromium is installed (outside CI).
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# CI installs Chromium (.ci/run); there a missing browser is a failure, not a skip.
if not CHROMIUM and not os.environ.get("CI"):
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import Browser, sync_playwright  # noqa: E402  (only once a browser is known to exist)

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _RecordingHandler(_QuietHandler):
    requested: list[str] | None = None

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.requested is not None:
            self.requested.append(self.path)
        super().do_GET()


@contextlib.contextmanager
def served(site: Path, port: int = 0, requested: list[str] | None = None) -> Iterator[str]:
    """The built site over HTTP on ``port`` (default: a free one); yields its address. Every path the browser
    asks for is added to ``requested``, if given."""
    handler = type("Handler", (_RecordingHandler,), {"requested": requested})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    assert CHROMIUM, "Chromium is required in CI"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield instance
        finally:
            instance.close()
