"""One departure from start to finish, the way the people who use handover-kb go through it.

A company starts its handbook with ``handover init`` (GitLab), HR adds people, a sales rep who is leaving
creates his handover and makes the mistakes hurried people make, each answered in Chinese with the fix; his
CRM export (a real .xlsx) fills the customers; the coverage check finds a customer an earlier handover gave
him that he left out; reminders reach 企业微信, 钉钉 and 飞书 robots on 127.0.0.1 that verify the signatures;
he signs, the successor and the manager approve in GitLab's merge request, and the merge commit GitLab
writes completes the sign-off. Nothing is mocked: real files, real git, the real CLI.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .gitrepo import GitRepo, email
from .helpers import CliResult, xlsx
from .vendors import Vendors, serve_vendors

Cli = Callable[..., CliResult]
HANDOVER = "handbook/handovers/2026-12-zhangwei-sales.yaml"
EARLIER = "handbook/handovers/2025-06-chenjing-sales.yaml"
TODAY = "2026-12-14"  # a Monday in the transition: the first checklist items fall due this week
# What HR adds to the two example people: the successor with her chat ids, and a colleague who left last year.
ROSTER = ("  - {id: lina, name: 李娜, name_en: Li Na, department: sales, title: 客户经理, email: lina@example.com,"
          " wecom_userid: LiNa, dingtalk_userid: dt-lina, feishu_open_id: ou_0000lina0000}\n"
          "  - {id: chenjing, name: 陈静, name_en: Chen Jing, department: sales, title: 客户经理,"
          " email: chenjing@example.com, active: false}\n")
HEADERS = ["客户编号", "客户名称", "行业", "客户阶段", "联系人", "职位", "手机", "邮箱", "负责人"]


@pytest.fixture
def vendors(monkeypatch: pytest.MonkeyPatch) -> Iterator[Vendors]:
    yield from serve_vendors(monkeypatch)


def zh(cli: Cli, root: Path, *args: str) -> CliResult:
    """The command as a Chinese user runs it: the project's default language, not the suite's English."""
    return cli("--lang", "zh", *args, root=root)


def problems(cli: Cli, root: Path, path: str) -> tuple[int, list[dict[str, str]]]:
    code, out, err = zh(cli, root, "check", "--format", "json", str(root / path))
    assert code in (0, 1), err
    return code, json.loads(out)


def edited(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    return text.replace(old, new, 1)


def finish(path: Path) -> None:
    """What a leaver does by the last day: every placeholder replaced by the real text, every item done."""
    text = path.read_text(encoding="utf-8")
    text = text.replace("待填写/", "https://docs.example.com/").replace("待填写:", "").replace("待填写", "")
    text = re.sub(r"status: (todo|doing|pending)", "status: done", text).replace("returned: false", "returned: true")
    path.write_text(text, encoding="utf-8")


def test_a_departure_from_init_to_the_merged_sign_off(cli: Cli, tmp_path: Path, vendors: Vendors,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "company-handbook"
    code, out, err = zh(cli, tmp_path, "init", str(root), "--forge", "gitlab", "--company", "苏州澄泓科技")
    assert code == 0, err
    repo = GitRepo(root)
    roster = root / "handbook" / "people.yaml"
    people = roster.read_text(encoding="utf-8").replace("email: zhangwei@example.com}", "email: zhangwei@example.com, "
                                                        "wecom_userid: ZhangWei, dingtalk_userid: dt-zw-0001}")
    roster.write_text(people + ROSTER, encoding="utf-8")
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("site_url: https://kb.example.com/\n")
    repo.commit("花名册", by="wangfang")

    # Last year 陈静 left and gave 张伟 the customer C-90001.
    code, out, err = zh(cli, root, "new", "--role", "sales", "--leaver", "chenjing", "--successor", "zhangwei",
                        "--notice-date", "2025-05-15", "--last-day", "2025-06-30")
    assert code == 0, err
    table = xlsx(tmp_path / "陈静.xlsx", [HEADERS[:2], ["C-90001", "苏州澄泓智能装备有限公司"]])
    code, out, err = zh(cli, root, "import", "customers", str(table), "--into", str(root / EARLIER), "--all-owners")
    assert code == 0, out + err
    finish(root / EARLIER)
    repo.commit("陈静的离职交接", by="chenjing")
    repo.sign("Signed-off-by", "chenjing", EARLIER)
    repo.sign("Acked-by", "zhangwei", EARLIER)
    repo.sign("Approved-by", "wangfang", EARLIER)

    # 张伟 gives notice; he creates his handover on a branch, as the guide says.
    repo.git("checkout", "-q", "-b", "zhangwei-leaves")
    code, out, err = zh(cli, root, "new", "--role", "sales", "--leaver", "zhangwei", "--successor", "lina",
                        "--notice-date", "2026-12-01", "--last-day", "2026-12-31")
    assert code == 0 and HANDOVER in out and "待填写" in out, out + err
    handover = root / HANDOVER
    template = handover.read_text(encoding="utf-8")

    # Each mistake a hurried person makes is one error, in Chinese, saying what to write instead.
    mistakes = [
        ("leaver: zhangwei", "leaver：zhangwei", "yaml-full-width", "全角冒号", '"leaver: zhangwei"'),
        ("  start: 2026-12-17", "\tstart: 2026-12-17", "yaml-tab", "制表符", '"  start: 2026-12-17"'),
        ("last_day: 2026-12-31", "last_day: 2026/12/31", "date-not-iso", "年-月-日", "2026-12-31"),
        ("last_day: 2026-12-31", "last_day: 2026年12月31日", "date-not-iso", "年-月-日", "2026-12-31"),
        ("successors: [lina]", "successors: [李娜]", "unknown-person", "是姓名", "lina (李娜)"),
        ("successors: [lina]", "successors: [lnia]", "unknown-person", "不在人员名单里", "lina (李娜)"),
    ]
    for right, wrong, rule, said, fix in mistakes:
        handover.write_text(template.replace(right, wrong, 1), encoding="utf-8")
        code, found = problems(cli, root, HANDOVER)
        [problem] = [p for p in found if p["rule"] == rule]
        assert code == 1 and problem["severity"] == "error", (wrong, found)
        assert said in problem["message"] and fix in problem["hint"], problem
        assert problem["line"] == template.splitlines().index(right) + 1, problem
    handover.write_text(template, encoding="utf-8")
    # The template's placeholders: each named in words, the required ones errors until filled.
    code, found = problems(cli, root, HANDOVER)
    placeholders = [p for p in found if p["rule"].startswith("placeholder")]
    assert code == 1 and placeholders and all("模板占位符 待填写" in p["message"] for p in placeholders)
    assert {p["rule"] for p in found if p["severity"] == "error"} == {"placeholder-required"}

    # His CRM export fills the customers (Chinese headers, a title row above them, as CRMs write it).
    export = xlsx(tmp_path / "张伟的客户.xlsx", [
        HEADERS,
        ["C-10023", "杭州禾鲜优选有限公司", "生鲜电商", "成交客户", "赵六", "店长", "13900000002", "zhao@hexian.example.com", "张伟"],
        ["C-10031", "宁波海曙精密模具有限公司", "制造业", "意向客户", "钱七", "采购经理", "13900000003", "", "张伟"]])
    code, out, err = zh(cli, root, "import", "customers", str(export), "--into", str(handover))
    assert code == 0 and "杭州禾鲜优选有限公司（C-10023）" in out, out + err
    code, found = problems(cli, root, HANDOVER)
    assert code == 0 and not [p for p in found if p["severity"] == "error"], found
    # ... but not the customer 陈静 gave him: a located warning names it and where it came from.
    [missing] = [p for p in found if p["rule"] == "coverage-customer-missing"]
    assert "苏州澄泓智能装备有限公司 (C-90001)" in missing["message"] and "陈静 (chenjing)" in missing["message"]
    assert "not_handed_over" in missing["hint"]
    handover.write_text(edited(handover, "\ncustomers:", "\nnot_handed_over:\n  customers:\n"
                               "    - {customer_id: \"C-90001\", reason: 客户已于 2026 年 9 月终止合作}\n\ncustomers:"),
                        encoding="utf-8")
    code, found = problems(cli, root, HANDOVER)
    assert code == 0 and not [p for p in found if p["rule"] == "coverage-customer-missing"], found
    # The CRM account 陈静 passed on to him is still a placeholder in his file: that is found too, until he fills it.
    [account] = [p for p in found if p["rule"].startswith("coverage-")]
    assert account["rule"] == "coverage-access-missing" and "CRM" in account["message"], account
    repo.commit("张伟的离职交接：客户", by="zhangwei")

    # Monday of the transition: the robots of three groups hear who has to do what, in Chinese, by name.
    state = tmp_path / "reminders.json"
    code, out, err = zh(cli, root, "remind", "--today", TODAY, "--send", "--channel", "wecom", "--channel",
                        "dingtalk", "--channel", "feishu", "--state", str(state))
    assert code == 0, out + err
    for vendor in ("wecom", "dingtalk", "feishu"):
        [posted] = vendors.received[vendor]  # accepted only with a valid signature and a fresh timestamp
        text = json.dumps(posted, ensure_ascii=False)
        assert "张伟" in text and "客户基础档案与沟通记录已逐一交接" in text and "还有 2 个工作日" in text, text
        assert "陈静" not in text  # her handover is finished and signed, and she has left
        assert "https://kb.example.com/handovers/2026-12-zhangwei-sales/" in text
        assert "zhangwei" not in re.sub(r"https://\S+", "", text) and "due-soon" not in text
    assert "<@ZhangWei>" in vendors.received["wecom"][0]["markdown"]["content"]
    assert vendors.received["dingtalk"][0]["at"]["atUserIds"] == ["dt-zw-0001"]
    code, out, err = zh(cli, root, "remind", "--today", TODAY, "--send", "--channel", "wecom", "--channel",
                        "dingtalk", "--channel", "feishu", "--state", str(state))
    assert code == 0 and all(len(vendors.received[v]) == 1 for v in ("wecom", "dingtalk", "feishu"))  # sent once

    # He finishes: every placeholder replaced, every item done; then he signs with `handover sign`.
    finish(handover)
    code, found = problems(cli, root, HANDOVER)
    assert code == 0 and not [p for p in found if p["rule"].startswith(("placeholder", "coverage-"))], found
    repo.commit("张伟的离职交接：完成", by="zhangwei")
    for variable, value in (("GIT_AUTHOR_NAME", "张伟"), ("GIT_AUTHOR_EMAIL", email("zhangwei")),
                            ("GIT_COMMITTER_NAME", "张伟"), ("GIT_COMMITTER_EMAIL", email("zhangwei"))):
        monkeypatch.setenv(variable, value)
    code, out, err = zh(cli, root, "sign", "--as", "leaver", str(handover))
    assert code == 0 and "离职人" in out, out + err

    # The merge request pipeline: 李娜 and 王芳 still have to sign, by name.
    code, out, err = zh(cli, root, "status", "--check", str(handover))
    assert code == 1 and "李娜" in out + err and "王芳" in out + err, out + err

    # Both approve in GitLab; the merge commit GitLab writes from the template init documented completes it.
    repo.git("checkout", "-q", "main")
    repo.gitlab_merge("zhangwei-leaves", "张伟的离职交接", (("李娜", "lina"), ("王芳", "wangfang")),
                      reference="company/handbook!1")
    code, out, err = zh(cli, root, "status", "--check", "--format", "json", str(handover))
    assert code == 0, out + err
    [entry] = json.loads(out)
    assert {(s["role"], s["person"], s["state"]) for s in entry["signoffs"]} == {
        ("leaver", "zhangwei", "signed"), ("successor", "lina", "signed"), ("manager", "wangfang", "signed")}
