"""Read git history in one pass: every commit with parents, author, signature, trailers and the
blobs it changed (against its first parent, so merges show what they brought in).

Per-file ``git log`` calls are over 1,000x slower on a real handbook; this module runs git
exactly once and answers "which blob did path P have at commit C" from memory.
"""
from __future__ import annotations

import codecs
import hashlib
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import git

from ..errors import HandoverError
from ..i18n import message
from ..memory import paused_cycle_collection

_FORMAT = "%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%G?%x1f%GS%x1f%s%x1f%(trailers:unfold,only)%x1f"
NO_BLOB = "0" * 40


class ShallowHistory(HandoverError):
    """History is cut short; sign-offs cannot be judged."""


@dataclass(frozen=True)
class Change:
    status: str  # A, M, D, R (rename), C (copy), T (type change)
    path: str
    old_path: str | None
    blob: str


@dataclass(frozen=True)
class Commit:
    sha: str
    parents: tuple[str, ...]
    author_name: str
    author_email: str
    date: str
    signature: str  # git's %G?: G good, N none, B bad, U untrusted, ...
    signer: str  # git's %GS
    subject: str
    trailers: tuple[tuple[str, str], ...]
    changes: dict[str, Change] = field(default_factory=dict)  # by new path
    removed: frozenset[str] = frozenset()  # paths gone after this commit (deleted or renamed away)

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1


def _trailers(text: str) -> tuple[tuple[str, str], ...]:
    found = []
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and " " not in key.strip():
            found.append((key.strip(), value.strip()))
    return tuple(found)


def _changes(raw: str) -> tuple[dict[str, Change], frozenset[str]]:
    tokens = raw.lstrip("\n").split("\0")
    changes: dict[str, Change] = {}
    removed: set[str] = set()
    index = 0
    while index < len(tokens):
        meta = tokens[index]
        if not meta.startswith(":"):
            index += 1
            continue
        fields = meta[1:].split()
        blob, status = fields[3], fields[4][:1]
        if status in ("R", "C"):
            old, new = tokens[index + 1], tokens[index + 2]
            index += 3
            changes[new] = Change(status, new, old, blob)
            if status == "R":
                removed.add(old)
        else:
            path = tokens[index + 1]
            index += 2
            if status == "D":
                removed.add(path)
            else:
                changes[path] = Change(status, path, None, blob)
    return changes, frozenset(removed)


def _record(record: str) -> Commit:
    header, _, raw = record.partition("\x1f\0")
    sha, parents, name, email, date, signature, signer, subject, trailers = header.split("\x1f")[:9]
    changes, removed = _changes(raw)
    return Commit(sha, tuple(parents.split()), name, email.lower(), date, signature, signer, subject,
                  _trailers(trailers), changes, removed)


def _stream_log(command: list[str], root: Path) -> list[Commit]:
    """Parse each commit as soon as git has written it: parsing runs while git is still working."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    commits: list[Commit] = []
    pending = ""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a chatty stderr can never block git
        process = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=errors)
        assert process.stdout is not None
        for chunk in iter(lambda: process.stdout.read(1 << 16), b""):  # type: ignore[union-attr]
            records = (pending + decoder.decode(chunk)).split("\x1e")
            pending = records.pop()
            commits.extend(_record(record) for record in records if record)
        process.stdout.close()
        pending += decoder.decode(b"", final=True)
        if pending:
            commits.append(_record(pending))
        if process.wait() != 0:
            errors.seek(0)
            raise HandoverError(message("git_log_failed", error=errors.read().decode("utf-8", errors="replace").strip()))
    return commits


@dataclass
class History:
    """All commits reachable from HEAD, newest first (topological: children before parents)."""

    commits: list[Commit]
    head: str | None
    root: Path
    _by_sha: dict[str, Commit] = field(default_factory=dict)
    _touched: dict[str, list[str]] | None = None
    _enter: dict[str, int] = field(default_factory=dict)
    _leave: dict[str, int] = field(default_factory=dict)
    _depth: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_sha = {c.sha: c for c in self.commits}

    def __contains__(self, sha: str) -> bool:
        return sha in self._by_sha

    def commit(self, sha: str) -> Commit:
        return self._by_sha[sha]

    def _prepare(self) -> dict[str, list[str]]:
        """Index once: commits per path, and an Euler tour of the first-parent tree.

        A commit's tree is its first parent's tree plus its own first-parent diff, so the blob of a
        path at commit C is set by C's nearest first-parent ancestor that changed the path. Tour
        intervals answer "is X such an ancestor of C" in O(1), so a lookup costs only the few
        commits that ever changed that path, however long the history.
        """
        if self._touched is not None:
            return self._touched
        touched: dict[str, list[str]] = {}
        children: dict[str, list[str]] = {}
        roots = []
        for commit in self.commits:
            for path in (*commit.changes, *commit.removed):
                touched.setdefault(path, []).append(commit.sha)
            if commit.parents and commit.parents[0] in self._by_sha:
                children.setdefault(commit.parents[0], []).append(commit.sha)
            else:
                roots.append(commit.sha)
        clock = 0
        for root in roots:
            stack: list[tuple[str, int, bool]] = [(root, 0, False)]
            while stack:
                sha, depth, done = stack.pop()
                if done:
                    self._leave[sha] = clock
                    continue
                self._enter[sha], self._depth[sha] = clock, depth
                clock += 1
                stack.append((sha, depth, True))
                stack.extend((child, depth + 1, False) for child in children.get(sha, ()))
        self._touched = touched
        return touched

    def blob_at(self, sha: str, path: str) -> str | None:
        """The blob ``path`` had in commit ``sha`` (None if absent)."""
        touched = self._prepare()
        if sha not in self._enter:
            return None
        enter = self._enter[sha]
        nearest: str | None = None
        for candidate in touched.get(path, ()):
            if self._enter[candidate] <= enter < self._leave[candidate] and (
                    nearest is None or self._depth[candidate] > self._depth[nearest]):
                nearest = candidate
        if nearest is None:
            return None
        change = self._by_sha[nearest].changes.get(path)
        return change.blob if change is not None else None


def working_copy_matches(path: Path, blob: str | None) -> bool:
    """Whether the file on disk is the content of ``blob``, without running git.

    git names content by hashing ``blob <size>\\0`` and the bytes (SHA-1, or SHA-256 in a
    SHA-256 repository). A checkout with ``core.autocrlf`` has CRLF on disk and LF in the blob,
    so the LF form is tried too: a Windows checkout must not look edited when it is not.
    """
    if blob is None:
        return False
    try:
        data = path.read_bytes()
    except OSError:
        return False
    algorithm = hashlib.sha256 if len(blob) == 64 else hashlib.sha1
    candidates = (data, data.replace(b"\r\n", b"\n")) if b"\r\n" in data else (data,)
    return any(algorithm(b"blob %d\0" % len(c) + c).hexdigest() == blob for c in candidates)


def open_repository(start: Path) -> git.Repo | None:
    try:
        return git.Repo(start, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None


def read_history(repo: git.Repo, allowed_signers: Path | None = None) -> History:
    """One ``git log`` over everything reachable from HEAD."""
    root = Path(repo.working_tree_dir or repo.git_dir)
    if (Path(repo.git_dir) / "shallow").exists():
        raise ShallowHistory(message("shallow_history"))
    try:
        head = repo.head.commit.hexsha
    except ValueError:  # no commit yet
        return History([], None, root)
    options = ["-c", f"gpg.ssh.allowedSignersFile={allowed_signers}"] if allowed_signers else []
    command = [git.Git.GIT_PYTHON_GIT_EXECUTABLE or "git", *options, "log", "-z", "--topo-order", "--raw",
               "--no-abbrev", "-M", "--diff-merges=first-parent", f"--format={_FORMAT}", "HEAD"]
    with paused_cycle_collection():
        return History(_stream_log(command, root), head, root)
