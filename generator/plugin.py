"""The MkDocs plugin: a thin adapter that validates the handbook and hands MkDocs the pages.

Everything real happens in the library (``handbook``, ``render``); this class only maps
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
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .handbook import check_handbook
from .i18n import LANGUAGES
from .model import Handbook
from .problems import has_errors
from .project import HANDOVER_SUFFIXES, Project
from .render import AUDIENCES, SiteOptions, render_site
from .report import text_report

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


class HandoverPlugin(BasePlugin[HandoverPluginConfig]):
    def __init__(self) -> None:
        self.handbook: Handbook | None = None
        self.project: Project | None = None

    def on_config(self, config: Any) -> Any:
        root = Path(self.config.project_dir or Path(config.config_file_path).parent)
        self.project = Project.at(root, Path(config.docs_dir))
        result = check_handbook(self.project)
        if has_errors(result.problems):
            raise PluginError("the handbook has errors:\n" + text_report(result.problems))
        if result.problems:
            log.info("handbook warnings (run 'handover check' for details):\n%s", text_report(result.problems))
        self.handbook = result.handbook
        self._teach_search_words()
        return config

    def _teach_search_words(self) -> None:
        """Customer and people names become single search tokens (Material segments with jieba)."""
        try:
            import jieba
        except ImportError:  # pragma: no cover - a declared dependency
            return
        assert self.handbook is not None
        jieba.setLogLevel(logging.WARNING)
        from .views import customers

        for entry in customers(self.handbook).values():
            jieba.add_word(entry.name)
        for person in self.handbook.roster.people.values():
            jieba.add_word(person.name)

    def _today(self) -> dt.date:
        if not self.config.today:
            return dt.date.today()
        try:
            return dt.date.fromisoformat(self.config.today)
        except ValueError:
            raise PluginError(f"handover: 'today: {self.config.today}' is not a date (YYYY-MM-DD)") from None

    def on_files(self, files: Files, config: Any) -> Files:
        assert self.handbook is not None
        # MkDocs copies every non-Markdown file of the docs folder; raw YAML would bypass escaping
        # and redaction, so it is never published.
        for file in list(files):
            if Path(file.src_uri).suffix in HANDOVER_SUFFIXES:
                files.remove(file)
        options = SiteOptions(self.config.language, self.config.audience, self._today())
        for uri, content in render_site(self.handbook, options).items():
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"handover: {uri} in the docs folder clashes with a generated page; rename it")
            files.append(File.generated(config, uri, content=content))
        return files

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        if self.project is not None:
            server.watch(str(self.project.schemas_dir))
            server.watch(str(self.project.templates_dir))
        return server
