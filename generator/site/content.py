"""Everything the site needs from the handbook, computed once and reused while nothing changed.

``site_content`` is what any site engine calls: it validates, renders and returns pages plus
what search finds each page by (``search.SearchFacts``). The result is cached as JSON (never pickle: the cache
folder is not trusted) under a fingerprint of every input, so rebuilding an unchanged handbook
costs one hash of its files.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..audit.history import open_repository
from ..audit.repository import audit_json
from ..config import load_signoff_config
from ..errors import ValidationFailed
from ..output.incomplete import table_as_csv
from ..problems import Problem, has_errors
from ..project import HANDOVER_SUFFIXES, Project
from ..render.labels import incomplete_table
from ..render.pages import SiteOptions, display_names, render_site
from ..session import Session
from ..track.reports import incomplete_items
from .search import SearchFacts, search_facts

AUDIT_FILE = "audit.json"
INCOMPLETE_CSV = "reports/incomplete.csv"

CACHE_FORMAT = 2


@dataclass(frozen=True)
class SiteContent:
    pages: dict[str, str]
    search: SearchFacts
    warnings: tuple[Problem, ...] = ()
    from_cache: bool = False


def _inputs(project: Project) -> list[Path]:
    package = Path(__file__).parent.parent
    data = [p for p in project.handbook_dir.rglob("*") if p.suffix in HANDOVER_SUFFIXES]
    data += list(project.schemas_dir.rglob("*.json")) + list(project.templates_dir.glob("*.yaml"))
    data.append(project.root / "pyproject.toml")  # [tool.handover]: the company's name, policy thresholds
    code = list(package.rglob("*.py")) + list(package.rglob("*.j2"))
    return sorted(p for p in data + code if p.is_file())


def _history_state(project: Project) -> str:
    """What of the repository the site depends on: the commit checked out (sign-offs come from history)."""
    repo = open_repository(project.root)
    if repo is None:
        return "no-repository"
    try:
        head = repo.head.commit.hexsha
    except ValueError:
        head = "no-commit"
    shallow = (Path(repo.git_dir) / "shallow").exists()
    return f"{head}|shallow={shallow}|{load_signoff_config(project.root).fingerprint()}"


def fingerprint(project: Project, options: SiteOptions) -> str:
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{__version__}|{options.language}|{options.audience}|{options.today}|"
                            f"{_history_state(project)}".encode())
    for path in _inputs(project):
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _load(cache_file: Path) -> SiteContent | None:
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        pages, search, warnings = data["pages"], data["search"], data["warnings"]
        return SiteContent({str(k): str(v) for k, v in pages.items()}, SearchFacts.from_json(search),
                           tuple(Problem(**w) for w in warnings), from_cache=True)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or damaged: simply rebuild


def _save(cache_file: Path, content: SiteContent) -> None:
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    for old in cache_file.parent.glob("site-*.json"):
        old.unlink(missing_ok=True)
    payload = {"pages": content.pages, "search": content.search.as_json(),
               "warnings": [w.as_dict() for w in content.warnings]}
    handle, temporary = tempfile.mkstemp(dir=cache_file.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        json.dump(payload, stream, ensure_ascii=False)
    os.replace(temporary, cache_file)


def site_content(project: Project, options: SiteOptions, cache_dir: Path | None = None) -> SiteContent:
    """Pages and search facts for the site; raises ValidationFailed if the handbook has errors."""
    cache_file = cache_dir / f"site-{fingerprint(project, options)}.json" if cache_dir else None
    if cache_file is not None and (cached := _load(cache_file)) is not None:
        return cached
    # Worker processes where they pay (none while other threads run, as under ``mkdocs serve``).
    session = Session(project, options.today, jobs=None)
    result = session.check()
    if has_errors(result.problems) or result.handbook is None:
        raise ValidationFailed(result.problems)
    handbook = result.handbook
    audits = session.audits(handbook)
    pages = render_site(handbook, options, audits, session.calendar, jobs=None)
    # The site's CSV speaks the site's language (headers, sections, statuses, names); the CLI's stays raw.
    rows = incomplete_items(handbook, options.today, session.calendar)
    pages[INCOMPLETE_CSV] = table_as_csv(*incomplete_table(handbook, rows, options.language,
                                                           display_names(handbook, options.language)))
    pages[AUDIT_FILE] = audit_json(handbook, audits, session.history.head)
    content = SiteContent(pages, search_facts(handbook, options.language), result.problems)
    if cache_file is not None:
        with contextlib.suppress(OSError):  # a read-only checkout still builds, just without the cache
            _save(cache_file, content)
    return content
