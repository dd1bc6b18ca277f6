"""What ``handover init`` writes into a new company handbook, and where the shipped data lives.

The files of this folder are templates of a new repository (``mkdocs.yml``, ``pyproject.toml``, the
CI files, ...). The handbook's own data (``schemas/``, ``role_templates/`` and the guide pages) is
not copied here: the wheel maps those folders of the source tree into ``generator.skeleton.*``
(``[tool.setuptools.package-dir]`` in pyproject.toml), so there is one copy in the repository and
one in every installed package. An editable install does not see the mapped folders, hence
``shipped`` falls back to the source checkout.

Data only: nothing here imports the rest of the package.
"""
from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover
    from importlib.abc import Traversable

# Shipped folder -> where it lives in the source tree (and in a new handbook).
SOURCES = {"schemas": "schemas", "role_templates": "role_templates", "guide": "handbook/guide"}
# What of each folder is data: anything else (caches, editor files) is never shipped or copied.
SUFFIXES = {"schemas": (".json",), "role_templates": (".yaml",), "guide": (".md",)}


class MissingData(LookupError):
    """The installed package lacks a folder it should ship (a broken install)."""


def template(name: str) -> Traversable:
    """One file of this folder (a template of the new repository)."""
    return files(__name__) / name


def shipped(name: str) -> Traversable:
    """The shipped ``schemas``, ``role_templates`` or ``guide`` folder: from the wheel, else the source checkout."""
    packaged = files(__name__) / name
    if packaged.is_dir():
        return packaged
    source = Path(__file__).resolve().parents[2] / SOURCES[name]
    if source.is_dir():
        return source
    raise MissingData(name)


def shipped_files(name: str) -> list[tuple[str, Traversable]]:
    """Every data file of a shipped folder as (relative path, file), sorted; folders are walked."""
    found: list[tuple[str, Traversable]] = []
    pending: list[tuple[str, Traversable]] = [("", shipped(name))]
    while pending:
        prefix, folder = pending.pop()
        for entry in folder.iterdir():
            if entry.name.startswith((".", "__")):
                continue
            if entry.is_dir():
                pending.append((f"{prefix}{entry.name}/", entry))
            elif entry.name.endswith(SUFFIXES[name]):
                found.append((prefix + entry.name, entry))
    return sorted(found, key=lambda pair: pair[0])
