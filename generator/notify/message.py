"""The reminder in words, as a colleague would write it: one place for the words of every channel and the terminal.

A notice is what one person needs to hear today: their name, each handover with its page on the site, and for each
item its title, its due date and how many working days are left or how late it is, Chinese first, English after.
No rule ids, no internal labels ("due-soon"), no person ids where a name is known. Every word comes from the
catalogue (``generator/i18n/messages.py``, the ``remind_`` and ``email_`` keys). Channels only lay the words out:
e-mail as plain text, 企业微信 and 钉钉 as Markdown (here), 飞书 as a rich-text post, the webhook as JSON;
``handover remind`` prints each person's sections (``section_lines``, shared with the e-mail) in the command's
language.
"""
from __future__ import annotations

import datetime as dt
import os
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from ..config import ROLES
from ..i18n import LANGUAGES, label, message
from ..load.characters import visible
from ..load.schemas import localized
from ..model.handbook import Handbook, Handover, Person
from ..model.views import open_items
from ..track.reminders import SIGNOFF_PENDING, Reminder

# Characters that are markup in a chat robot's Markdown: a title such as "<@all>" or "[点我](http://…)" must read as
# the text it is, never mention everyone or become a link. Their full-width forms look the same to a reader.
_MARKUP = str.maketrans({"<": "＜", ">": "＞", "[": "［", "]": "］", "*": "＊", "`": "｀", "&": "＆", "#": "＃",
                         "|": "｜", "\\": "＼"})
# The catalogue's words for how far a date is in working days: <stem>_ahead, <stem>_today, <stem>_past.
DUE, LAST_DAY = "remind_due", "remind_last_day"


@dataclass(frozen=True)
class Entry:
    """One reminder in words."""

    reminder: Reminder
    zh: str
    en: str

    @property
    def key(self) -> str:
        """What the ledger records once it is delivered."""
        return self.reminder.key

    def text(self, language: str) -> str:
        return self.en if language == "en" else self.zh


@dataclass(frozen=True)
class Section:
    """One handover's entries, under the title its page on the site has, with the page's address if known."""

    zh: str
    en: str
    url: str | None
    entries: tuple[Entry, ...]

    def text(self, language: str) -> str:
        return self.en if language == "en" else self.zh


@dataclass(frozen=True)
class Notice:
    """Everything one person is reminded of today."""

    person: Person
    sections: tuple[Section, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(entry.key for section in self.sections for entry in section.entries)

    @property
    def names(self) -> tuple[str, str]:
        """The person's name, and their English name when it differs (both shown as written, escapes visible)."""
        return visible(self.person.name), visible(self.person.name_en) if self.person.name_en != self.person.name else ""

    def name(self, language: str) -> str:
        return visible(self.person.called(language))


@dataclass(frozen=True)
class SiteAddress:
    """Where the site is published (mkdocs.yml ``site_url``), to link each reminder to its handover's page."""

    url: str
    directory_urls: bool = True

    def page(self, handover_id: str) -> str:
        path = urllib.parse.quote(handover_id, safe="")
        return f"{self.url.rstrip('/')}/handovers/{path}/" if self.directory_urls else (
            f"{self.url.rstrip('/')}/handovers/{path}.html")


@dataclass(frozen=True)
class Wording:
    """Turns the day's reminders into notices, with names and pages from the handbook and the site's address."""

    today: dt.date
    handbook: Handbook
    site: SiteAddress | None = None
    site_note: str = ""  # why there is no site address, for the delivery report

    def notices(self, reminders: Iterable[Reminder]) -> tuple[Notice, ...]:
        """One notice per person, in the order they are first reminded; in it one section per handover."""
        grouped: dict[str, dict[str, list[Reminder]]] = {}
        for reminder in reminders:
            grouped.setdefault(reminder.to, {}).setdefault(reminder.file, []).append(reminder)
        handovers = {h.file: h for h in self.handbook.handovers}
        return tuple(Notice(self.person(person), tuple(self._section(person, handovers.get(file), mine)
                                                       for file, mine in files.items()))
                     for person, files in grouped.items())

    def person(self, person_id: str) -> Person:
        known = self.handbook.roster.people.get(person_id)
        return known or Person(person_id, person_id, person_id, "", "", "", True)

    def _section(self, recipient: str, handover: Handover | None, reminders: list[Reminder]) -> Section:
        entries = tuple(self._entry(r, handover) for r in reminders)
        if handover is None:  # the handbook changed under us; say which file rather than nothing
            return Section(visible(reminders[0].file), visible(reminders[0].file), None, entries)
        leaver = self.person(handover.leaver)
        zh, en = (label("remind_own_handover", language) if handover.leaver == recipient else
                  label("handover_of", language, name=leaver.called(language),
                        role=localized(handover.role.title, language)) for language in LANGUAGES)
        return Section(visible(zh), visible(en), self.site.page(handover.id) if self.site else None, entries)

    def _entry(self, reminder: Reminder, handover: Handover | None) -> Entry:
        due = dt.date.fromisoformat(reminder.due)
        if reminder.kind == SIGNOFF_PENDING:
            role = reminder.item.removeprefix("signoff-")
            zh, en = (label("remind_signoff", language, when=_when(LAST_DAY, reminder.days, due, language),
                            role=label(f"party_{role}", language) if role in ROLES else visible(role))
                      for language in LANGUAGES)
            return Entry(reminder, zh, en)
        title = visible(reminder.title)
        owner = self._owner(reminder, handover)
        zh, en = (label("remind_item_of" if owner else "remind_item", language, title=title,
                        owner=visible(owner.called(language)) if owner else "",
                        when=_when(DUE, reminder.days, due, language)) for language in LANGUAGES)
        return Entry(reminder, zh, en)

    def _owner(self, reminder: Reminder, handover: Handover | None) -> Person | None:
        """Who must do the item, when that is someone else than the person reminded (a manager hears whose it is)."""
        if handover is None:
            return None
        owner = next((item.owner for item in open_items(handover) if item.id == reminder.item), reminder.to)
        return None if owner == reminder.to else self.person(owner)


def _when(stem: str, days: int, due: dt.date, language: str) -> str:
    """``due``, ``days`` working days away (negative: past), in the catalogue's ``stem`` words of ``language``."""
    date = label("remind_date", language, date=due.isoformat(), weekday=label(f"remind_weekday_{due.weekday()}", language))
    count = label("remind_working_day" if abs(days) == 1 else "remind_working_days", language, n=abs(days))
    moment = "ahead" if days > 0 else "today" if days == 0 else "past"
    return label(f"{stem}_{moment}", language, date=date, days=count)


# -- the site's address, from mkdocs.yml ----------------------------------------------------------------------------
class _SiteConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: ``!!python/name:`` and other tags MkDocs would import become None, ``!ENV`` is read
    from the environment as MkDocs does; we only want ``site_url``, never to run anything the file names."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names: list[Any] = [loader.construct_scalar(node)]
    else:
        names = list(loader.construct_sequence(node)) if isinstance(node, yaml.SequenceNode) else []
    default = names.pop() if len(names) > 1 else None
    return next((os.environ[str(n)] for n in names if str(n) in os.environ), default)


_SiteConfigLoader.add_constructor("!ENV", _env_tag)
_SiteConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_site(config: Path, depth: int = 0) -> tuple[SiteAddress | None, str]:
    """The site's address from ``config`` (following ``INHERIT``), or None and what to do about it."""
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_SiteConfigLoader)  # noqa: S506 - safe loader
    except FileNotFoundError:
        return None, message("remind_site_no_config", file=config.name)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return None, message("remind_site_unreadable", file=config, error=type(exc).__name__)
    data = data if isinstance(data, dict) else {}
    url = data.get("site_url")
    if not url and isinstance(data.get("INHERIT"), str) and depth < 5:
        return read_site(config.parent / data["INHERIT"], depth + 1)
    if not url:
        return None, message("remind_site_no_url", file=config.name)
    parsed = urllib.parse.urlsplit(str(url))
    # urlsplit drops tabs and line breaks before it looks: a site_url holding one would print as more lines.
    if parsed.scheme not in ("http", "https") or not parsed.netloc or not str(url).isprintable() or " " in str(url):
        return None, message("remind_site_not_http", file=config.name)
    return SiteAddress(str(url), data.get("use_directory_urls", True) is not False), ""


def wording(today: dt.date, handbook: Handbook, mkdocs_yml: Path) -> Wording:
    site, note = read_site(mkdocs_yml)
    return Wording(today, handbook, site, note)


# -- shared layouts -------------------------------------------------------------------------------------------------
def both(key: str, separator: str = " / ", **fields: object) -> str:
    """A catalogue entry in Chinese, then in English: what a group of readers of either language sees."""
    return separator.join(label(key, language, **fields) for language in LANGUAGES)


def headline(today: dt.date, part: int = 1, parts: int = 1) -> str:
    numbered = f" ({part}/{parts})" if parts > 1 else ""
    return f"{both('remind_headline', ' · ')} · {today.isoformat()}{numbered}"


def section_lines(section: Section, language: str) -> list[str]:
    """One handover's reminders in ``language``: its title (and page), then each item. The e-mail and the terminal
    (``handover remind``) both say a person's reminders with these lines."""
    title = section.text(language)
    heading = label("remind_section_link", language, section=title, url=section.url) if section.url else title
    return [heading, *(f"  - {entry.text(language)}" for entry in section.entries)]


def email_subject(notice: Notice, today: dt.date) -> str:
    return f"{both('remind_headline')}: {both('email_subject', count=len(notice.keys))} — {today.isoformat()}"


def email_text(notice: Notice, today: dt.date) -> str:
    """The e-mail: the whole message in Chinese, then the whole message in English."""
    parts = []
    for language in LANGUAGES:
        lines = [label("email_greeting", language, name=notice.name(language)), "",
                 label("email_intro", language, date=today.isoformat(), count=len(notice.keys))]
        for section in notice.sections:
            lines += ["", *section_lines(section, language)]
        lines += ["", label("email_closing_page" if notice.sections[0].url else "email_closing", language)]
        parts.append("\n".join(lines))
    return "\n\n—\n\n".join(parts) + "\n"


def markdown(notices: tuple[Notice, ...], today: dt.date, part: int, parts: int, mention: Callable[[Person], str],
             newline: str = "\n") -> str:
    """A chat robot's Markdown message (企业微信, 钉钉): each person by name, mentioned, then their items."""
    lines = [f"**{headline(today, part, parts)}**"]
    for notice in notices:
        name, name_en = notice.names
        whom = " ".join(word for word in (f"**{escape(name)}**", escape(name_en), mention(notice.person)) if word)
        lines += ["", whom]
        for section in notice.sections:
            link = f" [{both('remind_open_page')}]({section.url})" if section.url else ""
            lines.append(f"{escape(section.zh)} · {escape(section.en)}{link}")
            for entry in section.entries:
                lines += [f"- {escape(entry.zh)}", f"  {escape(entry.en)}"]
    return newline.join(lines)


def escape(text: str) -> str:
    """Text from the handbook, inert in a robot's Markdown."""
    return visible(text).translate(_MARKUP)


def pack(notices: Iterable[Notice], fits: Callable[[tuple[Notice, ...]], bool]) -> list[tuple[Notice, ...]]:
    """Split the day's notices into as few messages as fit: whole people where possible, else whole entries.

    Each message repeats the person's and the handover's heading it continues, so it reads on its own. An entry
    that fits nowhere is sent alone, for the vendor to refuse and the report to name.
    """
    messages: list[tuple[Notice, ...]] = []
    current: list[tuple[Notice, Section, Entry]] = []
    for notice in notices:
        for section in notice.sections:
            for entry in section.entries:
                trial = [*current, (notice, section, entry)]
                if current and not fits(_regroup(trial)):
                    messages.append(_regroup(current))
                    trial = [(notice, section, entry)]
                current = trial
    if current:
        messages.append(_regroup(current))
    return messages


def _regroup(entries: list[tuple[Notice, Section, Entry]]) -> tuple[Notice, ...]:
    notices: dict[str, tuple[Notice, dict[int, tuple[Section, list[Entry]]]]] = {}
    for notice, section, entry in entries:
        _, sections = notices.setdefault(notice.person.id, (notice, {}))
        sections.setdefault(id(section), (section, []))[1].append(entry)
    return tuple(replace(notice, sections=tuple(replace(section, entries=tuple(mine))
                                                for section, mine in sections.values()))
                 for notice, sections in notices.values())
