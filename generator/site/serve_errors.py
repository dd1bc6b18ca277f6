"""Errors shown in the browser while ``handover serve`` runs, not only in the terminal.

A person editing a handover keeps the site open beside the editor. When a save breaks the handbook,
``serve`` keeps serving: every page gets a banner listing each problem (file:line:column, message,
hint), over the last pages that were built without errors; before any such build there is an error
page wherever a generated page would be. Fixing the file and saving again rebuilds as usual.
Everything shown is escaped: a message may quote what someone typed.
"""
from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from typing import Any

from ..i18n import label
from ..load.characters import visible
from ..problems import Problem, sort_problems
from ..render.markdown import front_matter

SHOWN_AT_MOST = 100  # a broken schema can fail every file: the first hundred say enough


def _text(value: object) -> str:
    return html.escape(visible(str(value)), quote=True)


def _where(problem: Problem) -> str:
    if not problem.file:
        return ""
    if problem.line:
        return f"{problem.file}:{problem.line}:{problem.column}"
    return problem.file


def banner(problems: Iterable[Problem], language: str, *, stale: bool) -> str:
    """An HTML admonition listing the problems; ``stale``: the pages around it are the last good ones."""
    errors = [p for p in sort_problems(problems) if p.is_error]
    items = []
    for problem in errors[:SHOWN_AT_MOST]:
        where = _where(problem)
        rule = f" <small>[{_text(problem.rule)}]</small>" if problem.rule else ""
        hint = (f"<br><span class=\"hk-note\">{_text(label('hint', language))}{_text(label('colon', language))}"
                f"{_text(problem.hint)}</span>") if problem.hint else ""
        items.append(f"<li>{f'<code>{_text(where)}</code> ' if where else ''}{_text(problem.message)}{rule}{hint}</li>")
    if len(errors) > SHOWN_AT_MOST:
        items.append(f"<li>{_text(label('serve_errors_more', language, n=len(errors) - SHOWN_AT_MOST))}</li>")
    intro = label("serve_errors_stale" if stale else "serve_errors_first", language)
    return ("<div class=\"admonition failure hk-serve-errors\" data-search-exclude>"
            f"<p class=\"admonition-title\">{_text(label('serve_errors', language, n=len(errors)))}</p>"
            f"<p>{_text(intro)}</p><ul>{''.join(items)}</ul></div>\n")


def error_pages(uris: Iterable[str], language: str, n: int) -> dict[str, str]:
    """Pages standing where generated pages would be, before the handbook ever built; the banner says why."""
    title = label("serve_errors", language, n=n)
    return {uri: front_matter(title) + f"# {html.escape(title)}\n" for uri in uris}


def nav_pages(nav: Any) -> Iterator[str]:
    """Every page path the ``nav`` of mkdocs.yml names (external links left out)."""
    if isinstance(nav, str):
        if not nav.startswith(("http://", "https://")):
            yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_pages(value)
    elif isinstance(nav, list):
        for value in nav:
            yield from nav_pages(value)
