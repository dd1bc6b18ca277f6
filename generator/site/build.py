"""Build the MkDocs site so that a failed build never damages the site already published."""
from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from ..errors import HandoverError


class BuildFailed(HandoverError):
    """MkDocs could not build the site; the previous site is untouched."""


class _ErrorCollector(logging.Handler):
    """MkDocs logs why a build failed and raises only 'Aborted'; keep the why for the caller."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


RESTRICTED_SUFFIX = "-restricted"


def build_site(config_file: Path, site_dir: Path | None = None, *, strict: bool = False,
               audience: str | None = None) -> Path:
    """Build into a fresh folder beside the target, then swap it in; on failure nothing moves.

    ``audience`` overrides the plugin's; the restricted site goes to its own folder
    (``site-restricted`` beside ``site``) unless ``site_dir`` says otherwise, so the two never mix.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    config = load_config(str(config_file), strict=strict)
    plugin = config.plugins.get("handover")
    if audience is not None:
        if plugin is None:
            raise BuildFailed(f"{config_file}: the handover plugin is not enabled, so there is no audience to set")
        plugin.config.audience = audience
    default_dir = Path(config["site_dir"])
    if plugin is not None and plugin.config.audience == "restricted":
        default_dir = default_dir.with_name(default_dir.name + RESTRICTED_SUFFIX)
    target = Path(site_dir or default_dir).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
    config["site_dir"] = str(staging)
    collector = _ErrorCollector()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collector)
    try:
        build(config)
    except (MkDocsException, HandoverError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed("\n".join(collector.messages) or str(exc)) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        mkdocs_log.removeHandler(collector)
    previous = target.with_name(f".{target.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    shutil.rmtree(previous, ignore_errors=True)
    return target
