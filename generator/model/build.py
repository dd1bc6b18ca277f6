"""Build the model from a whole handbook: roster, every handover file, cross-file rules.

Every problem from every file is collected before it returns; raising is left to the edges
(CLI, MkDocs plugin). Rules that need git history run above this stage (``session``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..check.mistakes import recognise
from ..check.rules import RuleContext, cross_file_problems, document_problems, draft_person_problems, placeholder_problems, roster_problems
from ..check.schema import schema_problems, withhold_values
from ..check.secrets import secret_problems
from ..config import load_security_config
from ..errors import ProjectError
from ..fanout import ordered_map, worker_count
from ..i18n import message
from ..load.document import Document, parse, read_text
from ..load.schemas import Role, SchemaSet
from ..memory import paused_cycle_collection
from ..model.handbook import Department, Handbook, Handover, Person, Roster
from ..problems import Problem, has_errors
from ..project import Project


@dataclass(frozen=True)
class CheckResult:
    handbook: Handbook | None  # only when nothing has an error: what check and build accept
    problems: tuple[Problem, ...]
    # Every handover without an error, when the roster is sound: what status, remind and report serve
    # while one broken file waits for its owner.
    usable: Handbook | None = None

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


@dataclass(frozen=True)
class LoadedHandbook:
    """Every file read and checked on its own and against the others; the model is built last."""

    roster: Roster | None
    documents: tuple[tuple[Handover, Document], ...]  # files that parsed and name a known role, errors or not
    schemas: SchemaSet
    problems: tuple[Problem, ...]

    def partial_handbook(self) -> Handbook | None:
        """The handbook as far as it can be read, for rules that need several files (no roles)."""
        return None if self.roster is None else Handbook(self.roster, tuple(h for h, _ in self.documents), {})

    def result(self, more: list[Problem], only: set[str] | None = None) -> CheckResult:
        """The check's verdict with ``more`` problems added, reported for the files in ``only`` (default: all)."""
        problems = [*self.problems, *more]
        if only is not None:
            problems = [p for p in problems if p.file in only]
        ordered = tuple(sorted(problems, key=lambda p: (p.file, p.line, p.column, p.rule)))
        if self.roster is None:
            return CheckResult(None, ordered)
        roles = {r.id: r for r in self.schemas.roles()}
        broken = {p.file for p in self.problems if p.is_error}  # every file's own errors, whatever ``only`` says
        usable = Handbook(self.roster, tuple(h for h, _ in self.documents if h.file not in broken), roles)
        handbook = None if has_errors(problems) else Handbook(self.roster, tuple(h for h, _ in self.documents), roles)
        return CheckResult(handbook, ordered, usable)


def _file_problem(path: str, rule: str, message: str, hint: str) -> Problem:
    return Problem(path, 1, 1, "", "error", rule, message, hint)


def load_roster(project: Project, schemas: SchemaSet) -> tuple[Roster | None, list[Problem]]:
    shown = project.display(project.people_file)
    if not project.holds(project.people_file):
        return None, []  # a link out of the project: never read; Project.path_problems reports it
    if not project.people_file.is_file():
        return None, [_file_problem(shown, "roster-missing", message("roster_missing"), message("hint_roster_missing"))]
    text, problems = read_text(project.people_file, shown)
    if text is None:
        return None, problems
    problems += secret_problems(text, shown)
    doc, found = parse(text, shown)
    problems += found
    if doc is None:
        return None, problems
    problems += schema_problems(doc, schemas.validator(schemas.people_schema), schemas.tree(schemas.people_schema))
    if has_errors(problems):
        return None, problems
    problems += roster_problems(doc, schemas.tree(schemas.people_schema))  # department heads included
    data = doc.data
    departments = {d["id"]: Department(d["id"], d["name"], d.get("name_en", d["name"]), d.get("head")) for d in data["departments"]}
    people = {p["id"]: Person(p["id"], p["name"], p.get("name_en", p["name"]), p["department"], p.get("title", ""),
                              p.get("email", ""), p.get("active", True), tuple(p.get("git_emails", ())),
                              tuple(p.get("ssh_principals", ())), p.get("github", ""), p.get("gitlab", ""),
                              p.get("wecom_userid", ""), p.get("dingtalk_userid", ""), p.get("mobile", ""),
                              p.get("feishu_open_id", ""))
              for p in data["people"]}
    roster = Roster(departments, people)
    return (None if has_errors(problems) else roster), problems


def load_handover(path: Path, project: Project, schemas: SchemaSet,
                  context: RuleContext | None) -> tuple[Handover | None, Document | None, list[Problem]]:
    shown = project.display(path)
    text, problems = read_text(path, shown)
    if text is None:
        return None, None, problems
    problems += secret_problems(text, shown)  # also in files that do not parse: a secret is a secret
    doc, found = parse(text, shown)
    problems += found
    if doc is None:
        return None, None, problems
    if not isinstance(doc.data, dict):
        problems.append(_file_problem(shown, "not-a-mapping", message("handover_not_a_mapping"),
                                      message("hint_handover_not_a_mapping")))
        return None, doc, problems
    role_id = doc.data.get("role")
    role: Role | None = schemas.role(role_id) if isinstance(role_id, str) else None
    if role is None:
        available = ", ".join(schemas.role_ids())
        said = message("handover_unknown_role", role=role_id) if role_id is not None else message("handover_no_role")
        problems.append(Problem(shown, *doc.position("/role"), "/role", "error", "unknown-role", said,
                                message("hint_handover_unknown_role", roles=available)))
        return None, doc, problems
    problems = withhold_values(problems, role.tree)  # the loader quoted values before the schema was known
    problems += recognise(doc, role.tree, schema_problems(doc, schemas.validator(role.schema_path), role.tree), context)
    problems += placeholder_problems(doc, role.tree)  # also when the schema fails: a fresh file is mostly placeholders
    if has_errors(problems) or context is None:
        if context is not None:  # a draft hears of a mistyped person now, not once every placeholder is filled
            problems += draft_person_problems(doc, role, context, problems)
        return None, doc, problems
    problems += document_problems(doc, role, context)
    handover = Handover(path.stem, shown, role, doc.data)
    return (None if has_errors(problems) else handover), doc, problems


def _examine(path: Path, project: Project, schemas: SchemaSet,
             context: RuleContext | None) -> tuple[Document | None, list[Problem], str | None]:
    """``load_handover`` as values that cross a process boundary cheaply: the role travels as its id."""
    handover, doc, problems = load_handover(path, project, schemas, context)
    return doc, problems, None if handover is None else handover.role.id


def _prepare_for_workers(schemas: SchemaSet) -> None:
    """Compile every role's validator once here, so forked workers inherit it instead of each compiling."""
    for role_id in schemas.role_ids():
        try:
            role = schemas.role(role_id)
            if role is not None:
                schemas.validator(role.schema_path)
        except ProjectError:
            pass  # raised again, by the file that uses the broken role, exactly as in a serial check


def read_handbook(project: Project, today: dt.date, jobs: int | None = 1) -> LoadedHandbook:
    """Load and check the roster, every handover file and the cross-file rules; build nothing yet.

    Files are checked in ``jobs`` worker processes (None: as the cores and the number of files
    suggest); the result does not depend on it.
    """
    with paused_cycle_collection():
        return _read(project, today, jobs)


def _read(project: Project, today: dt.date, jobs: int | None) -> LoadedHandbook:
    schemas = SchemaSet(project.schemas_dir, project.templates_dir)
    roster, problems = load_roster(project, schemas)
    problems += project.path_problems()  # links out and unsafe names: those files are never read
    context = None if roster is None else RuleContext(frozenset(roster.people), load_security_config(project.root), today, project.root,
                                                      tuple((p.id, p.name, p.name_en) for p in roster.people.values()))
    paths = project.handover_files()
    if worker_count(len(paths), jobs) > 1:
        _prepare_for_workers(schemas)
    loaded: list[tuple[Handover, Document]] = []
    examined = ordered_map(partial(_examine, project=project, schemas=schemas, context=context), paths, jobs)
    for path, (doc, found, role_id) in zip(paths, examined, strict=True):
        problems += found
        role = None if role_id is None else schemas.role(role_id)
        if doc is not None and role is not None:
            loaded.append((Handover(path.stem, doc.path, role, doc.data), doc))
    problems += cross_file_problems([(h.id, h.role.paths, doc) for h, doc in loaded])
    for page in project.page_files():  # hand-written pages are published too: scan them like the rest
        text, found = read_text(page, project.display(page))
        problems += found if text is None else secret_problems(text, project.display(page))
    return LoadedHandbook(roster, tuple(loaded), schemas, tuple(problems))
