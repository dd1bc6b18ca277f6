"""``handover status``: who signed which handover, as text and JSON.

The text names each party's role in words (离职人/接手人/审批人) and each person by name when the roster is given
(``Signatures``); the JSON keeps role, person id and state as data.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..audit.signoffs import SIGNED, STALE, HandoverAudit, Signoff
from ..config import ROLES
from ..i18n import current_language, message
from ..i18n.argparse_words import columns
from ..model.handbook import Person
from .terminal import inline


@dataclass(frozen=True)
class Signatures:
    """The audits shown, and the roster that names the people in them."""

    audits: Sequence[HandoverAudit]
    people: Mapping[str, Person]


def _audits(data: Sequence[HandoverAudit] | Signatures) -> Sequence[HandoverAudit]:
    return data.audits if isinstance(data, Signatures) else data


def as_json(data: Sequence[HandoverAudit] | Signatures) -> str:
    return json.dumps([a.as_dict() for a in _audits(data)], ensure_ascii=False, indent=2)


def role_name(role: str) -> str:
    """A party's role in words (离职人/接手人/审批人); a role this version does not know, as it is."""
    return message(f"party_{role}") if role in ROLES else role


def _person(person_id: str, people: Mapping[str, Person]) -> str:
    person = people.get(person_id)
    return inline(person.called(current_language()) if person else person_id)


def _pad(text: str, width: int) -> str:
    """``text`` filled to ``width`` terminal columns: a Chinese character takes two."""
    return text + " " * max(width - columns(text), 0)


def _evidence(signoff: Signoff) -> str:
    if signoff.state not in (SIGNED, STALE):
        return ""
    # An unsigned commit proves only what its author field says; anyone can type any name there.
    return "  " + message("status_verified" if signoff.verified else "status_claimed")


def warnings(audit: HandoverAudit) -> list[str]:
    """What a signed state alone would hide: content nobody signed, an approval of unfinished work."""
    found = []
    if audit.uncommitted:
        found.append(message("status_uncommitted", file=audit.file))
    if audit.approved_incomplete:
        found.append(message("status_approved_incomplete", reasons=message("list_semicolon").join(audit.approved_incomplete.reasons())))
    return found


def as_text(data: Sequence[HandoverAudit] | Signatures) -> str:
    people = data.people if isinstance(data, Signatures) else {}
    lines = []
    for audit in _audits(data):
        lines.append(message("status_line", file=audit.file, state=message(f"status_overall_{audit.state}")))
        lines += [f"    ! {warning}" for warning in warnings(audit)]
        for s in audit.signoffs:
            where = f" {s.commit[:10]} {s.at}" if s.commit else ""
            lines.append(f"    {_pad(role_name(s.role), 9)} {_pad(_person(s.person, people), 12)} "
                         f"{_pad(message('status_state_' + s.state), 8)}{where}{_evidence(s)}"
                         f"{'  ' + message('status_reason', reason=s.reason) if s.reason else ''}")
    return "\n".join(lines)
