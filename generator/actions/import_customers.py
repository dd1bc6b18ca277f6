"""``handover import customers``: a CRM or Excel export becomes customer entries of a handover file.

The handover file is edited the way a person would: read and written back with ruamel.yaml's round
trip, so its comments, order and quoting stay as they were, and the new entries are appended to its
customer list. Nothing already there is overwritten: a customer whose id the file has is skipped and
named (so the same export can be imported again after the leaver filled some entries in). The
template's example entry (its id still says 待填写) is replaced.

What the export does not say is taken from the role's template: a required text gets the template's
placeholder 待填写 (which ``handover check`` lists until the leaver fills it in), a required choice
the template's value, marked with a comment to check it. Personal data (phones, e-mails, WeCom ids)
goes only into fields the role's schema keeps restricted. Before anything is written, the result is
read back with the project's own loader and checked against the role's schema and rules: a value the
check would refuse stops the import with its row and column, and the file is left untouched.
"""
from __future__ import annotations

import copy
import datetime as dt
import io
import os
import re
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..check.rules import PLACEHOLDER, RuleContext, document_problems, free_text, placeholder_problems
from ..check.schema import schema_problems
from ..config import load_security_config
from ..errors import HandoverError, UsageError
from ..i18n import message
from ..load.characters import visible
from ..load.document import Document, is_index, parse, read_text
from ..load.schemas import Field, Role, SchemaSet, localized
from ..model.build import load_roster
from ..model.handbook import Person, Roster
from ..problems import Problem
from ..project import Project
from .crm_maps import COLUMN_MAPS, RESTRICTED, STAGES
from .new import filled
from .tables import Table, header_key, read_table

DEFAULT_COMMENT = "导入表中没有此项,取模板默认值,请核对 / not in the export: the template's value, check it"
_STAGES = {header_key(value): stage for value, stage in STAGES.items()}


@dataclass(frozen=True)
class Column:
    target: str  # a field of crm_maps.FIELDS
    index: int
    header: str


@dataclass(frozen=True)
class Customer:
    """One customer of the export: the rows that name its id, in order."""

    id: str
    rows: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)


@dataclass(frozen=True)
class ImportReport:
    file: str
    imported: tuple[tuple[str, str], ...]  # (id, name)
    skipped: tuple[tuple[str, str], ...]  # already in the file: (id, name)
    replaced_examples: int  # template example entries removed
    ignored_columns: tuple[str, ...]  # "header (why)"
    other_owners: tuple[tuple[str, int], ...]  # rows left out because another person owns them: (owner, rows)
    defaults: tuple[tuple[str, str, int], ...]  # (field, template value, how many entries got it)
    unknown_stages: tuple[str, ...]
    successor: str
    successors: tuple[str, ...]
    placeholders: int  # 待填写 left in the whole file
    note: str = ""

    def lines(self) -> list[str]:
        """What the command prints: what happened, then what the leaver does next."""
        comma = message("list_comma")
        out = [message("import_imported", count=len(self.imported), file=self.file,
                       customers=_customers(self.imported) or message("import_none"))]
        if self.note:
            out.append(message("delivery_note", note=self.note))
        if self.skipped:
            out.append(message("import_skipped", count=len(self.skipped), customers=_customers(self.skipped)))
        if self.replaced_examples:
            out.append(message("import_replaced_example"))
        if self.other_owners:
            out.append(message("import_other_owners", owners=comma.join(
                message("import_owner_rows", owner=owner, rows=rows) for owner, rows in self.other_owners)))
        if self.ignored_columns:
            out.append(message("import_ignored_columns", columns=message("list_semicolon").join(self.ignored_columns)))
        for name, value, count in self.defaults:
            out.append(message("import_default", name=name, count=count, value=value))
        if self.unknown_stages:
            out.append(message("import_unknown_stages", stages=comma.join(self.unknown_stages)))
        if len(self.successors) > 1 and self.imported:
            out.append(message("import_one_successor", successor=self.successor, successors=comma.join(self.successors)))
        if self.placeholders:
            out.append(message("import_next_placeholders", count=self.placeholders, file=self.file))
        else:
            out.append(message("import_next_review", file=self.file))
        return out


def _customers(pairs: tuple[tuple[str, str], ...]) -> str:
    return message("list_comma").join(message("import_customer", name=name, id=cid) for cid, name in pairs)


# -- the export's columns -------------------------------------------------------------------------------

def _header_index(map_name: str) -> dict[str, tuple[str, int]]:
    """Each known header (as compared) -> (field, priority: its place among that field's headers)."""
    found: dict[str, tuple[str, int]] = {}
    for target, headers in COLUMN_MAPS[map_name].items():
        for priority, header in enumerate(headers):
            found.setdefault(header_key(header), (target, priority))
    return found


def _columns(table: Table, map_name: str, item: Field, contact: Field | None, role: Role) -> tuple[list[Column], list[str]]:
    """The column that fills each field, and every other column with the reason it is not imported."""
    known = _header_index(map_name)
    best: dict[str, tuple[int, Column]] = {}
    ignored: list[str] = []
    for index, header in enumerate(table.headers):
        if not header:
            continue
        match = known.get(header_key(header))
        if match is None:
            ignored.append(message("import_column_unknown", header=header, map=map_name))
            continue
        target, priority = match
        where = _destination(target, item, contact)
        if target != "owner" and where is None:
            ignored.append(message("import_column_no_field", header=header, role=role.id, field=target))
            continue
        if target in RESTRICTED and (where is None or where.sensitivity != "restricted"):
            ignored.append(message("import_column_personal", header=header, role=role.id, field=target))
            continue
        column = Column(target, index, header)
        if target in best:
            kept = min(best[target], (priority, column), key=lambda pair: pair[0])
            dropped = column if kept[1] is best[target][1] else best[target][1]
            ignored.append(message("import_column_second", header=dropped.header, field=target, kept=kept[1].header))
            best[target] = kept
        else:
            best[target] = (priority, column)
    return [column for _, column in best.values()], ignored


def _destination(target: str, item: Field, contact: Field | None) -> Field | None:
    if target.startswith("contact."):
        return contact.properties.get(target.split(".", 1)[1]) if contact is not None else None
    return item.properties.get(target)


# -- the leaver's rows -------------------------------------------------------------------------------------

def _owner_names(person: Person) -> set[str]:
    names = {person.id, person.name, person.name_en, person.email, person.email.split("@")[0] if person.email else ""}
    return {header_key(n) for n in names if n}


def _own_rows(table: Table, owner: Column | None, leaver: Person,
              all_owners: bool) -> tuple[list[tuple[int, tuple[str, ...]]], list[tuple[str, int]]]:
    if owner is None or all_owners:
        return list(table.rows), []
    mine = _owner_names(leaver)
    kept, others = [], Counter[str]()
    for number, cells in table.rows:
        value = cells[owner.index]
        if not value or header_key(value) in mine:
            kept.append((number, cells))
        else:
            others[value] += 1
    if not kept and others:
        seen = message("list_comma").join(message("import_owner_count", owner=visible(name), count=count)
                                          for name, count in others.most_common(10))
        raise UsageError(message("import_no_own_rows", leaver=leaver.name, id=leaver.id, column=owner.header, seen=seen))
    return kept, sorted(others.items())


def _group(rows: list[tuple[int, tuple[str, ...]]], columns: dict[str, Column]) -> tuple[list[Customer], list[str]]:
    """Rows by customer id, in the order the export lists them; the problems that stop the import."""
    customers: dict[str, Customer] = {}
    names: dict[str, str] = {}
    problems = []
    id_column, name_column = columns["id"], columns["name"]
    for number, cells in rows:
        cid, name = cells[id_column.index], cells[name_column.index]
        if not cid:
            problems.append(message("import_row_no_id", row=number, column=id_column.header))
            continue
        if not name:
            problems.append(message("import_row_no_name", row=number, id=cid, column=name_column.header))
            continue
        if cid in names and names[cid] != name:
            problems.append(message("import_row_two_names", row=number, id=cid, name=visible(name),
                                    earlier=visible(names[cid])))
            continue
        names[cid] = name
        customers.setdefault(cid, Customer(cid)).rows.append((number, cells))
    return list(customers.values()), problems


def _name(customer: Customer, columns: dict[str, Column]) -> str:
    return customer.rows[0][1][columns["name"].index]


# -- the entries -------------------------------------------------------------------------------------------

# Control characters a cell may carry (Excel keeps a vertical tab from some line breaks); line breaks are handled below.
_CONTROL = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _text(value: str, place: Field | None) -> str:
    """A one-line field gets one line (a cell's line breaks become spaces); free text keeps them."""
    value = _CONTROL.sub(" ", value.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n"))
    lines = [line.strip() for line in value.split("\n")]
    return "\n".join(lines).strip() if free_text(place) else " ".join(line for line in lines if line)


def _template_example(role: Role, key: str, values: dict[str, str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The role template's first customer and its first contact, with the people and dates ``handover new`` fills."""
    doc, _ = parse(filled(role.template_path.read_text(encoding="utf-8"), values), str(role.template_path))
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    entries = data.get(key)
    example = entries[0] if isinstance(entries, list) and entries and isinstance(entries[0], dict) else {}
    contacts = example.get("contacts")
    contact = contacts[0] if isinstance(contacts, list) and contacts and isinstance(contacts[0], dict) else {}
    return example, contact


def _required(place: Field, values: dict[str, Any], example: dict[str, Any], defaulted: list[str]) -> None:
    """Fill what the schema requires and the export lacks from the template's example."""
    for name in place.required:
        if name in values:
            continue
        if name in example:
            values[name] = copy.deepcopy(example[name])
            child = place.properties.get(name)
            if child is not None and child.enum_labels and PLACEHOLDER not in str(values[name]):
                defaulted.append(name)  # a choice nobody made: say so next to it
        else:
            title = place.properties[name].title if name in place.properties else name
            values[name] = f"{PLACEHOLDER}:{localized(title, 'zh')}"


def _ordered(values: dict[str, Any], place: Field) -> dict[str, Any]:
    """The schema's order, which is the template's: a successor reads every entry the same way."""
    order = {name: index for index, name in enumerate(place.properties)}
    return dict(sorted(values.items(), key=lambda pair: order.get(pair[0], len(order))))


@dataclass(frozen=True)
class Entry:
    values: dict[str, Any]
    defaulted: tuple[str, ...]  # fields of the entry holding a template value nobody chose
    contact_defaults: tuple[tuple[str, ...], ...]
    rows: tuple[int, ...]  # the entry's rows, and for each contact its row
    contact_rows: tuple[int, ...]


def _entry(customer: Customer, columns: dict[str, Column], item: Field, contact: Field | None, successor: str,
           example: tuple[dict[str, Any], dict[str, Any]], unknown_stages: set[str]) -> Entry:
    first = customer.rows[0][1]
    values: dict[str, Any] = {"id": customer.id, "successor": successor}
    for target, column in columns.items():
        if target in ("id", "owner") or target.startswith("contact."):
            continue
        cell = first[column.index]
        if not cell:
            continue
        if target == "stage":
            stage = _STAGES.get(header_key(cell))
            if stage is None or stage not in item.properties["stage"].enum_labels:
                unknown_stages.add(cell)
                continue
            values[target] = stage
        else:
            values[target] = _text(cell, item.properties.get(target))
    defaulted: list[str] = []
    _required(item, values, example[0], defaulted)
    contacts, contact_defaults, contact_rows, seen = [], [], [], []
    for number, cells in customer.rows:
        person = {target.split(".", 1)[1]: cells[column.index] for target, column in columns.items()
                  if target.startswith("contact.") and cells[column.index]}
        if not person or contact is None:
            continue
        person = {name: _phone(value) if name == "phone" else _text(value, contact.properties.get(name))
                  for name, value in person.items()}
        if person in seen:  # the same person on two rows of one customer
            continue
        seen.append(dict(person))
        chosen: list[str] = []
        _required(contact, person, example[1], chosen)
        contacts.append(_ordered(person, contact))
        contact_defaults.append(tuple(chosen))
        contact_rows.append(number)
    if contacts:
        values["contacts"] = contacts
    return Entry(_ordered(values, item), tuple(defaulted), tuple(contact_defaults),
                 tuple(number for number, _ in customer.rows), tuple(contact_rows))


def _phone(value: str) -> str:
    """As people write numbers: full-width digits, brackets and dots are read as the schema's digits and spaces."""
    text = unicodedata.normalize("NFKC", value).strip()
    return " ".join(text.replace("(", " ").replace(")", " ").replace(".", " ").split())


# -- the YAML file -------------------------------------------------------------------------------------------

def _yaml(text: str) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.util import load_yaml_guess_indent

    _, sequence, offset = load_yaml_guess_indent(text)
    indents = [len(line) - len(line.lstrip(" ")) for line in text.splitlines()
               if line.strip() and not line.lstrip().startswith(("-", "#")) and line.startswith(" ")]
    yaml = YAML()  # round trip: comments, order, quoting and flow style are kept
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line
    yaml.indent(mapping=min(indents, default=2), sequence=max(sequence, offset + 2), offset=offset)
    return yaml


def _node(values: dict[str, Any], defaulted: tuple[str, ...]) -> Any:
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

    node = CommentedMap()
    for name, value in values.items():
        if name in ("id", "phone") and isinstance(value, str):
            node[name] = DoubleQuotedScalarString(value)  # ids and numbers are quoted, as the template asks
        elif isinstance(value, str) and "\n" in value:
            node[name] = LiteralScalarString(value)
        else:
            node[name] = value
        if name in defaulted:
            node.yaml_add_eol_comment(DEFAULT_COMMENT, name)
    return node


def _entry_node(entry: Entry) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    node = _node(entry.values, entry.defaulted)
    if "contacts" in entry.values:  # replaced in place: the key keeps its position
        node["contacts"] = CommentedSeq(_node(values, defaulted) for values, defaulted
                                        in zip(entry.values["contacts"], entry.contact_defaults, strict=True))
    return node


def _customer_list(data: Any, key: str) -> tuple[Any, Any]:
    """The file's customer list, made a block list if it is missing, empty or written inline; and the lines after it."""
    from ruamel.yaml.comments import CommentedSeq

    current = data.get(key)
    if isinstance(current, CommentedSeq) and len(current):
        return current, _take_trailing(current)
    fresh = CommentedSeq()
    if key in data:  # 'customers: []  # comment': the comment stays on the key's line, what followed moves below the list
        data[key] = fresh
        return fresh, _split_off(data, key, 2)
    keys = list(data)
    data.insert(keys.index("summary") + 1 if "summary" in keys else len(keys), key, fresh)
    return fresh, None


def _last_line(node: Any) -> tuple[Any, Any, int] | None:
    """(container, key, comment slot) of the last value written in ``node``: what ruamel hangs the next lines on."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node):
        key = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        child = node[key]
        if not isinstance(child, (CommentedMap, CommentedSeq)) or not len(child) or child.fa.flow_style():
            return node, key, 2 if isinstance(node, CommentedMap) else 0
        node = child
    return None


def _take_trailing(sequence: Any) -> Any:
    """Detach the blank lines and comments after the list's last line (ruamel keeps them on that line's value)."""
    last = _last_line(sequence)
    return None if last is None else _split_off(last[0], last[1], last[2])


def _split_off(container: Any, key: Any, slot: int) -> Any:
    """The lines after the one of ``container[key]``, taken from its comment; the line keeps its own comment."""
    slots = container.ca.items.get(key)
    token = slots[slot] if slots else None
    if token is None:
        return None
    own, newline, rest = token.value.partition("\n")
    if not rest:
        return None
    moved = copy.copy(token)
    moved.value = rest
    token.value = own + newline
    return moved


def _give_trailing(sequence: Any, token: Any) -> None:
    """Hang the detached lines on the list's new last line: after the new entries, before the next section."""
    last = _last_line(sequence)
    if token is None or last is None:
        return
    container, key, slot = last
    slots = container.ca.items.setdefault(key, [None] * (4 if slot == 2 else 2))
    if slots[slot] is None:
        token.value = "\n" + token.value
        slots[slot] = token
    else:
        slots[slot].value += token.value


# -- the import ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportRequest:
    handover: Path
    table: Path
    map_name: str = "generic"
    successor: str | None = None
    all_owners: bool = False
    encoding: str | None = None


def _target(project: Project, path: Path) -> tuple[str, Document, Role, SchemaSet, Roster]:
    shown = project.display(path)
    if not path.is_file() or not path.resolve().is_relative_to(project.handovers_dir):
        raise UsageError(message("import_not_handover", path=path, folder=project.display(project.handovers_dir)))
    text, problems = read_text(path, shown)
    doc, found = (None, []) if text is None else parse(text, shown)
    problems += found
    if doc is None or problems or not isinstance(doc.data, dict):
        raise HandoverError(message("import_unreadable", file=shown))
    schemas = SchemaSet(project.schemas_dir, project.templates_dir)
    role_id = doc.data.get("role")
    role = schemas.role(role_id) if isinstance(role_id, str) else None
    if role is None:
        raise HandoverError(message("import_unknown_role", file=shown, role=role_id,
                                    roles=", ".join(schemas.role_ids())))
    roster, _ = load_roster(project, schemas)
    if roster is None:
        raise HandoverError(message("import_roster_errors"))
    return shown, doc, role, schemas, roster


def _people(doc: Document, roster: Roster, successor: str | None) -> tuple[Person, tuple[str, ...], str]:
    data = doc.data
    leaver = roster.people.get(str(data.get("leaver")))
    successors = tuple(str(s) for s in data.get("successors") or () if isinstance(s, str))
    if leaver is None or not successors or any(s not in roster.people for s in successors):
        raise HandoverError(message("import_no_people", file=doc.path))
    if successor is not None and successor not in successors:
        raise UsageError(message("import_wrong_successor", successor=successor, successors=", ".join(successors)))
    return leaver, successors, successor or successors[0]


def import_customers(project: Project, request: ImportRequest, today: dt.date) -> ImportReport:
    """Append the export's customers to the handover file; return what was done. Writes nothing on an error."""
    if request.map_name not in COLUMN_MAPS:
        raise UsageError(message("import_map", map=request.map_name, maps=", ".join(COLUMN_MAPS)))
    shown, doc, role, schemas, roster = _target(project, request.handover)
    leaver, successors, successor = _people(doc, roster, request.successor)
    keys = [path[0] for path in role.paths.customers if len(path) == 1]
    if not keys:
        raise UsageError(message("import_no_customer_list", file=shown, role=role.id))
    key = keys[0]
    item = role.tree.at([key, "*"])
    assert item is not None  # a customer list always has items: FieldPaths found it there
    contact_list = item.properties.get("contacts")
    contact = contact_list.items if contact_list is not None else None

    known = _header_index(request.map_name)
    table = read_table(request.table, lambda cells: sum(header_key(c) in known for c in cells if c) >= 2,
                       request.encoding)
    found, ignored = _columns(table, request.map_name, item, contact, role)
    columns = {column.target: column for column in found}
    missing = [target for target in ("id", "name") if target not in columns]
    if missing:
        wanted = "; ".join(f"{t}: {', '.join(COLUMN_MAPS[request.map_name][t][:6])}" for t in missing)
        raise UsageError(message("import_no_columns", table=request.table, missing=message("and_joiner").join(missing),
                                 map=request.map_name, wanted=wanted,
                                 headers=", ".join(visible(h) for h in table.headers)))
    rows, other_owners = _own_rows(table, columns.get("owner"), leaver, request.all_owners)
    customers, problems = _group(rows, columns)
    if problems:
        raise UsageError(message("import_bad_rows", table=request.table, problems="\n  ".join(problems)))

    existing = doc.data.get(key) if isinstance(doc.data.get(key), list) else []
    examples = [i for i, entry in enumerate(existing) if isinstance(entry, dict) and PLACEHOLDER in str(entry.get("id", ""))]
    have = {str(entry.get("id")): str(entry.get("name", "")) for entry in existing if isinstance(entry, dict)}
    skipped = [(c.id, have[c.id] if have[c.id] == _name(c, columns)
                else message("import_export_calls", name=have[c.id], export=_name(c, columns)))
               for c in customers if c.id in have]
    fresh = [c for c in customers if c.id not in have]

    last_day, notice = str(doc.data.get("last_day", "")), str(doc.data.get("notice_date", ""))
    # What 'handover new' fills in a template's example customer.
    example = _template_example(role, key, {"successor": successor, "last_day": last_day, "notice_date": notice})
    unknown_stages: set[str] = set()
    entries = [_entry(c, columns, item, contact, successor, example, unknown_stages) for c in fresh]

    text = doc.text
    yaml = _yaml(text)
    data = yaml.load(text)
    sequence, trailing = _customer_list(data, key)  # the blank line or comment before the next section stays before it
    for index in reversed(examples):
        if index < len(sequence):
            del sequence[index]
    start = len(sequence)
    sequence.extend(_entry_node(entry) for entry in entries)
    _give_trailing(sequence, trailing)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    written = buffer.getvalue()

    new_doc = _verify(project, written, shown, role, schemas, roster, today, key, start, entries, columns)
    _write_atomically(request.handover, written)
    defaults = Counter(name for entry in entries for name in entry.defaulted)
    contact_defaults = Counter(f"contacts.{name}" for entry in entries for chosen in entry.contact_defaults for name in chosen)
    template_values = {**example[0], **{f"contacts.{k}": v for k, v in example[1].items()}}
    return ImportReport(
        shown, tuple((e.values["id"], e.values.get("name", "")) for e in entries), tuple(skipped), len(examples),
        tuple(ignored), tuple(other_owners),
        tuple((name, str(template_values.get(name)), count) for name, count in (defaults + contact_defaults).items()),
        tuple(sorted(unknown_stages)), successor, successors, len(placeholder_problems(new_doc)), table.note)


def _verify(project: Project, text: str, shown: str, role: Role, schemas: SchemaSet, roster: Roster, today: dt.date,
            key: str, start: int, entries: list[Entry], columns: dict[str, Column]) -> Document:
    """Read the result back as ``handover check`` will: any error in an imported entry stops the import."""
    doc, problems = parse(text, shown)
    if doc is None:
        raise HandoverError(message("import_would_break", file=shown,
                                    problems=message("list_semicolon").join(p.message for p in problems)))
    problems += schema_problems(doc, schemas.validator(role.schema_path), role.tree)
    if not any(p.is_error for p in problems):
        context = RuleContext(frozenset(roster.people), load_security_config(project.root), today, project.root)
        problems += document_problems(doc, role, context)
    mine = [p for p in problems if p.is_error and _imported(p, key, start)]
    if mine:
        raise UsageError(message("import_bad_values", problems="\n  ".join(
            _in_export_terms(p, key, start, entries, columns) for p in mine)))
    return doc


def _imported(problem: Problem, key: str, start: int) -> bool:
    index = _entry_index(problem, key)
    return index is not None and index >= start


def _entry_index(problem: Problem, key: str) -> int | None:
    parts = problem.pointer.split("/")
    return int(parts[2]) if len(parts) > 2 and parts[1] == key and is_index(parts[2]) else None


def _in_export_terms(problem: Problem, key: str, start: int, entries: list[Entry], columns: dict[str, Column]) -> str:
    """A problem of an imported entry, said in rows and columns of the export (messages never repeat restricted values)."""
    index = _entry_index(problem, key)
    entry = entries[(index or 0) - start]
    parts = problem.pointer.split("/")[3:]
    row = entry.rows[0]
    target = parts[0] if parts else ""
    if parts[:1] == ["contacts"] and len(parts) > 1 and is_index(parts[1]):
        row = entry.contact_rows[int(parts[1])]
        target = f"contact.{parts[2]}" if len(parts) > 2 else "contact.name"
    column = columns.get(target)
    where = (message("import_where_cell", row=row, column=column.header) if column is not None
             else message("import_where_row", row=row))
    return message("import_value_problem", where=where, id=entry.values["id"], problem=problem.message)


def _write_atomically(path: Path, text: str) -> None:
    """The whole new file or the old one, never half of either."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
