"""The mistakes hurried people make are one problem each, on the right line, with the fix in the hint; and the
templates a leaver copies validate against their schemas, while every placeholder left in is still reported."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import referencing
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import check_handbook
from generator.check.mistakes import date_mistake
from generator.check.rules import PLACEHOLDER, RuleContext, person_mistake, walk
from generator.load.document import load_file, parse
from generator.load.schemas import SchemaSet
from generator.problems import Problem
from generator.project import Project

from .helpers import CASES, REPO

SCHEMAS = SchemaSet(REPO / "schemas", REPO / "role_templates")
REGISTRY = referencing.Registry().with_resources(
    (path.as_uri(), referencing.Resource.from_contents(schema)) for path, schema in SCHEMAS.documents.items())
TEMPLATES = sorted((REPO / "role_templates").glob("*.yaml"))
BASE = (CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")


def schema_errors(data: Any) -> list[str]:
    """What the reference validator (and so an editor's yaml-language-server) says about a handover."""
    role = SCHEMAS.role(str(data.get("role")))
    assert role is not None
    validator = jsonschema.Draft202012Validator(
        {"$ref": role.schema_path.as_uri()}, registry=REGISTRY, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


def placeholders(data: Any) -> set[str]:
    """The pointer of every value that still holds the template placeholder."""
    return {pointer for pointer, value, _ in walk(data, None) if isinstance(value, str) and PLACEHOLDER in value}


def check_file(project: Path, name: str, text: str) -> list[Problem]:
    (project / "handbook" / "handovers" / name).write_text(text, encoding="utf-8")
    return [p for p in check_handbook(Project.at(project)).problems if p.file.endswith(name)]


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


# -- the templates --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.stem)
def test_every_template_as_written_validates_against_its_schema(template: Path) -> None:
    """What an editor shows when a leaver opens or copies the template: no error before anything is filled."""
    document, problems = load_file(template)
    assert document is not None and problems == []
    assert schema_errors(document.data) == []
    assert not re.search(r"__[A-Z_]+", template.read_text(encoding="utf-8"))  # no token an editor would flag


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.stem)
def test_a_copied_template_is_refused_until_people_and_dates_are_filled(empty_project: Path, template: Path) -> None:
    """Copied by hand, nothing unfilled slips through: every placeholder is reported, people and dates as errors."""
    document, _ = load_file(template)
    assert document is not None
    problems = check_file(empty_project, "copied.yaml", template.read_text(encoding="utf-8"))
    reported = {p.pointer for p in problems if p.rule in ("placeholder", "placeholder-required")}
    assert reported == placeholders(document.data)
    required = {p.pointer for p in problems if p.rule == "placeholder-required"}
    assert {"/leaver", "/successors/0", "/manager", "/notice_date", "/last_day", "/transition/start"} <= required
    assert all(p.severity == "error" for p in problems if p.rule == "placeholder-required")


@pytest.mark.parametrize("role", [p.stem for p in TEMPLATES])
def test_a_new_file_validates_and_check_lists_each_placeholder(project: Path, cli, role: str) -> None:
    code, out, err = cli("new", "--role", role, "--leaver", "lina", "--successor", "liuyang", "--manager", "wangfang",
                         "--last-day", "2027-01-29", "--notice-date", "2026-12-28", root=project)
    assert code == 0, err
    created = project / "handbook" / "handovers" / f"2027-01-lina-{role}.yaml"
    text = created.read_text(encoding="utf-8")
    assert "待填写-最后工作日" not in text and "待填写-接手人" not in text and "__" not in text
    document, problems = load_file(created)
    assert document is not None and problems == []
    assert schema_errors(document.data) == []  # what the editor shows: nothing red
    assert document.data["leaver"] == "lina" and document.data["successors"] == ["liuyang"]
    assert document.data["last_day"] == "2027-01-29" and document.data["transition"]["start"] == "2027-01-15"

    code, out, _ = cli("check", "--format", "json", str(created), root=project)
    found = json.loads(out)
    assert {p["pointer"] for p in found if p["rule"] in ("placeholder", "placeholder-required")} == placeholders(document.data)
    errors = {(p["rule"], p["pointer"]) for p in found if p["severity"] == "error"}
    if role in ("sales", "consultant"):  # the customer's CRM id: no one can guess it, and pages hang on it
        assert errors == {("placeholder-required", "/customers/0/id")} and code == 1
    else:
        assert errors == set() and code == 0


def test_placeholder_problems_name_the_field_and_what_to_write(empty_project: Path) -> None:
    text = BASE.replace("payment_terms: 季度结算", "payment_terms: 待填写:付款周期与条件").replace("owner: lina", "owner: 待填写-接手人")
    problems = {p.pointer: p for p in check_file(empty_project, "x.yaml", text)}
    terms = problems["/customers/0/contract/payment_terms"]
    assert (terms.rule, terms.severity, terms.line) == ("placeholder", "warning", line_of(text, "payment_terms:"))
    # In words, as the schema's titles and the customer's name say it; the pointer travels beside it.
    assert terms.message.startswith("customer 1 (测试客户甲有限公司), current contract, payment terms still holds")
    assert "Payment cycle and terms" in terms.hint and "付款周期与条件" not in terms.hint  # in the reader's language
    owner = problems["/tasks/0/owner"]
    assert (owner.rule, owner.severity) == ("placeholder-required", "error")
    assert owner.message.startswith("open task 1 (发送续约报价), owner still") and "handbook/people.yaml" in owner.hint


def test_old_templates_with_tokens_still_work_with_new(project: Path, cli) -> None:
    """Handbooks made before the placeholders were valid values keep their __TOKEN__ templates."""
    template = project / "role_templates" / "sales.yaml"
    text = template.read_text(encoding="utf-8")
    for new, old in (("[待填写-接手人]", "__SUCCESSORS__"), ("待填写-离职人", "__LEAVER__"), ("待填写-接手人", "__SUCCESSOR__"),
                     ("待填写-审批人", "__MANAGER__"), ("待填写-最后工作日前15天", "__LAST_DAY-15__"),
                     ("待填写-最后工作日前3个工作日", "__LAST_DAY-3WD__")):
        text = text.replace(new, old)
    template.write_text(text, encoding="utf-8")
    code, _, err = cli("new", "--role", "sales", "--leaver", "lina", "--successor", "liuyang",
                       "--last-day", "2027-01-29", "--notice-date", "2026-12-28", root=project)
    assert code == 0, err
    created = (project / "handbook" / "handovers" / "2027-01-lina-sales.yaml").read_text(encoding="utf-8")
    assert "__" not in created and "leaver: lina" in created and "due: 2027-01-14" in created  # 15 days before


# -- what typing Chinese or pressing Tab does ------------------------------------------------------------------

@pytest.mark.parametrize(("line", "column", "fixed"), [
    ("manager：wangfang", 8, "manager: wangfang"),
    ("manager ：wangfang", 9, "manager: wangfang"),
    ("manager：　wangfang", 8, "manager: wangfang"),
    ("manager:\u3000wangfang", 9, "manager: wangfang"),
])
def test_a_full_width_colon_or_space_is_one_problem_on_its_own_line(line: str, column: int, fixed: str) -> None:
    text = BASE.replace("manager: wangfang", line)
    document, problems = parse(text, "t.yaml")
    assert [(p.line, p.column, p.rule) for p in problems] == [(line_of(text, line), column, "yaml-full-width")]
    assert f'"{fixed}"' in problems[0].hint and problems[0].pointer == "/manager"
    assert document is not None and document.data["manager"] == "wangfang"  # the rest of the file is still checked


def test_a_key_typed_with_a_full_width_colon_under_another_is_found_although_yaml_reads_it() -> None:
    """'notes：…' alone under a key parses (as that key's text): it is still the mistake it looks like."""
    document, problems = parse("transition:\n  notes：一起拜访客户\nsummary: 交接\n", "t.yaml")
    assert [(p.line, p.column, p.rule, p.pointer) for p in problems] == [(2, 8, "yaml-full-width", "/transition/notes")]
    assert document is not None and document.data["transition"] == {"notes": "一起拜访客户"}


@pytest.mark.parametrize("text", [
    "notes: 客户说：下周签\n",  # a full-width colon inside a value is text
    "summary: 第一行\n  CRM：已更新\nb: 1\n",  # and on a continuation line of a plain text
    "summary: |\n  crm：已更新\n  \t缩进的内容\n",  # and in a block of text, where a tab after the indentation is content too
    "summary: \u3000\u3000段首空两格\n",  # a Chinese paragraph may start with full-width spaces
    "list: [a,\n\tb]\n",  # a tab YAML accepts
])
def test_full_width_characters_and_tabs_that_yaml_reads_as_meant_are_left_alone(text: str) -> None:
    document, problems = parse(text, "t.yaml")
    assert document is not None and problems == []


def test_tabs_in_the_indentation_are_one_problem_per_line_with_the_line_in_spaces() -> None:
    text = "transition:\n\tstart: 2026-10-26\n\tend: 2026-11-13\ntasks:\n\t- id: T-01\n\t  title: x\n  -\tid: T-02\n"
    document, problems = parse(text, "t.yaml")
    assert [(p.line, p.column, p.rule) for p in problems] == [
        (2, 1, "yaml-tab"), (3, 1, "yaml-tab"), (5, 1, "yaml-tab"), (6, 1, "yaml-tab"), (7, 4, "yaml-tab")]
    assert [p.hint.split(": ", 1)[1] for p in problems] == [
        '"  start: 2026-10-26"', '"  end: 2026-11-13"', '"  - id: T-01"', '"    title: x"', '"  - id: T-02"']
    assert document is not None and document.data["tasks"] == [{"id": "T-01", "title": "x"}, {"id": "T-02"}]


def test_an_unrelated_syntax_error_is_still_reported_where_yaml_found_it() -> None:
    _, problems = parse("a: 1\nnotes: x\n  CRM：y\nb: [\n", "t.yaml")
    assert [(p.line, p.rule) for p in problems] == [(5, "yaml-syntax")]


def test_a_restricted_value_on_a_mistyped_line_stays_out_of_the_message(empty_project: Path) -> None:
    text = BASE.replace('phone: "+86 138 0000 0001"', 'phone："+86 138 0000 0001"')
    [problem] = [p for p in check_file(empty_project, "x.yaml", text) if p.rule == "yaml-full-width"]
    assert problem.line == line_of(text, "phone：") and problem.pointer.endswith("/phone")
    assert "138" not in problem.message + problem.hint and "ASCII colon" in problem.hint


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}|>#'\" \n\t：\u3000.1")), max_size=80))
def test_any_text_with_full_width_characters_and_tabs_gives_data_or_problems(text: str) -> None:
    document, problems = parse(text, "fuzz.yaml")
    assert document is not None or problems
    assert all(p.line >= 1 and p.column >= 1 and p.rule for p in problems)


# -- dates and people -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["2026/12/31", "2026.12.31", "2026年12月31日", "2026 年 12 月 31 日", "２０２６／１２／３１"])
def test_dates_written_other_ways_say_the_date_to_write(written: str) -> None:
    message, hint = date_mistake(written) or ("", "")
    assert written in message and hint == "write it as 2026-12-31"


def test_a_date_written_another_way_is_one_problem_in_a_handover(empty_project: Path) -> None:
    text = BASE.replace("last_day: 2026-11-13", "last_day: 2026/11/13").replace("due: 2026-11-30", "due: 2026-2-30")
    problems = check_file(empty_project, "x.yaml", text)
    errors = [(p.line, p.rule, p.hint) for p in problems if p.is_error]
    assert errors == [(line_of(text, "last_day:"), "date-not-iso", "write it as 2026-11-13"),
                      (line_of(text, "due: 2026-2-30"), "date-not-iso", "write a real calendar date as YYYY-MM-DD, e.g. 2026-11-30")]
    assert "2026-02-30 does not exist" in next(p.message for p in problems if p.pointer == "/tasks/0/due")


def test_a_date_not_in_the_calendar_written_right_stays_a_schema_format_problem() -> None:
    assert date_mistake("2026-02-30") is None and date_mistake("下周五") is None and date_mistake("20261231") is None


ROSTER = RuleContext(frozenset({"lina", "liuyang", "yangfan", "li.ming", "zhangwei"}),
                     names=(("lina", "李娜", "Li Na"), ("liuyang", "刘洋", "Liu Yang"), ("yangfan", "杨帆", "Yang Fan"),
                            ("li.ming", "李明", "Li Ming"), ("zhangwei", "张伟", "Zhang Wei")))


@pytest.mark.parametrize(("written", "meant", "a_name"), [
    ("杨帆", "did you mean yangfan (杨帆)?", True), ("Yang Fan", "did you mean yangfan (杨帆)?", True),
    ("YangFan", "did you mean yangfan (杨帆)?", True), ("liming", "did you mean li.ming (李明)?", True),
    ("linna", "did you mean lina (李娜)", False), ("liuyan", "did you mean liuyang (刘洋)", False),
])
def test_a_name_or_a_mistyped_id_suggests_the_id_meant(written: str, meant: str, a_name: bool) -> None:
    message, hint = person_mistake(written, ROSTER) or ("", "")
    assert written in message and hint.startswith(meant)
    assert ("is a name" in message) is a_name


def test_an_unknown_person_with_no_one_close_says_what_an_id_is() -> None:
    message, hint = person_mistake("王小二", ROSTER) or ("", "")
    assert "not in the roster" in message and "handbook/people.yaml" in hint and "not the name" in hint
    assert person_mistake("lina", ROSTER) is None


def test_a_person_given_by_name_is_one_problem_with_the_id(empty_project: Path) -> None:
    text = BASE.replace("    successor: lina", "    successor: 李娜").replace("owner: lina", "owner: linna")
    problems = check_file(empty_project, "x.yaml", text)
    # The name (which fails the schema's id pattern) and the mistyped id (which does not) are found in one run.
    [name, typo] = [p for p in problems if p.is_error]
    assert (name.line, name.rule, name.hint) == (line_of(text, "successor: 李娜"), "unknown-person", "did you mean lina (李娜)?")
    assert (typo.line, typo.rule) == (line_of(text, "owner: linna"), "unknown-person")
    assert typo.message == "'linna' is not in the roster"
    assert typo.hint.startswith("did you mean lina (李娜)")
    fixed = text.replace("successor: 李娜", "successor: lina")  # once the name is fixed, the schema passes
    assert [(p.line, p.message) for p in check_file(empty_project, "x.yaml", fixed) if p.is_error] == [
        (typo.line, typo.message)]


def test_a_mistyped_id_is_found_while_placeholders_are_still_in(empty_project: Path) -> None:
    """A hurried leaver hears of a misspelt successor at once, not after every 待填写 is replaced."""
    text = BASE.replace("successors: [lina]", "successors: [lnia]").replace('id: "C-', 'id: "待填写-C-', 1)
    errors = {(p.line, p.rule) for p in check_file(empty_project, "x.yaml", text) if p.is_error}
    assert (line_of(text, "successors: [lnia]"), "unknown-person") in errors
    assert "placeholder-required" in {rule for _, rule in errors}


def test_the_sample_handbook_reads_exactly_as_before() -> None:
    """Its Chinese text is full of '：' and never a mistake: nothing is reported, nothing repaired."""
    for path in sorted((REPO / "handbook" / "handovers").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        document, problems = parse(text, path.name)
        assert document is not None and problems == [] and document.text == text


@pytest.mark.parametrize("end", ["\r\n", "\r", "\x85", "\u2028", "\u2029"])
def test_every_line_break_libyaml_knows_keeps_the_mistake_on_its_line(end: str) -> None:
    """Files saved with old Mac line ends, or holding a Unicode line separator, still get the mistake on its line."""
    for text in (f"a: 1{end}b：2{end}", f"a: 1{end}\u3000b: 2{end}"):
        document, problems = parse(text, "t.yaml")
        assert [(p.line, p.rule) for p in problems] == [(2, "yaml-full-width")], (text, problems)
        assert document is not None and document.data == {"a": 1, "b": 2}
    document, problems = parse(f"{end}\u3000:", "t.yaml")  # a key of one full-width space: read, not a traceback
    assert document is not None and document.data == {"\u3000": None}


def test_a_missing_role_line_says_so_and_where_the_roles_are(empty_project: Path) -> None:
    text = "\n".join(line for line in BASE.splitlines() if not line.startswith("role:")) + "\n"
    [problem] = [p for p in check_file(empty_project, "x.yaml", text) if p.is_error]
    assert (problem.rule, problem.message) == ("unknown-role", "the role line is missing")
    assert "sales" in problem.hint and "None" not in problem.message + problem.hint


def test_chinese_hints_show_the_schemas_words_with_chinese_punctuation(empty_project: Path) -> None:
    from generator.i18n import use_language

    text = BASE.replace('id: "C-90001"', 'id: "待填写-客户编号"')
    with use_language("zh"):
        [problem] = [p for p in check_file(empty_project, "x.yaml", text) if p.rule == "placeholder-required"]
    assert problem.hint.startswith("这里应写：公司统一的客户编号（如 CRM 编号），跨交接文件保持一致，请加引号。"), problem.hint
