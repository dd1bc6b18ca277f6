"""The seeds' time rules, as warnings with locations: a handover must not quietly slip.

Thresholds live in ``[tool.handover.policy]`` (see ``config.PolicyConfig``); working days come
from the configured country's calendar.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..audit.signoffs import SIGNED, STALE, HandoverAudit
from ..config import PolicyConfig
from ..i18n import message
from ..load.document import Document
from ..model.handbook import Handover
from ..model.views import customer_items
from ..problems import Problem
from ..track.workdays import WorkCalendar


def _warn(doc: Document, pointer: str, rule: str, said: str, hint: str) -> Problem:
    return Problem(doc.path, *doc.position(pointer), pointer, "warning", rule, said, hint)


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def notice_problems(handover: Handover, doc: Document, policy: PolicyConfig, calendar: WorkCalendar) -> list[Problem]:
    problems = []
    notice_days = (handover.last_day - handover.notice_date).days
    if policy.min_notice_days and notice_days < policy.min_notice_days:
        problems.append(_warn(doc, "/last_day", "policy-short-notice",
                              message("policy_short_notice", days=notice_days, minimum=policy.min_notice_days),
                              message("hint_policy_short_notice")))
    transition = handover.data.get("transition")
    if not isinstance(transition, dict):
        if policy.require_transition:
            problems.append(_warn(doc, "/last_day", "policy-no-transition", message("policy_no_transition"),
                                  message("hint_policy_no_transition")))
        return problems
    start = _date(transition.get("start"))
    if start is not None and policy.min_handover_working_days:
        days = calendar.between(start, handover.last_day)
        if days < policy.min_handover_working_days:
            problems.append(_warn(doc, "/transition/start", "policy-late-start",
                                  message("policy_late_start", days=days, minimum=policy.min_handover_working_days),
                                  message("hint_policy_late_start")))
    return problems


def signoff_problems(handover: Handover, doc: Document, audit: HandoverAudit, policy: PolicyConfig,
                     calendar: WorkCalendar, today: dt.date) -> list[Problem]:
    """Successors confirm within N working days of the leaver's sign-off."""
    if not policy.successor_confirm_working_days:
        return []
    leaver = next((s for s in audit.signoffs if s.party and s.role == "leaver" and s.state in (SIGNED, STALE)), None)
    if leaver is None or not leaver.at:
        return []
    deadline = calendar.add(dt.date.fromisoformat(leaver.at[:10]), policy.successor_confirm_working_days)
    problems = []
    for index, person in enumerate(handover.successors):
        mine = next((s for s in audit.signoffs if s.party and s.role == "successor" and s.person == person), None)
        confirmed = _date(mine.at[:10]) if mine is not None and mine.state in (SIGNED, STALE) and mine.at else None
        if (confirmed is None and today > deadline) or (confirmed is not None and confirmed > deadline):
            how = message("policy_confirmed_on", date=confirmed) if confirmed else message("policy_not_confirmed")
            problems.append(_warn(doc, f"/successors/{index}", "policy-successor-late",
                                  message("policy_successor_late", person=person, how=how, signed=leaver.at[:10],
                                          deadline=deadline),
                                  message("hint_policy_successor_late", person=person, file=handover.file)))
    return problems


def customer_problems(handover: Handover, doc: Document, policy: PolicyConfig, calendar: WorkCalendar,
                      today: dt.date) -> list[Problem]:
    problems = []
    contact_by = calendar.add(handover.last_day, policy.key_customer_contact_working_days)
    for index_pointer, item in customer_items(handover):
        if item.get("key_account") is not True:
            continue
        name = item.get("name", item.get("id"))
        if policy.require_customer_confirmation and item.get("handover_confirmed_by_customer") is not True:
            problems.append(_warn(doc, index_pointer, "policy-customer-unconfirmed",
                                  message("policy_customer_unconfirmed", name=name),
                                  message("hint_policy_customer_unconfirmed")))
        if policy.key_customer_contact_working_days:
            contacted = _date(item.get("successor_contacted"))
            if (contacted is None and today > contact_by) or (contacted is not None and contacted > contact_by):
                how = message("policy_contacted_on", date=contacted) if contacted else message("policy_not_contacted")
                problems.append(_warn(doc, index_pointer, "policy-customer-not-contacted",
                                      message("policy_customer_not_contacted", name=name, how=how, deadline=contact_by),
                                      message("hint_policy_customer_not_contacted")))
    return problems


def policy_problems(handover: Handover, doc: Document, policy: PolicyConfig, calendar: WorkCalendar,
                    today: dt.date, audit: HandoverAudit | None) -> list[Problem]:
    problems = notice_problems(handover, doc, policy, calendar) + customer_problems(handover, doc, policy, calendar, today)
    if audit is not None:
        problems += signoff_problems(handover, doc, audit, policy, calendar, today)
    return problems
