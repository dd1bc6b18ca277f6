"""Writing untrusted text into Markdown so that it stays text.

Every character that Markdown, its extensions or HTML could read as syntax becomes a numeric
character reference, which Python-Markdown passes through as literal text. Line breaks
are folded, so no value can start a heading, list, table row or code block; other control
characters and bidi overrides are shown as ``\\u001b``-style escapes. Only ``Markup`` values
(built here from escaped parts) are written as they are.
"""
from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Iterable
from urllib.parse import quote, urlsplit

from markupsafe import Markup

from ..check.rules import link_problem
from ..load.characters import visible

_SPECIAL = "\\`*_{}[]()#+-.!|~=<>&\"':^$%@"
_TABLE = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}
_WHITESPACE = re.compile(r"\s+")
_ANCHOR_UNSAFE = re.compile(r"[^a-z0-9_-]+")


def esc(value: object) -> Markup:
    """Inline text: special characters neutralised, all whitespace folded to single spaces."""
    if isinstance(value, Markup):
        return value
    return Markup(_one_line(value).translate(_TABLE))


def _one_line(value: object) -> str:
    text = "" if value is None else str(value)
    return visible(_WHITESPACE.sub(" ", text).strip())


def front_matter(title: object, **meta: object) -> str:
    """The YAML front matter that gives a page its title, as plain text, before any Markdown.

    Without it MkDocs takes the title from the first H1's HTML, and themes print titles unescaped
    (Material's ``striptags`` even turns character references back into markup): a name in a
    heading became script in ``<title>``. So the title is set here: one line, HTML's special
    characters as references (themes insert it as HTML), as a double-quoted YAML string (JSON's
    string syntax is YAML's); ``visible`` left no character YAML refuses to read."""
    lines = ["---", f"title: {json.dumps(html.escape(_one_line(title)), ensure_ascii=False)}"]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "\n".join([*lines, "---", ""])


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
