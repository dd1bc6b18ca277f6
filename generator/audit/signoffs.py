"""Three-party sign-off from git history: who signed which exact content, and what is missing.

A sign-off is a trailer naming a person (``Signed-off-by``/``Acked-by``/``Approved-by`` by
default) on a commit that either lists the file in a ``Handover:`` trailer or changes it, and
that the named person authored: a trailer is a claim anyone can type, so it counts only in the
named person's own commit (or, with ``trust_forge_merges``, in a merge the forge wrote). It
binds to the file's blob in that commit: a later edit, committed or not, makes it stale. A
merge by the manager that brings the file in counts as the manager's approval. Without a
verified signature (``require_signed``) a sign-off is what the author field claims, no more.
Everything is computed from one ``History`` read and the working files; nothing here runs git.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..audit.history import Commit, History, working_copy_matches
from ..config import ROLES, SignoffConfig
from ..i18n import message
from ..memory import paused_cycle_collection
from ..model.handbook import Handbook, Handover, Roster
from ..model.readiness import Readiness, readiness

SIGNED, MISSING, STALE, INVALID = "signed", "missing", "stale", "invalid"
UNKNOWN = "unknown"
HANDOVER_TRAILER = "handover"
# Why a sign-off counts or not, by code: the English of the catalogue's ``reason_<code>`` (tests/test_zh_pages.py
# keeps the two equal), which ``Signoff.reason`` says in the command's language.
REASONS = {
    "missing": "no sign-off yet",
    "no_history": "no git history",
    "merged": "approved by merging",
    "forge_merge": "approved in the forge, merged by {author} (trust_forge_merges)",
    "changed": "the file changed after this sign-off",
    "uncommitted": "the working copy of {file} differs from what was signed (uncommitted changes): commit them and "
                   "ask for sign-off again, or undo them",
    "not_in_roster": "'{value}' is not in the roster",
    "not_leaver": "{person} is not the leaver of this handover",
    "not_successor": "{person} is not a successor of this handover",
    "not_manager": "{person} is not the manager of this handover",
    "merge_not_theirs": "this merge was made by {author}, not by {person}: a merge carries {person}'s approval only "
                        "when {person} merges it (or set trust_forge_merges, see guide/signoff.md)",
    "commit_not_theirs": "the commit was authored by {author}, not by {person}: a sign-off counts only in {person}'s "
                         "own commit; {person} signs with 'handover sign'",
    "unsigned": "not signed by a key of {person} (unsigned)",
    "bad_signature": "not signed by a key of {person} (signature state {signature}, signer '{signer}')",
}
_EMAIL = re.compile(r"<([^<>\s]+@[^<>\s]+)>|([^\s<>]+@[^\s<>]+)")


@dataclass(frozen=True)
class Signoff:
    role: str
    person: str
    state: str
    commit: str | None = None
    at: str | None = None
    verified: bool = False
    blob: str | None = None
    party: bool = True  # False for trailers by someone who does not hold the role
    # Why, as a catalogue key (i18n ``reason_<code>``) and its values, so pages say it in their language.
    code: str = ""
    params: tuple[tuple[str, str], ...] = ()

    @property
    def reason(self) -> str:
        """In the command's language, from the catalogue's ``reason_<code>`` (REASONS is its English)."""
        return message(f"reason_{self.code}", **dict(self.params)) if self.code else ""

    def as_dict(self) -> dict[str, object]:
        return {"role": self.role, "person": self.person, "state": self.state, "commit": self.commit,
                "at": self.at, "verified": self.verified,
                # Data, not words: audit.json and --format json keep the English of REASONS in every language.
                "reason": REASONS[self.code].format(**dict(self.params)) if self.code else ""}


@dataclass(frozen=True)
class TimelineEntry:
    commit: str
    date: str
    author: str
    subject: str
    trailers: tuple[tuple[str, str], ...]
    author_email: str = ""
    change: str = ""  # what the commit did to the file: A, M, R, C, T, D, or "" (it only names it in a trailer)


@dataclass(frozen=True)
class HandoverAudit:
    file: str
    leaver: str
    state: str
    signoffs: tuple[Signoff, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    blob: str | None = None
    uncommitted: bool = False  # the working file is not the committed one: nothing on disk is signed
    approved_incomplete: Readiness | None = None  # what was still open when the manager approved this content

    def awaiting(self, person: str) -> bool:
        """Whether ``person`` still has to sign (or sign again) this handover."""
        return self.state != UNKNOWN and any(s.party and s.person == person and s.state != SIGNED for s in self.signoffs)

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "leaver": self.leaver, "state": self.state,
                "signoffs": [s.as_dict() for s in self.signoffs],
                "uncommitted_changes": self.uncommitted, "approved_incomplete": self.approved_incomplete is not None}


@dataclass
class _Index:
    """Which commits touch or name each path: built once for all files."""

    touching: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    named: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    names_in: dict[int, list[str]] = field(default_factory=dict)  # paths a commit's Handover: trailers list


def build_index(history: History) -> _Index:
    index = _Index()
    for position, commit in enumerate(history.commits):
        for path, change in commit.changes.items():
            index.touching[path].append(position)
            if change.old_path:
                index.touching[change.old_path].append(position)
        for path in commit.removed:
            if path not in commit.changes:
                index.touching[path].append(position)
        for key, value in commit.trailers:
            if key.lower() == HANDOVER_TRAILER:
                path = _normal(value)
                index.named[path].append(position)
                index.names_in.setdefault(position, []).append(path)
    return index


def _normal(path: str) -> str:
    path = path.strip()
    while path.startswith("./"):
        path = path[2:]
    return path


def people_by_email(roster: Roster, *, principals: bool = True) -> dict[str, str]:
    """Every address a person commits with (``email``, ``git_emails``), and their signing principals.

    Without ``principals``: only the addresses that may stand in a commit's author field.
    """
    found: dict[str, str] = {}
    for person in roster.people.values():
        for address in (person.email, *person.git_emails, *(person.ssh_principals if principals else ())):
            if address:
                found[address.lower()] = person.id
    return found


@dataclass(frozen=True)
class _Identities:
    named: dict[str, str]  # trailer and signer address -> person
    authors: dict[str, str]  # author address -> person


def trailer_email(value: str) -> str | None:
    match = _EMAIL.search(value)
    return (match.group(1) or match.group(2)).lower() if match else None


def _timeline(history: History, index: _Index, path: str) -> list[tuple[int, str]]:
    """(position, name of the file at that commit) for every commit touching or naming it, newest first."""
    found: dict[int, str] = {}
    pending = [(path, -1)]
    seen: set[str] = set()
    while pending:
        name, newer_than = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        for position in sorted(set(index.touching.get(name, [])) | set(index.named.get(name, []))):
            if position <= newer_than:
                continue
            found.setdefault(position, name)
            change = history.commits[position].changes.get(name)
            if change is not None and change.status == "R" and change.old_path:
                pending.append((change.old_path, position))
    return sorted(found.items())


def _holds(role: str, person: str, handover: Handover) -> bool:
    if role == "leaver":
        return person == handover.leaver
    if role == "successor":
        return person in handover.successors
    return person == handover.manager


def audit_handover(handover: Handover, repo_path: str, history: History, index: _Index, identities: _Identities,
                   config: SignoffConfig) -> HandoverAudit:
    current = history.blob_at(history.head, repo_path) if history.head else None
    # What is on disk is what a local build shows: unless it is the committed blob, nobody signed it.
    uncommitted = not working_copy_matches(history.root / repo_path, current)
    timeline = _timeline(history, index, repo_path)
    records: list[Signoff] = []
    entries: list[TimelineEntry] = []
    for position, name in timeline:
        commit = history.commits[position]
        named = index.names_in.get(position) or []
        change = commit.changes.get(name)
        status = change.status if change is not None else ("D" if name in commit.removed else "")
        # The trail is this file's history: commits that changed it or name it in a Handover: trailer, and
        # nothing else (a commit that only copied it elsewhere, say, is another file's history).
        if status or name in named:
            entries.append(TimelineEntry(commit.sha, commit.date, commit.author_name, commit.subject, commit.trailers,
                                         commit.author_email, status))
        in_scope = name in named if named else name in commit.changes
        if not in_scope:
            continue
        blob = history.blob_at(commit.sha, name)
        judge = _Judge(handover, commit, blob, current, uncommitted, identities, config)
        for key, value in commit.trailers:
            role = config.role_of_trailer(key)
            if role is not None:
                records.append(judge(role, value))
        if (config.merge_approval and commit.is_merge
                and identities.authors.get(commit.author_email) == handover.manager):
            records.append(judge("manager", f"<{commit.author_email}>", how="merged"))
    signoffs = _expected(handover, records) + [r for r in records if not r.party]
    return HandoverAudit(handover.file, handover.leaver, _overall(signoffs), tuple(signoffs),
                         tuple(entries), current, uncommitted, _approved_incomplete(handover, signoffs))


def _approved_incomplete(handover: Handover, signoffs: list[Signoff]) -> Readiness | None:
    """A current approval binds the content on disk, so what is open now was open when it was given."""
    if not any(s.party and s.role == "manager" and s.state == SIGNED for s in signoffs):
        return None
    found = readiness(handover)
    return None if found.ready else found


def _author(commit: Commit) -> str:
    return f"{commit.author_name} <{commit.author_email}>"


@dataclass(frozen=True)
class _Judge:
    """Judges the sign-off lines of one commit for one handover."""

    handover: Handover
    commit: Commit
    blob: str | None  # the file's content in this commit
    current: str | None  # the file's content at HEAD
    uncommitted: bool
    identities: _Identities
    config: SignoffConfig

    def __call__(self, role: str, value: str, how: str = "") -> Signoff:
        commit, handover, config = self.commit, self.handover, self.config
        person = self.identities.named.get(trailer_email(value) or "")
        # Only approval lines are the forge's to write (GitLab's %{approved_by}); nothing else in a merge is trusted.
        forge = commit.is_merge and config.trust_forge_merges and role == "manager"
        if forge and person in handover.successors:
            role = "successor"  # the forge writes one approval line per approver, whatever their part
        signer = self.identities.named.get(commit.signer.lower()) if commit.signer else None
        verified = commit.signature == "G" and signer is not None and signer == person
        base = dict(role=role, commit=commit.sha, at=commit.date, verified=verified, blob=self.blob)

        def judged(state: str, code: str, params: dict[str, str] | None = None, *, who: str | None = person,
                   party: bool = True) -> Signoff:
            return Signoff(person=who or value, state=state, party=party, code=code,
                           params=tuple((params or {}).items()), **base)  # type: ignore[arg-type]

        if person is None:
            return judged(INVALID, "not_in_roster", {"value": value}, who=value, party=False)
        if not _holds(role, person, handover):
            return judged(INVALID, f"not_{role}", {"person": person}, party=False)
        how_params: dict[str, str] = {}
        if self.identities.authors.get(commit.author_email) != person:
            if not forge:
                return judged(INVALID, "merge_not_theirs" if commit.is_merge else "commit_not_theirs",
                              {"author": _author(commit), "person": person}, party=False)
            how, how_params = "forge_merge", {"author": _author(commit)}
        if config.require_signed and not verified:
            if commit.signature == "N":
                return judged(INVALID, "unsigned", {"person": person})
            return judged(INVALID, "bad_signature", {"person": person, "signature": commit.signature, "signer": commit.signer})
        if self.blob is None or self.blob != self.current:
            return judged(STALE, "changed")
        if self.uncommitted:
            return judged(STALE, "uncommitted", {"file": handover.file})
        return judged(SIGNED, how, how_params)


def _expected(handover: Handover, records: list[Signoff]) -> list[Signoff]:
    """One entry per party: the newest current sign-off, else the newest stale one, else why not."""
    parties = [("leaver", handover.leaver), *(("successor", s) for s in handover.successors),
               ("manager", handover.manager)]
    result = []
    for role, person in parties:
        mine = [r for r in records if r.party and r.role == role and r.person == person]  # newest first
        chosen = (next((r for r in mine if r.state == SIGNED), None) or next((r for r in mine if r.state == STALE), None)
                  or next((r for r in mine if r.state == INVALID), None))
        result.append(chosen or Signoff(role, person, MISSING, code="missing"))
    return result


def _overall(signoffs: list[Signoff]) -> str:
    for role in ROLES:
        if any(s.party and s.role == role and s.state != SIGNED for s in signoffs):
            return f"awaiting-{role}"
    return SIGNED


def unknown_audit(handover: Handover) -> HandoverAudit:
    parties = [("leaver", handover.leaver), *(("successor", s) for s in handover.successors),
               ("manager", handover.manager)]
    return HandoverAudit(handover.file, handover.leaver, UNKNOWN,
                         tuple(Signoff(r, p, UNKNOWN, code="no_history") for r, p in parties))


def audit_handbook(handbook: Handbook, history: History | None, config: SignoffConfig,
                   repo_paths: dict[str, str]) -> dict[str, HandoverAudit]:
    """Audit every handover; ``repo_paths`` maps handover id to its path inside the repository."""
    if history is None:
        return {h.id: unknown_audit(h) for h in handbook.handovers}
    with paused_cycle_collection():
        index = build_index(history)
        identities = _Identities(people_by_email(handbook.roster), people_by_email(handbook.roster, principals=False))
        return {h.id: audit_handover(h, repo_paths[h.id], history, index, identities, config)
                for h in handbook.handovers}
