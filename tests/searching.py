"""Questions a successor types into the site's search, derived from a handbook's data, and the real
search box that answers them (Material's, in Chromium).

Shared by the browser tests and ``benchmarks/search.py``. Every question carries the places that
answer it, computed from the data, never from the search index: a customer's entry (its heading id)
or a handover page that holds the thing typed. ``ask`` types into the search input as a person
does and reads the result list as shown: per result, the page and the sections shown under it
(not those folded under "more on this page").
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin, urlsplit

from generator.check.rules import walk
from generator.i18n import catalogue
from generator.load.schemas import Field
from generator.model.handbook import Handbook, Handover
from generator.model.views import customer_items, customers
from generator.project import Project
from generator.render.markdown import anchor
from generator.session import check_handbook

if TYPE_CHECKING:
    from playwright.sync_api import Page

REPO = Path(__file__).resolve().parents[1]
CHINESE = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9@/._-])[A-Za-z][A-Za-z0-9+]*[A-Za-z0-9+](?![A-Za-z0-9@/._-])")
_CODE = re.compile(r"\b[A-Z]{1,5}-\d[\d-]*\d\b")
_PLAIN_NAME = re.compile(r"[\u3400-\u9fff]{2,4}")
_STOP = {"the", "and", "for", "with", "yes", "no"}
TOP = 3


def synthetic() -> ModuleType:
    """benchmarks/synthetic.py, the deterministic synthetic handbook."""
    spec = importlib.util.spec_from_file_location("synthetic", REPO / "benchmarks" / "synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("synthetic", module)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Question:
    kind: str  # what is typed: customer, short name, contact, leaver, system, id, English word, topic, promise
    text: str
    pages: frozenset[str]  # pages that answer it (their path in the site, e.g. handovers/x/)
    anchors: frozenset[str]  # headings that answer it (their id, on whatever page)

    @property
    def language(self) -> str:
        return "zh" if CHINESE.search(self.text) else "en"

    def answered_by(self, links: Iterable[tuple[str, str]]) -> bool:
        return any(path in self.pages or fragment in self.anchors for path, fragment in links)


def handover_path(handover: Handover) -> str:
    return f"handovers/{handover.id}/"


def load(root: Path, today: dt.date) -> Handbook:
    result = check_handbook(Project.at(root), today=today)
    assert result.handbook is not None, [p.message for p in result.problems if p.severity == "error"][:5]
    return result.handbook


def _strings(value: Any) -> Iterator[str]:
    return (v for _, v, _ in walk(value, None) if isinstance(v, str))


def _labels(value: Any, key: str) -> Iterator[str]:
    """Every string at ``key`` of any mapping under ``value``."""
    return (v for pointer, v, _ in walk(value, None) if isinstance(v, str) and pointer.rpartition("/")[2] == key)


def _item_labels(value: Any, spec: Field | None, tracked: bool = False) -> Iterator[str]:
    """The label of items under ``value`` (what their schema's x-label names: a title, a topic, a system),
    but not of inventories and the role's checklist (``item``), and with ``tracked`` only of items with an id."""
    for _, item, field in walk(value, spec):
        label = field.label_key if field is not None else None
        if label and label != "item" and isinstance(item, dict) and isinstance(item.get(label), str) \
                and (not tracked or "id" in item):
            yield item[label]


def _what_matters(handover: Handover) -> list[str]:
    """What a successor reads first: the summary, the promises, the titles and topics of items, the
    opportunities and complaints of each customer (not the customers' other tables)."""
    data = handover.data
    found = [data["summary"]] if isinstance(data.get("summary"), str) else []
    found += [str(t.get("promised_to", "")) for t in handover.items("tasks") if t.get("verbal_commitment") is True]
    lists = {path[0] for path in handover.role.paths.customers if len(path) == 1}
    found += _item_labels({k: v for k, v in data.items() if k not in lists}, handover.role.tree)
    for path in handover.role.paths.customers:
        spec = handover.role.tree.at(path)
        for _, item in customer_items(handover):
            found += _item_labels({k: v for k, v in item.items() if k != "name"}, spec.items if spec else None, True)
    return found


def questions(handbook: Handbook, per_kind: int = 12, seed: int = 7, rare: int = 3) -> list[Question]:
    """Up to ``per_kind`` questions of each kind, chosen at random (with ``seed``) from the handbook's data;
    topics among the words at most ``rare`` handovers hold."""
    rng = random.Random(seed)
    people = handbook.roster.people
    staff_names = defaultdict(list)
    for person in people.values():
        staff_names[person.name].append(person.id)
    entries = customers(handbook)
    site_words = list(catalogue("zh").values())
    by_kind: dict[str, dict[str, tuple[set[str], set[str]]]] = defaultdict(dict)

    def add(kind: str, text: str, pages: Iterable[str] = (), anchors: Iterable[str] = ()) -> None:
        target = by_kind[kind].setdefault(text, (set(), set()))
        target[0].update(pages)
        target[1].update(anchors)

    holding: dict[str, set[str]] = defaultdict(set)  # customer id -> pages of handovers listing it
    topics: dict[str, set[str]] = {}
    for handover in handbook.handovers:
        page = handover_path(handover)
        leaver = people.get(handover.leaver)
        if leaver is not None and len(staff_names[leaver.name]) == 1:
            add("leaver", leaver.name, [page], [anchor("p", leaver.id)])
        for _, item in customer_items(handover):
            holding[str(item["id"])].add(page)
            for name in _labels({k: v for k, v in item.items() if k != "name"}, "name"):
                if _PLAIN_NAME.fullmatch(name) and name not in staff_names:
                    add("contact", name, [page], [anchor("c", str(item["id"]))])
            for code in _labels(item, "id"):
                if _CODE.fullmatch(code) and code != item["id"]:
                    add("id", code, [page])
        for system in _labels(handover.data, "system"):
            if len(system) <= 12 and re.fullmatch(r"[\w\u3400-\u9fff ]+", system):
                add("system", system)
        if any(t.get("verbal_commitment") is True for t in handover.items("tasks")):
            for text in ("口头承诺", "承诺"):  # "what was promised": the handovers holding verbal promises
                add("promise", text, [page])
        text = " ".join(_what_matters(handover))
        for word in set(_LATIN_WORD.findall(text)):
            if len(word) >= 2 and word.lower() not in _STOP and word not in people:
                add("English word", word, [page])
        topics[page] = _topic_words(text)
    for entry in entries.values():
        home = [anchor("c", entry.id)]
        add("customer", entry.name, holding[entry.id], home)
        add("id", entry.id, holding[entry.id], home)
        if len(entry.name) >= 8 and all(CHINESE.fullmatch(c) for c in entry.name[:4]):
            add("short name", entry.name[2:4], (), ())  # the brand after a two-character city: 杭州博远… is 博远
            add("short name", entry.name[:4], (), ())  # or city and brand: 杭州博远
    # Topics are other words than names (names are questions of their own) and than the site's own words
    # (报告, 客户: on every page), held by few handovers: a word that finds a few pages, not half the handbook.
    named = "\n".join([*staff_names, *by_kind["contact"], *(entry.name for entry in entries.values()), *site_words])
    for page, words in topics.items():
        for word in words:
            add("topic", word, [page])
    for word in [w for w, (pages, _) in by_kind["topic"].items() if len(pages) > rare or w in named]:
        del by_kind["topic"][word]
    chosen = {kind: rng.sample(sorted(texts), min(per_kind, len(texts))) for kind, texts in sorted(by_kind.items())}
    # A short name answers for every customer whose name holds it; a system for every page naming it; an
    # English word for every page holding it (found for the questions asked only: thousands of pages).
    for text in chosen.get("short name", []):
        for entry in entries.values():
            if text in entry.name:
                by_kind["short name"][text][1].add(anchor("c", entry.id))
                by_kind["short name"][text][0].update(holding[entry.id])
    blobs = {handover_path(h): "\n".join(_strings(h.data)) for h in handbook.handovers}
    for text in chosen.get("system", []):
        by_kind["system"][text][0].update(page for page, blob in blobs.items() if text in blob)
    for text in chosen.get("English word", []):
        pattern = re.compile(rf"(?<![A-Za-z0-9]){re.escape(text)}(?![A-Za-z0-9])", re.IGNORECASE)
        by_kind["English word"][text][0].update(page for page, blob in blobs.items() if pattern.search(blob))
    return [Question(kind, text, frozenset(by_kind[kind][text][0]), frozenset(by_kind[kind][text][1]))
            for kind, texts in chosen.items() for text in texts]


def _topic_words(text: str) -> set[str]:
    import jieba

    return {w for w in jieba.cut(text) if 2 <= len(w) <= 4 and CHINESE.fullmatch(w[0]) and CHINESE.fullmatch(w[-1])
            and all(CHINESE.fullmatch(c) for c in w)}


# ----------------------------------------------------------------------------------------------
# The search box
# ----------------------------------------------------------------------------------------------

_RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')].map(item =>
    [...item.querySelectorAll(':scope > a.md-search-result__link')].map(a => a.getAttribute('href')))"""
_SETTLED = """([text, placeholder]) => {
    const meta = document.querySelector('.md-search-result__meta').textContent.trim();
    const list = document.querySelector('.md-search-result__list');
    return document.querySelector('.md-search__input').value === text
        && meta !== placeholder && (list.children.length > 0 || !/\\d/.test(meta));
}"""
_CLEARED = """(placeholder) => document.querySelector('.md-search-result__meta').textContent.trim() === placeholder
    && document.querySelector('.md-search-result__list').children.length === 0"""


class SearchBox:
    """Material's search box on a served site: type a question, read the results as shown."""

    def __init__(self, page: Page, site: str, timeout: float = 60_000) -> None:
        self.page, self.site, self.timeout = page, site, timeout
        # The meta line says "initializing" (as the page is served) until the worker has built the index.
        served = page.request.get(site).text()
        initializing = re.search(r'md-search-result__meta">\s*([^<]*?)\s*<', served)
        assert initializing, "no search box on the page: is Material's search plugin enabled?"
        page.goto(site, wait_until="networkidle")
        self.input = page.locator(".md-search__input")
        self.input.click()
        page.wait_for_function("(text) => document.querySelector('.md-search-result__meta').textContent.trim() !== text",
                               arg=initializing.group(1), timeout=timeout)
        self.placeholder = (page.locator(".md-search-result__meta").text_content() or "").strip()

    def ask(self, text: str) -> list[list[tuple[str, str]]]:
        """Per result shown, (page path, heading id) of the page and of each section shown under it."""
        self.input.fill("")
        self.input.press("End")
        self.page.wait_for_function(_CLEARED, arg=self.placeholder, timeout=self.timeout)
        # Material searches on key events; text that arrives like an IME's insert needs a real key after it.
        self.input.fill(text)
        self.input.press("End")
        self.page.wait_for_function(_SETTLED, arg=[text, self.placeholder], timeout=self.timeout)
        return [[self._where(href) for href in hrefs] for hrefs in self.page.evaluate(_RESULTS)]

    def _where(self, href: str) -> tuple[str, str]:
        url = urlsplit(urljoin(self.page.url, href))
        base = urlsplit(self.site).path
        path = unquote(url.path)
        return (path[len(base):] if path.startswith(base) else path), unquote(url.fragment)


@dataclass(frozen=True)
class Answer:
    question: Question
    rank: int | None  # 1 = first result; None: not among the results shown
    shown: tuple[tuple[tuple[str, str], ...], ...]  # the first results, for the report


def answer(box: SearchBox, question: Question) -> Answer:
    results = box.ask(question.text)
    rank = next((i + 1 for i, links in enumerate(results) if question.answered_by(links)), None)
    return Answer(question, rank, tuple(tuple(links) for links in results[:TOP]))


@dataclass(frozen=True)
class Rates:
    asked: int
    top: float  # share answered among the first TOP results
    first: float  # share answered first


def rates(answers: list[Answer]) -> Rates:
    if not answers:
        return Rates(0, 1.0, 1.0)
    return Rates(len(answers), sum(1 for a in answers if a.rank is not None and a.rank <= TOP) / len(answers),
                 sum(1 for a in answers if a.rank == 1) / len(answers))


def by_language(answers: list[Answer]) -> dict[str, Rates]:
    return {language: rates([a for a in answers if a.question.language == language]) for language in ("zh", "en")}


def misses(answers: list[Answer]) -> list[str]:
    """One line per question not answered first, for an assertion message."""
    return [f"{a.question.kind} {a.question.text!r}: rank {a.rank}, shown {[links[-1][0] + '#' + links[-1][1] for links in a.shown]}"
            for a in answers if a.rank != 1]
