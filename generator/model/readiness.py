"""Whether a handover is ready to be approved: no checklist item left to do, no template placeholder left.

The sign-off audit flags an approval given without this, and ``handover sign`` refuses it, so
both ask the same question here.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..check.rules import PLACEHOLDER, walk
from ..i18n import message
from .handbook import Handover


@dataclass(frozen=True)
class Readiness:
    placeholders: tuple[str, ...]  # JSON pointers of values that still hold the template placeholder
    todo: tuple[str, ...]  # ids of checklist items still to do

    @property
    def ready(self) -> bool:
        return not self.placeholders and not self.todo

    def reasons(self) -> tuple[str, ...]:
        found = []
        if self.todo:
            found.append(message("readiness_todo", items=message("list_comma").join(self.todo)))
        if self.placeholders:
            found.append(message("readiness_placeholder", placeholder=PLACEHOLDER,
                                 pointers=message("list_comma").join(self.placeholders)))
        return tuple(found)


def readiness(handover: Handover) -> Readiness:
    placeholders = tuple(pointer for pointer, value, _ in walk(handover.data, None)
                         if isinstance(value, str) and PLACEHOLDER in value)
    todo = tuple(str(item.get("id") or item.get("item", "")) for item in handover.items("checklist")
                 if item.get("status") == "todo")
    return Readiness(placeholders, todo)
