"""Where a problem is, in words a person understands: 第 3 个客户「苏州澄泓」的第 1 个客户联系人的电话.

Built from the schema's titles and each list item's label (``x-label``), so it needs no words of its own
beyond the catalogue's joining templates. A pointer the schema does not know falls back to its keys.
"""
from __future__ import annotations

from typing import Any

from ..i18n import label
from ..load.document import is_index, pointer_tokens
from ..load.schemas import Field, localized

LABEL_MAX = 30  # a label longer than this is cut: the place must stay one readable phrase
PLACEHOLDER = "待填写"  # what the role templates write where the leaver has to fill in


def _title(here: Field | None, fallback: str, language: str) -> str:
    text = localized(here.title, language).strip() if here is not None and here.title else ""
    if not text:
        return fallback
    return text[:1].lower() + text[1:] if language == "en" and not text[1:2].isupper() else text


def _singular(title: str, language: str) -> str:
    # English list titles are plurals ("Customer contacts"); an item is one of them.
    if language == "en" and title.endswith("s") and not title.endswith("ss"):
        return title[:-1]
    return title


def _item_label(item: Any, items: Field | None) -> str:
    """The item's own name (its x-label value), unless that value is restricted or a secret."""
    if items is None or not items.label_key or not isinstance(item, dict):
        return ""
    value = item.get(items.label_key)
    held = items.properties.get(items.label_key)
    if held is not None and (held.credential or held.sensitivity == "restricted"):
        return ""
    if not isinstance(value, (str, int)) or isinstance(value, bool) or not str(value).strip():
        return ""
    if PLACEHOLDER in str(value):  # a template's example names nothing yet
        return ""
    text = " ".join(str(value).split())
    return text if len(text) <= LABEL_MAX else text[:LABEL_MAX - 1] + "…"


def place_in_words(data: Any, tree: Field | None, pointer: str, language: str) -> str:
    """The place ``pointer`` names in ``data``, in ``language``; "" for the whole document."""
    parts: list[str] = []
    here, value = tree, data
    tokens = pointer_tokens(pointer)
    title = label("place_entry", language)  # a list at the top has no title of its own
    while tokens:
        token = tokens.pop(0)
        if isinstance(value, list) and is_index(token):
            position = int(token)
            item = value[position] if position < len(value) else None
            items = here.items if here is not None else None
            name = _item_label(item, items)
            fields = {"n": position + 1, "title": _singular(title, language), "label": name}
            parts.append(label("place_item_named" if name else "place_item", language, **fields))
            here, value = items, item
            continue
        child = here.child(token) if here is not None else None
        value = value.get(token) if isinstance(value, dict) else None
        title = _title(child, token, language)
        if not (isinstance(value, list) and tokens and is_index(tokens[0])):  # else the item says it
            parts.append(title)
        here = child
    return label("place_joiner", language).join(parts)
