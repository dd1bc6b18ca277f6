"""Readable tables on a desk, on a phone and on paper: our stylesheet, script and a Markdown hook.

Material shows a table wider than the screen in a sideways scroller, which hides columns on a phone and
on paper. Ours wrap instead, and become one card per row on narrow screens; names, ids and commit
hashes never break inside; long URLs break anywhere. CSS alone cannot know a cell's column header nor
which text is an id, so a Markdown treeprocessor marks them on the HTML it builds:

* every body cell of a table gets ``data-label`` (its column's header), which the card layout shows;
* a table of four or more columns gets ``data-hk-cards`` (narrower ones stay tables on a phone);
* a cell, link or code whose whole text is one id-like word (a handover id, an account, ``T-01``, a
  date) gets ``hk-id`` (never wraps), a URL or path ``hk-url`` (wraps anywhere), a short word
  ``hk-nowrap`` (a name, a state). Raw HTML the renderer wrote (a commit hash's ``<code>``) is not in
  the tree; its cell carries the mark.

The files are served from the package (``File.generated``): nothing is loaded from another host.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from importlib import resources
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE
from mkdocs.structure.files import File, Files

STYLESHEET = "assets/handover/handover.css"
CERTIFICATE_STYLESHEET = "assets/handover/certificate.css"
SCRIPT = "assets/handover/handover.js"
CARDS_FROM_COLUMNS = 4
ID_MAX = 32  # an id longer than this may wrap: kept whole, it could not fit a phone's card
SHORT_MAX = 4  # a cell this short (a name, "进行中") never wraps

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.+@-]*")  # T-01, 2026-11-zhangwei-sales, zhangwei@crm, a date
_URL = re.compile(r"[a-z][a-z0-9+.-]*:\S+|\S*/\S*", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")


def _assets() -> dict[str, bytes]:
    """Every file we add to the site, by its path in the site."""
    own = resources.files(__package__) / "assets"
    templates = resources.files("generator.render") / "templates"
    return {STYLESHEET: (own / "handover.css").read_bytes(), SCRIPT: (own / "handover.js").read_bytes(),
            CERTIFICATE_STYLESHEET: (templates / "certificate.css").read_bytes()}


def configure(config: Any) -> None:
    """Called from the plugin's ``on_config``: our stylesheets, script and table marks, once."""
    for sheet in (STYLESHEET, CERTIFICATE_STYLESHEET):
        if sheet not in config.extra_css:
            config.extra_css.append(sheet)
    if SCRIPT not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(SCRIPT)
    if not any(isinstance(extension, TableMarks) for extension in config.markdown_extensions):
        config.markdown_extensions.append(TableMarks())


def add_assets(files: Files, config: Any) -> list[str]:
    """Called from ``on_files``: add our files; returns the paths that clash with the docs folder's own files."""
    clashes = []
    for uri, content in _assets().items():
        if files.get_file_from_path(uri) is not None:
            clashes.append(uri)
            continue
        files.append(File.generated(config, uri, content=content))
    return clashes


class TableMarks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802  (Python-Markdown's name)
        # After inline parsing (20) so links exist, and after attr_list (8) so a class it set is kept.
        md.treeprocessors.register(_TableMarker(md), "handover_table_marks", 7)


class _TableMarker(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for table in root.iter("table"):
            headers = [self._text(th) for th in table.iter("th")]
            if len(headers) >= CARDS_FROM_COLUMNS:
                table.set("data-hk-cards", "")
            for row in table.iter("tr"):
                for column, cell in enumerate(row.findall("td")):
                    if column < len(headers) and headers[column]:
                        cell.set("data-label", headers[column])
                    self._mark_inside(cell)
        for item in root.iter("li"):
            self._mark_inside(item, whole=False)

    def _mark_inside(self, element: ET.Element, whole: bool = True) -> None:
        """Mark the element (a cell) by its whole text, and each link and code inside it by theirs."""
        if whole:
            self._mark(element, self._text(element))
        for inner in element.iter():
            if inner.tag in ("a", "code") and inner is not element:
                self._mark(inner, self._text(inner))

    def _text(self, element: ET.Element) -> str:
        """What the element shows, with the entities Markdown stashed away put back."""
        raw = HTML_PLACEHOLDER_RE.sub(self._stashed, "".join(element.itertext()))
        return " ".join(raw.replace("\x02", "").replace("\x03", "").split())

    def _stashed(self, match: re.Match[str]) -> str:
        index = int(match.group(1))
        blocks = self.md.htmlStash.rawHtmlBlocks
        block = str(blocks[index]) if index < len(blocks) else ""
        return html.unescape(_TAGS.sub("", block))

    @staticmethod
    def _mark(element: ET.Element, text: str) -> None:
        kind = word_kind(text)
        if kind:
            classes = element.get("class", "").split()
            if kind not in classes:
                element.set("class", " ".join([*classes, kind]))


def word_kind(text: str) -> str | None:
    """How a cell or link showing only ``text`` may wrap: ``hk-url``, ``hk-id``, ``hk-nowrap`` or freely (None)."""
    if not text or " " in text:
        return None
    if _URL.fullmatch(text):
        return "hk-url"
    if _ID.fullmatch(text):
        return "hk-id" if len(text) <= ID_MAX else "hk-url"
    return "hk-nowrap" if len(text) <= SHORT_MAX else None
