"""Reports, risk and quality, analytics charts and calendar feeds, against the sample handbook."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

from icalendar import Calendar

from generator import check_handbook
from generator.model.views import progress
from generator.output.incomplete import rows_as_csv
from generator.project import Project
from generator.session import Session
from generator.site.build import build_site
from generator.track.reports import quality, risk

from .gitrepo import GitRepo
from .helpers import CASES, REPO, copy_project, parse_html, set_plugin_option

TODAY = "2026-11-23"


def test_incomplete_report_csv_reads_back_in_excel_encoding(project: Path, cli, tmp_path: Path) -> None:
    out = tmp_path / "incomplete.csv"
    code, _, err = cli("report", "incomplete", "--format", "csv", "--today", TODAY, "-o", str(out), root=project)
    assert code == 0, err
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # BOM and CRLF: Excel reads UTF-8 Chinese
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows and set(rows[0]) >= {"handover", "section", "item", "title", "owner", "due", "working_days_overdue"}
    heyu = {(r["section"], r["item"]): r for r in rows if r["handover"] == "2026-11-heyu-engineer"}
    assert heyu[("checklist", "project-documents")]["working_days_overdue"] == "14"
    assert heyu[("checklist", "project-documents")]["title"] == "需求说明书、测试报告、设计文档已上传交接文档库并注明位置"
    assert not any(r["handover"] in ("2025-06-liuyang-sales", "2026-10-zhoujie-consultant") for r in rows)  # complete


def test_incomplete_report_json_and_markdown(project: Path, cli) -> None:
    code, out, _ = cli("report", "incomplete", "--format", "json", "--today", TODAY, root=project)
    rows = json.loads(out)
    assert code == 0 and rows[0]["working_days_overdue"] >= rows[-1]["working_days_overdue"]  # most urgent first
    code, out, _ = cli("report", "incomplete", "--format", "md", "--today", TODAY, root=project)
    table = out.split("\n\n")[0].splitlines()  # the per-manager summary follows the table
    assert code == 0 and table[0].startswith("| Handover | Leaver |") and len(table) == len(rows) + 2


def test_csv_cells_never_become_formulas() -> None:
    from generator.track.reports import OpenRow

    row = OpenRow("h", "f", "l", "sales", "销售部", "2026-11-13", "tasks", "T-1", "=HYPERLINK(\"x\")", "o", "", "todo", 0)
    assert "'=HYPERLINK" in rows_as_csv([row])


def test_quality_score_follows_the_documented_weights(empty_project: Path) -> None:
    text = (CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")
    text = text.replace("    due: 2026-11-30\n", "")  # a task without a due date: -3
    (empty_project / "handbook" / "handovers" / "a.yaml").write_text(text, encoding="utf-8")
    result = check_handbook(Project.at(empty_project))
    assert result.handbook is not None
    score = quality(result.handbook.handovers[0])
    # key account without decision chain (-10), not confirmed by the customer (-5), undated task (-3)
    assert score.score == 82 and len(score.findings) == 3


def test_site_reports_analytics_calendars(project: Path) -> None:
    set_plugin_option(project, "today", TODAY)
    site = build_site(project / "mkdocs.yml", project / "site", strict=True)
    dashboard = parse_html(site / "index.html")
    html = (site / "index.html").read_text(encoding="utf-8")
    open_table = html[html.index("进行中的交接<a class=\"headerlink\""):html.index("最近完成的交接<a class=\"headerlink\"")]
    risks = [int(cell) for cell in re.findall(r"<tr>\s*<td[^>]*>(\d+)</td>", open_table)]
    assert risks and risks == sorted(risks, reverse=True)  # ranked by risk
    assert "未完成项报告" in " ".join(dashboard.text)
    incomplete = " ".join(parse_html(site / "reports" / "incomplete" / "index.html").text)
    assert "需求说明书、测试报告、设计文档已上传交接文档库并注明位置" in incomplete
    assert (site / "reports" / "incomplete.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    for chart in ("most-overdue", "completion-by-role", "completion-by-department"):
        svg = (site / "reports" / f"{chart}.svg").read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<?xml") and "<script" not in svg
        assert not re.search(r"(href|src)=\"https?:", svg)
    analytics = (site / "reports" / "analytics" / "index.html").read_text(encoding="utf-8")
    assert 'src="../most-overdue.svg"' in analytics and "交接后评估" in analytics
    page = parse_html(site / "handovers" / "2026-11-zhangwei-sales" / "index.html")
    assert "时间线" in [h.strip("¶ ") for h in page.headings]
    feed = Calendar.from_ical((site / "calendar" / "handovers" / "2026-11-zhangwei-sales.ics").read_bytes())
    events = {str(e["uid"]): e for e in feed.walk("VEVENT")}
    assert events["2026-11-zhangwei-sales-last-day@handover-kb"].decoded("dtstart") == dt.date(2026, 11, 13)
    assert events["2026-11-zhangwei-sales-T-01@handover-kb"].decoded("dtstart") == dt.date(2026, 12, 15)
    person = Calendar.from_ical((site / "calendar" / "people" / "wangfang.ics").read_bytes())
    assert "2026-11-zhangwei-sales-T-01@handover-kb" in {str(e["uid"]) for e in person.walk("VEVENT")}


def _risk_weights_in_the_guide() -> dict[str, tuple[int, ...]]:
    """The numbers of each row of the guide's risk table, in the order they are written."""
    guide = (REPO / "handbook" / "guide" / "reports.md").read_text(encoding="utf-8")
    table = guide.split("## 风险分", 1)[1].split("## ", 1)[0]
    rows = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 and not set(cells[0]) <= set("-") and cells[0] != "因素":
            rows[cells[0]] = tuple(int(n) for n in re.findall(r"\+(\d+)|加 (\d+)", cells[1]) for n in n if n)
    return rows


def test_the_risk_score_is_the_formula_the_guide_documents(tmp_path: Path) -> None:
    weights = _risk_weights_in_the_guide()
    past, near = weights["已过最后工作日"]
    per_overdue, = weights["每个已逾期的事项"]
    per_due_soon, = weights["每个 3 个工作日内到期的事项"]
    per_unsigned, per_unsigned_near = weights["每个尚未签字(或签字已过期)的签字方"]
    per_tenth_open, = weights["清单未完成的比例"]
    project = copy_project(tmp_path / "project")
    GitRepo(project).commit("Handbook", by="zhangwei")
    session = Session(Project.at(project))
    handbook = check_handbook(Project.at(project)).handbook
    assert handbook is not None
    audits = session.audits(handbook)
    seen = set()
    for today in (dt.date(2026, 10, 20), dt.date(2026, 11, 10), dt.date(2026, 11, 16), dt.date(2026, 12, 30)):
        for handover in handbook.handovers:
            found = risk(handover, audits[handover.id], today, session.calendar)
            urgency = past if today > handover.last_day else (near if found.days_left <= 5 else 0)
            signoff_weight = per_unsigned_near if found.days_left <= 5 else per_unsigned
            expected = (urgency + per_overdue * found.overdue + per_due_soon * found.due_soon
                        + signoff_weight * found.unsigned + per_tenth_open * ((100 - progress(handover).percent) // 10))
            assert found.score == expected, (handover.id, today, found)
            seen.add((urgency > 0, found.overdue > 0, found.due_soon > 0, found.unsigned > 0))
    # The sample exercises every term of the formula at least once.
    assert {any(s[i] for s in seen) for i in range(4)} == {True}
