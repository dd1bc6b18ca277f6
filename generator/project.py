"""Where a project keeps its parts. The top-level layout is fixed; only the root moves.

Files under the handbook are found here, once, the way a site engine finds them (MkDocs follows
links into folders), so that what ``check`` reads and what the site publishes are the same set:
a link that leads out of the project, or a path no page address or CODEOWNERS line can carry
safely, is refused here and reported by ``path_problems``, never read.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .i18n import message
from .problems import Problem

HANDOVER_SUFFIXES = (".yaml", ".yml")
TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".csv", ".json", ".html", ".yaml", ".yml")
# Every folder and file name of a handbook file: it becomes a page address, a CODEOWNERS line and the
# file of CI annotations, where a space, a tab or a newline would start something else.
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,120}")  # fullmatch: "$" would let a last newline through


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
        return [p for p in self._readable() if self._is_handover(p)]

    def page_files(self) -> list[Path]:
        """Hand-written pages and any other text in the handbook that is not a handover or the roster."""
        return [p for p in self._readable() if p.suffix in TEXT_SUFFIXES and p.suffix not in HANDOVER_SUFFIXES]

    def path_problems(self) -> list[Problem]:
        """One error for each handbook file that is never read or published: a link out, an unsafe name."""
        problems = []
        for path, inside in _walk(self.handbook_dir, self.holds):
            if not inside:
                problems.append(Problem(
                    self.display(path), 1, 1, "", "error", "symlink-outside",
                    message("symlink_outside", path=self.display(path), target=_target(path)),
                    message("hint_symlink_outside")))
            elif (bad := self._unsafe_part(path)) is not None:
                problems.append(Problem(
                    self.display(path), 1, 1, "", "error", "file-name",
                    message("unsafe_file_name" if bad == path.stem else "unsafe_folder_name", name=bad,
                            path=self.display(path)),
                    message("hint_unsafe_file_name")))
        return problems

    def holds(self, path: Path) -> bool:
        """Whether ``path``, every link followed, stays in the project (or the handbook, if that lives elsewhere)."""
        try:
            real = path.resolve()
        except (OSError, RuntimeError):  # a loop of links leads nowhere
            return False
        return real.is_relative_to(self.root) or real.is_relative_to(self.handbook_dir)

    def display(self, path: Path) -> str:
        """Paths in messages are relative to the project root, as CI annotations need them.

        A link is named as itself, not as what it points to; characters that would break a line are
        shown escaped.
        """
        absolute = Path(os.path.abspath(path))
        for candidate in (absolute, unfollowed(absolute)):
            if candidate.is_relative_to(self.root):
                return _printable(candidate.relative_to(self.root).as_posix())
        try:
            return _printable(path.resolve().relative_to(self.root).as_posix())
        except (ValueError, OSError, RuntimeError):
            return _printable(str(path))

    def _readable(self) -> list[Path]:
        return [p for p, inside in _walk(self.handbook_dir, self.holds)
                if inside and self._unsafe_part(p) is None and p.is_file()]

    def _is_handover(self, path: Path) -> bool:
        return path.suffix in HANDOVER_SUFFIXES and path.is_relative_to(self.handovers_dir)

    def _unsafe_part(self, path: Path) -> str | None:
        """The first folder or file name that is not safe, for the files check reads (handovers and pages)."""
        if path.suffix not in TEXT_SUFFIXES:
            return None  # images and downloads: only the link rule applies
        *folders, name = path.relative_to(self.handbook_dir).parts
        return next((part for part in [*folders, Path(name).stem] if not SAFE_NAME.fullmatch(part)), None)


def ignored_folder(folder: Path) -> Path:
    """Create ``folder`` with a '*' .gitignore inside: what is written there (restricted pages, builds in
    progress) is never committed by ``git add -A``, whatever the repository's own ignores say."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.is_file():
        ignore.write_text("# written by handover: work files, never to be committed\n*\n", encoding="utf-8")
    return folder


def unfollowed(path: Path) -> Path:
    """The absolute path with its folders resolved but not its last part: a link stays itself."""
    absolute = Path(os.path.abspath(path))
    return absolute.parent.resolve() / absolute.name


def _walk(folder: Path, holds: Callable[[Path], bool]) -> list[tuple[Path, bool]]:
    """Every file under ``folder`` as MkDocs finds it (links into folders followed, each real folder once),
    with whether it stays in the project; a link out is listed, never entered or read."""
    found: list[tuple[Path, bool]] = []
    visited: set[Path] = set()
    pending = [folder]
    while pending:
        current = pending.pop()
        real = current.resolve()
        if real in visited:
            continue
        visited.add(real)
        try:
            with os.scandir(current) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError:
            continue  # missing or unreadable: files that are not there are not published either
        for entry in entries:
            path = Path(entry.path)
            if entry.is_symlink() and not holds(path):
                found.append((path, False))
            elif entry.is_dir():
                pending.append(path)
            else:
                found.append((path, True))
    return sorted(found)


def _target(link: Path) -> str:
    try:
        return repr(os.readlink(link))
    except OSError:
        return "a place that cannot be read"


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` that holds ``schemas/`` and ``handbook/``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "schemas").is_dir() and (folder / "handbook").is_dir():
            return folder
    return start
