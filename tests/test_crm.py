"""CRM in and out: ``handover import customers`` from real .xlsx and .csv exports, ``handover export owner-transfer``.

Every test runs the real CLI on real files: workbooks written with openpyxl (Chinese headers), CSV the way
Excel saves it (UTF-8 with a byte-order mark, or GBK on Chinese Windows), handover files made by
``handover new`` or taken from the sample handbook, and the result checked with ``handover check``.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from generator.actions.crm_maps import COLUMN_MAPS, FIELDS, RESTRICTED, STAGES
from generator.actions.tables import header_key
from generator.load.document import load_file
from generator.load.schemas import SchemaSet

from .helpers import REPO, CliResult, xlsx

Cli = Callable[..., CliResult]

CHINESE = ["客户编号", "客户名称", "行业", "客户阶段", "联系人", "职位", "手机", "邮箱", "负责人", "创建时间"]


def csv_file(path: Path, rows: Sequence[Sequence[Any]], encoding: str) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def new_handover(cli: Cli, project: Path, role: str = "sales", leaver: str = "zhangwei",
                 successors: Sequence[str] = ("lina", "liuyang"), dates: Sequence[str] = ()) -> Path:
    args = [f"--successor={s}" for s in successors]
    when = ["--notice-date", dates[0], "--last-day", dates[1]] if dates else ["--last-day", "2026-12-31"]
    code, out, err = cli("new", "--role", role, "--leaver", leaver, *args, *when, root=project)
    assert code == 0, err
    return project / out.split()[1]


def run_import(cli: Cli, project: Path, table: Path, handover: Path, *more: str) -> CliResult:
    return cli("import", "customers", str(table), "--into", str(handover), *more, root=project)


def customers_of(path: Path) -> list[dict[str, Any]]:
    doc, problems = load_file(path)
    assert doc is not None and not problems, problems
    return list(doc.data["customers"])


def check(cli: Cli, project: Path, path: Path) -> list[dict[str, Any]]:
    code, out, err = cli("check", "--format", "json", str(path), root=project)
    assert code == 0, out + err  # no error: the check passes
    return list(json.loads(out))


def sales_rows() -> list[list[Any]]:
    return [CHINESE,
            ["C-10023", "苏州澄泓科技有限公司", "智能制造", "成交客户", "王强", "采购总监", 13800138000,
             "wang.qiang@chenghong.example.com", "张伟", "2024-01-02"],
            ["C-10023", "苏州澄泓科技有限公司", "智能制造", "成交客户", "李丽", None, "+86 139 0000 0001", None, "张伟", None],
            [10031, "杭州禾鲜优选有限公司", "生鲜电商", "意向客户", None, None, None, None, "zhangwei", None],
            ["C-20001", "别人的客户有限公司", "零售", "潜在客户", None, None, None, None, "李娜", None]]


# -- import ---------------------------------------------------------------------------------------------------

def test_xlsx_with_chinese_headers_fills_the_new_handover_and_it_passes_check(cli: Cli, empty_project: Path,
                                                                               tmp_path: Path) -> None:
    handover = new_handover(cli, empty_project)
    before = handover.read_text(encoding="utf-8")
    code, out, err = run_import(cli, empty_project, xlsx(tmp_path / "客户.xlsx", sales_rows()), handover)
    assert code == 0, err

    assert "imported 2 customer(s)" in out and "苏州澄泓科技有限公司 (C-10023)" in out
    assert "李娜 (1 row(s))" in out  # another person's customer is left out, and said so
    assert "创建时间 (not a column the generic map knows)" in out  # nothing vanishes unannounced
    assert "replaced the template's example customer" in out
    assert "placeholder(s) 待填写 for the leaver to fill in" in out

    text = handover.read_text(encoding="utf-8")
    # The file's own comments, order and blank lines stay; only the customer list changed.
    assert text.splitlines()[0] == before.splitlines()[0]  # the yaml-language-server line
    assert "customers:                       # 每个客户一项 / one entry per customer\n" in text
    assert "\n\ntasks:" in text
    assert text.split("\ntasks:")[1] == before.split("\ntasks:")[1]
    assert text.split("\ncustomers:")[0] == before.split("\ncustomers:")[0]
    assert '  - id: "C-10023"\n' in text and '  - id: "10031"\n' in text  # ids quoted, a number cell too
    assert 'phone: "13800138000"' in text

    first, second = customers_of(handover)
    assert first["id"] == "C-10023" and first["stage"] == "contract" and first["successor"] == "lina"
    assert first["industry"] == "智能制造" and first["profile"].startswith("待填写")
    assert [c["name"] for c in first["contacts"]] == ["王强", "李丽"]
    assert first["contacts"][0]["phone"] == "13800138000"
    assert first["contacts"][0]["email"] == "wang.qiang@chenghong.example.com"
    assert first["contacts"][1]["title"].startswith("待填写")
    assert "decision_role: decision-maker  # 导入表中没有此项" in text  # a choice nobody made is marked
    assert second == {"id": "10031", "name": "杭州禾鲜优选有限公司", "industry": "生鲜电商", "stage": "qualified",
                      "successor": "lina", "profile": second["profile"]}

    problems = check(cli, empty_project, handover)
    imported = [p for p in problems if p["pointer"].startswith("/customers")]
    assert imported and {p["rule"] for p in imported} == {"placeholder"}
    assert not [p for p in problems if p["severity"] == "error"]


def test_phones_and_emails_go_into_restricted_fields_only() -> None:
    schemas = SchemaSet(REPO / "schemas", REPO / "role_templates")
    for role_id in ("sales", "consultant"):
        role = schemas.role(role_id)
        assert role is not None
        for target in RESTRICTED:
            place = role.tree.at(["customers", "*", "contacts", "*", target.split(".", 1)[1]])
            assert place is not None and place.sensitivity == "restricted", (role_id, target)


def test_the_maps_are_data_each_header_names_one_field() -> None:
    assert {"salesforce", "hubspot", "zoho", "wecom", "generic"} <= COLUMN_MAPS.keys()
    for name, columns in COLUMN_MAPS.items():
        assert set(columns) <= set(FIELDS), name
        assert {"id", "name"} <= set(columns), name
        owners: dict[str, str] = {}
        for target, headers in columns.items():
            for header in headers:
                assert owners.setdefault(header_key(header), target) == target, f"{name}: {header} means two fields"
    assert {"客户名称", "客户编号", "联系人", "手机", "邮箱", "负责人"} <= set(COLUMN_MAPS["generic"]["name"]
                                                                + COLUMN_MAPS["generic"]["id"]
                                                                + COLUMN_MAPS["generic"]["contact.name"]
                                                                + COLUMN_MAPS["generic"]["contact.phone"]
                                                                + COLUMN_MAPS["generic"]["contact.email"]
                                                                + COLUMN_MAPS["generic"]["owner"])
    assert set(STAGES.values()) <= {"lead", "qualified", "proposal", "negotiation", "contract", "renewal", "dormant"}


def test_importing_again_changes_nothing_and_never_overwrites(cli: Cli, empty_project: Path, tmp_path: Path) -> None:
    handover = new_handover(cli, empty_project)
    table = xlsx(tmp_path / "export.xlsx", sales_rows())
    assert run_import(cli, empty_project, table, handover)[0] == 0
    # The leaver fills an entry in; a second import must leave it exactly as it is.
    filled = handover.read_text(encoding="utf-8").replace("    stage: contract\n", "    stage: renewal  # 续约谈判中\n", 1)
    handover.write_text(filled, encoding="utf-8")
    code, out, err = run_import(cli, empty_project, table, handover)
    assert code == 0, err
    assert "imported 0 customer(s)" in out
    assert "skipped 2 customer(s) already in the file (nothing there was changed)" in out
    assert handover.read_text(encoding="utf-8") == filled


def test_an_empty_inline_list_becomes_a_block_list_and_its_comment_stays(cli: Cli, empty_project: Path,
                                                                         tmp_path: Path) -> None:
    handover = new_handover(cli, empty_project)
    text = handover.read_text(encoding="utf-8")
    start, end = text.index("\ncustomers:"), text.index("\ntasks:")
    handover.write_text(text[:start] + "\ncustomers: []   # 稍后从 CRM 导入\n" + text[end:], encoding="utf-8")
    assert run_import(cli, empty_project, xlsx(tmp_path / "e.xlsx", sales_rows()), handover)[0] == 0
    after = handover.read_text(encoding="utf-8")
    assert "\ncustomers:      # 稍后从 CRM 导入\n  - id: \"C-10023\"\n" in after
    assert re.search(r"\n    profile: 待填写[^\n]*\n\ntasks:", after)  # the blank line stays before tasks
    assert [c["id"] for c in customers_of(handover)] == ["C-10023", "10031"]


def test_the_same_id_under_another_name_is_skipped_and_both_names_are_shown(cli: Cli, project: Path,
                                                                            tmp_path: Path) -> None:
    handover = project / "handbook" / "handovers" / "2026-11-zhangwei-sales.yaml"
    before = handover.read_text(encoding="utf-8")
    table = xlsx(tmp_path / "export.xlsx", [CHINESE[:2], ["C-10023", "澄泓(旧名)"], ["C-10999", "新客户有限公司"]])
    code, out, err = run_import(cli, project, table, handover, "--successor", "liuyang")
    assert code == 0, err
    assert "杭州禾鲜优选商贸有限公司, which the export calls 澄泓(旧名) (C-10023)" in out
    after = handover.read_text(encoding="utf-8")
    added = '  - id: "C-10999"\n    name: 新客户有限公司\n    stage: contract  # 导入表中没有此项'
    assert added in after
    # Everything that was there is still there, byte for byte, in its place.
    assert after.replace(after[after.index(added):after.index("\n\n", after.index(added))] + "\n", "", 1) == before
    assert customers_of(handover)[-1]["successor"] == "liuyang"


def test_csv_utf8_with_bom_from_excel_and_the_salesforce_map(cli: Cli, empty_project: Path, tmp_path: Path) -> None:
    handover = new_handover(cli, empty_project)
    rows = [["Account ID", "Account Name", "Type", "Account Owner", "Full Name", "Title", "Mobile", "Email", "Website"],
            ["0015g00000XyZabAAF", "Acme 上海分公司", "Customer - Direct", "Zhang Wei", "Li Ming", "CTO", "+86 138 0013 8000",
             "li.ming@acme.example.com", "https://acme.example.com"],
            ["0015g00000XyZabAAF", "Acme 上海分公司", "Customer - Direct", "Zhang Wei", "Wang Fang", "CFO", "", "", ""],
            ["0015g00000QqRstAAB", "Beta Ltd", "Prospect", "Zhang Wei", "", "", "", "", ""]]
    table = csv_file(tmp_path / "accounts.csv", rows, "utf-8-sig")
    code, out, err = run_import(cli, empty_project, table, handover, "--map", "salesforce")
    assert code == 0, err
    acme, beta = customers_of(handover)
    assert acme["id"] == "0015g00000XyZabAAF" and acme["stage"] == "contract"
    assert [(c["name"], c["title"]) for c in acme["contacts"]] == [("Li Ming", "CTO"), ("Wang Fang", "CFO")]
    assert beta["stage"] == "lead" and "contacts" not in beta
    assert "Website (not a column the salesforce map knows)" in out
    assert not [p for p in check(cli, empty_project, handover) if p["severity"] == "error"]


def test_gbk_csv_from_chinese_excel_is_recognised(cli: Cli, empty_project: Path, tmp_path: Path) -> None:
    handover = new_handover(cli, empty_project)
    table = csv_file(tmp_path / "客户.csv", sales_rows(), "gbk")
    code, out, err = run_import(cli, empty_project, table, handover)
    assert code == 0, err
    assert "read as GBK" in out and "CSV UTF-8" in out
    assert [c["name"] for c in customers_of(handover)] == ["苏州澄泓科技有限公司", "杭州禾鲜优选有限公司"]


def test_unicode_text_from_excel_utf16_with_tabs(cli: Cli, empty_project: Path, tmp_path: Path) -> None:
    handover = new_handover(cli, empty_project)
    table = tmp_path / "客户.txt"
    table.write_bytes("客户编号\t客户名称\t联系人\r\nC-7\t苏州澄泓科技有限公司\t王强\r\n".encode("utf-16"))  # with its BOM
    code, out, err = run_import(cli, empty_project, table, handover)
    assert code == 0, err
    assert [(c["id"], c["contacts"][0]["name"]) for c in customers_of(handover)] == [("C-7", "王强")]


def test_a_csv_in_another_encoding_is_refused_with_the_fix(cli: Cli, empty_project: Path, tmp_path: Path) -> None:
    handover = new_handover(cli, empty_project)
    before = handover.read_text(encoding="utf-8")
    table = csv_file(tmp_path / "客戶.csv", [["客戶編號", "客戶名稱", "聯絡人"], ["C-1", "臺北客戶", "陳先生"]], "big5")
    code, out, err = run_import(cli, empty_project, table, handover)
    assert code == 2
    assert "neither UTF-8 nor GBK" in err and "CSV UTF-8" in err and "--encoding" in err
    assert handover.read_text(encoding="utf-8") == before
    # Named, it reads; its traditional headers are not the generic map's, which is said next.
    code, _, err = run_import(cli, empty_project, table, handover, "--encoding", "big5")
    assert code == 2 and "no column for the customer's id and name" in err and "客戶編號" in err


def test_a_value_check_would_refuse_stops_the_import_without_repeating_it(cli: Cli, empty_project: Path,
                                                                         tmp_path: Path) -> None:
    handover = new_handover(cli, empty_project)
    before = handover.read_text(encoding="utf-8")
    rows = [CHINESE[:7], ["C-1", "甲公司", "制造", "成交客户", "王强", "总监", "ask-the-front-desk-93"]]
    code, out, err = run_import(cli, empty_project, xlsx(tmp_path / "bad.xlsx", rows), handover)
    assert code == 2
    assert "nothing was imported" in err and "row 3, column '手机' (customer C-1)" in err
    assert "ask-the-front-desk-93" not in err + out  # a phone is restricted: never repeated
    assert handover.read_text(encoding="utf-8") == before


def test_rows_without_id_or_name_stop_the_import_naming_each_row(cli: Cli, empty_project: Path, tmp_path: Path) -> None:
    handover = new_handover(cli, empty_project)
    rows = [CHINESE[:2], ["C-1", "甲公司"], ["", "乙公司"], ["C-3", ""], ["C-1", "甲公司(另一个名字)"]]
    code, _, err = run_import(cli, empty_project, xlsx(tmp_path / "rows.xlsx", rows, title=None), handover)
    assert code == 2
    assert "row 3: no customer id in column '客户编号'" in err
    assert "row 4: customer C-3 has no name" in err
    assert "row 5: customer C-1 is named" in err


def test_an_export_of_someone_elses_customers_is_refused_unless_all_owners(cli: Cli, empty_project: Path,
                                                                          tmp_path: Path) -> None:
    handover = new_handover(cli, empty_project)
    table = xlsx(tmp_path / "lina.xlsx", [["客户编号", "客户名称", "负责人"], ["C-1", "甲公司", "李娜"]])
    code, _, err = run_import(cli, empty_project, table, handover)
    assert code == 2 and "no row of the export is owned by 张伟 (zhangwei)" in err and "李娜 (1)" in err
    assert "--all-owners" in err
    code, out, _ = run_import(cli, empty_project, table, handover, "--all-owners")
    assert code == 0 and "imported 1 customer(s)" in out


def test_missing_columns_and_wrong_targets_are_usage_errors(cli: Cli, empty_project: Path, tmp_path: Path) -> None:
    handover = new_handover(cli, empty_project)
    table = xlsx(tmp_path / "x.xlsx", [["名称", "电话"], ["甲", "1"]])
    code, _, err = run_import(cli, empty_project, table, handover)
    assert code == 2 and "no column for the customer's id and name" in err and "名称, 电话" in err
    engineer = new_handover(cli, empty_project, role="engineer", leaver="heyu", successors=("xumin",))
    code, _, err = run_import(cli, empty_project, xlsx(tmp_path / "s.xlsx", sales_rows()), engineer)
    assert code == 2 and "the engineer role has no customer list" in err
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    code, _, err = run_import(cli, empty_project, tmp_path / "old.xls", handover)
    assert code == 2 and ".xlsx" in err


def test_consultant_customers_get_the_templates_required_parts(cli: Cli, empty_project: Path, tmp_path: Path) -> None:
    handover = new_handover(cli, empty_project, role="consultant", leaver="sunli", successors=("wuhao",))
    code, out, err = run_import(cli, empty_project, xlsx(tmp_path / "c.xlsx", sales_rows()[:4]), handover, "--all-owners")
    assert code == 0, err
    assert "客户阶段 (the consultant role's customers have no stage field)" in out
    [first, _] = customers_of(handover)
    assert first["follow_up"]["state"] == "delivering" and first["follow_up"]["next_date"] == "2026-12-31"
    assert not [p for p in check(cli, empty_project, handover) if p["severity"] == "error"]


def test_wecom_export_then_owner_transfer_bodies_of_at_most_100(cli: Cli, empty_project: Path, tmp_path: Path) -> None:
    roster = empty_project / "handbook" / "people.yaml"
    text = roster.read_text(encoding="utf-8")
    for person in ("zhangwei", "lina", "liuyang"):
        text = text.replace(f"{{id: {person},", f"{{id: {person}, wecom_userid: WX-{person},", 1)
    roster.write_text(text, encoding="utf-8")
    handover = new_handover(cli, empty_project)
    rows: list[list[Any]] = [["客户编号", "企业名称", "客户名称", "external_userid", "添加人"]]
    rows += [["C-1", "大客户集团", f"联系人{i}", f"wmEXTERNAL{i:04d}", "张伟"] for i in range(230)]
    rows += [["C-2", "小客户有限公司", "赵六", "wmSMALL0001", "张伟"], ["C-3", "没有企业微信的客户", "钱七", "", "张伟"]]
    code, out, err = run_import(cli, empty_project, xlsx(tmp_path / "wecom.xlsx", rows, title=None), handover, "--map", "wecom")
    assert code == 0, err
    big = customers_of(handover)[0]
    assert big["name"] == "大客户集团" and len(big["contacts"]) == 230  # 客户名称 is the PERSON in WeCom
    assert big["contacts"][0]["wecom_external_userid"] == "wmEXTERNAL0000"
    text = handover.read_text(encoding="utf-8").replace("    successor: lina\n", "    successor: liuyang\n", 1)
    handover.write_text(text, encoding="utf-8")  # the big customer goes to liuyang, the others to lina

    out_file = tmp_path / "transfer.json"
    code, out, err = cli("export", "owner-transfer", str(handover), "--format", "wecom", "-o", str(out_file),
                         root=empty_project)
    assert code == 1  # one customer could not be included: said, and failed
    assert "没有企业微信的客户 (C-3)" in err and "wecom_external_userid" in err
    bodies = json.loads(out_file.read_text(encoding="utf-8"))
    assert [(b["handover_userid"], b["takeover_userid"], len(b["external_userid"])) for b in bodies] == [
        ("WX-zhangwei", "WX-liuyang", 100), ("WX-zhangwei", "WX-liuyang", 100), ("WX-zhangwei", "WX-liuyang", 30),
        ("WX-zhangwei", "WX-lina", 1)]
    assert set(bodies[0]) == {"handover_userid", "takeover_userid", "external_userid"}
    assert bodies[2]["external_userid"][-1] == "wmEXTERNAL0229" and bodies[3]["external_userid"] == ["wmSMALL0001"]


def test_wecom_export_needs_everyones_wecom_userid(cli: Cli, project: Path) -> None:
    code, out, err = cli("export", "owner-transfer", "handbook/handovers/2026-11-zhangwei-sales.yaml", "--format",
                         "wecom", root=project)
    assert code == 1 and out == ""
    assert "no WeCom userid in handbook/people.yaml for Li Na (lina), Liu Yang (liuyang), Zhang Wei (zhangwei)" in err


@pytest.mark.parametrize(("fmt", "header", "row"), [
    ("salesforce", ["Id", "Name", "Previous Owner Email", "New Owner Email"],
     ["C-10007", "苏州澄泓精密机械有限公司", "zhangwei@example.com", "liuyang@example.com"]),
    ("hubspot", ["Record ID", "Company name", "Company owner"], ["C-10007", "苏州澄泓精密机械有限公司", "liuyang@example.com"]),
])
def test_salesforce_and_hubspot_csv(cli: Cli, project: Path, tmp_path: Path, fmt: str, header: list[str],
                                    row: list[str]) -> None:
    target = tmp_path / f"{fmt}.csv"
    handover = project / "handbook" / "handovers" / "2026-11-zhangwei-sales.yaml"
    code, out, err = cli("export", "owner-transfer", str(handover), "--format", fmt, "-o", str(target), root=project)
    assert code == 0, err
    assert f"wrote 7 customer(s) of handbook/handovers/2026-11-zhangwei-sales.yaml to {target}" in err
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # what Excel opens with Chinese intact
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == header and rows[1] == row and len(rows) == 8
    if fmt == "salesforce":
        assert "not Salesforce record ids" in err  # the sample's ids are the company's, not record ids


def test_owner_transfer_csv_never_carries_a_formula(cli: Cli, project: Path) -> None:
    handover = project / "handbook" / "handovers" / "2026-11-zhangwei-sales.yaml"
    text = handover.read_text(encoding="utf-8").replace("name: 苏州澄泓精密机械有限公司", 'name: "=HYPERLINK(1)"', 1)
    handover.write_text(text, encoding="utf-8")
    code, out, err = cli("export", "owner-transfer", str(handover), "--format", "hubspot", root=project)
    assert code == 0, err
    assert "'=HYPERLINK(1)" in out


# -- the story, in a new company's repository ---------------------------------------------------------------------

def test_in_a_fresh_init_repository_coverage_warns_and_an_xlsx_import_fills_the_customers(cli: Cli,
                                                                                         tmp_path: Path) -> None:
    root = tmp_path / "company-handbook"
    assert cli("init", str(root), "--company", "苏州澄泓科技", root=tmp_path)[0] == 0
    roster = root / "handbook" / "people.yaml"
    roster.write_text(roster.read_text(encoding="utf-8")
                      + "  - {id: lina, name: 李娜, department: sales, email: lina@example.com}\n"
                      + "  - {id: liuyang, name: 刘洋, department: sales, email: liuyang@example.com}\n", encoding="utf-8")
    # A year ago lina left and gave zhangwei the customer C-90001.
    earlier = new_handover(cli, root, leaver="lina", successors=("zhangwei",), dates=("2025-05-15", "2025-06-30"))
    table = xlsx(tmp_path / "lina.xlsx", [CHINESE[:2], ["C-90001", "苏州澄泓科技有限公司"]])
    assert run_import(cli, root, table, earlier)[0] == 0

    # Now zhangwei leaves; his CRM export has only his newer customer.
    handover = new_handover(cli, root, successors=("liuyang",))
    mine = xlsx(tmp_path / "zhangwei.xlsx", [CHINESE, ["C-90002", "杭州禾鲜优选有限公司", "生鲜电商", "成交客户", "赵六", "店长",
                                                        "13900000002", "", "张伟", ""]])
    code, out, err = run_import(cli, root, mine, handover)
    assert code == 0, err
    problems = check(cli, root, handover)
    [missing] = [p for p in problems if p["rule"] == "coverage-customer-missing"]
    assert "苏州澄泓科技有限公司 (C-90001)" in missing["message"] and "李娜 (lina)" in missing["message"]
    assert {p["rule"] for p in problems if p["pointer"].startswith("/customers/")} == {"placeholder"}

    # Importing lina's export into his file too covers it.
    assert run_import(cli, root, table, handover, "--all-owners")[0] == 0
    assert not [p for p in check(cli, root, handover) if p["rule"].startswith("coverage-")]
