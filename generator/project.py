"""Where a project keeps its parts. The top-level layout is fixed; only the root moves."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HANDOVER_SUFFIXES = (".yaml", ".yml")
TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".csv", ".json", ".html", ".yaml", ".yml")


@dataclass(frozen=True)
class Project:
    root: Path
    handbook_dir: Path
    schemas_dir: Path
    templates_dir: Path

    @classmethod
    def at(cls, root: Path, handbook_dir: Path | None = None) -> Project:
        root = root.resolve()
        return cls(root, (handbook_dir or root / "handbook").resolve(), root / "schemas", root / "role_templates")

    @property
    def people_file(self) -> Path:
        return self.handbook_dir / "people.yaml"

    @property
    def handovers_dir(self) -> Path:
        return self.handbook_dir / "handovers"

    def handover_files(self) -> list[Path]:
        if not self.handovers_dir.is_dir():
            return []
        return sorted(p for p in self.handovers_dir.rglob("*") if p.suffix in HANDOVER_SUFFIXES and p.is_file())

    def page_files(self) -> list[Path]:
        """Hand-written pages and any other text in the handbook that is not a handover or the roster."""
        return sorted(p for p in self.handbook_dir.rglob("*")
                      if p.is_file() and p.suffix in TEXT_SUFFIXES and p.suffix not in HANDOVER_SUFFIXES)

    def display(self, path: Path) -> str:
        """Paths in messages are relative to the project root, as CI annotations need them."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` that holds ``schemas/`` and ``handbook/``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "schemas").is_dir() and (folder / "handbook").is_dir():
            return folder
    return start
