"""The one catalogue: every message in Chinese and English, chosen once at the command's edge."""
from __future__ import annotations

import ast
import os
import re
import shutil
import string
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.fanout import ordered_map
from generator.i18n import CATALOGUE, LANGUAGES, catalogue, choose_language, current_language, message, use_language
from generator.i18n.labels import LABELS
from generator.i18n.messages import MESSAGES

from .gitrepo import GitRepo
from .helpers import CASES, REPO, CliResult

# Every module's user-facing words come from the catalogue, but for these: a developer's tool that writes the
# guide's rule table (python -m generator.check.catalog) and says so in English to the developer.
DEVELOPER_TOOLS = {"generator/check/catalog.py"}
MODULES = sorted(path.relative_to(REPO).as_posix() for path in (REPO / "generator").rglob("*.py")
                   if path.relative_to(REPO).as_posix() not in DEVELOPER_TOOLS)
# Calls whose message argument must be a catalogue call, never a literal.
MESSAGE_CALLS = {"Problem", "UsageError", "HandoverError", "ProjectError", "AlreadyExists", "WorkerFailed",
                 "ArgumentTypeError"}


def _fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_has_both_languages_with_the_same_fields(key: str) -> None:
    chinese, english = CATALOGUE[key]
    assert chinese.strip() and english.strip(), key
    assert _fields(chinese) == _fields(english), key


def test_labels_and_messages_share_no_key() -> None:
    assert not set(LABELS) & set(MESSAGES)


def _literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(node.value.strip())
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and str(v.value).strip(" :;,/()") for v in node.values)
    if isinstance(node, ast.BinOp):
        return _literal(node.left) or _literal(node.right)
    if isinstance(node, ast.IfExp):
        return _literal(node.body) or _literal(node.orelse)
    return False


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def _literal_messages(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            # Problem(file, line, column, pointer, severity, rule, message, hint): only the last two are words
            words = node.args[6:] if name == "Problem" else node.args if name in MESSAGE_CALLS | {"print"} else []
            words = node.args[3:] if name in ("problem", "refuse") else words  # the loader's (mark, pointer, rule, ...)
            words += [k.value for k in node.keywords if k.arg in ("message", "hint")]
            found += [f"{path.name}:{node.lineno} {name}(...)" for a in words if _literal(a)]
    return found


@pytest.mark.parametrize("module", MODULES)
def test_modules_say_nothing_outside_the_catalogue(module: str) -> None:
    assert _literal_messages(REPO / module) == []


def test_the_scan_sees_a_literal_message(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('raise UsageError(f"{path}: no such file")\nProblem(f, 1, 1, "", "error", "r", message="x")\n'
                      'raise UsageError(message("cli_no_such_path", path=path))\n', encoding="utf-8")
    assert len(_literal_messages(sample)) == 2


def test_language_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HANDOVER_LANG")
    assert choose_language() == "zh"
    assert choose_language(configured="en") == "en"
    monkeypatch.setenv("HANDOVER_LANG", "zh_CN.UTF-8")
    assert choose_language(configured="en") == "zh"
    assert choose_language("en", configured="zh") == "en"
    monkeypatch.setenv("HANDOVER_LANG", "fr")  # unknown: the next source decides
    assert choose_language(configured="en") == "en"


def test_message_follows_the_language_in_use() -> None:
    with use_language("zh"):
        assert current_language() == "zh"
        assert message("cli_no_such_path", path="a.yaml") == "a.yaml：没有这个文件或文件夹"
        with use_language("en"):
            assert message("cli_no_such_path", path="a.yaml") == "a.yaml: no such file or folder"
        assert current_language() == "zh"
    assert set(LANGUAGES) == {"zh", "en"}


def test_chinese_is_the_default(cli: Callable[..., CliResult], project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HANDOVER_LANG")
    code, _, err = cli("status", "--person", "nobody", root=project)
    assert code == 2 and "--person nobody：不在 handbook/people.yaml 里" in err


def test_lang_option_beats_the_environment(cli: Callable[..., CliResult], project: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDOVER_LANG", "zh")
    code, _, err = cli("--lang", "en", "status", "--person", "nobody", root=project)
    assert code == 2 and "--person nobody: not in handbook/people.yaml" in err


def test_the_project_setting_chooses_when_nothing_else_does(cli: Callable[..., CliResult], project: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HANDOVER_LANG")
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8") if pyproject.exists() else ""
    pyproject.write_text(text.replace("[tool.handover]\n", "[tool.handover]\nlanguage = \"en\"\n")
                         if "[tool.handover]\n" in text else text + "\n[tool.handover]\nlanguage = \"en\"\n",
                         encoding="utf-8")
    code, _, err = cli("status", "--person", "nobody", root=project)
    assert code == 2 and "not in handbook/people.yaml" in err
    monkeypatch.setenv("HANDOVER_LANG", "zh")
    assert "不在 handbook/people.yaml 里" in cli("status", "--person", "nobody", root=project)[2]


def test_a_wrong_project_language_says_what_is_allowed(cli: Callable[..., CliResult], project: Path) -> None:
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8") if pyproject.exists() else ""
    pyproject.write_text(text.replace("[tool.handover]\n", "[tool.handover]\nlanguage = \"fr\"\n")
                         if "[tool.handover]\n" in text else text + "\n[tool.handover]\nlanguage = \"fr\"\n",
                         encoding="utf-8")
    code, _, err = cli("status", root=project)
    assert code == 1 and "language must be \"zh\" (Chinese) or \"en\" (English), not 'fr'" in err


def _say_nothing_found(_: int) -> tuple[int, str]:
    return os.getpid(), message("cli_no_problems")


def test_forked_workers_speak_the_command_language() -> None:
    for language, words in (("zh", "没有发现问题"), ("en", "no problems found")):
        with use_language(language):
            said = ordered_map(_say_nothing_found, list(range(8)), jobs=2)
        assert {text for _, text in said} == {words}
        assert {pid for pid, _ in said} - {os.getpid()}, "the task ran in this process, not in forked workers"


def test_check_speaks_chinese_by_default(cli: Callable[..., CliResult], project: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HANDOVER_LANG")
    code, out, _ = cli("check", "--jobs", "2", root=project)
    assert code == 0
    assert ": 警告：" in out and "    提示：" in out
    assert out.strip().splitlines()[-1].startswith("0 个错误，")
    code, out, _ = cli("--lang", "en", "check", root=project)
    assert ": warning: " in out and out.strip().endswith("warning(s)")


def test_usage_errors_of_actions_speak_chinese(cli: Callable[..., CliResult], project: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HANDOVER_LANG")
    code, _, err = cli("new", "--role", "sales", "--leaver", "nobody", root=project)
    assert code == 2 and "不在 handbook/people.yaml 里：nobody" in err
    code, _, err = cli("new", "--role", "sales", "--leaver", "nobody", "--last-day", "2026/12/31", root=project)
    assert code == 2 and "请写成 年-月-日" in err


def test_schema_problems_speak_chinese_in_forked_workers(cli: Callable[..., CliResult], project: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HANDOVER_LANG")
    handover = sorted((project / "handbook" / "handovers").glob("*.yaml"))[0]
    handover.write_text(handover.read_text(encoding="utf-8") + "\nunknwon_key: 1\n", encoding="utf-8")
    code, out, _ = cli("check", "--jobs", "2", root=project)
    assert code == 1
    assert "不认识的字段“unknwon_key”" in out and "提示：检查拼写；这里允许的字段有：" in out
    code, out, _ = cli("--lang", "en", "check", "--jobs", "2", root=project)
    assert "unknown field 'unknwon_key'" in out and "hint: check the spelling; fields allowed here:" in out


def test_a_schema_problem_says_where_in_chinese_words(empty_project: Path, cli: Callable[..., CliResult],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HANDOVER_LANG")
    path = "handbook/handovers/impossible-date.yaml"
    shutil.copy2(CASES / "invalid" / "impossible-date.yaml", empty_project / path)
    code, out, _ = cli("check", root=empty_project)
    assert code == 1
    assert f"{path}:33:10: 错误：第 1 个待办事项「发送续约报价」的截止日期：不是有效的日期（年-月-日） [schema-format]" in out
    assert "    提示：写一个真实的日期，格式为 年-月-日，例如 2026-11-30" in out


def test_secret_problems_speak_chinese(cli: Callable[..., CliResult], project: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HANDOVER_LANG")
    handover = sorted((project / "handbook" / "handovers").glob("*.yaml"))[0]
    handover.write_text(handover.read_text(encoding="utf-8") + "\n# 服务器密码 Qw3rty!9\n", encoding="utf-8")
    code, out, _ = cli("check", root=project)
    assert code == 1
    assert "看起来是密钥或密码（password in Chinese text）：不要把它写进交接资料 [secret]" in out
    assert "提示：从这里删除它，并更换它" in out


def test_scan_and_staged_speak_chinese(cli: Callable[..., CliResult], project: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HANDOVER_LANG")
    code, _, err = cli("scan", "--staged", root=project)  # the project copy is no git repository
    assert code == 2 and "不在 git 仓库里：--staged 检查的是 git commit 将要记录的内容" in err
    code, _, err = cli("install-hook", root=project)
    assert code == 2 and "这里不是 git 仓库" in err
    hook = project / ".git" / "hooks" / "pre-commit"
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    hook.parent.mkdir(parents=True, exist_ok=True)
    hook.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    code, _, err = cli("install-hook", root=project)
    assert code == 2 and "已存在且不是本工具安装的" in err


def test_scan_history_speaks_chinese(cli: Callable[..., CliResult], project: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HANDOVER_LANG")
    git = GitRepo(project)
    leak = git.commit("Oops", by="zhangwei", files={"handbook/handovers/leak.md": "服务器密码 Qw3rty!9\n"})
    code, out, _ = cli("scan-history", root=project)
    assert code == 1
    assert f": 错误：看起来是密钥或密码（password in Chinese text）：不要把它写进交接资料 [secret]（提交 {leak[:10]}）" in out
    assert out.strip().endswith("git 历史中有 1 处密钥：逐个更换，然后从历史中清除（见 guide/security.md）")


def test_delivery_reports_speak_chinese(cli: Callable[..., CliResult], project: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.notify.channels import CHANNELS
    from generator.notify.email import Delivery, Failure
    from generator.notify.robot import RobotDelivery, Verdict

    monkeypatch.delenv("HANDOVER_LANG")
    for name in ("HANDOVER_SMTP_HOST", "HANDOVER_WECOM_WEBHOOK"):
        monkeypatch.delenv(name, raising=False)
    code, _, err = cli("remind", "--send", root=project)
    assert code == 2 and "没有可发送的渠道，所以什么也没有发出" in err
    code, _, err = cli("remind", "--send", "--channel", "wecom", root=project)
    assert code == 2 and "--channel wecom 需要设置 HANDOVER_WECOM_WEBHOOK（群机器人的 webhook 地址）" in err
    with use_language("zh"):
        failed = Failure("张伟", "zhangwei@example.com", 550, "no such user", "recipient")
        report = Delivery(1, 2, (failed,), "mail.example.com:587").report()
        robot = RobotDelivery(CHANNELS["wecom"], 1, 2, ("张伟", "李娜"), 0, (), 1, Verdict(True)).report()
    assert report.startswith("已发出 1 封邮件；略过 2 条提醒")
    assert "  - 张伟 <zhangwei@example.com>：邮件服务器拒收：550 no such user；请检查 people.yaml 中此人的邮箱地址" in report
    assert robot == "企业微信（wecom）：已发出 1 条消息，含 2 条提醒，涉及 2 人（张伟、李娜）；0 条提醒今天已发过"


def test_status_text_speaks_chinese(cli: Callable[..., CliResult], project: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.model.readiness import Readiness

    monkeypatch.delenv("HANDOVER_LANG")
    GitRepo(project).commit("Start", by="luoping")
    code, out, _ = cli("status", root=project)
    assert code == 0 and "：待离职人签字\n" in out and " 未签字" in out
    roles = {line.split()[0] for line in out.splitlines() if line.startswith("    ") and not line.startswith("    !")}
    assert roles == {"离职人", "接手人", "审批人"}, out  # never the internal leaver/successor/manager
    code, out, _ = cli("status", "--format", "json", root=project)
    assert '"state": "missing"' in out and '"state": "awaiting-leaver"' in out and '"role": "successor"' in out
    with use_language("zh"):
        reasons = Readiness(("/checklist/0/notes",), ("c1", "c2")).reasons()
    assert reasons == ("核对清单中仍有待办事项：c1、c2", "模板占位符“待填写”仍在：/checklist/0/notes")


def test_import_customers_speaks_chinese(cli: Callable[..., CliResult], empty_project: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from .test_crm import CHINESE, new_handover, run_import, sales_rows, xlsx

    handover = new_handover(cli, empty_project)
    monkeypatch.delenv("HANDOVER_LANG")
    rows = [CHINESE[:2], ["C-1", "甲公司"], ["", "乙公司"]]
    code, _, err = run_import(cli, empty_project, xlsx(tmp_path / "rows.xlsx", rows, title=None), handover)
    assert code == 2 and "第 3 行：“客户编号”列中没有客户 id" in err and "请在导出文件中改正这些行，然后重新导入" in err
    code, out, err = run_import(cli, empty_project, xlsx(tmp_path / "sales.xlsx", sales_rows()), handover)
    assert code == 0, err
    assert "个客户：苏州澄泓科技有限公司（C-10023）、" in out and "略过了属于其他人的行" in out


def test_tables_and_certificate_speak_chinese(cli: Callable[..., CliResult], empty_project: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.actions.certificate import CertificateError, find_chromium

    from .test_crm import new_handover, run_import

    handover = new_handover(cli, empty_project)
    monkeypatch.delenv("HANDOVER_LANG")
    old = tmp_path / "客户.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    code, _, err = run_import(cli, empty_project, old, handover)
    assert code == 2 and "无法读取旧版 Excel 格式（.xls）" in err
    code, _, err = run_import(cli, empty_project, tmp_path / "没有.csv", handover)
    assert code == 2 and "没有.csv：没有这个文件" in err
    with use_language("zh"), pytest.raises(CertificateError, match="没有这个程序；请把它设为 Chromium 的路径"):
        find_chromium({"HANDOVER_CHROMIUM": "no-such-chromium-here"})


def test_a_dead_worker_is_reported_in_chinese() -> None:
    from generator.errors import WorkerFailed

    parent = os.getpid()

    def task(n: int) -> int:
        if n == 30 and os.getpid() != parent:
            os._exit(3)  # as the out-of-memory killer would end it
        return n

    with use_language("zh"), pytest.raises(WorkerFailed, match="工作进程没做完就退出了.*--jobs 1 只用当前进程"):
        ordered_map(task, list(range(40)), jobs=2)


def test_status_text_names_each_party_given_the_roster(project: Path) -> None:
    from generator.output.status import Signatures, as_text
    from generator.project import Project
    from generator.session import Session

    GitRepo(project).commit("Start", by="luoping")
    session = Session(Project.at(project))
    handbook = session.check().handbook
    assert handbook is not None
    shown = Signatures(list(session.audits(handbook).values()), handbook.roster.people)
    with use_language("zh"):
        zh = [line.split()[:3] for line in as_text(shown).splitlines()]
    with use_language("en"):
        en = [line.split()[:4] for line in as_text(shown).splitlines()]
    assert ["离职人", "张伟", "未签字"] in zh and ["接手人", "李娜", "未签字"] in zh and ["审批人", "王芳", "未签字"] in zh
    assert ["leaver", "Zhang", "Wei", "missing"] in en
    assert not any(words[1] in ("zhangwei", "lina", "wangfang") for words in zh if len(words) > 1)


def test_chinese_entries_use_full_width_punctuation() -> None:
    """Every Chinese label and message: no half-width comma, colon, semicolon or bracket next to a Chinese character."""
    for key, text in catalogue("zh").items():
        if key not in ("colon", "semicolon", "list_separator") and re.search(r"[\u3400-\u9fff]", text):
            assert not re.search(r"[\u3400-\u9fff][,:;()]|[,:;()][\u3400-\u9fff]", text), (key, text)
