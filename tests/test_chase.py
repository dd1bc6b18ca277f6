"""Who to chase for each open item: the person responsible now, never someone who has left, and their manager.

Against real copies of the sample handbook: 何雨 (heyu) left on 2026-11-13 (``active: false``), his
successors are 徐敏 (xumin) and 冯涛 (fengtao), his manager 郑强 (zhengqiang).
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import yaml

from generator.site.build import build_site

from .helpers import copy_project, parse_html, set_plugin_option

TODAY = "2026-11-23"
HEYU = "2026-11-heyu-engineer"
OLD_COLUMNS = ["handover", "file", "leaver", "role", "department", "last_day", "section", "item", "title", "owner",
               "due", "status", "working_days_overdue"]
NEW_COLUMNS = ["chase", "chase_name", "chase_reason", "manager", "manager_name"]


def _rows(cli, project: Path) -> list[dict[str, object]]:
    code, out, err = cli("report", "incomplete", "--format", "json", "--today", TODAY, root=project)
    assert code == 0, err
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def _inactive(project: Path) -> set[str]:
    roster = yaml.safe_load((project / "handbook" / "people.yaml").read_text(encoding="utf-8"))
    return {p["id"] for p in roster["people"] if p.get("active") is False}


def _retire(project: Path, person: str) -> None:
    """The roster's way of saying someone has left: ``active: false`` on their entry."""
    people = project / "handbook" / "people.yaml"
    text = people.read_text(encoding="utf-8")
    entry = re.search(rf"\{{id: {person}, [^}}]*\}}", text)
    assert entry and "active" not in entry.group(0)
    people.write_text(text.replace(entry.group(0), entry.group(0)[:-1] + ", active: false}"), encoding="utf-8")


def test_an_inactive_leaver_past_the_last_day_is_chased_through_the_successor(project: Path, cli) -> None:
    rows = _rows(cli, project)
    heyu = [r for r in rows if r["handover"] == HEYU and r["owner"] == "heyu"]
    assert heyu and "heyu" in _inactive(project)
    for row in heyu:
        assert (row["chase"], row["chase_name"], row["chase_reason"]) == ("xumin", "徐敏", "successor")
        assert (row["manager"], row["manager_name"]) == ("zhengqiang", "郑强")
    # A leaver still at work before the last day (林晓, last day 2026-12-04) is chased for their own items.
    linxiao = [r for r in rows if r["leaver"] == "linxiao" and r["owner"] == "linxiao"]
    assert linxiao and all((r["chase"], r["chase_reason"]) == ("linxiao", "owner") for r in linxiao)
    # Nobody the roster marks inactive is ever the one to chase.
    assert not {r["chase"] for r in rows} & _inactive(project)


def test_an_inactive_successor_falls_back_to_the_manager_and_says_so(project: Path, cli) -> None:
    _retire(project, "xumin")
    rows = _rows(cli, project)
    heyu = [r for r in rows if r["handover"] == HEYU and r["owner"] in ("heyu", "xumin")]
    assert heyu
    assert all((r["chase"], r["chase_name"], r["chase_reason"]) == ("zhengqiang", "郑强", "manager") for r in heyu)
    assert not {r["chase"] for r in rows} & _inactive(project)
    code, out, _ = cli("report", "incomplete", "--format", "md", "--today", TODAY, root=project)
    assert code == 0 and "郑强 (zhengqiang) (the successor is no longer active; the manager follows up)" in out


def test_the_per_manager_summary_counts_match_the_rows(project: Path, cli) -> None:
    rows = _rows(cli, project)
    code, out, _ = cli("report", "incomplete", "--format", "md", "--today", TODAY, root=project)
    assert code == 0
    summary = out[out.index("## By manager"):].splitlines()[4:]
    table = {cells[0]: cells[1:] for cells in ([c.strip() for c in line.strip("|").split("|")] for line in summary)}
    managers = Counter(str(r["manager"]) for r in rows)
    assert set(table) == set(managers) and len(managers) > 1
    for manager, (open_count, overdue, chase) in table.items():
        mine = [r for r in rows if r["manager"] == manager]
        assert int(open_count) == len(mine)
        assert int(overdue) == sum(1 for r in mine if r["working_days_overdue"])
        assert set(chase.split(", ")) == {r["chase"] for r in mine}


def test_csv_and_json_keep_their_old_columns_first(project: Path, cli, tmp_path: Path) -> None:
    out = tmp_path / "incomplete.csv"
    code, _, err = cli("report", "incomplete", "--format", "csv", "--today", TODAY, "-o", str(out), root=project)
    assert code == 0, err
    header = next(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert header == OLD_COLUMNS + NEW_COLUMNS
    rows = _rows(cli, project)
    assert rows and all(list(r) == OLD_COLUMNS + NEW_COLUMNS for r in rows)


def test_the_zh_site_page_shows_whom_to_chase_per_manager(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    set_plugin_option(project, "today", TODAY)
    set_plugin_option(project, "language", "zh")
    site = build_site(project / "mkdocs.yml", project / "site", strict=True)
    page = site / "reports" / "incomplete" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "按审批人汇总" in parse_html(page).headings[-1]
    assert "催办对象" in html and "逾期项" in html
    items, summary = html[:html.index('id="by-manager"')], html[html.index('id="by-manager"'):]
    first = re.search(r"<tr>\s*<td[^>]*>(?:(?!</tr>).)*" + HEYU + r"(?:(?!</tr>).)*</tr>", items, re.S)
    assert first, "heyu's open items are missing from the table"
    chase = re.findall(r"<td[^>]*>(.*?)</td>", first.group(0), re.S)[-1]
    assert "徐敏" in chase and 'class="hk-person' in chase and "](" not in chase  # a link, not Markdown text
    row = re.search(r"<tr>\s*<td[^>]*>(?:(?!</tr>).)*郑强(?:(?!</tr>).)*</tr>", summary, re.S)
    assert row, "郑强's row is missing from the per-manager summary"
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(0), re.S)
    assert "徐敏" in cells[3]  # heyu's open items are chased through his successor
    assert int(cells[1]) >= int(cells[2]) > 0  # open items, of which overdue
    # The downloadable CSV an HR lead opens in Excel says the same: whom to chase and the manager, by name.
    table = list(csv.DictReader(io.StringIO((site / "reports" / "incomplete.csv").read_bytes().decode("utf-8-sig"))))
    heyu_rows = [r for r in table if r["交接"] == HEYU]
    assert heyu_rows and {r["催办对象"] for r in heyu_rows} >= {"徐敏"} and {r["审批人"] for r in heyu_rows} == {"郑强"}


def test_the_zh_site_page_says_when_the_manager_stands_in(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    set_plugin_option(project, "today", TODAY)
    set_plugin_option(project, "language", "zh")
    _retire(project, "xumin")
    site = build_site(project / "mkdocs.yml", project / "site", strict=True)
    text = " ".join(parse_html(site / "reports" / "incomplete" / "index.html").text)
    assert "郑强（接手人已不在职，由审批人跟进）" in text.replace(" ", "")
