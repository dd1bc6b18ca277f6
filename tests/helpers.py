"""What many tests share: a private copy of the project, and reading the HTML of a built site.

Fixtures live in conftest.py; plain helpers live here, so that no test file imports another.
"""
from __future__ import annotations

import re
import shutil
import socket
import subprocess
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from openpyxl import Workbook

REPO = Path(__file__).resolve().parents[1]
CASES = Path(__file__).resolve().parent / "cases"
PROJECT_PARTS = ("schemas", "role_templates", "handbook", "mkdocs.yml")


def copy_project(target: Path, *, with_handovers: bool = True) -> Path:
    """A real, independent copy of the project: tests change it freely."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    if not with_handovers:
        shutil.rmtree(target / "handbook" / "handovers")
        (target / "handbook" / "handovers").mkdir()
    return target


CliResult = tuple[int, str, str]


def free_port() -> int:
    """A port nobody listens on, for a server a test starts (some servers cannot be asked for port 0)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def set_plugin_option(project: Path, key: str, value: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(rf"(\n  - handover:\n(?:      .*\n)*?)      {key}: .*\n", rf"\1      {key}: {value}\n", text)
    config.write_text(text, encoding="utf-8")


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside headings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.headings: list[str] = []
        self.text: list[str] = []
        self._in_heading = 0
        self._in_script = False
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if re.fullmatch(r"h[1-6]", tag):
            self._in_heading += 1
            self.headings.append("")
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self._in_heading -= 1
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)
        if self._in_heading:
            self.headings[-1] += data
        self.text.append(data)


def parse_html(path: Path) -> Elements:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def chinese_font() -> bool:
    """Whether fontconfig knows a Chinese font (Debian's chromium pulls none in; CI installs fonts-noto-cjk)."""
    fc_list = shutil.which("fc-list")
    listed = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, check=False) if fc_list else None
    return bool(listed and listed.stdout.strip())


def xlsx(path: Path, rows: Sequence[Sequence[Any]], title: str | None = "客户列表") -> Path:
    """A workbook as Excel or a CRM writes it, with ``rows`` under an optional title row."""
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])  # exports often put a title above the headers
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path
