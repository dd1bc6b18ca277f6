"""Hostile content stays inert everywhere: page titles, calendars, terminal output, CSV, and messages
that would repeat a secret or restricted value."""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import html
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar
from mkdocs.utils.meta import get_data

from generator import check_handbook
from generator.output import render
from generator.output.incomplete import rows_as_csv
from generator.project import Project
from generator.render.markdown import front_matter
from generator.render.pages import SiteOptions, render_site
from generator.session import Session
from generator.site.build import build_site
from generator.track.reminders import reminders_for_day
from generator.track.reports import OpenRow, incomplete_items

from . import hostile
from .gitrepo import GitRepo
from .helpers import CASES, copy_project, html_pages, parse_html

TODAY = dt.date(2026, 11, 12)
# What a terminal must never receive raw: C0 controls but the line feed, DEL, C1, bidi overrides and isolates.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
NASTY = "\x1b]0;owned\x07\x1b[2J\r\u202eevil\x00\x9b"


# -- page titles ------------------------------------------------------------------------------------

def _title(page: Path) -> str:
    match = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.DOTALL)
    assert match, page
    return match.group(1)


def test_every_page_title_is_plain_text_whatever_the_names(project: Path) -> None:
    hostile.plant(project)
    site = build_site(project / "mkdocs.yml", project / "site", strict=True)
    pages = html_pages(site)
    assert len(pages) > 40
    for page in pages:
        assert "<" not in _title(page), page
        for tag, attrs in parse_html(page).tags:
            assert not any(name.startswith("on") for name in attrs), (page, tag, attrs)
        assert not any("alert(" in script for script in parse_html(page).scripts), page
    handover = site / "handovers" / hostile.HANDOVER / "index.html"
    assert html.unescape(_title(handover)).startswith(hostile.PERSON + "的")  # shown as written, as text
    department = site / "people" / "sales" / "index.html"
    assert hostile.DEPARTMENT in html.unescape(_title(department))


@given(st.text())
def test_a_title_in_front_matter_reads_back_as_plain_text(text: str) -> None:
    body, meta = get_data(front_matter(text, hide=["navigation"]) + "# heading\n")
    assert body == "# heading\n" and meta["hide"] == ["navigation"]
    title = meta["title"]
    assert not re.search("[<>\"'\n]", title) and not RAW_CONTROL.search(title)
    shown = html.unescape(title)
    assert shown == shown.strip() and "  " not in shown.replace("\u3000", " ")


def test_hostile_front_matter_cannot_end_early_or_add_keys() -> None:
    body, meta = get_data(front_matter('x"\n---\nhide: [toc]\ntitle: "<b>') + "# h\n")
    assert set(meta) == {"title"} and body == "# h\n"
    assert html.unescape(meta["title"]) == 'x" --- hide: [toc] title: "<b>'


# -- calendars and pages survive any name -----------------------------------------------------------

def test_a_line_break_or_control_character_in_a_name_never_breaks_a_calendar_or_page(project: Path) -> None:
    result = check_handbook(Project.at(project), today=TODAY)
    handbook = result.handbook
    assert handbook is not None
    people = handbook.roster.people
    people[hostile.LEAVER] = dataclasses.replace(people[hostile.LEAVER], name="张\n伟" + NASTY, name_en="Zhang\r\nWei")
    departments = handbook.roster.departments
    departments["sales"] = dataclasses.replace(departments["sales"], name="销售\n部" + NASTY)
    files = render_site(handbook, SiteOptions(today=TODAY))
    calendars = {uri: text for uri, text in files.items() if uri.endswith(".ics")}
    assert f"calendar/people/{hostile.LEAVER}.ics" in calendars
    for uri, text in calendars.items():
        parsed = Calendar.from_ical(text)
        assert not RAW_CONTROL.search(text.replace("\r\n", "\n")), uri
        assert "\n" not in str(parsed.get("x-wr-calname", "")), uri
    assert "X-WR-CALNAME:张 伟]0\\;owned[2J evil" in calendars[f"calendar/people/{hostile.LEAVER}.ics"]
    for uri, text in files.items():
        if uri.endswith(".md"):
            body, meta = get_data(text)
            assert meta.get("title") and not RAW_CONTROL.search(text), uri
    page = files[f"handovers/{hostile.HANDOVER}.md"]
    assert "\\u001b" in get_data(page)[1]["title"]  # the escape is shown, visibly


# -- terminals never receive a control character ------------------------------------------------------

def _assert_terminal_safe(text: str) -> None:
    assert not RAW_CONTROL.search(text), repr(RAW_CONTROL.search(text))


@pytest.mark.parametrize("output", ["text", "github", "json"])
def test_check_output_shows_control_characters_escaped(empty_project: Path, cli, output: str) -> None:
    text = (CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")
    evil = json.dumps("li" + NASTY)[1:-1]
    text = text.replace("successors: [lina]", f'successors: ["{evil}"]')
    (empty_project / "handbook" / "handovers" / "a.yaml").write_text(text, encoding="utf-8")
    code, out, err = cli("check", "--format", output, root=empty_project)
    assert code == 1
    _assert_terminal_safe(out + err)
    assert "\\u202e" in out
    if output == "json":
        assert any("\u202e" in p["message"] for p in json.loads(out))  # JSON escapes read back as the value


def test_remind_and_report_show_control_characters_escaped(project: Path) -> None:
    session = Session(Project.at(project), TODAY)
    handbook = session.check().handbook
    assert handbook is not None
    handover = next(h for h in handbook.handovers if h.id == hostile.HANDOVER)
    for item in handover.data["checklist"]:
        item["item"] = "补全 CRM" + NASTY + "\nforged line"
    for item in handover.data.get("tasks", []):
        item["title"] = "任务" + NASTY + "\nforged line"
    day = reminders_for_day(handbook, session.audits(handbook), session.policy, session.calendar, TODAY)
    rows = incomplete_items(handbook, TODAY, session.calendar)
    reminded = render("reminders", "text", day)
    reported = render("incomplete", "md", rows)
    for shown in (reminded, reported, render("reminders", "json", day), render("incomplete", "json", rows)):
        _assert_terminal_safe(shown)
        assert "\\u001b" in shown
    assert not any(line.startswith("forged line") for line in reminded.splitlines() + reported.splitlines())


def test_status_shows_a_hostile_git_trailer_escaped(tmp_path: Path, cli) -> None:
    project = copy_project(tmp_path / "repo")
    git = GitRepo(project)
    git.commit("Start", by="zhangwei")
    handover = f"handbook/handovers/{hostile.HANDOVER}.yaml"
    git.commit("Sign", by="lina", trailers=(f"Handover: {handover}", f"Acked-by: Li{NASTY.replace(chr(0), '')}Na <someone@example.com>"))
    code, out, err = cli("status", handover, root=project)
    _assert_terminal_safe(out + err)
    assert "'Li\\u001b]0;owned\\u0007\\u001b[2J' is not in the roster" in out


# -- CSV for spreadsheets ----------------------------------------------------------------------------

@pytest.mark.parametrize("cell", ["=1+1", "\x00=1+1", "\uff1dHYPERLINK(\"x\")", "\uff0b1", "\uff0d1", "\uff20SUM(A1)",
                                  "  =1", "\t=1", "\r=1", "\x1b=1", "\u3000=1", "+1", "-1", "@A1", "\t", "\r"])
def test_csv_cells_that_a_spreadsheet_could_run_are_guarded(cell: str) -> None:
    row = OpenRow("h", "f", "leaver", "sales", "销售部", "2026-11-13", "tasks", "T-01", cell, "lina", "2026-11-01",
                  "todo", 3)
    [_, written] = list(csv.reader(io.StringIO(rows_as_csv([row]).lstrip("\ufeff"))))
    assert written[8] == "'" + cell
    assert written[0] == "h" and written[12] == "3"


def test_csv_leaves_ordinary_cells_alone() -> None:
    row = OpenRow("h", "f", "leaver", "sales", "销售部", "2026-11-13", "tasks", "T-01", "1-2 月对账 = 完成", "lina",
                  "2026-11-01", "todo", 0)
    [_, written] = list(csv.reader(io.StringIO(rows_as_csv([row]).lstrip("\ufeff"))))
    assert written[8] == "1-2 月对账 = 完成"


# -- messages never repeat a secret or restricted value ---------------------------------------------

CANARIES = ("Hunter2CANARYpw", "1380CANARY0001", "CANARYMAIL")


def _sensitive_mistakes(project: Path) -> None:
    text = (CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")
    for old, new in (('phone: "+86 138 0000 0001"', 'phone: "tel 1380CANARY0001"\n        email: "CANARYMAIL at example"'),
                     ("credential_ref: op://sales/crm-zhangwei", 'credential_ref: "Hunter2CANARYpw"')):
        assert old in text, old
        text = text.replace(old, new)
    (project / "handbook" / "handovers" / "2026-11-zhangwei-sales.yaml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("output", ["text", "json", "github"])
def test_messages_describe_a_restricted_or_credential_mistake_without_the_value(empty_project: Path, cli,
                                                                               output: str) -> None:
    _sensitive_mistakes(empty_project)
    code, out, err = cli("check", "--format", output, root=empty_project)
    assert code == 1
    assert not [c for c in CANARIES if c in out + err]
    for said in ("phone: does not match the expected phone format", "e-mail: is not a valid e-mail address",
                 "credential reference: does not match the expected credential reference format"):
        assert said in out, said


def test_a_failing_build_does_not_repeat_a_restricted_or_credential_value(empty_project: Path, cli) -> None:
    _sensitive_mistakes(empty_project)
    code, out, err = cli("build", root=empty_project)
    assert code != 0
    assert "credential reference format" in out + err
    assert not [c for c in CANARIES if c in out + err]


def test_an_unquoted_restricted_number_is_described_without_the_value(empty_project: Path, cli) -> None:
    text = (CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")
    (empty_project / "handbook" / "handovers" / "a.yaml").write_text(
        text.replace('phone: "+86 138 0000 0001"', "phone: 13812345678"), encoding="utf-8")
    code, out, err = cli("check", "--format", "json", root=empty_project)
    assert code == 1 and "13812345678" not in out + err
    [problem] = [p for p in json.loads(out) if p["pointer"].endswith("/phone")]
    assert problem["message"].endswith("phone: must be of type string") and problem["hint"].startswith("quote it")


def test_messages_about_ordinary_fields_still_quote_the_value(empty_project: Path, cli) -> None:
    text = (CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")
    (empty_project / "handbook" / "handovers" / "a.yaml").write_text(
        text.replace("last_day: 2026-11-13", "last_day: 2026-02-30"), encoding="utf-8")
    code, out, _ = cli("check", root=empty_project)
    assert code == 1 and "2026-02-30" in out


@pytest.mark.parametrize("written", ["+8613812345678", "013812345678"])
def test_a_restricted_number_the_loader_would_change_is_described_without_the_value(empty_project: Path, cli,
                                                                                    written: str) -> None:
    text = (CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")
    (empty_project / "handbook" / "handovers" / "a.yaml").write_text(
        text.replace('phone: "+86 138 0000 0001"', f"phone: {written}"), encoding="utf-8")
    for output in ("text", "json", "github"):
        code, out, err = cli("check", "--format", output, root=empty_project)
        assert code == 1 and "12345678" not in out + err
        assert "yaml-ambiguous-number" in out and "would be read as a number" in out
    text = text.replace("summary: 交接两个客户,其中一个是重点客户。", f"summary: 交接两个客户\nx_note: {written}")
    (empty_project / "handbook" / "handovers" / "a.yaml").write_text(text, encoding="utf-8")
    assert written in cli("check", root=empty_project)[1]  # elsewhere the value is quoted back, to help
