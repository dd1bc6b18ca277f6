"""Render the handbook into Markdown pages: ``{docs-relative path: Markdown}``.

Pages are plain strings; the MkDocs plugin only hands them over. Every value from YAML
goes through ``markdown.esc`` (Jinja's ``finalize`` applies it to every ``{{ }}``), so
content cannot inject HTML, links or Markdown structure.
"""
from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..audit.signoffs import HandoverAudit, Signoff, TimelineEntry, people_by_email, unknown_audit
from ..fanout import ordered_map
from ..i18n import label
from ..load.schemas import Field, localized, localized_description
from ..model import views
from ..model.handbook import Handbook, Handover, Person
from ..render.calendars import handover_deadlines, person_deadlines, to_ics
from ..render.charts import bar_chart
from ..render.labels import department_name, item_text, money, section_title, status_text
from ..render.markdown import anchor, esc, esc_block, external_link, front_matter, link, relative, table
from ..render.names import short_name
from ..track import reports
from ..track.workdays import WorkCalendar

HEADER_FIELDS = ("schema_version", "role", "leaver", "successors", "manager", "notice_date", "last_day",
                 "transition", "retain_until", "summary")
# Sections every role shares come after the role's own (customers first): successors read top-down.
COMMON_SECTIONS = ("tasks", "documents", "contacts", "access", "assets", "knowledge", "checklist")


def section_order(handover: Handover) -> list[tuple[str, Field]]:
    properties = handover.role.tree.properties
    keys = [k for k in properties if k not in HEADER_FIELDS and handover.data.get(k)]
    rank = {k: (0 if properties[k].index else 2 if k in COMMON_SECTIONS else 1, i) for i, k in enumerate(keys)}
    return [(k, properties[k]) for k in sorted(keys, key=rank.__getitem__)]
AUDIENCES = ("all-staff", "restricted")
# Columns that hold the role template's keys rather than anything a reader uses: the checklist's ids
# (customers-introduced) say in English what the item's title says in the reader's words.
TEMPLATE_KEYED = {"checklist": ("id",)}
COMMITMENT_FIRST = ("promised_to", "owner", "due", "status")
DASHBOARD_COMPLETED = 10  # completed handovers the dashboard lists; the archive has them all
# Longer than a one-line field (the schemas' short_text): a note, shown on lines of its own.
SHORT_TEXT = 200


def punctuation(key: str, language: str) -> Markup:
    """A catalogue punctuation mark (": " or "："), spaces kept: ``esc`` would trim them, and it holds no markup."""
    return Markup(label(key, language))


def decision_step(item: dict[str, Any], language: str) -> str:
    """One person of a decision chain: 李志刚（最终拍板）."""
    name = str(item.get("name", ""))
    return name + label("parenthesized", language, text=item["role"]) if item.get("role") else name


@dataclass(frozen=True)
class SiteOptions:
    language: str = "zh"
    audience: str = "all-staff"
    # The day the pages are rendered for; a default evaluated per instance, never once at import
    # (a long-running ``serve`` would otherwise keep the day it started).
    today: dt.date = field(default_factory=dt.date.today)
    company: str = ""  # [tool.handover] company, printed on every handover certificate


@functools.cache
def _environment() -> jinja2.Environment:
    # One per process: compiling the templates costs more than rendering a small handbook, and
    # Jinja re-reads a template whose file changed (auto_reload), so ``serve`` still sees edits.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        finalize=esc, autoescape=False, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return env


class Page:
    """What a template needs to write one page: labels, links relative to this page, formatting."""

    def __init__(self, uri: str, site: SiteRenderer) -> None:
        self.uri = uri
        self.site = site
        self.language = site.options.language
        self.heading: str | None = None
        self.meta: dict[str, object] = {}

    def h1(self, text: str) -> Markup:
        """The page's heading, which is also its title (given to MkDocs as plain text, see ``front_matter``)."""
        self.heading = text
        return Markup(f"# {esc(text)}")

    def hide(self, *parts: str) -> Markup:
        """Material's ``hide`` front matter (e.g. the navigation) for this page."""
        self.meta["hide"] = list(parts)
        return Markup("")

    def t(self, key: str, **values: object) -> str:
        return label(key, self.language, **values)

    def title(self, text: str) -> str:
        return localized(text, self.language)

    def to(self, text: object, target: str) -> Markup:
        return link(text, target, self.uri)

    def location(self, where: str) -> Markup:
        """A link or repository path written in a handover: linked when it is a safe URL, shown otherwise."""
        return external_link(where, where)

    def image(self, alt: object, target: str) -> Markup:
        return Markup(f"![{esc(alt)}]({relative(target, self.uri)})")

    def href(self, target: str) -> str:
        return relative(target, self.uri)

    def name(self, person_id: str) -> str:
        return self.site.names.get(person_id, person_id)

    @property
    def colon(self) -> Markup:
        return punctuation("colon", self.language)

    @property
    def separator(self) -> Markup:
        return punctuation("list_separator", self.language)

    def paren(self, text: object) -> str:
        return self.t("parenthesized", text=text)

    def join(self, parts: Any) -> Markup:
        """Markup parts as a list in the page's language (、 in Chinese)."""
        return self.separator.join(parts)

    def id(self, *parts: str) -> Markup:
        """An attr_list id for a heading; ``anchor`` leaves only [a-z0-9_-]."""
        return Markup(f"{{#{anchor(*parts)}}}")

    def person(self, person_id: str) -> Markup:
        person = self.site.handbook.roster.people.get(person_id)
        if person is None:
            return esc(person_id)
        # The class keeps a name on one line (site/layout.py): 2- and 3-character names never break inside.
        return self.to(self.name(person_id), self.site.person_uri(person)) + Markup("{.hk-person}")

    def people(self, ids: Any) -> Markup:
        return self.join(self.person(i) for i in ids)

    def handover(self, handover: Handover, text: object | None = None) -> Markup:
        return self.to(text if text is not None else handover.id, f"handovers/{handover.id}.md")

    def role(self, handover: Handover) -> str:
        return self.title(handover.role.title)

    def department(self, person_id: str) -> str:
        return department_name(self.site.handbook, person_id, self.language)

    def description(self, text: str) -> str:
        return localized_description(text, self.language)

    def days_left(self, handover: Handover) -> str:
        days = (handover.last_day - self.site.options.today).days
        return self.t("overdue_days", n=-days) if days < 0 else self.t("days", n=days)

    def progress(self, handover: Handover) -> str:
        p = views.progress(handover)
        return self.t("progress_value", done=p.done, total=p.total, percent=p.percent)

    def state(self, handover: Handover) -> str:
        return self.t("state_" + views.state(handover, self.site.options.today))

    def audit(self, handover: Handover) -> HandoverAudit:
        return self.site.audits.get(handover.id) or unknown_audit(handover)

    def signoff_state(self, handover: Handover) -> str:
        return self.t("overall_" + self.audit(handover).state)

    def signoff_label(self, state: str) -> str:
        return self.t("signoff_" + state)

    def verified(self, signoff: Signoff) -> str:
        """Whether a signature proves the sign-off; an unsigned commit is only what its author field claims."""
        return self.t("yes") if signoff.verified else self.t("signoff_claimed") if signoff.commit else self.t("no")

    def reason(self, signoff: Signoff) -> str:
        """Why a sign-off counts or not, in the page's language, people by name."""
        if not signoff.code:
            return ""
        return self.t("reason_" + signoff.code, **{k: self.name(v) if k == "person" else v for k, v in signoff.params})

    def finding(self, finding: reports.Finding) -> str:
        return finding.text(self.language)

    def author(self, entry: TimelineEntry) -> Markup:
        """A commit's author: the person, by name, when the roster knows the address."""
        person = self.site.authors.get(entry.author_email)
        return self.person(person) if person else esc(entry.author)

    def change(self, entry: TimelineEntry) -> str:
        return self.t("change_" + entry.change)

    def checklist_titles(self, handover: Handover, ids: Any) -> str:
        titles = {str(item.get("id")): str(item.get("item", item.get("id"))) for item in handover.items("checklist")}
        return self.t("list_separator").join(titles.get(i, i) for i in ids)

    def commitment(self, handover: Handover, task: dict[str, Any]) -> Markup:
        """One verbal promise in full: what, to whom, who follows it up, by when, its state and every note."""
        spec = handover.role.tree.properties.get("tasks")
        items = spec.items if spec is not None else None
        sections = self.site.sections
        facts, notes = [], []
        # Whom it was promised to and who keeps it come first; the rest in the order written.
        first = [k for k in COMMITMENT_FIRST if k in task]
        for key, value in [(k, task[k]) for k in first] + [(k, v) for k, v in task.items() if k not in first]:
            child = items.child(key) if items is not None else None
            if key in ("id", "title") or isinstance(value, bool) or value in (None, ""):
                continue
            shown = esc(sections.name(key, child)) + self.colon
            if child is not None and "string" in child.types and (child.max_length or 0) > SHORT_TEXT:
                notes.append(shown + Markup("<br>").join(esc(line) for line in str(value).splitlines() if line.strip()))
            else:
                facts.append(shown + sections.cell(value, child, self))
        title = str(task.get("title", "")) + (self.paren(task["id"]) if task.get("id") else "")
        head = Markup(f"**{esc(title)}**")
        lines = [head, punctuation("semicolon", self.language).join(facts), *notes]
        return Markup("<br>").join(line for line in lines if line)

    def open_section(self, row: reports.OpenRow, handover: Handover) -> str:
        return section_title(handover, row.section, self.language)

    def open_item(self, row: reports.OpenRow, handover: Handover) -> str:
        return item_text(handover, row, self.language)

    def open_status(self, row: reports.OpenRow, handover: Handover) -> str:
        return status_text(handover, row, self.language)

    def role_label(self, role: str) -> str:
        return self.t("role_" + role)

    def code(self, text: str | None, length: int = 10) -> Markup:
        return Markup(f"<code>{esc((text or '')[:length])}</code>") if text else Markup("")

    def date_of(self, timestamp: str | None) -> str:
        return (timestamp or "")[:10]

    def risk(self, handover: Handover) -> reports.Risk:
        return self.site.risks[handover.id]

    def quality(self, handover: Handover) -> reports.Quality:
        return self.site.qualities[handover.id]

    def calendar_link(self, kind: str, ident: str) -> Markup:
        return self.to(self.t("subscribe"), f"calendar/{kind}/{ident}.ics")

    def timeline(self, handover: Handover) -> list[tuple[str, str, Markup]]:
        """(date, what, detail) of everything dated about the handover, in order."""
        events: list[tuple[str, str, Markup]] = []
        data = handover.data
        events.append((data["notice_date"], self.t("ev_notice"), Markup("")))
        transition = data.get("transition")
        if isinstance(transition, dict):
            events.append((transition["start"], self.t("ev_transition_start"), Markup("")))
            events.append((transition["end"], self.t("ev_transition_end"), Markup("")))
        events.append((data["last_day"], self.t("ev_last_day"), Markup("")))
        for item in views.dated_open_items(handover):
            # A checklist item's id is the role template's key, not a name anyone uses; a task's id is.
            what = item.title if item.section == "checklist" else item.title + self.paren(item.id)
            events.append((item.due, self.t("ev_due"), esc(what) + Markup(" · ") + self.person(item.owner)))
        for signoff in self.audit(handover).signoffs:
            if signoff.at and signoff.party:
                events.append((signoff.at[:10], self.t("ev_signoff"),
                               esc(self.role_label(signoff.role)) + self.colon + self.person(signoff.person)
                               + Markup(f" · {esc(self.signoff_label(signoff.state))}")))
        evaluation = data.get("evaluation")
        if isinstance(evaluation, dict):
            events.append((evaluation["date"], self.t("ev_evaluation"), esc(f"{evaluation['completeness']}/5")))
        return sorted(events, key=lambda e: e[0])

    def block(self, text: object) -> Markup:
        return esc_block(text)

    def section(self, key: str, value: Any, spec: Field) -> Markup:
        return self.site.sections.section(key, value, spec, self, level=2)


class SectionRenderer:
    """Renders any part of any role's document from its schema: tables, item blocks, lists."""

    def __init__(self, options: SiteOptions) -> None:
        self.options = options

    def hidden(self, spec: Field | None) -> bool:
        return (spec is not None and spec.sensitivity == "restricted"
                and self.options.audience != "restricted")

    def cell(self, value: Any, spec: Field | None, page: Page) -> Markup:
        language = self.options.language
        if self.hidden(spec):
            return esc(label("restricted", language))
        if value is None:
            return Markup("")
        if isinstance(value, bool):
            return esc(label("yes" if value else "no", language))
        if isinstance(value, dict):
            if spec is not None and spec.format == "money":
                return esc(money(value))
            return punctuation("semicolon", language).join(
                esc(self.name(k, spec.child(k) if spec else None)) + punctuation("colon", language)
                + self.cell(v, spec.child(k) if spec else None, page)
                for k, v in value.items())
        if isinstance(value, list):
            return page.join(self.cell(v, spec.items if spec else None, page) for v in value)
        if spec is not None:
            if spec.person:
                return page.person(str(value))
            if spec.link:
                return external_link(value, str(value))
            if str(value) in spec.enum_labels:
                return esc(localized(spec.enum_labels[str(value)], language))
        return esc(value)

    def name(self, key: str, spec: Field | None) -> str:
        return localized(spec.title, self.options.language) if spec and spec.title else key

    @staticmethod
    def _is_flat(items: list[Any]) -> bool:
        def flat(value: Any) -> bool:
            if isinstance(value, dict):
                return all(not isinstance(v, (dict, list)) for v in value.values())
            if isinstance(value, list):
                return all(not isinstance(v, (dict, list)) for v in value)
            return True
        return all(isinstance(i, dict) and all(flat(v) for v in i.values()) for i in items)

    def columns(self, items: list[dict[str, Any]], spec: Field | None, hidden: tuple[str, ...] = ()) -> list[str]:
        present = {k for item in items for k in item} - set(hidden)
        ordered = [k for k in (spec.properties if spec else {}) if k in present]
        return ordered + sorted(present - set(ordered))

    def item_table(self, items: list[dict[str, Any]], spec: Field | None, page: Page,
                   hidden: tuple[str, ...] = ()) -> Markup:
        keys = self.columns(items, spec, hidden)
        child = (lambda k: spec.child(k)) if spec else (lambda k: None)
        rows = [[self.cell(item.get(k), child(k), page) for k in keys] for item in items]
        return table([self.name(k, child(k)) for k in keys], rows)

    def definition_table(self, value: dict[str, Any], spec: Field | None, page: Page) -> Markup:
        child = (lambda k: spec.child(k)) if spec else (lambda k: None)
        rows = [[self.name(k, child(k)), self.cell(v, child(k), page)] for k, v in value.items()
                if not isinstance(v, (list, dict)) or (isinstance(v, dict) and self._is_flat([v]))]
        language = self.options.language
        return table([label("field", language), label("value", language)], rows) if rows else Markup("")

    def decision_chain(self, items: list[dict[str, Any]]) -> Markup:
        language = self.options.language
        steps = [esc(decision_step(i, language)) for i in items]
        return (Markup(f"**{esc(label('decision_chain', language))}**") + punctuation("colon", language)
                + Markup(" → ").join(steps))

    def item_heading(self, item: dict[str, Any], spec: Field | None, key: str, index: int, level: int,
                     customer: bool) -> Markup:
        label_key = spec.label_key if spec else None
        text = item.get(label_key) if label_key else None
        shown = isinstance(text, str) and not self.hidden(spec.child(label_key) if spec and label_key else None)
        text = text if shown else f"{key} {index + 1}"
        ident = str(item.get("id", index + 1))
        html_id = anchor("customer", ident) if customer else anchor(key, ident)
        return Markup(f"{'#' * level} {esc(text)} {{#{html_id}}}")

    def section(self, key: str, value: Any, spec: Field | None, page: Page, level: int) -> Markup:
        heading = Markup(f"{'#' * level} {esc(self.name(key, spec))}")
        if self.hidden(spec):
            return Markup("\n\n").join([heading, esc(label("restricted", self.options.language))])
        parts = [heading]
        if isinstance(value, list) and value and all(isinstance(i, dict) for i in value):
            item_spec = spec.items if spec else None
            if spec is not None and spec.decision_chain:
                parts.append(self.decision_chain(value))
            customer = spec is not None and spec.index == "customers"
            # Customers always get a heading each, however few their fields (an import may give only id and name):
            # the customer index and the chain of owners link to each one's anchor, which a table row cannot carry.
            if self._is_flat(value) and not customer:
                parts.append(self.item_table(value, item_spec, page, TEMPLATE_KEYED.get(key, ())))
            else:
                for index, item in enumerate(value):
                    parts.append(self.item_heading(item, item_spec, key, index, min(level + 1, 6), customer))
                    parts.append(self.item_body(item, item_spec, page, min(level + 2, 6)))
        elif isinstance(value, list):
            parts.append(self.cell(value, spec, page))
        elif isinstance(value, dict):
            parts.append(self.item_body(value, spec, page, min(level + 1, 6)))
        elif spec is not None and "string" in spec.types and not (spec.person or spec.link or spec.enum_labels):
            parts.append(esc_block(value))
        else:
            parts.append(self.cell(value, spec, page))
        return Markup("\n\n").join(p for p in parts if p)

    def item_body(self, item: dict[str, Any], spec: Field | None, page: Page, level: int) -> Markup:
        parts = [self.definition_table(item, spec, page)]
        for key, value in item.items():
            child = spec.child(key) if spec else None
            nested_list = isinstance(value, list) and any(isinstance(v, dict) for v in value)
            if nested_list or (isinstance(value, dict) and not self._is_flat([value])):
                parts.append(self.section(key, value, child, page, level))
        return Markup("\n\n").join(p for p in parts if p)


class SiteRenderer:
    def __init__(self, handbook: Handbook, options: SiteOptions,
                 audits: dict[str, HandoverAudit] | None = None, calendar: WorkCalendar | None = None,
                 jobs: int | None = 1) -> None:
        self.handbook = handbook
        self.jobs = jobs  # worker processes for the pages that come one per handover or per letter
        self.options = options
        self.audits = audits or {}
        self.calendar = calendar or WorkCalendar()
        self.risks = {h.id: reports.risk(h, self.audits.get(h.id), options.today, self.calendar) for h in handbook.handovers}
        self.qualities = {h.id: reports.quality(h) for h in handbook.handovers}
        self.env = _environment()
        self.sections = SectionRenderer(options)
        self.customers = views.customers(handbook)
        self.people = views.people(handbook, self.customers)
        self.names = display_names(handbook, options.language)
        self.authors = people_by_email(handbook.roster, principals=False)
        self.short_names = {entry.id: short_name(entry.name) for entry in self.customers.values()}

    def person_uri(self, person: Person) -> str:
        return f"people/{anchor(person.department)}.md#{anchor('p', person.id)}"

    def customer_letter(self, entry: views.CustomerEntry) -> str:
        """Customers are filed under the initial of the name people use: 杭州博远科技 under B (博远)."""
        return views.initial(self.short_names[entry.id])

    def customer_uri(self, entry: views.CustomerEntry) -> str:
        return f"customers/{self.letter_page(self.customer_letter(entry))}.md#{anchor('c', entry.id)}"

    def customer_card(self, entry: views.CustomerEntry) -> CustomerCard:
        return customer_card(entry, self.sections)

    @staticmethod
    def letter_page(letter: str) -> str:
        return letter.lower() if letter.isalpha() else "other"

    def page(self, template: str, uri: str, **context: Any) -> tuple[str, str]:
        page = Page(uri, self)
        text = self.env.get_template(template).render(p=page, options=self.options, views=views, **context)
        if page.heading is None:  # MkDocs would take the title from the H1's HTML: never from content
            raise RuntimeError(f"{template} writes no heading with p.h1(...), so its page would have no safe title")
        return uri, front_matter(page.heading, **page.meta) + text

    def render(self) -> dict[str, str]:
        today = self.options.today
        handovers = sorted(self.handbook.handovers, key=lambda h: (h.data["last_day"], h.id))
        states = {h.id: views.state(h, today) for h in handovers}
        completed = [h for h in reversed(handovers) if states[h.id] == views.COMPLETE]
        pages = dict([
            # The counts are the tables' rows: open counts every row of the open table, overdue the rows among
            # them past the last day, complete every completed handover (the table shows the latest ones).
            self.page("dashboard.md.j2", "index.md",
                      open=sorted((h for h in handovers if states[h.id] != views.COMPLETE),
                                  key=lambda h: (-self.risks[h.id].score, h.data["last_day"], h.id)),
                      overdue=sum(1 for v in states.values() if v == views.OVERDUE),
                      completed=completed[:DASHBOARD_COMPLETED], completed_total=len(completed)),
        ])
        pages.update(ordered_map(lambda at: self.handover_page(handovers[at]), range(len(handovers)), self.jobs))
        pages.update(self.archive_pages(handovers))
        pages.update(self.customer_pages())
        pages.update(self.people_pages())
        pages.update(self.role_pages())
        pages.update([self.page("signoffs.md.j2", "signoffs.md", recent=self.recent_signoffs())])
        pages.update(self.report_pages(handovers))
        pages.update(self.calendar_files())
        from .certificate import certificate_pages  # it renders through this module: imported when used

        pages.update(certificate_pages(self, handovers))
        return pages

    def handover_page(self, handover: Handover) -> tuple[str, str]:
        return self.page("handover.md.j2", f"handovers/{handover.id}.md", h=handover,
                         sections=section_order(handover), commitments=views.commitments(handover))

    def calendar_files(self) -> dict[str, str]:
        stamp = self.options.today
        handovers = self.handbook.handovers

        def calendar(at: int) -> tuple[str, str]:
            return f"calendar/handovers/{handovers[at].id}.ics", to_ics(
                handovers[at].id, handover_deadlines(handovers[at]), stamp).decode("utf-8")

        files = dict(ordered_map(calendar, range(len(handovers)), self.jobs))
        files.update({f"calendar/people/{p.id}.ics": to_ics(p.name, person_deadlines(p, self.handbook), stamp).decode("utf-8")
                      for p in self.handbook.roster.people.values()})
        return files

    def report_pages(self, handovers: list[Handover]) -> dict[str, str]:
        rows = reports.incomplete_items(self.handbook, self.options.today, self.calendar)
        language = self.options.language
        pages = dict([
            self.page("reports_index.md.j2", "reports/index.md", rows=rows),
            self.page("reports_incomplete.md.j2", "reports/incomplete.md", rows=rows,
                      by_id={h.id: h for h in handovers}, summary=reports.manager_summary(rows)),
            self.page("reports_quality.md.j2", "reports/quality.md",
                      ranked=sorted(handovers, key=lambda h: (self.qualities[h.id].score, h.id))),
        ])
        charts = self.charts(handovers, rows)
        pages.update({f"reports/{name}.svg": svg for name, (svg, _) in charts.items()})
        evaluated = [h for h in handovers if isinstance(h.data.get("evaluation"), dict)]
        pages.update([self.page("reports_analytics.md.j2", "reports/analytics.md",
                                charts=[(name, title) for name, (_, title) in charts.items()], evaluated=evaluated,
                                averages=_averages(evaluated, self.handbook, language))])
        return pages

    def charts(self, handovers: list[Handover], rows: list[reports.OpenRow]) -> dict[str, tuple[str, str]]:
        language = self.options.language
        charts: dict[str, tuple[str, str]] = {}
        cycles = [(h.id, days) for h in handovers
                  if (days := reports.cycle_days(h, self.audits.get(h.id))) is not None]
        if cycles:
            charts["cycle-time"] = (bar_chart(label("cycle_time", language), cycles), label("cycle_time", language))
        overdue: dict[str, int] = defaultdict(int)
        for row in rows:
            if row.section == "checklist" and row.working_days_overdue:
                overdue[row.title] += 1  # the item as people read it, never the template's key
        if overdue:
            top = sorted(overdue.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
            charts["most-overdue"] = (bar_chart(label("most_overdue", language), top), label("most_overdue", language))
        by_role: dict[str, list[int]] = defaultdict(list)
        by_department: dict[str, list[int]] = defaultdict(list)
        for handover in handovers:
            percent = views.progress(handover).percent
            by_role[localized(handover.role.title, language)].append(percent)
            department = department_name(self.handbook, handover.leaver, language)
            if department:
                by_department[department].append(percent)
        for name, groups in (("completion_by_role", by_role), ("completion_by_department", by_department)):
            if groups:
                values = [(key, round(sum(v) / len(v))) for key, v in sorted(groups.items())]
                charts[name.replace("_", "-")] = (bar_chart(label(name, language), values, "%"), label(name, language))
        return charts

    def recent_signoffs(self, limit: int = 100) -> list[tuple[Handover, Signoff]]:
        by_id = {h.id: h for h in self.handbook.handovers}
        found = [(by_id[hid], s) for hid, audit in self.audits.items() for s in audit.signoffs if s.commit]
        return sorted(found, key=lambda pair: pair[1].at or "", reverse=True)[:limit]

    def archive_pages(self, handovers: list[Handover]) -> dict[str, str]:
        by_year: dict[str, list[Handover]] = defaultdict(list)
        for handover in handovers:
            by_year[handover.data["last_day"][:4]].append(handover)
        pages = dict([self.page("archive_index.md.j2", "archive/index.md", years=sorted(by_year.items(), reverse=True))])
        for year, items in by_year.items():
            pages.update([self.page("archive_year.md.j2", f"archive/{year}.md", year=year, handovers=items)])
        return pages

    def customer_pages(self) -> dict[str, str]:
        groups: dict[str, list[views.CustomerEntry]] = defaultdict(list)
        for entry in self.customers.values():
            groups[self.customer_letter(entry)].append(entry)
        for entries in groups.values():
            entries.sort(key=lambda e: (views.sort_key(self.short_names[e.id]), views.sort_key(e.name), e.id))
        letters = sorted(groups, key=lambda letter: (not letter.isalpha(), letter))
        pages = dict([self.page("customers_index.md.j2", "customers/index.md", letters=letters, groups=groups,
                                letter_page=self.letter_page, short_names=self.short_names, anchor=anchor)])
        pages.update(ordered_map(lambda letter: self.page("customers_letter.md.j2", f"customers/{self.letter_page(letter)}.md",
                                                          letter=letter, entries=groups[letter], anchor=anchor,
                                                          short_names=self.short_names),
                                 letters, self.jobs, min_per_worker=4))  # few pages, each many customers
        return pages

    def people_pages(self) -> dict[str, str]:
        roster = self.handbook.roster
        members: dict[str, list[Person]] = defaultdict(list)
        for person in roster.people.values():
            members[person.department].append(person)
        departments = [d for d in roster.departments.values() if members[d.id]]
        pages = dict([self.page("people_index.md.j2", "people/index.md", departments=departments, members=members,
                                anchor=anchor)])
        awaiting: dict[str, list[Handover]] = defaultdict(list)
        for handover in self.handbook.handovers:
            audit = self.audits.get(handover.id)
            for party in (handover.leaver, *handover.successors, handover.manager):
                if audit is not None and audit.awaiting(party) and handover not in awaiting[party]:
                    awaiting[party].append(handover)
        for department in departments:
            people = sorted(members[department.id], key=lambda p: views.sort_key(p.name))
            pages.update([self.page("people_department.md.j2", f"people/{anchor(department.id)}.md",
                                    department=department, people=people, person_views=self.people, anchor=anchor,
                                    customer_uri=self.customer_uri, awaiting=awaiting)])
        return pages

    def role_pages(self) -> dict[str, str]:
        knowledge = views.knowledge(self.handbook)
        roles = sorted(self.handbook.roles.values(), key=lambda r: r.id)
        counts: dict[str, int] = defaultdict(int)
        for handover in self.handbook.handovers:
            counts[handover.role.id] += 1
        pages = dict([self.page("roles_index.md.j2", "roles/index.md", roles=roles, counts=counts)])
        for role in roles:
            pages.update([self.page("role.md.j2", f"roles/{role.id}.md", role=role,
                                    entries=knowledge.get(role.id, []))])
        return pages


def _averages(evaluated: list[Handover], handbook: Handbook, language: str) -> list[tuple[str, str, float, int]]:
    """(kind, group, average completeness, count) by role and by department."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for handover in evaluated:
        score = int(handover.data["evaluation"]["completeness"])
        groups[(label("role", language), localized(handover.role.title, language))].append(score)
        department = department_name(handbook, handover.leaver, language)
        if department:
            groups[(label("department", language), department)].append(score)
    return [(kind, group, round(sum(v) / len(v), 1), len(v)) for (kind, group), v in sorted(groups.items())]


def display_names(handbook: Handbook, language: str) -> dict[str, str]:
    """Each person's name as pages show it; the id only beside a name two people share (张伟（zhangwei））."""
    shown = {p.id: p.name if language == "zh" else p.name_en for p in handbook.roster.people.values()}
    counts: dict[str, int] = defaultdict(int)
    for name in shown.values():
        counts[name] += 1
    return {pid: name + label("parenthesized", language, text=pid) if counts[name] > 1 else name
            for pid, name in shown.items()}


@dataclass(frozen=True)
class CustomerCard:
    """What a successor asks first about a customer, from its latest handover."""

    decision_maker: str
    contract: str  # a link or a repository path, "" when none is written down
    latest: Handover


def customer_card(entry: views.CustomerEntry, sections: SectionRenderer) -> CustomerCard:
    latest = entry.steps[-1].handover
    item = next((i for _, i in views.customer_items(latest) if str(i.get("id")) == entry.id), {})
    spec = next((latest.role.tree.at(path) for path in latest.role.paths.customers), None)
    fields = spec.items.properties if spec is not None and spec.items is not None else {}
    language = sections.options.language
    decision_maker = ""
    for key, field_spec in fields.items():
        chain = item.get(key)
        if field_spec.decision_chain and isinstance(chain, list) and chain and isinstance(chain[0], dict):
            decision_maker = decision_step(chain[0], language)  # the chain is written from who decides down
            break
    return CustomerCard(decision_maker, _contract_location(latest, entry.id, item, fields, sections), latest)


def _contract_location(handover: Handover, customer_id: str, item: dict[str, Any], fields: dict[str, Field],
                       sections: SectionRenderer) -> str:
    """Where the contract is: a link inside the customer's own record (its contract), else a document of
    kind "contract" of the same handover that names the customer. Restricted links stay hidden."""
    for key, field_spec in fields.items():
        value = item.get(key)
        if isinstance(value, dict):
            for child_key, child in field_spec.properties.items():
                if child.link and value.get(child_key) and not sections.hidden(child) and not sections.hidden(field_spec):
                    return str(value[child_key])
    for key, section_spec in handover.role.tree.properties.items():
        entries = handover.items(key)
        spec = section_spec.items
        if spec is None or not entries:
            continue
        links = [k for k, child in spec.properties.items() if child.link and not sections.hidden(child)]
        for entry in entries:
            if customer_id in entry.values() and "contract" in entry.values():
                found = next((str(entry[k]) for k in links if entry.get(k)), "")
                if found:
                    return found
    return ""


def render_site(handbook: Handbook, options: SiteOptions, audits: dict[str, HandoverAudit] | None = None,
                calendar: WorkCalendar | None = None, jobs: int | None = 1) -> dict[str, str]:
    """Every generated file of the site (Markdown pages, CSV, SVG, ICS), keyed by its path in the docs folder.

    ``jobs``: worker processes for the per-handover pages (None: as cores and size suggest); the
    files do not depend on it."""
    return SiteRenderer(handbook, options, audits, calendar, jobs).render()
