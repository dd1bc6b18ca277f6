"""The search index we write around Material's search (generator/site/search.py), read as lunr will.

What the browser tests prove through the real search box rests on properties of the index that
are cheaper to check here: every Chinese token carries the mark (so Material searches a Chinese
query whole), the configuration has no pipeline, what a page hides is never indexed, every
handover, customer and person has its entry, and the index stays small.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.project import Project
from generator.render.markdown import anchor
from generator.render.pages import SiteOptions
from generator.site import search
from generator.site.build import build_site
from generator.site.content import site_content

from .helpers import copy_project
from .searching import load

TODAY = dt.date(2026, 11, 22)
HAN = re.compile(r"[\u3400-\u9fff]")
FIELDS = ("title", "text", "heading", "names", "words")


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("search") / "project")
    build_site(project / "mkdocs.yml", project / "site", strict=True)
    return project


def index_of(project: Path) -> dict[str, Any]:
    return json.loads((project / "site" / search.INDEX).read_text(encoding="utf-8"))


def entries(index: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {doc["location"]: doc for doc in index["docs"]}


def lunr_tokens(index: dict[str, Any], doc: dict[str, Any], field: str) -> list[str]:
    """The tokens Material's tokenizer makes of a field (its separator, lowercased)."""
    separator = re.compile(index["config"]["separator"])
    return [t.lower() for t in separator.split(doc.get(field, "")) if t]


def test_the_index_has_no_pipeline_and_our_fields(sample: Path) -> None:
    config = index_of(sample)["config"]
    assert config["lang"] == ["zh"]  # one language: its pipeline is ours to empty (zh+en keeps a trimmer)
    assert config["pipeline"] == []  # nothing stems MES into "me" while the query keeps "mes*"
    assert {"title", "text", "heading", "names", "words"} <= config["fields"].keys()
    assert config["fields"]["names"]["boost"] > config["fields"]["words"]["boost"]


def test_every_chinese_token_carries_the_mark(sample: Path) -> None:
    """Material cuts a Chinese query into pieces that are keys of the index; none ever is, so it searches it whole."""
    index = index_of(sample)
    bare = {(doc["location"], field, token) for doc in index["docs"] for field in FIELDS
            for token in lunr_tokens(index, doc, field) if HAN.search(token) and search.MARK not in token}
    assert not bare, sorted(bare)[:10]
    shown = [doc["text"] for doc in index["docs"] if HAN.search(doc["text"])]
    assert shown and all(search.MARK + HAN.findall(text)[0] in text for text in shown)  # text never matches


def test_hand_written_pages_are_rewritten_from_materials_entries(sample: Path) -> None:
    index = index_of(sample)
    guide = [doc for doc in index["docs"] if doc["location"].startswith("guide/")]
    assert guide and not any("\u200b" in json.dumps(doc, ensure_ascii=False) for doc in guide)
    assert all(len(html.unescape(doc["text"]).replace(search.MARK, "")) <= search.TEASER + 1 for doc in guide)
    signoff = entries(index)["guide/signoff/"]
    assert "签字" + search.MARK in lunr_tokens(index, signoff, "heading") + lunr_tokens(index, signoff, "title") \
        + lunr_tokens(index, signoff, "words")


def test_every_handover_customer_and_person_has_its_entry(sample: Path) -> None:
    handbook = load(sample, TODAY)
    index = index_of(sample)
    locations = entries(index)
    assert len(locations) == len(index["docs"]), "a page indexed twice: does Material still honour 'search: exclude'?"
    for handover in handbook.handovers:
        assert f"handovers/{handover.id}/" in locations, handover.id
    fragments = {location.partition("#")[2] for location in locations}
    customer_ids = {str(item["id"]) for h in handbook.handovers for item in h.items("customers")}
    assert {anchor("c", cid) for cid in customer_ids} <= fragments
    assert {anchor("p", pid) for pid in handbook.roster.people} <= fragments
    # A page's own entry comes before its sections (Material groups sections under the first entry of a page).
    seen: set[str] = set()
    for location in locations:
        page, _, fragment = location.partition("#")
        assert not fragment or page in seen, location
        seen.add(page)


def test_a_handover_is_found_by_its_people_contacts_systems_ids_and_promises(sample: Path) -> None:
    index = index_of(sample)
    doc = entries(index)["handovers/2026-11-zhangwei-sales/"]
    names = lunr_tokens(index, doc, "names")
    found = set(names) | set(lunr_tokens(index, doc, "title")) | set(lunr_tokens(index, doc, "words"))
    for person in ("张伟", "李娜", "刘洋", "王芳", "李志刚", "王建华"):  # leaver, successors, manager, contacts
        assert person + search.MARK in found, person
    assert {"opp", "2026", "0412"} <= set(names)  # OPP-2026-0412 in the parts lunr's query lexer makes of it
    assert "crm" in names and "报价系统" + search.MARK in names
    assert "口头" + search.MARK in found or "康屹" + search.MARK in found  # the promise to 康屹's 李建国
    assert "〔受限〕" not in json.dumps(doc, ensure_ascii=False)


def test_a_customer_is_found_by_its_short_and_full_name_and_id(sample: Path) -> None:
    index = index_of(sample)
    customer = next(doc for doc in index["docs"] if doc["location"].endswith("#" + anchor("c", "C-10007")))
    assert lunr_tokens(index, customer, "title") == ["澄泓" + search.MARK]
    assert {"苏州澄泓精密机械有限公司" + search.MARK, "c", "10007"} <= set(lunr_tokens(index, customer, "names"))


def test_only_what_the_page_shows_is_indexed(sample: Path) -> None:
    """Every name and word of our entries is on the page they point to: search never reveals what a page hides."""
    index = index_of(sample)
    site = sample / "site"
    texts: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].partition("#")[0]
        if page.startswith("guide/"):
            continue
        if page not in texts:
            texts[page] = search.page_text((site / page / "index.html").read_text(encoding="utf-8")).lower()
        for field in ("names", "words"):
            for token in lunr_tokens(index, doc, field):
                assert html.unescape(token).replace(search.MARK, "") in texts[page], (doc["location"], field, token)


def test_restricted_values_are_neither_shown_nor_indexed(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "handbook" / "handovers" / "2026-11-zhangwei-sales.yaml"
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    phone = next(c["phone"] for cust in data["customers"] for c in cust.get("contacts", []) if "phone" in c)
    canary = "+86 139 7777 0456"  # the sample's phones are also the guide's examples
    path.write_text(text.replace(phone, canary), encoding="utf-8")
    build_site(project / "mkdocs.yml", project / "site")
    index = (project / "site" / search.INDEX).read_text(encoding="utf-8")
    assert "7777" not in index and "0456" not in index


def test_facts_survive_the_page_cache(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    options = SiteOptions("zh", "all-staff", TODAY)
    first = site_content(Project.at(project), options, tmp_path / "cache")
    second = site_content(Project.at(project), options, tmp_path / "cache")
    assert second.from_cache and second.search == first.search
    assert search.SearchFacts.from_json(json.loads(json.dumps(first.search.as_json()))) == first.search


def test_words_most_handovers_hold_are_left_out() -> None:
    pages = [["客户", "交接", f"项目{i}", "MES"] for i in range(200)] + [["客户", "冷库探头"]] * 10
    common = search._common(pages)
    assert common == {"客户", "交接"}  # Latin words are few and short: kept, however common
    assert search._common([["客户"]] * 40) == set()  # a small handbook keeps every word


def test_separator_cuts_as_the_index_needs() -> None:
    assert search.tokens("CRM账号 金蝶K3系统") == ["crm", "账号", "金蝶", "k3", "系统"]
    assert search.tokens("OPP-2026-0412") == ["opp", "2026", "0412"]  # as lunr's query lexer does
    assert search.tokens("固件 v2.3.1，¥320,000.00（含税）") == ["固件", "v2.3.1", "320", "000.00", "含税"]
    assert search.tokens(search.whole("沈总（沈国平）")) == ["沈总" + search.MARK, "沈国平" + search.MARK]
    assert search.tokens(search.shown("交给李娜。")) == [search.MARK + "交给李娜"]
    assert search.tokens("GitHub") == ["git", "hub"]


def test_teaser_keeps_two_lines_and_cuts_at_punctuation() -> None:
    text = "共 7 个客户：医疗器械与零售、医药物流 3 家交给李娜，制造与冷链物流 4 家交给刘洋。" * 3
    cut = search.teaser(text)
    assert len(cut) <= search.TEASER + 1 and cut.endswith("…") and cut[-2] not in "，、；"
    assert search.teaser("短文本") == "短文本"


def _all_tokens(index: dict[str, Any]) -> Iterator[str]:
    for doc in index["docs"]:
        for field in FIELDS:
            yield from lunr_tokens(index, doc, field)


def test_the_sample_index_is_small(sample: Path) -> None:
    path = sample / "site" / search.INDEX
    assert path.stat().st_size < 200_000, "see benchmarks/search.py for the index at 1,000 and 5,000 handovers"
    assert len(set(_all_tokens(index_of(sample)))) < 6000
