"""The reminder in words, as a colleague would write it: one place for the words of every channel.

A notice is what one person needs to hear today: their name, each handover with its page on the site, and for each
item its title, its due date and how many working days are left or how late it is, Chinese first, English after.
No rule ids, no internal labels ("due-soon"), no person ids where a name is known. Channels only lay the words out:
e-mail as plain text, 企业微信 and 钉钉 as Markdown (here), 飞书 as a rich-text post, the webhook as JSON.
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

from ..i18n import label
from ..load.characters import visible
from ..load.schemas import localized
from ..model.handbook import Handbook, Handover, Person
from ..model.views import open_items
from ..track.reminders import SIGNOFF_PENDING, Reminder

WEEKDAYS_ZH = "一二三四五六日"
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# Characters that are markup in a chat robot's Markdown: a title such as "<@all>" or "[点我](http://…)" must read as
# the text it is, never mention everyone or become a link. Their full-width forms look the same to a reader.
_MARKUP = str.maketrans({"<": "＜", ">": "＞", "[": "［", "]": "］", "*": "＊", "`": "｀", "&": "＆", "#": "＃",
                         "|": "｜", "\\": "＼"})
HEADLINE = ("交接提醒", "Handover reminders")
# How far a date is in working days, in words: ahead, today, past; Chinese and English.
DUE_WORDS = (("{date}到期,还有 {n} 个工作日", "is due on {date_en}: {n} working day{s} left"),
             ("今天({date})到期", "is due today ({date_en})"),
             ("{date}到期,已逾期 {n} 个工作日", "was due on {date_en}: {n} working day{s} overdue"))
LAST_DAY_WORDS = (("最后工作日是 {date},还有 {n} 个工作日", "the last day is {date_en}, {n} working day{s} left"),
                  ("今天({date})就是最后工作日", "today ({date_en}) is the last day"),
                  ("最后工作日 {date} 已过去 {n} 个工作日", "the last day, {date_en}, was {n} working day{s} ago"))


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


@dataclass(frozen=True)
class Section:
    """One handover's entries, under the title its page on the site has, with the page's address if known."""

    zh: str
    en: str
    url: str | None
    entries: tuple[Entry, ...]


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
        if handover.leaver == recipient:
            zh, en = "您自己的交接", "your own handover"
        else:
            leaver = self.person(handover.leaver)
            zh = label("handover_of", "zh", name=leaver.name, role=localized(handover.role.title, "zh"))
            en = label("handover_of", "en", name=leaver.name_en, role=localized(handover.role.title, "en"))
        return Section(visible(zh), visible(en), self.site.page(handover.id) if self.site else None, entries)

    def _entry(self, reminder: Reminder, handover: Handover | None) -> Entry:
        if reminder.kind == SIGNOFF_PENDING:
            role = reminder.item.removeprefix("signoff-")
            zh, en = _when(LAST_DAY_WORDS, reminder.days, dt.date.fromisoformat(reminder.due))
            return Entry(reminder, f"请以{label(role, 'zh')}身份核对这份交接的当前版本并签字确认:{zh}。",
                         f"Please check the current version of this handover and sign it off as "
                         f"{label(role, 'en').lower()}: {en}.")
        title = visible(reminder.title)
        owner = self._owner(reminder, handover)
        whose_zh, whose_en = (f"{visible(owner.name)}负责的", f"{visible(owner.name_en)}'s ") if owner else ("", "")
        zh, en = _when(DUE_WORDS, reminder.days, dt.date.fromisoformat(reminder.due))
        return Entry(reminder, f"{whose_zh}「{title}」{zh}。", f"{whose_en}“{title}” {en}.")

    def _owner(self, reminder: Reminder, handover: Handover | None) -> Person | None:
        """Who must do the item, when that is someone else than the person reminded (a manager hears whose it is)."""
        if handover is None:
            return None
        owner = next((item.owner for item in open_items(handover) if item.id == reminder.item), reminder.to)
        return None if owner == reminder.to else self.person(owner)


def _when(words: tuple[tuple[str, str], ...], days: int, due: dt.date) -> tuple[str, str]:
    """``due``, ``days`` working days away (negative: past), in ``words``."""
    zh, en = words[0 if days > 0 else 1 if days == 0 else 2]
    values = {"date": f"{due.isoformat()}(周{WEEKDAYS_ZH[due.weekday()]})",
              "date_en": f"{WEEKDAYS_EN[due.weekday()]} {due.isoformat()}", "n": abs(days),
              "s": "" if abs(days) == 1 else "s"}
    return zh.format(**values), en.format(**values)


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
        return None, f"there is no {config.name}, so reminders carry no link to the handover pages"
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return None, (f"could not read site_url from {config} ({type(exc).__name__}), so reminders carry no link to "
                      "the handover pages; fix that file")
    data = data if isinstance(data, dict) else {}
    url = data.get("site_url")
    if not url and isinstance(data.get("INHERIT"), str) and depth < 5:
        return read_site(config.parent / data["INHERIT"], depth + 1)
    if not url:
        return None, (f"{config.name} has no site_url, so reminders carry no link to the handover pages; add "
                      "'site_url: https://…' (where the site is published) to it")
    parsed = urllib.parse.urlsplit(str(url))
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        return None, f"site_url in {config.name} is not an http(s) address, so reminders carry no link; correct it"
    return SiteAddress(str(url), data.get("use_directory_urls", True) is not False), ""


def wording(today: dt.date, handbook: Handbook, mkdocs_yml: Path) -> Wording:
    site, note = read_site(mkdocs_yml)
    return Wording(today, handbook, site, note)


# -- shared layouts -------------------------------------------------------------------------------------------------
def headline(today: dt.date, part: int = 1, parts: int = 1) -> str:
    numbered = f" ({part}/{parts})" if parts > 1 else ""
    return f"{HEADLINE[0]} · {HEADLINE[1]} · {today.isoformat()}{numbered}"


def email_subject(notice: Notice, today: dt.date) -> str:
    count = len(notice.keys)
    return f"{HEADLINE[0]} / {HEADLINE[1]}: {count} 项待跟进 / {count} item(s) to follow up — {today.isoformat()}"


def email_text(notice: Notice, today: dt.date) -> str:
    """The e-mail: the whole message in Chinese, then the whole message in English."""
    name, name_en = notice.names
    count = len(notice.keys)
    zh = [f"{name},您好:", "", f"今天({today.isoformat()})有 {count} 件交接事项需要您跟进:"]
    en = [f"Hello {name_en or name},", "", f"{count} handover item(s) need you today ({today.isoformat()}):"]
    for section in notice.sections:
        zh += ["", section.zh + (f":{section.url}" if section.url else "")]
        en += ["", section.en + (f": {section.url}" if section.url else "")]
        zh += [f"  - {entry.zh}" for entry in section.entries]
        en += [f"  - {entry.en}" for entry in section.entries]
    zh += ["", "请更新交接文件,或打开上面的交接页面查看详情。" if notice.sections[0].url else
           "请更新交接文件,或在交接知识库中查看详情。"]
    en += ["", "Please update the handover file, or open the handover page above for details." if
           notice.sections[0].url else "Please update the handover file, or see the handover knowledge base."]
    return "\n".join([*zh, "", "—", "", *en]) + "\n"


def markdown(notices: tuple[Notice, ...], today: dt.date, part: int, parts: int, mention: Callable[[Person], str],
             newline: str = "\n") -> str:
    """A chat robot's Markdown message (企业微信, 钉钉): each person by name, mentioned, then their items."""
    lines = [f"**{headline(today, part, parts)}**"]
    for notice in notices:
        name, name_en = notice.names
        whom = " ".join(word for word in (f"**{escape(name)}**", escape(name_en), mention(notice.person)) if word)
        lines += ["", whom]
        for section in notice.sections:
            link = f" [打开 / open]({section.url})" if section.url else ""
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
