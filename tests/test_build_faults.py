"""Faults never lose the site or leave data behind: real builds, killed, run twice at once, or
failing to write.

Fault injection used here, and why:
- kill -9 of a real ``python -m generator.cli build`` once its staging folder has pages in it;
- kill -9 between the two renames of the portable switch, in a real subprocess build whose
  ``os.rename`` sends SIGKILL to itself at that moment (the Linux exchange is turned off there);
- ``os.rename`` and the exchange wrapped to raise, in-process;
- a full disk simulated by wrapping MkDocs' ``utils.write_file`` to raise ENOSPC after a few pages;
- unwritable targets that stay unwritable as root (tests may run as root, where chmod stops nothing):
  a folder under a regular file, and a folder in /proc.
"""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import mkdocs.utils
import pytest

from generator.site import build as site_build
from generator.site.build import WORK_FOLDER, BuildFailed, build_site

from .gitrepo import GitRepo
from .helpers import CASES, REPO


@pytest.fixture
def repo(project: Path) -> Path:
    """The sample project as a git repository with the project's own .gitignore."""
    shutil.copy2(REPO / ".gitignore", project / ".gitignore")
    GitRepo(project).commit("Handbook", by="zhangwei")
    return project


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def command(project: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "generator.cli", "--root", str(project), "build", *args]


def run_script(project: Path, script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """A real build in a fresh process, with ``script`` run first to inject a fault."""
    code = script + "\nfrom generator.cli import run\nsys.exit(run(sys.argv[1:]))\n"
    return subprocess.run([sys.executable, "-c", code, "--root", str(project), "build", *args], cwd=project,
                          capture_output=True, text=True, timeout=300, check=False)


def wait_for(condition: Callable[[], bool], process: subprocess.Popen[str], what: str) -> None:
    deadline = time.monotonic() + 120
    while not condition():
        assert process.poll() is None, f"the build ended before {what}: {process.communicate()}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.005)


def staged_pages(project: Path, target: str) -> list[Path]:
    return list((project / WORK_FOLDER / target).glob("staging-*/handovers/*/index.html"))


def would_commit(project: Path) -> list[str]:
    """What ``git add -A`` would stage."""
    return subprocess.run(["git", "add", "-A", "--dry-run"], cwd=project, capture_output=True, text=True,
                          check=True).stdout.splitlines()


# -- kill -9 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("project_ignores", [True, False])
def test_a_killed_restricted_build_leaves_nothing_git_would_commit(repo: Path, project_ignores: bool) -> None:
    if not project_ignores:  # the staging folder's own '*' .gitignore is enough on its own
        (repo / ".gitignore").write_text("__pycache__/\n", encoding="utf-8")
        GitRepo(repo).commit("Ignore less", by="zhangwei")
    process = subprocess.Popen(command(repo, "--audience", "restricted"), cwd=repo, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_for(lambda: bool(staged_pages(repo, "site-restricted")), process, "pages were staged")
    process.send_signal(signal.SIGKILL)
    process.communicate()
    leftovers = list((repo / WORK_FOLDER / "site-restricted").glob("staging-*"))
    assert leftovers, "the kill came too late to test anything"
    staged = [line for line in would_commit(repo) if "site" in line or WORK_FOLDER in line]
    assert staged == [], staged
    assert not list(repo.glob(".site*"))  # nothing beside the target either

    finished = subprocess.run(command(repo, "--audience", "restricted"), cwd=repo, capture_output=True, text=True,
                              timeout=300, check=False)
    assert finished.returncode == 0, finished.stderr
    assert (repo / "site-restricted" / "index.html").is_file()
    assert sorted(p.name for p in (repo / WORK_FOLDER / "site-restricted").iterdir()) == ["lock"]  # leftovers gone


def test_a_kill_between_the_two_renames_is_repaired_by_the_next_build(repo: Path, cli) -> None:
    """Where the system has no atomic exchange: old site out, [kill], new site in. The next build,
    even one that fails, first puts the old site back."""
    assert cli("build", root=repo)[0] == 0
    before = snapshot(repo / "site")
    killed = run_script(repo, """
import errno, os, signal, sys
import generator.site.build as b
def no_exchange(first, second):
    raise OSError(errno.ENOSYS, "no exchange here")
b._exchange = no_exchange
real_rename = os.rename
def rename(source, destination):
    if os.path.basename(str(source)).startswith("staging-"):
        os.kill(os.getpid(), signal.SIGKILL)
    real_rename(source, destination)
os.rename = rename
""")
    assert killed.returncode == -signal.SIGKILL
    assert not (repo / "site").exists() and (repo / WORK_FOLDER / "site" / "previous").is_dir()

    shutil.copy2(CASES / "invalid" / "impossible-date.yaml", repo / "handbook" / "handovers" / "bad.yaml")
    code, _, err = cli("build", root=repo)
    assert code == 1 and "bad.yaml" in err
    assert snapshot(repo / "site") == before
    assert sorted(p.name for p in (repo / WORK_FOLDER / "site").iterdir()) == ["lock"]


def test_leftovers_of_earlier_versions_are_removed_and_their_site_recovered(repo: Path, cli) -> None:
    assert cli("build", root=repo)[0] == 0
    before = snapshot(repo / "site")
    (repo / "site").rename(repo / ".site-previous")  # killed between the renames, old layout
    (repo / ".site-building-k2j3").mkdir()
    (repo / ".site-building-k2j3" / "index.html").write_text("+86 138 0000 0000", encoding="utf-8")
    shutil.copy2(CASES / "invalid" / "impossible-date.yaml", repo / "handbook" / "handovers" / "bad.yaml")
    assert cli("build", root=repo)[0] == 1
    assert snapshot(repo / "site") == before
    assert not list(repo.glob(".site*"))


# -- two builds at once ------------------------------------------------------------------------------

def test_concurrent_builds_take_turns_and_the_site_never_disappears(repo: Path, cli) -> None:
    assert cli("build", root=repo)[0] == 0
    (repo / "handbook" / "guide" / "index.md").write_text("# 指南\n\nrebuilt\n", encoding="utf-8")
    processes = [subprocess.Popen(command(repo, *extra), cwd=repo, text=True, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE)
                 for extra in ((), (), ("--audience", "restricted"))]
    missing = 0
    while any(p.poll() is None for p in processes):
        missing += not (repo / "site" / "index.html").is_file()
        time.sleep(0.002)
    results = [p.communicate() for p in processes]
    for process, (_, err) in zip(processes, results, strict=True):
        assert process.returncode == 0, err
        assert "Traceback" not in err and "FileNotFoundError" not in err
    assert missing == 0
    assert "rebuilt" in (repo / "site" / "guide" / "index.html").read_text(encoding="utf-8")
    assert (repo / "site-restricted" / "index.html").is_file()


def test_a_build_waits_for_the_lock_then_says_another_build_is_running(repo: Path, cli) -> None:
    assert cli("build", root=repo)[0] == 0
    before = snapshot(repo / "site")
    with open(repo / WORK_FOLDER / "site" / "lock", "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        started = time.monotonic()
        with pytest.raises(BuildFailed, match="another build of .*site is running"):
            build_site(repo / "mkdocs.yml", wait=0.5)
        assert time.monotonic() - started >= 0.5
    assert snapshot(repo / "site") == before


# -- failures while writing or switching ----------------------------------------------------------------

def fail_with(code: int, when: Callable[..., bool]) -> Callable[..., Any]:
    def raising(*args: Any, **_: Any) -> Any:
        if when(*args):
            raise OSError(code, os.strerror(code), str(args[-1]))
        return None
    return raising


def wrap(real: Callable[..., Any], code: int, when: Callable[..., bool]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        fail_with(code, when)(*args)
        return real(*args, **kwargs)
    return wrapper


def assert_untouched(repo: Path, before: dict[str, bytes]) -> None:
    assert snapshot(repo / "site") == before
    assert sorted(p.name for p in (repo / WORK_FOLDER / "site").iterdir()) == ["lock"]
    assert not list(repo.glob(".site*"))


def test_a_full_disk_is_a_clear_error_and_the_previous_site_stays(repo: Path, cli, monkeypatch) -> None:
    assert cli("build", root=repo)[0] == 0
    before = snapshot(repo / "site")
    written: list[str] = []

    def after_five(_content: bytes, output_path: str) -> bool:
        written.append(output_path)
        return len(written) > 5
    monkeypatch.setattr(mkdocs.utils, "write_file", wrap(mkdocs.utils.write_file, errno.ENOSPC, after_five))
    code, _, err = cli("build", root=repo)
    assert code == 1 and "Traceback" not in err
    assert "No space left on device" in err and str(repo / "site") in err and "handover build -d DIR" in err
    assert_untouched(repo, before)


@pytest.mark.parametrize("exchange_works", [True, False])
def test_a_failing_switch_keeps_the_previous_site(repo: Path, cli, monkeypatch, exchange_works: bool) -> None:
    assert cli("build", root=repo)[0] == 0
    before = snapshot(repo / "site")
    if exchange_works:
        monkeypatch.setattr(site_build, "_exchange", fail_with(errno.EIO, lambda *_: True))
    else:  # the portable switch: old site out, new site in fails, old site back
        monkeypatch.setattr(site_build, "_exchange", fail_with(errno.ENOSYS, lambda *_: True))
        monkeypatch.setattr(os, "rename", wrap(os.rename, errno.ENOSPC,
                                               lambda source, _: Path(source).name.startswith("staging-")))
    code, _, err = cli("build", root=repo)
    assert code == 1 and "Traceback" not in err and "previous site is unchanged" in err
    assert_untouched(repo, before)


def test_the_portable_switch_replaces_the_site(repo: Path, cli, monkeypatch) -> None:
    assert cli("build", root=repo)[0] == 0
    monkeypatch.setattr(site_build, "_exchange", fail_with(errno.ENOSYS, lambda *_: True))
    (repo / "handbook" / "guide" / "index.md").write_text("# 指南\n\nportable\n", encoding="utf-8")
    assert cli("build", root=repo)[0] == 0
    assert "portable" in (repo / "site" / "guide" / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in (repo / WORK_FOLDER / "site").iterdir()) == ["lock"]


@pytest.mark.parametrize("where", ["under-a-file", "proc"])
def test_an_unwritable_target_is_a_clear_error(repo: Path, cli, where: str) -> None:
    if where == "under-a-file":
        (repo / "notes.txt").write_text("a file, not a folder\n", encoding="utf-8")
        target = repo / "notes.txt" / "site"
    else:
        target = Path("/proc") / f"handover-site-{os.getpid()}"
    code, out, err = cli("build", "-d", str(target), root=repo)
    assert code == 1 and "Traceback" not in err and out == ""
    assert f"could not build the site in {target}" in err and "handover build -d DIR" in err


# -- the target ----------------------------------------------------------------------------------------

def test_build_into_another_folder_keeps_working_and_is_ignored_there(repo: Path, tmp_path: Path, cli) -> None:
    elsewhere = tmp_path / "published" / "handbook-site"
    code, out, _ = cli("build", "-d", str(elsewhere), root=repo)
    assert code == 0 and str(elsewhere) in out
    assert (elsewhere / "index.html").is_file() and not (repo / "site").exists()
    assert (elsewhere.parent / WORK_FOLDER / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (elsewhere.parent / WORK_FOLDER / elsewhere.name).stat().st_mode & 0o777 == 0o700  # not served
    assert elsewhere.stat().st_mode & 0o777 == 0o777 & ~current_umask()  # the site itself is readable
    assert cli("build", "-d", str(elsewhere), root=repo)[0] == 0  # and again, over the first
    assert (elsewhere / "index.html").is_file()


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_a_target_that_is_a_link_updates_the_folder_it_points_to(repo: Path, tmp_path: Path, cli) -> None:
    web_root = tmp_path / "www" / "handbook"
    web_root.mkdir(parents=True)
    os.symlink(web_root, repo / "published")
    assert cli("build", "-d", str(repo / "published"), root=repo)[0] == 0
    assert (repo / "published").is_symlink() and (web_root / "index.html").is_file()


@pytest.mark.parametrize("target", [".", "handbook", "handbook/site", ".."])
def test_the_site_never_replaces_the_project(repo: Path, cli, target: str) -> None:
    before = sorted(p.relative_to(repo) for p in repo.rglob("*") if ".git" not in p.parts)
    code, _, err = cli("build", "-d", str(repo / target), root=repo)
    assert code == 1 and "build into a folder of its own" in err
    assert sorted(p.relative_to(repo) for p in repo.rglob("*") if ".git" not in p.parts) == before
