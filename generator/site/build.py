"""Build the MkDocs site so that no fault loses the published site or leaves the handbook's data behind.

A failed build, a kill at any moment, a full disk, a read-only folder or a second build at the same
time: afterwards the target holds the previous site or the new one, whole, and nothing the build
wrote can be committed by ``git add -A`` or served by accident.

Everything in progress lives in one work folder beside the target::

    .handover-build/          ignored twice: by the project's .gitignore, and by its own '*' .gitignore,
        .gitignore            which holds wherever the target is (``-d DIR``, another repository)
        site/                 one private folder (0700) per target: site/ and site-restricted/ build side by side
            lock              held (flock) for the whole build: two builds of one target take turns
            staging-…/        the build in progress; a killed build's leftovers are removed by the next
            previous/         the replaced site, only for the instant of a two-rename switch

Why the target stays a real folder, switched by exchanging two folders, rather than a symlink to
versioned folders swapped with ``os.replace``: users copy, zip and serve ``site/`` with any tool, a
symlink needs a privilege on Windows, and ignore patterns such as ``/site/`` match folders only. On
Linux the switch is one ``renameat2(RENAME_EXCHANGE)`` call: at every instant the target is the old
site or the new one. Where the system has no such call, two renames (old out to ``previous/``, new
in); a kill between them leaves ``previous/``, which the next build moves back before anything else.
The work folder is beside the target because a rename cannot cross file systems.
"""
from __future__ import annotations

import contextlib
import ctypes
import errno
import logging
import os
import secrets
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import HandoverError
from ..i18n import message
from ..project import ignored_folder

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

WORK_FOLDER = ".handover-build"
RESTRICTED_SUFFIX = "-restricted"
LOCK_TIMEOUT = 600.0  # seconds a build waits for another build of the same target


class BuildFailed(HandoverError):
    """The site could not be built or switched in; the previous site is untouched."""


class _ErrorCollector(logging.Handler):
    """MkDocs logs why a build failed and raises only 'Aborted'; keep the why for the caller."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(config_file: Path, site_dir: Path | None = None, *, strict: bool = False,
               audience: str | None = None, wait: float = LOCK_TIMEOUT) -> Path:
    """Build into a staging folder, then switch it in; on any failure the previous site stays.

    ``audience`` overrides the plugin's; the restricted site goes to its own folder
    (``site-restricted`` beside ``site``) unless ``site_dir`` says otherwise, so the two never mix.
    A second build of the same target waits up to ``wait`` seconds for the first to finish.
    """
    from mkdocs.config import load_config

    config = load_config(str(config_file), strict=strict)
    plugin = config.plugins.get("handover")
    if audience is not None:
        if plugin is None:
            raise BuildFailed(message("build_no_plugin", config=config_file))
        plugin.config.audience = audience
    default_dir = Path(config["site_dir"])
    if plugin is not None and plugin.config.audience == "restricted":
        default_dir = default_dir.with_name(default_dir.name + RESTRICTED_SUFFIX)
    target = Path(site_dir or default_dir).resolve()  # a link to a web root: the web root is what gets replaced
    _refuse_to_replace_sources(target, Path(config_file).resolve().parent, Path(config["docs_dir"]).resolve())
    work = target.parent / WORK_FOLDER / target.name
    with _failing_as_build_error(target), _locked(work / "lock", target, wait):
        _recover(work, target)
        staging = work / f"staging-{os.getpid()}-{secrets.token_hex(4)}"
        staging.mkdir()  # not mkdtemp: the site keeps the folder modes the umask gives, so a web server can read it
        try:
            config["site_dir"] = str(staging)
            _mkdocs_build(config)
            _switch(staging, target, work / "previous")
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return target


def _refuse_to_replace_sources(target: Path, project_dir: Path, docs_dir: Path) -> None:
    """The switch removes what was at the target: never the project or its handbook."""
    if project_dir.is_relative_to(target) or docs_dir.is_relative_to(target) or target.is_relative_to(docs_dir):
        raise BuildFailed(message("build_would_replace", target=target, project=project_dir, docs=docs_dir))


def _mkdocs_build(config: MkDocsConfig) -> None:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    collector = _ErrorCollector()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collector)
    # As 'mkdocs build' does: plugins with on_startup live across builds of one process (for 'serve'),
    # so each build tells them it is a build, never a preview left over from before.
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    except (MkDocsException, HandoverError) as exc:
        raise BuildFailed("\n".join(collector.messages) or str(exc)) from exc
    finally:
        mkdocs_log.removeHandler(collector)
        config.plugins.on_shutdown()


@contextlib.contextmanager
def _failing_as_build_error(target: Path) -> Iterator[None]:
    """A full disk, a read-only or missing folder: one clear error that names the path, never a traceback."""
    try:
        yield
    except OSError as exc:
        where = message("build_where", file=exc.filename) if exc.filename else ""
        raise BuildFailed(message("build_os_error", target=target, error=exc.strerror or exc, where=where)) from exc


@contextlib.contextmanager
def _locked(lock_file: Path, target: Path, wait: float) -> Iterator[None]:
    """Hold the target's lock; the system drops it when the holder dies, so a kill never leaves it stuck."""
    ignored_folder(lock_file.parent.parent)
    # Private: beside a web root, a build in progress (restricted pages too) must not be served. The site
    # keeps its own modes when it moves out.
    lock_file.parent.mkdir(mode=0o700, exist_ok=True)
    with open(lock_file, "a+b") as handle:
        deadline = time.monotonic() + wait
        while not _try_lock(handle.fileno()):
            if time.monotonic() >= deadline:
                raise BuildFailed(message("build_locked", target=target, lock=lock_file))
            time.sleep(0.2)
        yield  # closing the file releases the lock


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _recover(work: Path, target: Path) -> None:
    """Under the lock: bring back a site a kill left out, then remove everything a killed build left."""
    # Versions before the work folder left these beside the target (restricted data included).
    legacy = [*target.parent.glob(f".{target.name}-building-*"), target.with_name(f".{target.name}-previous")]
    for previous in (work / "previous", legacy[-1]):
        if previous.is_dir() and not os.path.lexists(target):
            os.rename(previous, target)
    for entry in [*work.iterdir(), *legacy]:
        if entry.name != "lock":
            _remove(entry)


def _switch(staging: Path, target: Path, previous: Path) -> None:
    """Put the new site at ``target``; afterwards ``staging`` holds the old one (or nothing)."""
    if not os.path.lexists(target):
        os.rename(staging, target)
        return
    try:
        _exchange(staging, target)
        return
    except OSError as exc:
        if exc.errno not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
            raise
    os.rename(target, previous)
    try:
        os.rename(staging, target)
    except OSError:
        os.rename(previous, target)
        raise
    os.rename(previous, staging)  # removed with the staging folder


def _exchange(first: Path, second: Path) -> None:
    """Swap two paths in one step (Linux ``renameat2``); OSError(ENOSYS) where the system cannot."""
    if not sys.platform.startswith("linux"):
        raise OSError(errno.ENOSYS, "no atomic exchange on this system")
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:  # C library older than glibc 2.28
        raise OSError(errno.ENOSYS, "no renameat2 in the C library")
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(second))


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()
