"""The MkDocs plugin: a thin adapter that hands MkDocs the pages the library renders.

Everything real happens in the library (``publish.site_content``); this class only maps
MkDocs events onto it, so the site engine can be swapped without touching the rest.
"""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from ..config import load_company
from ..errors import HandoverError, ValidationFailed
from ..i18n import LANGUAGES
from ..output.problems import text_report
from ..problems import Problem
from ..project import HANDOVER_SUFFIXES, Project, ignored_folder
from ..render.pages import AUDIENCES, SiteOptions
from ..site import layout, search, serve_errors
from ..site.content import SiteContent, site_content

log = logging.getLogger("mkdocs.plugins.handover")


class HandoverPluginConfig(Config):
    project_dir = c.Optional(c.Dir(exists=True))
    """Folder holding schemas/ and role_templates/ (default: the folder of mkdocs.yml)."""
    language = c.Choice(LANGUAGES, default="zh")
    """Language of the generated pages' labels."""
    audience = c.Choice(AUDIENCES, default="all-staff")
    """all-staff leaves restricted fields out; restricted shows everything (serve it behind a login)."""
    today = c.Optional(c.Type(str))
    """Fix 'today' (YYYY-MM-DD) for reproducible builds; default: the build day."""
    cache = c.Type(bool, default=True)
    """Reuse the rendered pages while no input changed (kept in .cache/handover/)."""


class HandoverPlugin(BasePlugin[HandoverPluginConfig]):
    def __init__(self) -> None:
        self.project: Project | None = None
        self.content: SiteContent | None = None
        self.serving = False
        self.errors: tuple[Problem, ...] = ()  # while serving: what the browser is shown
        self.last_good: SiteContent | None = None
        self.search_docs: dict[str, list[dict[str, Any]]] = {}  # by page: the entries we index it by

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having on_startup keeps this object across the rebuilds of one 'serve' (MkDocs' rule), so the
        # last pages built without errors stay at hand while an edit breaks the handbook.
        self.serving = command == "serve"

    def on_config(self, config: Any) -> Any:
        root = Path(self.config.project_dir or Path(config.config_file_path).parent)
        self.project = Project.at(root, Path(config.docs_dir))
        layout.configure(config)
        options = SiteOptions(self.config.language, self.config.audience, self._today(), load_company(root))
        cache_dir = self._cache_dir()
        # Before MkDocs walks the docs folder (it follows links, even into /proc) and whatever the cache says.
        refused = self.project.path_problems()
        if refused:
            raise PluginError("handover: the handbook has files that are never published:\n" + text_report(refused))
        try:
            self.content = site_content(self.project, options, cache_dir)
        except ValidationFailed as failed:
            if not self.serving:
                raise PluginError("the handbook has errors:\n" + text_report(failed.problems)) from None
            self._show_errors(tuple(failed.problems), config)
            return config
        except HandoverError as error:  # a shallow clone, a broken schema or template
            if not self.serving:
                raise PluginError(f"handover: {error}") from None
            self._show_errors((Problem("", 0, 0, "", "error", "project", str(error)),), config)
            return config
        self.errors, self.last_good = (), self.content
        if self.content.warnings:
            log.info("handbook warnings (run 'handover check' for details):\n%s", text_report(self.content.warnings))
        return config

    def _cache_dir(self) -> Path | None:
        """The cache holds every rendered page, restricted ones too: never where git would pick it up."""
        if not self.config.cache or self.project is None:
            return None
        try:
            return ignored_folder(self.project.root / ".cache" / "handover")
        except OSError:
            return None  # a read-only checkout still builds, just without the cache

    def _today(self) -> dt.date:
        if not self.config.today:
            return dt.date.today()
        try:
            return dt.date.fromisoformat(self.config.today)
        except ValueError:
            raise PluginError(f"handover: 'today: {self.config.today}' is not a date (YYYY-MM-DD)") from None

    def on_files(self, files: Files, config: Any) -> Files:
        assert self.content is not None and self.project is not None
        # MkDocs copies every non-Markdown file of the docs folder; raw YAML would bypass escaping
        # and redaction, so it is never published. Nor is anything a link carries out of the project
        # (a page linked to /proc/self/environ would publish the build's environment): on_config refused
        # those already; this keeps them out of the site should a file appear in between.
        escaped = []
        for file in list(files):
            if Path(file.src_uri).suffix in HANDOVER_SUFFIXES:
                files.remove(file)
            elif file.src_dir == config.docs_dir and file.abs_src_path and not self.project.holds(Path(file.abs_src_path)):
                files.remove(file)
                escaped.append(file.src_uri)
        if escaped:
            raise PluginError(f"handover: not published, links out of the repository: {', '.join(escaped)}; "
                              "put the files themselves into the repository or delete the links")
        clashes = layout.add_assets(files, config)
        if clashes:
            raise PluginError(f"handover: {', '.join(clashes)} in the docs folder clash with the site's own files; rename them")
        for uri, content in self.content.pages.items():
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"handover: {uri} in the docs folder clashes with a generated page; rename it")
            files.append(File.generated(config, uri, content=content))
        return files

    def _show_errors(self, problems: tuple[Problem, ...], config: Any) -> None:
        """While serving, a broken handbook is shown in the browser (on_page_content) instead of failing the rebuild."""
        self.errors = problems
        log.warning("the handbook has errors (shown in the browser too):\n%s", text_report(problems))
        if self.last_good is not None:
            self.content = self.last_good
            return
        docs = Path(config.docs_dir)
        missing = {uri for uri in serve_errors.nav_pages(config.nav) if not (docs / uri).is_file()} | {"index.md"}
        pages = serve_errors.error_pages(sorted(missing), self.config.language, sum(p.is_error for p in problems))
        self.content = SiteContent(pages, search.SearchFacts())

    def on_pre_build(self, *, config: Any) -> None:
        self.search_docs = {}

    def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
        self._index_page(page, html)
        if not self.errors:
            return html
        return serve_errors.banner(self.errors, self.config.language, stale=self.last_good is not None) + html

    def _index_page(self, page: Any, html: str) -> None:
        """The pages we generate are indexed here, from the handbook's data; Material leaves them out."""
        if self.content is None or page.file.src_uri not in self.content.pages:
            return  # a page written by hand: Material indexes it, write_index rewrites its entries
        if (page.meta.get("search") or {}).get("exclude"):
            return  # a page that asks to stay out of search (a handover's certificate repeats its handover page)
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        self.search_docs[page.url] = search.page_documents(self.content.search, page.file.src_uri, page.url,
                                                           page.title or "", page.toc, html)

    @event_priority(-100)  # after Material's search plugin has written its index
    def on_post_build(self, *, config: Any) -> None:
        index = Path(config.site_dir) / search.INDEX
        if index.is_file():
            search.write_index(Path(config.site_dir), [d for docs in self.search_docs.values() for d in docs])

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        if self.project is not None:
            server.watch(str(self.project.schemas_dir))
            server.watch(str(self.project.templates_dir))
        return server
