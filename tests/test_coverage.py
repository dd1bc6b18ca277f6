"""Coverage: every customer and account earlier handovers gave a leaver is in their handover, or excused with a reason.

Real handover files in a copy of the project, checked through the real ``handover check``.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .helpers import CliResult

Cli = Callable[..., CliResult]

CHECKLIST = """checklist:
  - {id: customers-profiles, item: 客户档案已交接, status: todo}
  - {id: customers-introduced, item: 已介绍新对接人, status: todo}
  - {id: deals-history, item: 成交记录已核对, status: todo}
  - {id: relationship-map, item: 决策链已说明, status: todo}
  - {id: opportunities, item: 商机下一步已明确, status: n/a}
  - {id: complaints, item: 客诉已说明, status: n/a}
  - {id: crm-data, item: CRM 已更新, status: todo}
  - {id: sales-library, item: 资料库已移交, status: todo}
  - {id: accounts, item: 账号已处理, status: todo}
  - {id: assets-returned, item: 资产已归还, status: todo}
"""


def customer(cid: str, name: str, successor: str) -> str:
    return (f'  - id: "{cid}"\n    name: {name}\n    stage: contract\n    successor: {successor}\n'
            f"    profile: 老客户。\n")


def handover(leaver: str, successor: str, last_day: str, customers: str, access: str = "", extra: str = "") -> str:
    year, month = last_day[:4], last_day[5:7]
    return (f"schema_version: 1\nrole: sales\nleaver: {leaver}\nsuccessors: [{successor}]\nmanager: wangfang\n"
            f"notice_date: {year}-{month}-01\nlast_day: {last_day}\n"
            f"transition: {{start: {year}-{month}-02, end: {last_day}}}\n"
            f"summary: 交接客户。\ncustomers:\n{customers}" + (f"access:\n{access}" if access else "") + extra + CHECKLIST)


def write(project: Path, name: str, text: str) -> Path:
    path = project / "handbook" / "handovers" / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, start: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(start))


def coverage(cli: Cli, project: Path) -> list[dict[str, object]]:
    code, out, err = cli("check", "--format", "json", root=project)
    assert code == 0, err + out
    return [p for p in json.loads(out) if str(p["rule"]).startswith("coverage-")]


def test_a_customer_received_in_2025_and_left_out_in_2026_is_a_located_warning(cli: Cli, empty_project: Path) -> None:
    write(empty_project, "2025-06-lina-sales.yaml", handover(
        "lina", "zhangwei", "2025-06-13", customer("C-90001", "苏州澄泓科技有限公司", "zhangwei")
        + customer("C-90002", "杭州禾鲜优选有限公司", "zhangwei")))
    later = write(empty_project, "2026-11-zhangwei-sales.yaml", handover(
        "zhangwei", "liuyang", "2026-11-13", customer("C-90002", "杭州禾鲜优选有限公司", "liuyang")))

    [problem] = coverage(cli, empty_project)
    assert problem["file"] == "handbook/handovers/2026-11-zhangwei-sales.yaml"
    assert (problem["line"], problem["column"]) == (line_of(later, "customers:"), 1)
    assert problem["severity"] == "warning" and problem["rule"] == "coverage-customer-missing"
    message = str(problem["message"])
    assert "苏州澄泓科技有限公司 (C-90001)" in message  # the customer by name and id
    assert "Li Na (lina)" in message and "handbook/handovers/2025-06-lina-sales.yaml" in message  # who, in which handover
    assert 'customer_id: "C-90001"' in str(problem["hint"])

    code, out, _ = cli("check", str(later), root=empty_project)
    assert code == 0  # a warning: the check passes
    assert f"2026-11-zhangwei-sales.yaml:{line_of(later, 'customers:')}:1: warning: customer 苏州澄泓科技有限公司" in out


def test_listing_it_with_a_reason_silences_the_warning(cli: Cli, empty_project: Path) -> None:
    write(empty_project, "2025-06-lina-sales.yaml", handover(
        "lina", "zhangwei", "2025-06-13", customer("C-90001", "苏州澄泓科技有限公司", "zhangwei"),
        "  - {system: CRM, account: shared-east, action: transfer, to: zhangwei, status: done}\n"))
    excused = ('not_handed_over:\n  customers:\n    - customer_id: "C-90001"\n      reason: 合同到期,客户不再续约。\n'
               "  access:\n    - {system: ＣＲＭ, account: Shared-East, reason: 共享账号已由 IT 注销。}\n")
    write(empty_project, "2026-11-zhangwei-sales.yaml", handover(
        "zhangwei", "liuyang", "2026-11-13", customer("C-90003", "新客户有限公司", "liuyang"), extra=excused))
    assert coverage(cli, empty_project) == []


def test_accounts_transferred_to_the_leaver_must_be_dealt_with(cli: Cli, empty_project: Path) -> None:
    write(empty_project, "2025-06-lina-sales.yaml", handover(
        "lina", "zhangwei", "2025-06-13", customer("C-90001", "甲公司", "zhangwei"),
        "  - {system: CRM, account: shared-east, action: transfer, to: zhangwei, status: done}\n"
        "  - {system: 报价系统, account: lina, action: revoke, status: done}\n"
        '  - {system: 供应商门户, account: ext-lina, action: transfer, to: zhangwei, status: done, credential_ref: "op://s/p"}\n'))
    later = write(empty_project, "2026-11-zhangwei-sales.yaml", handover(
        "zhangwei", "liuyang", "2026-11-13", customer("C-90001", "甲公司", "liuyang"),
        # renamed on the way, same vault entry: the same account
        '  - {system: 供应商门户, account: ext-zhangwei, action: transfer, to: liuyang, status: pending, '
        'credential_ref: "op://s/p"}\n'))
    [problem] = coverage(cli, empty_project)
    assert problem["rule"] == "coverage-access-missing"
    assert (problem["line"], problem["column"]) == (line_of(later, "access:"), 1)
    assert "CRM / shared-east" in str(problem["message"]) and "Li Na (lina)" in str(problem["message"])


def test_ownership_follows_the_chain_and_only_earlier_last_days_count(cli: Cli, empty_project: Path) -> None:
    # lina -> zhangwei (2024) -> liuyang (2025): liuyang holds C-1 now, zhangwei no longer does.
    write(empty_project, "2024-03-lina-sales.yaml", handover("lina", "zhangwei", "2024-03-29", customer("C-1", "甲公司", "zhangwei")))
    write(empty_project, "2025-06-zhangwei-sales.yaml", handover(
        "zhangwei", "liuyang", "2025-06-13", customer("C-1", "甲公司", "liuyang")))
    # zhangwei comes back and leaves again in 2026 without C-1: nothing to report, it is liuyang's.
    write(empty_project, "2026-05-zhangwei-sales.yaml", handover(
        "zhangwei", "lina", "2026-05-29", customer("C-2", "乙公司", "lina")))
    # liuyang leaves on the same day as someone who hands him C-3: that handover is not earlier, so C-3 is not his yet.
    write(empty_project, "2026-11-chenjing-sales.yaml", handover(
        "chenjing", "liuyang", "2026-11-13", customer("C-3", "丙公司", "liuyang")))
    write(empty_project, "2026-11-liuyang-sales.yaml", handover(
        "liuyang", "lina", "2026-11-13", customer("C-9", "丁公司", "lina")))

    [problem] = coverage(cli, empty_project)
    assert problem["file"] == "handbook/handovers/2026-11-liuyang-sales.yaml"
    assert "甲公司 (C-1)" in str(problem["message"]) and "Zhang Wei (zhangwei)" in str(problem["message"])
    assert "2025-06-zhangwei-sales.yaml" in str(problem["message"])


def test_the_sample_handbook_names_the_group_zhangwei_received_and_left_out(cli: Cli, project: Path) -> None:
    found = coverage(cli, project)
    assert [(p["file"], p["rule"]) for p in found] == [
        ("handbook/handovers/2026-11-zhangwei-sales.yaml", "coverage-access-missing")]
    assert "企业微信客户群（澄泓、康屹）" in str(found[0]["message"])


def test_a_leaver_whose_role_has_no_customer_list_is_pointed_at_not_handed_over(cli: Cli, project: Path) -> None:
    # fengtao (an engineer) once took over a customer in a sales handover; his own handover has no customer list.
    write(project, "2025-06-lina-sales.yaml", handover("lina", "fengtao", "2025-06-13", customer("C-1", "甲公司", "fengtao")))
    engineer = project / "handbook" / "handovers" / "2026-11-fengtao-engineer.yaml"
    [problem] = [p for p in coverage(cli, project) if p["file"].endswith("fengtao-engineer.yaml")]
    assert (problem["line"], problem["column"]) == (line_of(engineer, "leaver:"), 1)
    assert "add it to this file's customers" not in str(problem["hint"]) and "not_handed_over" in str(problem["hint"])
    text = engineer.read_text(encoding="utf-8")
    engineer.write_text(text.replace("\nchecklist:", '\nnot_handed_over:\n  customers:\n    - {customer_id: "C-1", '
                                     "reason: 已转回销售部李娜的继任者。}\nchecklist:", 1), encoding="utf-8")
    assert not [p for p in coverage(cli, project) if p["file"].endswith("fengtao-engineer.yaml")]
