"""handover-kb: handover files in YAML, validated and rendered into a MkDocs site.

The library does the work; ``cli`` and ``site.plugin`` are thin adapters over it. Data flows one
way, one subpackage per stage: ``load`` -> ``check`` -> ``model`` -> ``track`` / ``render`` ->
``output`` / ``site``; ``audit`` reads git history beside it. ``session`` hands each command what it
needs, reading every input (git history included) at most once.

The public API is below; everything else may move between releases.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Imported on first use, so that ``handover check`` never pays for MkDocs and the renderer.
_API = {
    "Project": "generator.project",
    "Session": "generator.session",
    "check_handbook": "generator.session",
    "CheckResult": "generator.model.build",
    "Problem": "generator.problems",
    "HandoverError": "generator.errors",
    "SiteOptions": "generator.render.pages",
    "render_site": "generator.render.pages",
    "site_content": "generator.site.content",
    "build_site": "generator.site.build",
}

__all__ = ["CheckResult", "HandoverError", "Problem", "Project", "Session", "SiteOptions", "__version__", "build_site",
           "check_handbook", "render_site", "site_content"]

if TYPE_CHECKING:
    from .errors import HandoverError
    from .model.build import CheckResult
    from .problems import Problem
    from .project import Project
    from .render.pages import SiteOptions, render_site
    from .session import Session, check_handbook
    from .site.build import build_site
    from .site.content import site_content


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'generator' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_API[name]), name)
