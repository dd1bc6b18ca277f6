"""Site search that finds what people type, through Material's own search box, unchanged.

Material (9.x) indexes in the browser with lunr, from ``search/search_index.json``. Three things in
its code decide what can be found, and this module writes the index around them:

* A Chinese query is cut into pieces that are keys of the index (``query/segment``), but its loop
  never tests a piece that ends at the last character typed: a name the index holds whole (李志刚)
  is searched as its longest indexed prefix (``李*``), which matches every 李. When no piece of the
  query is a key at all, the query is searched whole, as a prefix (``李志刚*``). So every Chinese token
  here carries an invisible character nobody types (``MARK``, U+2060 WORD JOINER): no piece of a
  query is ever a key, every Chinese query is searched whole, and it matches each token it begins.
* Query terms get a trailing wildcard, and wildcard terms skip lunr's pipeline, while the index
  ran it: an English stemmer turned MES into ``me`` and ``mes*`` missed it. The index is written
  with no pipeline at all (``lang: [zh]``, ``pipeline: []``: nothing is trimmed, stemmed or dropped).
* lunr's query lexer splits at ``-`` whatever the index does (OPP-2026-0412 is searched as ``opp``,
  ``2026`` and ``0412*``), so ids are indexed in those same parts, in a field that outweighs words.

A token is found only by a query it begins with, and what is indexed is chosen, not everything
on a page. Each entry has these fields:

* ``title`` (shown, and searched: each Chinese run of it whole), ``text`` (shown only: the mark
  comes first, so its Chinese never matches; cut to the two lines Material shows);
* ``names``: people, contacts, systems and other named things, ids; ``words``: prose cut into words
  by jieba; ``heading``: every part of a hand-written page's section titles, and of the boxes a
  handover page opens with (口头承诺与约定: "口头承诺" finds the handovers with verbal promises).

Handover, customer and people pages are indexed from the handbook's data (``search_facts``): a
handover by its people, its customers' contacts and decision chains, its systems, ids, summary,
promises and the titles of its items; a customer by its short name (its heading), full name and
id and the people the page names; a person by name, id and English name. Tables of deals,
inventories and checklists stay out, as do words that a fifth of all handovers hold (they would
find them all). A value is indexed only where the built page shows it, so search never reveals
what a page hides. Every other page keeps what Material's indexer found, rewritten the same way.
Entries are weighted so that a customer's or person's own entry comes first, then the handovers,
then the guide and the dashboards. A browser test types questions derived from the handbook into
the real search box and fails when Material's behaviour changes under us.
"""
from __future__ import annotations

import functools
import html
import json
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..check.rules import walk
from ..load.schemas import Field
from ..model.handbook import Handbook, Handover
from ..model.views import customer_items, customers
from ..render.markdown import anchor
from ..render.pages import display_names

if TYPE_CHECKING:
    import jieba

MARK = "\u2060"  # WORD JOINER: invisible, never typed, not white space to JavaScript, not a separator below
_HAN = "\u2e80-\u2fdf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(f"[{_HAN}\U00020000-\U0003134f]+")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9.+#]*|[0-9]+[A-Za-z][A-Za-z0-9]*")

# Where lunr cuts text into tokens: a JavaScript pattern without the u flag (no \p{...}), which
# Python's re reads the same way. White space and punctuation (ASCII, Latin-1, general, CJK and
# full-width; never MARK), a dot not followed by a digit (v2.3.1 stays whole), camelCase, and the
# edge between Latin letters or digits and Chinese (CRM账号 is CRM and 账号).
SEPARATOR = ("[\\s\\u200b-\\u200f\\-_,;:!?=<>|/\\\\\"'`()\\[\\]{}@#$%&+*~^"
             "\\u00a1-\\u00bf\\u00d7\\u00f7\\u2010-\\u205f\\u2100-\\u214f\\u2190-\\u23ff\\u2500-\\u27bf"
             "\\u3000-\\u303f\\ufe30-\\ufe6f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65]+"
             "|\\.(?!\\d)|(?!\\b)(?=[A-Z][a-z])"
             "|(?<=[A-Za-z0-9])(?=[\\u2060\\u3400-\\u9fff])|(?<=[\\u2060\\u3400-\\u9fff])(?=[A-Za-z0-9])")
_SEPARATOR = re.compile(SEPARATOR)

# Field boosts: a title or a name that begins with the query outweighs any number of words.
FIELDS: dict[str, float] = {"title": 1000.0, "text": 1.0, "heading": 1000.0, "names": 1000.0, "words": 10.0}
CONFIG: dict[str, Any] = {"lang": ["zh"], "separator": SEPARATOR, "pipeline": []}
INDEX = "search/search_index.json"

# Entry weights. Material multiplies a page's own entry by 2.5 against a section's (a customer's or
# person's entry is a section of a listing page); these put the entry of the thing typed first.
PERSON_WEIGHT = 2
HANDOVER_WEIGHT = 0.1
OTHER_WEIGHT = 0.04  # the guide, dashboards, reports: after the handbook's own pages

TEASER = 80  # characters of a text kept to show: Material shows two lines of it
HEADING_SUFFIX = 12  # characters of each heading suffix: a query longer than this matches its start
WORDS_PER_ENTRY = 400  # distinct words kept from one section of a page we did not write (a long guide page)
MIN_ID = 5  # shorter ids (T-01) repeat in every handover: they find nothing in particular
COMMON_SHARE, COMMON_MIN = 0.2, 50  # a word in more handovers than this share (and this number) is not indexed

log = logging.getLogger("mkdocs.plugins.handover")


# ----------------------------------------------------------------------------------------------
# What each page is found by, from the handbook's data (computed once per content, cached as JSON)
# ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Keys:
    """What one page or section is found by, and what its result shows."""

    people: tuple[str, ...] = ()  # names of people
    names: tuple[str, ...] = ()  # names of things and ids: found from their start
    words: tuple[str, ...] = ()  # words of its prose, as cut
    lead: str = ""  # the text a result shows (the first lines of it)
    weight: float = 1

    def as_json(self) -> dict[str, Any]:
        return {"people": list(self.people), "names": list(self.names), "words": list(self.words),
                "lead": self.lead, "weight": self.weight}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Keys:
        return cls(tuple(map(str, data["people"])), tuple(map(str, data["names"])), tuple(map(str, data["words"])),
                   str(data["lead"]), float(data["weight"]))


@dataclass(frozen=True)
class SearchFacts:
    """Keys by page (its path in the docs folder) and by section (its heading's id)."""

    pages: dict[str, Keys] = field(default_factory=dict)
    sections: dict[str, Keys] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"pages": {k: v.as_json() for k, v in self.pages.items()},
                "sections": {k: v.as_json() for k, v in self.sections.items()}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SearchFacts:
        return cls({str(k): Keys.from_json(v) for k, v in data["pages"].items()},
                   {str(k): Keys.from_json(v) for k, v in data["sections"].items()})


def handover_page(handover: Handover) -> str:
    """The page of a handover in the docs folder (every template links to it by this path)."""
    return f"handovers/{handover.id}.md"


@dataclass
class _Found:
    people: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)


def _label_kind(key: str) -> str | None:
    """Where an item's label goes: names (a contact, a system), prose (a title, a topic), or nowhere
    (an item of an inventory or of the role's checklist: the same on every handover)."""
    return None if key == "item" else "names" if key in ("name", "system", "customer_id") else "prose"


def _collect(data: Any, tree: Field | None, found: _Found, names: dict[str, str], *, tracked: bool = False) -> None:
    """People, labels and ids in ``data``; nothing a page may hide (restricted or internal fields).

    ``tracked``: prose labels only of items with an id (a customer's opportunities and complaints,
    not its history of deals)."""
    hidden: list[str] = []
    for pointer, value, spec in walk(data, tree):
        if any(pointer.startswith(h + "/") for h in hidden):
            continue
        if spec is not None and spec.sensitivity:
            hidden.append(pointer)
        elif isinstance(value, dict):
            ident = value.get("id")
            if isinstance(ident, str) and len(ident) >= MIN_ID and re.search(r"\d", ident):
                found.ids.append(ident)
            label = spec.label_key if spec is not None else None
            if label and spec is not None and isinstance(value.get(label), str):
                child, kind = spec.child(label), _label_kind(label)
                if kind and not (child is not None and (child.sensitivity or child.person)) \
                        and not (tracked and kind == "prose" and "id" not in value):
                    getattr(found, kind).append(value[label])
        elif isinstance(value, str) and spec is not None and spec.person:
            found.people.append(names.get(value, value))


def search_facts(handbook: Handbook, language: str = "zh") -> SearchFacts:
    """What each handover, customer and person is found by, from the handbook's data.

    A handover page: its people, the contacts and decision chains of its customers, its systems and
    other named things, its ids, its summary, its promises, the titles of its items and of its
    customers' opportunities and complaints. Its customers themselves are found at their own entries
    (a sales handover lists dozens: on every handover page they would be most of the index). A
    customer's entry: its full name and id (its short name is its heading) and the people named at
    that customer. A person's entry: their name as the pages of ``language`` show it, and their id
    and name in the other language where the entry shows them.
    """
    roster = handbook.roster.people
    names = display_names(handbook, language)
    found_by_page: dict[str, _Found] = {}
    leads: dict[str, str] = {}
    at_customer: dict[str, list[str]] = {}
    for handover in handbook.handovers:
        found = found_by_page[handover_page(handover)] = _Found()
        lists = {path[0] for path in handover.role.paths.customers if len(path) == 1}
        _collect({k: v for k, v in handover.data.items() if k not in lists}, handover.role.tree, found, names)
        customer_spec = _customer_spec(handover)
        for _, item in customer_items(handover):
            inside = _Found()
            _collect({k: v for k, v in item.items() if k not in ("id", "name")}, customer_spec, inside, names,
                     tracked=True)
            # Inside a customer the named items are people: its contacts and its decision chain. Of its
            # tables, the opportunities and complaints (the items with an id) are what a successor follows up.
            at_customer.setdefault(str(item["id"]), []).extend(inside.names)
            found.people += inside.names + inside.people
            found.ids += inside.ids
            found.prose += inside.prose
        summary = handover.data.get("summary")
        leads[handover_page(handover)] = summary if isinstance(summary, str) else ""
        found.prose += [str(t["promised_to"]) for t in handover.items("tasks")
                        if t.get("verbal_commitment") is True and isinstance(t.get("promised_to"), str)]
    cut = _tokenizer(sorted({n for f in found_by_page.values() for n in f.people}))
    words = {page: _unique(w for text in (leads[page], *f.prose, *f.names) for w in words_of(text, cut))
             for page, f in found_by_page.items()}
    common = _common(words.values())
    pages = {page: Keys(_unique(f.people), _unique(f.names + f.ids), tuple(w for w in words[page] if w not in common),
                        leads[page], HANDOVER_WEIGHT)
             for page, f in found_by_page.items()}
    sections: dict[str, Keys] = {}
    for entry in customers(handbook).values():
        sections[anchor("c", entry.id)] = Keys(_unique(at_customer.get(entry.id, [])), (entry.name, entry.id))
    for person in roster.values():
        other = person.name_en if names[person.id] == person.name else person.name  # if the page shows it too
        sections[anchor("p", person.id)] = Keys((names[person.id], other), (person.id,), weight=PERSON_WEIGHT)
    return SearchFacts(pages, sections)


def _customer_spec(handover: Handover) -> Field | None:
    for path in handover.role.paths.customers:
        spec = handover.role.tree.at(path)
        if spec is not None and spec.items is not None:
            return spec.items
    return None


def _common(pages: Iterable[Iterable[str]]) -> set[str]:
    """Chinese words so many handovers hold that they would find them all (Latin words are few: all kept)."""
    counts: Counter[str] = Counter()
    total = 0
    for words in pages:
        counts.update(set(words))
        total += 1
    limit = max(COMMON_SHARE * total, COMMON_MIN)
    return {w for w, n in counts.items() if n > limit and _HAN_RUN.match(w)}


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))


@functools.cache
def _jieba() -> jieba.Tokenizer:
    """A jieba of our own: what it is taught never changes how Material cuts other pages."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.Tokenizer()


def _tokenizer(people: Iterable[str]) -> jieba.Tokenizer:
    """jieba, taught people's names (张伟曾… is 张伟 and 曾…). Only names: taught a longer name
    (晨光办公直销), it would keep it whole in prose too, where only its first word would find it."""
    tokenizer = _jieba()
    for name in people:
        if _HAN_RUN.fullmatch(name) and 2 <= len(name) <= 4:
            tokenizer.add_word(name)
    return tokenizer


def words_of(text: str, tokenizer: jieba.Tokenizer | None = None) -> list[str]:
    """Prose as words: Chinese words of two characters or more, Latin words and codes (4G, K3)."""
    found = []
    for word in (tokenizer or _jieba()).cut(text):
        word = word.strip()
        if (_HAN_RUN.fullmatch(word) and len(word) >= 2) or _LATIN.fullmatch(word):
            found.append(word)
    return found


# ----------------------------------------------------------------------------------------------
# Tokens, written so that lunr's tokenizer (SEPARATOR) cuts them where we mean
# ----------------------------------------------------------------------------------------------

def shown(text: str) -> str:
    """Text to show in a result, whose Chinese never matches: MARK before each run of it."""
    return _HAN_RUN.sub(lambda m: MARK + m.group(0), text)


def whole(text: str) -> str:
    """Text whose every Chinese run is one token, found by any query it begins with."""
    return _HAN_RUN.sub(lambda m: m.group(0) + MARK, text)


def tokens(text: str) -> list[str]:
    """The tokens lunr makes of ``text`` (lowercased, as Material's tokenizer does)."""
    return [t.lower() for t in _SEPARATOR.split(text) if t]


def heading_keys(title: str, start: int = 1) -> list[str]:
    """Every suffix of each Chinese run of a title from ``start`` on (a title holds each run whole), so any
    part of it is found; Latin words whole."""
    keys = [run[at:at + HEADING_SUFFIX] + MARK for run in _HAN_RUN.findall(title) for at in range(start, len(run))]
    return keys + _LATIN.findall(title)


def teaser(text: str) -> str:
    """Plain text cut to what a result shows, at a space or punctuation when there is one."""
    text = " ".join(text.split())
    if len(text) <= TEASER:
        return text
    cut = text[:TEASER]
    edge = max(cut.rfind(c) for c in " ，。、；,;")
    return (cut[:edge] if edge > TEASER // 2 else cut).rstrip(" ，、；,;") + "…"


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def document(location: str, title: str, text: str, *, names: Iterable[str] = (), words: Iterable[str] = (),
             heading: Iterable[str] = (), weight: float = 1) -> dict[str, Any]:
    """One entry of the index, from plain (unescaped) title, text, names and words."""
    doc: dict[str, Any] = {"location": location, "title": whole(_escape(title)), "text": shown(_escape(teaser(text)))}
    seen = set(tokens(doc["title"]))
    fields = {"heading": [k for h in heading for k in heading_keys(h, 1 if h == title else 0)],
              "names": [whole(n) for n in names],
              "words": [whole(w) for w in words]}
    for name, keys in fields.items():
        # A token the title or a field before holds already adds bytes, not answers.
        kept = [k for k in dict.fromkeys(_escape(k) for k in keys) if not set(tokens(k)) <= seen]
        if kept:
            doc[name] = " ".join(kept)
            seen.update(tokens(doc[name]))
    if weight != 1:
        doc["boost"] = int(weight) if weight == int(weight) else weight
    return doc


# ----------------------------------------------------------------------------------------------
# Pages: our entries for the pages we generate, rewritten entries for the pages written by hand
# ----------------------------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_BOX = re.compile(r'<p class="admonition-title">(.*?)</p>', re.DOTALL)


def page_text(content: str) -> str:
    """What a page shows, as plain text with single spaces (to check that a key is shown)."""
    return " ".join(html.unescape(_TAG.sub(" ", content)).split())


def boxes(content: str) -> list[str]:
    """The titles of a page's boxes (admonitions: 口头承诺与约定, 质量问题)."""
    return [page_text(title) for title in _BOX.findall(content)]


def first_paragraph(content: str) -> str:
    found = _PARAGRAPH.search(content)
    return page_text(found.group(1)) if found else ""


@dataclass(frozen=True)
class Heading:
    id: str
    title: str


def headings(toc: Iterable[Any]) -> Iterator[Heading]:
    """Every heading of a MkDocs table of contents, depth first."""
    for item in toc:
        yield Heading(str(item.id), html.unescape(str(item.title)))
        yield from headings(item.children)


def _shown(values: Iterable[str], text: str) -> list[str]:
    return [v for v in values if " ".join(v.split()) in text]


_HEADING = re.compile(r"<h[1-6][^>]*?\sid=\"([^\"]+)\"")


def section_texts(content: str, wanted: set[str]) -> dict[str, str]:
    """The text of each ``wanted`` section of a page, from its heading to the next heading.

    A section's keys are checked against its own text, never the whole page: a listing of thousands
    of customers would otherwise be searched thousands of times."""
    marks = [(m.start(), m.group(1)) for m in _HEADING.finditer(content)] + [(len(content), "")]
    return {ident: page_text(content[start:end]) for (start, ident), (end, _) in zip(marks, marks[1:], strict=False)
            if ident in wanted}


def page_documents(facts: SearchFacts, src_uri: str, url: str, title: str, toc: Iterable[Any],
                   content: str) -> list[dict[str, Any]]:
    """The entries of a page we generated: the page, then each section the facts name.

    A page the facts describe is found by its keys, as far as the page shows them; any other
    (dashboard, reports, archive, knowledge maps, listings) by its title, headings and first
    paragraph: their tables repeat what the handover pages hold, and would be most of the index.
    """
    keys = facts.pages.get(src_uri)
    sections = list(headings(toc))
    if keys is not None:
        text = page_text(content)
        lead = keys.lead if _shown([keys.lead], text) else first_paragraph(content)
        docs = [document(url, title, lead, names=_shown(keys.people + keys.names, text),
                         words=_shown(keys.words, text), heading=boxes(content), weight=keys.weight)]
    else:
        lead = first_paragraph(content)
        others = [h.title for h in sections if h.id not in facts.sections]  # sections with entries of their own: not twice
        docs = [document(url, title, lead, words=words_of(" ".join([lead, *others])), heading=[title],
                         weight=OTHER_WEIGHT)]
    texts = section_texts(content, {h.id for h in sections} & facts.sections.keys())
    for heading in sections:
        if heading.id in texts:
            section, own = facts.sections[heading.id], texts[heading.id]
            docs.append(document(f"{url}#{heading.id}", heading.title, "", weight=section.weight,
                                 names=_shown(section.people + section.names, own), words=_shown(section.words, own)))
    return docs


def rewrite(doc: dict[str, Any]) -> dict[str, Any]:
    """An entry Material's indexer wrote, in our form: its words are where Material's jieba cut (U+200B)."""
    title = html.unescape(_TAG.sub("", doc.get("title", "")).replace("\u200b", ""))
    text = html.unescape(_TAG.sub(" ", doc.get("text", "")))
    words = [w for w in dict.fromkeys(_SEPARATOR.split(text)) if (_HAN_RUN.fullmatch(w) and len(w) >= 2) or _LATIN.fullmatch(w)]
    new = document(doc["location"], title, text.replace("\u200b", ""), words=words[:WORDS_PER_ENTRY], heading=[title],
                   weight=OTHER_WEIGHT * float(doc.get("boost", 1)))
    if "tags" in doc:
        new["tags"] = doc["tags"]
    return new


def write_index(site_dir: Path, ours: list[dict[str, Any]]) -> Path:
    """Rewrite the index Material wrote: our entries, then its entries in our form, with the config we need."""
    path = site_dir / INDEX
    index = json.loads(path.read_text(encoding="utf-8"))
    fields = {name: {"boost": boost} for name, boost in FIELDS.items()}
    fields.update({k: v for k, v in index["config"].get("fields", {}).items() if k not in fields})
    config = {**index["config"], **CONFIG, "fields": fields}
    docs = ours + [rewrite(doc) for doc in index["docs"]]
    path.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
    return path
