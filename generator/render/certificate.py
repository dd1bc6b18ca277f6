"""The handover certificate (交接确认单): one printable A4 document per handover, signed on paper.

It lists what was handed over (customers, promises, documents, accounts, what is still open) and
one signature box per party — the leaver, each successor, the manager — filled with that party's
git sign-off (when, which commit, whether a key verified it) and with blank lines where a
handwritten signature is still needed: every sign-off that git cannot prove (missing, stale,
invalid, or only claimed by a commit's author field).

The same HTML body is a page of the site (``certificates/<id>.md``, its stylesheet added by the
site) and, standalone with the stylesheet inlined, what ``handover certificate`` prints to PDF.
Values are written through the page renderer's Jinja environment, whose ``finalize`` escapes
every one of them, so nothing from a handover file can become markup here either.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..audit.signoffs import SIGNED, HandoverAudit, Signoff, unknown_audit
from ..fanout import ordered_map
from ..i18n import label
from ..load.schemas import Field, localized
from ..model import views
from ..model.handbook import Handover

if TYPE_CHECKING:
    from .pages import SiteRenderer

STYLESHEET = Path(__file__).parent / "templates" / "certificate.css"
# The columns each part of the certificate shows, by the schema's field names.
CUSTOMER_COLUMNS = ("name", "id", "successor", "key_account", "handover_confirmed_by_customer")
PROMISE_COLUMNS = ("id", "title", "promised_to", "owner", "due", "status")
DOCUMENT_COLUMNS = ("title", "kind", "location")
ACCOUNT_COLUMNS = ("system", "account", "action", "to", "status")
WRAP_ANYWHERE = {"location", "account"}  # long, with no place a line could break: break anywhere
KEEP_WHOLE = {"id", "due", "successor", "owner", "to", "status", "kind", "action"}  # ids, dates, names, short values


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = ""  # "url": may break anywhere; "id": never breaks


@dataclass(frozen=True)
class Part:
    """One table of the certificate."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Party:
    """One signature box: who signs, in which role, what git says, whether ink is still needed."""

    role: str
    name: str
    person: str
    state: str
    signed_at: str
    commit: str
    verified: str
    wet: bool


@dataclass(frozen=True)
class Certificate:
    language: str
    company: str
    title: str
    handover: str
    file: str
    version: str
    generated: str
    facts: tuple[tuple[str, str], ...]
    parts: tuple[Part, ...]
    parties: tuple[Party, ...]

    def t(self, key: str, **values: object) -> str:
        return label(key, self.language, **values)


def certificate_uri(handover: Handover) -> str:
    return f"certificates/{handover.id}.md"


class _Writer:
    """Plain text of the handover's values, in the site's language, with restricted fields withheld."""

    def __init__(self, site: SiteRenderer, handover: Handover) -> None:
        self.site = site
        self.handover = handover
        self.language = site.options.language

    def name(self, person_id: str) -> str:
        person = self.site.handbook.roster.people.get(person_id)
        if person is None:
            return person_id
        return person.name if self.language == "zh" else person.name_en

    def text(self, value: Any, spec: Field | None) -> str:
        if self.site.sections.hidden(spec):
            return label("restricted", self.language)
        if value is None:
            return ""
        if isinstance(value, bool):
            return label("yes" if value else "no", self.language)
        if isinstance(value, list):
            return self.join(self.text(v, spec.items if spec else None) for v in value)
        if isinstance(value, dict):
            return " ".join(str(v) for v in value.values())
        if spec is not None and spec.person:
            return self.name(str(value))
        if spec is not None and str(value) in spec.enum_labels:
            return localized(spec.enum_labels[str(value)], self.language)
        return str(value)

    def join(self, texts: Iterable[str]) -> str:
        return label("list_separator", self.language).join(texts)

    def part(self, key: str, items: list[dict[str, Any]], columns: tuple[str, ...], spec: Field | None = None,
             title: str | None = None) -> Part | None:
        """The ``columns`` of ``items`` (those any item has) under the section's title; None without items."""
        if not items:
            return None
        spec = spec or self.handover.role.tree.properties.get(key)
        item_spec = spec.items if spec is not None else None
        present = [c for c in columns if any(c in item for item in items)]
        heads = tuple(Column(self.field_title(item_spec, c), "url" if c in WRAP_ANYWHERE else "id" if c in KEEP_WHOLE else "")
                      for c in present)
        rows = tuple(tuple(self.text(item.get(c), item_spec.child(c) if item_spec else None) for c in present)
                     for item in items)
        return Part(title or (self.field_title(spec, None) if spec else key), heads, rows)

    def field_title(self, spec: Field | None, key: str | None) -> str:
        field = spec.child(key) if spec is not None and key is not None else spec
        return localized(field.title, self.language) if field is not None and field.title else (key or "")

    def customers(self) -> Part | None:
        found = views.customer_items(self.handover)
        if not found:
            return None
        spec = self.handover.role.tree.at(self.handover.role.paths.customers[0])
        items = [{**item, "successor": item.get("successor") or self.handover.successors[0]} for _, item in found]
        return self.part("customers", items, CUSTOMER_COLUMNS, spec)

    def open_items(self) -> Part:
        properties = self.handover.role.tree.properties
        rows = []
        for item in views.open_items(self.handover):
            spec = properties.get(item.section)
            rows.append((self.field_title(spec, None) or item.section, self.item_title(item), self.name(item.owner),
                         item.due, self.status(item.section, item.status)))
        t = self.site.options.language
        heads = (Column(label("section", t)), Column(label("item", t)), Column(label("owner", t), "id"),
                 Column(label("due", t), "id"), Column(label("state", t), "id"))
        return Part(label("open_items", t), heads, tuple(rows))

    def item_title(self, item: views.OpenItem) -> str:
        """An account as ``system · action: account`` (the action in the reader's words), anything else by its title."""
        if item.section != "access":
            return item.title
        spec = self.handover.role.tree.properties.get("access")
        items = spec.items if spec is not None else None
        for account in self.handover.items("access"):
            action, name = str(account.get("action", "")), str(account.get("account", ""))
            if str(account.get("system", "")) == item.id and f"{action}: {name}" == item.title:
                shown = self.text(action, items.child("action") if items is not None else None)
                return f"{item.id} · {shown}{label('colon', self.language)}{self.text(name, items.child('account') if items else None)}"
        return item.title

    def status(self, section: str, status: str) -> str:
        spec = self.handover.role.tree.properties.get(section)
        items = spec.items if spec is not None else None
        field = items.child("status") if items is not None else None
        if field is not None and status in field.enum_labels:
            return localized(field.enum_labels[status], self.language)
        returned = items.child("returned") if items is not None else None
        if section == "assets" and returned is not None:  # the only open state no schema enum labels
            return self.field_title(returned, None) + label("colon", self.language) + label("no", self.language)
        return status


def _parties(writer: _Writer, audit: HandoverAudit) -> tuple[Party, ...]:
    handover, language = writer.handover, writer.language
    order = {(role, person): i for i, (role, person) in enumerate(
        [("leaver", handover.leaver)] + [("successor", s) for s in handover.successors] + [("manager", handover.manager)])}
    known = {(s.role, s.person): s for s in audit.signoffs if s.party}
    parties = []
    for role, person in sorted(order, key=order.__getitem__):
        signoff = known.get((role, person)) or Signoff(role, person, "missing" if audit.state != "unknown" else "unknown")
        parties.append(_party(signoff, writer.name(person), language))
    return tuple(parties)


def _party(signoff: Signoff, name: str, language: str) -> Party:
    state = label(f"signoff_{signoff.state}", language)
    at = (signoff.at or "").replace("T", " ")[:16] if signoff.commit else ""
    if signoff.verified:
        verified = label("yes", language)
    else:
        verified = label("signoff_claimed", language) if signoff.commit else ""
    return Party(label(f"role_{signoff.role}", language), name, signoff.person, state, at, (signoff.commit or "")[:10],
                 verified, wet=not (signoff.state == SIGNED and signoff.verified))


def certificate(site: SiteRenderer, handover: Handover, audit: HandoverAudit) -> Certificate:
    """Everything the certificate of ``handover`` shows, as plain text in the site's language."""
    writer = _Writer(site, handover)
    language = site.options.language
    data = handover.data
    facts = [(label("leaver", language), writer.name(handover.leaver) + label("parenthesized", language, text=handover.leaver)),
             (label("role", language), localized(handover.role.title, language)),
             (label("department", language), _department(site, handover.leaver)),
             (label("successors", language), writer.join(writer.name(s) for s in handover.successors)),
             (label("manager", language), writer.name(handover.manager)),
             (label("notice_date", language), str(data["notice_date"])),
             (label("last_day", language), str(data["last_day"]))]
    transition = data.get("transition")
    if isinstance(transition, dict):
        facts.append((label("transition", language), f"{transition['start']} – {transition['end']}"))
    facts.append((label("progress", language), _progress(handover, language)))
    parts = [writer.customers(),
             writer.part("tasks", views.commitments(handover), PROMISE_COLUMNS, title=label("commitments", language)),
             writer.part("documents", handover.items("documents"), DOCUMENT_COLUMNS),
             writer.part("access", handover.items("access"), ACCOUNT_COLUMNS),
             writer.open_items()]
    name = writer.name(handover.leaver)
    return Certificate(
        language=language, company=site.options.company, handover=handover.id, file=handover.file,
        title=label("certificate_of", language, name=name, role=localized(handover.role.title, language)),
        version=(audit.blob or "")[:10], generated=site.options.today.isoformat(), facts=tuple(facts),
        parts=tuple(p for p in parts if p is not None), parties=_parties(writer, audit))


def _department(site: SiteRenderer, person_id: str) -> str:
    person = site.handbook.roster.people.get(person_id)
    department = site.handbook.roster.departments.get(person.department) if person else None
    if department is None:
        return ""
    return department.name if site.options.language == "zh" else department.name_en


def _progress(handover: Handover, language: str) -> str:
    progress = views.progress(handover)
    return label("progress_value", language, done=progress.done, total=progress.total, percent=progress.percent)


def certificate_pages(site: SiteRenderer, handovers: list[Handover]) -> dict[str, str]:
    """One site page per handover: the certificate, kept out of search (its handover page is what search finds)."""
    def page(at: int) -> tuple[str, str]:
        handover = handovers[at]
        audit = site.audits.get(handover.id) or unknown_audit(handover)
        return site.page("certificate.md.j2", certificate_uri(handover), c=certificate(site, handover, audit),
                         handover_uri=f"handovers/{handover.id}.md")

    return dict(ordered_map(page, range(len(handovers)), site.jobs))


def standalone_html(site: SiteRenderer, handover: Handover, audit: HandoverAudit) -> str:
    """The certificate as one HTML document with its stylesheet inlined: what is printed to PDF."""
    return site.env.get_template("certificate.html.j2").render(
        c=certificate(site, handover, audit), stylesheet=STYLESHEET.read_text(encoding="utf-8"))
