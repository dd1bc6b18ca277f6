"""What pages call things, in the site's language: amounts, departments, descriptions, and the values of
the incomplete-items report (section titles and statuses from the role's schema, people by name, an
account as its system and what happens to it), one definition for the report page and the site's CSV
(``handover report incomplete`` on the command line keeps its raw values)."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from ..i18n import label
from ..load.schemas import Field, localized
from ..model.handbook import Handbook, Handover
from ..track.reports import CHASE_MANAGER, OpenRow

# Values views.open_items gives that no schema enum labels: an asset is open while not returned.
UNLABELLED_STATUS = {"not returned": "not_returned", "pending": "status_pending"}


def _items_spec(handover: Handover, section: str) -> Field | None:
    spec = handover.role.tree.properties.get(section)
    return spec.items if spec is not None else None


def section_title(handover: Handover, section: str, language: str) -> str:
    spec = handover.role.tree.properties.get(section)
    return localized(spec.title, language) if spec is not None and spec.title else section


def status_text(handover: Handover, row: OpenRow, language: str) -> str:
    items = _items_spec(handover, row.section)
    status = items.child("status") if items is not None else None
    if status is not None and row.status in status.enum_labels:
        return localized(status.enum_labels[row.status], language)
    if row.status in UNLABELLED_STATUS:
        return label(UNLABELLED_STATUS[row.status], language)
    return row.status


def item_text(handover: Handover, row: OpenRow, language: str) -> str:
    """What the item is. An account is ``system · action: account`` with the action's label from the schema."""
    if row.section != "access":
        return row.title
    items = _items_spec(handover, row.section)
    action_spec = items.child("action") if items is not None else None
    for account in handover.items("access"):
        action, name = str(account.get("action", "")), str(account.get("account", ""))
        if str(account.get("system", "")) == row.item and f"{action}: {name}" == row.title:
            if action_spec is not None and action in action_spec.enum_labels:
                action = localized(action_spec.enum_labels[action], language)
            return label("access_item", language, system=row.item, action=action, account=name)
    return row.title


CSV_COLUMNS = ("handover", "csv_file", "csv_leaver", "role", "department", "last_day", "section", "item", "owner",
               "due", "state", "overdue_wd", "chase", "manager")


def incomplete_table(handbook: Handbook, rows: list[OpenRow], language: str,
                     names: dict[str, str]) -> tuple[list[str], list[list[object]]]:
    """Headers and rows of the incomplete-items report as a person reads it (for the site's CSV);
    ``names``: each person's name as pages show it."""
    by_id = {h.id: h for h in handbook.handovers}

    def name(person_id: str) -> str:
        return names.get(person_id, person_id)

    table: list[list[object]] = []
    for row in rows:
        handover = by_id[row.handover]
        table.append([row.handover, row.file, name(row.leaver), localized(handover.role.title, language),
                      department_name(handbook, row.leaver, language), row.last_day,
                      section_title(handover, row.section, language), item_text(handover, row, language),
                      name(row.owner), row.due, status_text(handover, row, language), row.working_days_overdue or "",
                      name(row.chase) + (label("chase_manager", language) if row.chase_reason == CHASE_MANAGER else ""),
                      name(row.manager)])
    return [label(c, language) for c in CSV_COLUMNS], table


def department_name(handbook: Handbook, person_id: str, language: str) -> str:
    """The name of the person's department ("" when unknown)."""
    person = handbook.roster.people.get(person_id)
    department = handbook.roster.departments.get(person.department) if person else None
    if department is None:
        return ""
    return department.name if language == "zh" else department.name_en


# The currencies a Chinese company meets most; any other shows its ISO code before the amount.
_CURRENCY_SIGNS = {"CNY": "¥", "USD": "US$", "EUR": "€", "HKD": "HK$", "GBP": "£", "JPY": "JP¥"}


def money(value: dict[str, Any]) -> str:
    """An amount (a schema field with ``x-format: money``) as ``¥320,000.00``: sign, thousands, two decimals."""
    currency = str(value.get("currency", ""))
    try:
        amount = f"{Decimal(str(value.get('value', ''))):,.2f}"
    except InvalidOperation:  # the schema allows only decimals; show anything else as written
        amount = str(value.get("value", ""))
    sign = _CURRENCY_SIGNS.get(currency)
    return f"{sign}{amount}" if sign else f"{currency} {amount}".strip()


