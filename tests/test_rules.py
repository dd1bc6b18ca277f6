"""The rule registry: every id the code reports is registered and documented, asserted by a case, and
listed on the guide page; control characters are refused with the character named, never printed."""
from __future__ import annotations

import ast
import json
import re
import subprocess
from pathlib import Path

import pytest

import generator
from generator import check_handbook
from generator.check.catalog import GUIDE, SCHEMA_ANNOTATIONS, SCHEMA_RULES, every_rule, guide_page
from generator.check.registry import SECTIONS, STAGES, Rule, parse_sections, register
from generator.check.rules import RuleContext, Subject, control_character, free_text
from generator.load import document as loader
from generator.load.document import parse, read_text
from generator.load.schemas import SchemaSet
from generator.project import Project

from .casefiles import every_declared_rule
from .gitrepo import GitRepo
from .helpers import REPO, copy_project

PACKAGE = Path(generator.__file__).resolve().parent
RULE_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
RULES = {r.id: r for r in every_rule()}

# Rules no case file can show, each with the test file that asserts it instead and why.
EXEMPT = {
    "file-too-large": "tests/test_loader.py",  # a case file of more than 2 MB
    "yaml-too-large": "tests/test_rules.py",  # more than 200,000 values: a case file of 400 KB
    "unreadable": "tests/test_rules.py",  # an operating-system failure, not content
    "roster-missing": "tests/test_rules.py",  # the absence of a file
    "symlink-outside": "tests/test_paths.py",  # a link out of the repository, which a case folder cannot carry
    "policy-successor-late": "tests/test_policy.py",  # needs sign-offs in git history
    "policy-no-history": "tests/test_rules.py",  # needs a shallow clone
    "project": "tests/test_serve_errors.py",  # a broken project, shown while serving
}


# -- every id is registered, documented and used --------------------------------------------------

def _rule_parameters(trees: list[ast.Module]) -> dict[str, int]:
    """Functions with a ``rule`` parameter (problem makers), and its position among the call's arguments."""
    found = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                names = [a.arg for a in node.args.args if a.arg != "self"]
                if "rule" in names:
                    found[node.name] = names.index("rule")
    return found


def _rule_argument(call: ast.Call, makers: dict[str, int]) -> str | None:
    """The rule id a call to ``Problem`` or to a problem maker passes as a constant, if any."""
    name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
    for keyword in call.keywords:
        if keyword.arg == "rule" and isinstance(keyword.value, ast.Constant):
            return str(keyword.value.value)
    constants = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    if name == "Problem":  # positions shift with *doc.position(...): the rule is the constant after the severity
        for before, after in zip(constants, constants[1:], strict=False):
            if before in ("error", "warning"):
                return after
        return None
    if name in makers and not any(isinstance(a, ast.Starred) for a in call.args):
        index = makers[name]
        argument = call.args[index] if index < len(call.args) else None
        if isinstance(argument, ast.Constant):
            value = str(argument.value)
            # A method of another class may share the name (Rule.problem takes no rule): ids have no spaces.
            return value if RULE_ID.fullmatch(value) else None
    return None


def emitted_rule_ids() -> set[str]:
    """Every rule id the package's code passes as a constant when it makes a problem."""
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in sorted(PACKAGE.rglob("*.py"))]
    makers = _rule_parameters(trees)
    return {rule for tree in trees for node in ast.walk(tree) if isinstance(node, ast.Call)
            if (rule := _rule_argument(node, makers)) is not None}


def test_the_scan_finds_the_rules_made_outside_the_registry() -> None:
    found = emitted_rule_ids()
    assert {"yaml-alias", "yaml-ambiguous-number", "encoding", "unknown-role", "secret", "policy-short-notice",
            "policy-no-history", "schema-unknown-field"} <= found


def test_every_rule_id_the_code_reports_is_registered() -> None:
    unregistered = emitted_rule_ids() - RULES.keys()
    assert not unregistered, f"register these in generator/check/catalog.py (describe) or rules.py (@rule): {unregistered}"


def test_every_registered_rule_is_reported_by_some_code() -> None:
    """No stale entries: each id is a registered check, a schema rule, or a constant some code reports."""
    checks = {r.id for r in RULES.values() if r.check is not None}
    stale = RULES.keys() - checks - set(SCHEMA_RULES.values()) - emitted_rule_ids()
    assert not stale


def test_every_schema_keyword_has_its_rule_registered() -> None:
    used: set[str] = set()

    def keywords(node: object, annotation_value: bool = False) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if not annotation_value:
                    used.add(key)
                # Property names and example values are data, not keywords.
                keywords(value, annotation_value=key in ("properties", "$defs") or key.startswith("x-")
                         or key in ("examples", "enum", "const", "default"))
                if key in ("properties", "$defs") and isinstance(value, dict):
                    for child in value.values():
                        keywords(child)
        elif isinstance(node, list) and not annotation_value:
            for item in node:
                keywords(item)

    for path in sorted((REPO / "schemas").rglob("*.json")):
        keywords(json.loads(path.read_text(encoding="utf-8")))
    validating = {k for k in used if not k.startswith("x-")} - SCHEMA_ANNOTATIONS
    assert validating <= SCHEMA_RULES.keys(), f"add to catalog.SCHEMA_RULES and register: {validating - SCHEMA_RULES.keys()}"
    assert set(SCHEMA_RULES.values()) <= RULES.keys()


def test_every_rule_is_documented_in_both_languages() -> None:
    for registered in RULES.values():
        assert registered.stage in STAGES and registered.severity in ("error", "warning")
        assert [key for key, _ in SECTIONS] == list(registered.sections), registered.id
        assert all(registered.sections[key] for key, _ in SECTIONS), registered.id
        assert any("\u4e00" <= char <= "\u9fff" for char in registered.sections["what_zh"]), registered.id


def test_a_rule_registered_twice_or_half_documented_is_refused() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        register(Rule("unknown-person", "error", "handover", RULES["unknown-person"].doc))
    with pytest.raises(ValueError, match="Fix:"):
        register(Rule("half-documented", "error", "handover", "查什么：甲\n为什么：乙\n怎么改：丙\n\nWhat: a\nWhy: b\n"))
    assert parse_sections("What: a\ncontinued\n\nstray") == {"what": "a continued", "": "stray"}


def test_every_rule_is_asserted_by_a_case_or_an_exempting_test() -> None:
    unasserted = RULES.keys() - every_declared_rule() - EXEMPT.keys()
    assert not unasserted, f"add a case under tests/cases/ declaring '# expect: LINE RULE' for: {sorted(unasserted)}"
    for rule, test_file in EXEMPT.items():
        assert rule in RULES and f'"{rule}"' in (REPO / test_file).read_text(encoding="utf-8"), (rule, test_file)
    assert not EXEMPT.keys() & every_declared_rule(), "a case asserts it now: drop the exemption"


def test_the_guide_page_is_the_generated_rule_table() -> None:
    page = (REPO / GUIDE).read_text(encoding="utf-8")
    assert page == guide_page(), "regenerate it: .venv/bin/python -m generator.check.catalog"
    for registered in RULES.values():
        assert f"| `{registered.id}` |" in page
    nav = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "guide/rules.md" in nav and "(rules.md)" in (REPO / "handbook" / "guide" / "index.md").read_text(encoding="utf-8")


# -- rules no case file can show ----------------------------------------------------------------------

def test_yaml_with_too_many_values_is_refused() -> None:
    text = "a: [" + "0," * (loader.MAX_NODES + 1) + "0]\n"
    document, problems = parse(text, "big.yaml")
    assert document is None and [p.rule for p in problems] == ["yaml-too-large"]


def test_a_file_that_cannot_be_read_is_a_located_problem(tmp_path: Path) -> None:
    text, problems = read_text(tmp_path, "handbook/handovers/folder.yaml")  # a folder: reading it fails
    assert text is None and [(p.rule, p.file) for p in problems] == [("unreadable", "handbook/handovers/folder.yaml")]


def test_a_missing_roster_is_reported(empty_project: Path) -> None:
    (empty_project / "handbook" / "people.yaml").unlink()
    result = check_handbook(Project.at(empty_project))
    assert [(p.file, p.rule) for p in result.problems] == [("handbook/people.yaml", "roster-missing")]


def test_sign_off_deadlines_need_full_history(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    GitRepo(project).commit("The handbook", by="luoping")
    GitRepo(project).commit("One more", by="luoping", files={"handbook/guide/note.md": "# 说明\n"})
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", project.as_uri(), str(clone)], check=True)
    found = [(p.file, p.severity) for p in check_handbook(Project.at(clone)).problems if p.rule == "policy-no-history"]
    assert found == [("handbook/people.yaml", "warning")]


# -- control characters -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sales() -> SchemaSet:
    return SchemaSet(REPO / "schemas", REPO / "role_templates")


def _control(schemas: SchemaSet, text: str) -> list[tuple[str, str]]:
    role = schemas.role("sales")
    assert role is not None
    doc, problems = parse(text, "x.yaml")
    assert doc is not None and not problems
    subject = Subject(doc, role.tree, role.paths, RuleContext(frozenset()))
    assert control_character.check is not None
    return [(p.pointer, p.message) for p in control_character.check(subject)]


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x08", "\x0b", "\x0d", "\x1b", "\x7f", "\x85", "\x9b",
                                  "\u2028", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
                                  "\u2066", "\u2067", "\u2068", "\u2069"])
def test_controls_and_bidi_are_refused_in_every_text(sales: SchemaSet, char: str) -> None:
    escaped = f"\\u{ord(char):04x}"
    found = _control(sales, f'summary: "前{escaped}后"\ntasks: [{{title: "标{escaped}题"}}]\n')
    assert [pointer for pointer, _ in found] == ["/summary", "/tasks/0/title"]
    for _, message in found:
        assert f"U+{ord(char):04X}" in message and "at character 2" in message and char not in message


@pytest.mark.parametrize("char", ["\t", "\n", "\u200b", "\u200c", "\u200d", "\u200e", "\u2060", "\ufeff", "\u00ad"])
def test_line_breaks_tabs_and_invisible_joiners_are_refused_only_in_one_line_fields(sales: SchemaSet, char: str) -> None:
    escaped = f"\\u{ord(char):04x}"
    found = _control(sales, f'summary: "前{escaped}后"\ncustomers: [{{name: "客{escaped}户", id: "C-1"}}]\n')
    assert [pointer for pointer, _ in found] == ["/customers/0/name"]
    assert char not in found[0][1]


def test_the_schema_decides_which_text_may_span_lines(sales: SchemaSet) -> None:
    role = sales.role("sales")
    assert role is not None
    one_line = ["leaver", "summary"]
    assert [free_text(role.tree.properties[name]) for name in one_line] == [False, True]
    customer = role.tree.properties["customers"].items
    assert customer is not None and not free_text(customer.properties["name"]) and free_text(customer.properties["profile"])
    people = sales.tree(sales.people_schema).properties["people"].items
    assert people is not None and not any(free_text(f) for f in people.properties.values())


def test_a_line_break_in_a_persons_name_fails_the_roster(empty_project: Path) -> None:
    roster = empty_project / "handbook" / "people.yaml"
    roster.write_text(roster.read_text(encoding="utf-8").replace("name: 李娜,", 'name: "李\\n娜",'), encoding="utf-8")
    result = check_handbook(Project.at(empty_project))
    [problem] = [p for p in result.problems if p.rule == "control-character"]
    assert (problem.file, problem.pointer, problem.severity) == ("handbook/people.yaml", "/people/2/name", "error")
    assert "U+000A" in problem.message and "\n" not in problem.message + problem.hint and "one line" in problem.hint
    assert not result.ok


def test_free_text_keeps_its_line_breaks_tabs_and_emoji(sales: SchemaSet) -> None:
    assert _control(sales, "summary: |\n  第一行\n  \t第二行 👩\u200d💻\n") == []
