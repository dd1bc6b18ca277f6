"""`handover serve` builds and serves the site on loopback (a bounded, local-only check)."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_answers_with_the_dashboard(project: Path) -> None:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator.cli", "--root", str(project), "serve",
                               "-a", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        body, deadline = "", time.monotonic() + 90
        while time.monotonic() < deadline and "交接看板" not in body:
            assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    body = response.read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        assert "交接看板" in body
    finally:
        server.terminate()
        server.wait(timeout=30)
