"""Where a problem is, in words: built from the schema's titles and the items' labels."""
from __future__ import annotations

from typing import Any

from generator.check.place import place_in_words
from generator.load.schemas import Field, SchemaSet

from .helpers import REPO


def _sales_tree() -> Field:
    schemas = SchemaSet(REPO / "schemas", REPO / "role_templates")
    role = schemas.role("sales")
    assert role is not None
    return role.tree


DATA: dict[str, Any] = {"customers": [
    {"name": "杭州博远"}, {"name": "无锡恒川"},
    {"name": "苏州澄泓", "contacts": [{"name": "王敏", "phone": "138"}]},
]}


def test_a_contact_of_a_customer_in_chinese() -> None:
    words = place_in_words(DATA, _sales_tree(), "/customers/2/contacts/0/phone", "zh")
    assert words.startswith("第 3 个客户「苏州澄泓」的第 1 个")
    assert "「王敏」的" in words and words.endswith("电话")


def test_the_same_place_in_english() -> None:
    words = place_in_words(DATA, _sales_tree(), "/customers/2/contacts/0/phone", "en")
    assert words.startswith("customer 3 (苏州澄泓), ") and "contact 1 (王敏), " in words
    assert words.split(", ")[-1].lower().startswith("phone")


def test_an_item_without_a_label_is_counted() -> None:
    data = {"customers": [{}]}
    assert place_in_words(data, _sales_tree(), "/customers/0", "zh") == "第 1 个客户"
    assert place_in_words(data, _sales_tree(), "/customers/0", "en") == "customer 1"


def test_unknown_places_fall_back_to_their_keys() -> None:
    assert place_in_words({"odd": {"key": 1}}, _sales_tree(), "/odd/key", "en") == "odd, key"
    assert place_in_words({"odd": [1, 2]}, None, "/odd/1", "zh") == "第 2 个odd"
    assert place_in_words({}, _sales_tree(), "", "zh") == ""


def test_a_long_label_is_cut() -> None:
    data = {"customers": [{"name": "很" * 50}]}
    words = place_in_words(data, _sales_tree(), "/customers/0", "zh")
    assert words.endswith("…」") and len(words) < 45
