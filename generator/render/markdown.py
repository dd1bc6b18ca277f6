"""Writing untrusted text into Markdown so that it stays text.

Every character that Markdown, its extensions or HTML could read as syntax becomes a numeric
character reference, which Python-Markdown passes through as literal text. Line breaks
are folded, so no value can start a heading, list, table row or code block. Only
``Markup`` values (built here from escaped parts) are written as they are.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from urllib.parse import quote, urlsplit

from markupsafe import Markup

from ..check.rules import link_problem

_SPECIAL = "\\`*_{}[]()#+-.!|~=<>&\"':^$%@"
_TABLE = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}
_WHITESPACE = re.compile(r"\s+")
_ANCHOR_UNSAFE = re.compile(r"[^a-z0-9_-]+")


def esc(value: object) -> Markup:
    """Inline text: special characters neutralised, all whitespace folded to single spaces."""
    if isinstance(value, Markup):
        return value
    text = "" if value is None else str(value)
    return Markup(_WHITESPACE.sub(" ", text).strip().translate(_TABLE))


def esc_block(value: object) -> Markup:
    """Multi-line text: each line escaped on its own, kept apart with explicit line breaks."""
    lines = [esc(line) for line in str(value or "").splitlines() if line.strip()]
    return Markup("<br>\n".join(lines))


def anchor(*parts: str) -> str:
    """An HTML id made only of safe characters, stable for the same input."""
    raw = "-".join(parts).lower()
    slug = _ANCHOR_UNSAFE.sub("-", raw).strip("-")
    return slug or "x"


def relative(target: str, source: str) -> str:
    """A link from the page ``source`` to ``target`` (both docs-relative .md paths)."""
    path, _, fragment = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(source) or ".")
    return rel + (f"#{fragment}" if fragment else "")


def link(text: object, target: str, source: str) -> Markup:
    """A link to another generated page; ``target`` is ours, never from content."""
    return Markup(f"[{esc(text)}]({relative(target, source)})")


def external_link(text: object, location: str) -> Markup:
    """A link from content: only http(s)/mailto URLs; repository paths are shown, not linked."""
    if link_problem(location) is not None:
        return esc(location)
    if urlsplit(location).scheme.lower() in ("http", "https", "mailto"):
        # Percent-encode everything that could end the link destination or start markup.
        safe = quote(location, safe=":/?#@!$&+,;=%-._~")
        return Markup(f"[{esc(text)}](<{safe}>)")
    return Markup(f"<code>{esc(location)}</code>")


def table(headers: Iterable[object], rows: Iterable[Iterable[object]]) -> Markup:
    head = [esc(h) for h in headers]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(esc(cell) for cell in row) + " |" for row in rows]
    return Markup("\n".join(lines))
