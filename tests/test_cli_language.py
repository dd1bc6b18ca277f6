"""The command line's own texts speak the command's language: --help of every command, argparse's headings
and its usage errors, all from the one catalogue."""
from __future__ import annotations

import argparse
import ast
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.cli import _parser
from generator.i18n import CATALOGUE, catalogue, use_language
from generator.i18n.argparse_words import MSGIDS, argparse_speaks, columns

from .helpers import REPO, CliResult

CHINESE = re.compile(r"[\u3400-\u9fff]")
# Three lower-case English words in a row: a sentence, which option names, choices and file names are not.
ENGLISH_WORDS = re.compile(r"(?<![\w./'-])[a-z]{2,}(?: [a-z]{2,}){2}(?![\w./'-])")


def handover(*args: str, cwd: Path, language: str | None = None, columns: int = 100) -> subprocess.CompletedProcess[str]:
    """The real command in a process of its own, as a user runs it (no HANDOVER_LANG unless ``language``)."""
    env = {k: v for k, v in os.environ.items() if k != "HANDOVER_LANG"}
    env.update({"COLUMNS": str(columns), "PYTHONPATH": str(REPO)}, **({"HANDOVER_LANG": language} if language else {}))
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, check=False)


def _english_sentences(text: str) -> list[str]:
    said = [e for key, e in catalogue("en").items() if key.startswith(("cli_help_", "argparse_")) and " " in e.strip()]
    return [e for e in said if e.strip() in text] + ENGLISH_WORDS.findall(text)


@pytest.mark.parametrize("command", [[], ["check"], ["remind"]], ids=["handover", "check", "remind"])
def test_help_speaks_chinese_by_default(project: Path, command: list[str]) -> None:
    result = handover(*command, "--help", cwd=project)
    assert result.returncode == 0 and result.stderr == ""
    help_text = result.stdout
    assert help_text.startswith(f"用法：handover {' '.join(command)}".rstrip() + " [-h]")
    assert "\n选项：\n" in help_text and "显示这个帮助信息并退出" in help_text
    assert _english_sentences(help_text) == []
    for english in ("usage:", "options:", "positional arguments", "show this help", "(default:"):
        assert english not in help_text


def test_help_says_what_each_command_does(project: Path) -> None:
    help_text = handover("--help", cwd=project).stdout
    assert "\n命令：\n" in help_text and "交接知识库：检查、新建和发布离职交接资料。" in help_text
    assert re.search(r"\n    check +检查交接文件和人员名单\n", help_text)
    assert re.search(r"\n    remind +今天要提醒谁做什么", help_text)
    check = handover("check", "--help", cwd=project).stdout
    assert "\n位置参数：\n  路径 " in check and "--jobs 进程数" in check and "输出格式（默认：text）" in check
    remind = handover("remind", "--help", cwd=project).stdout
    assert "--today 日期" in remind and "--send 发到哪里（可重复）" in remind


def test_lang_en_shows_english_help(project: Path) -> None:
    result = handover("--lang", "en", "check", "--help", cwd=project, language="zh")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: handover check [-h]")
    assert "\npositional arguments:\n  PATH " in result.stdout and "\noptions:\n" in result.stdout
    assert "output format (default: text)" in result.stdout and "--jobs N" in result.stdout
    assert not CHINESE.search(result.stdout)
    assert handover("--lang=en", "--help", cwd=project).stdout.startswith("usage: handover [-h]")
    assert handover("--help", cwd=project, language="en").stdout.startswith("usage: handover [-h]")
    # Abbreviated, as argparse accepts it; a command's own option that starts the same way is not it.
    assert handover("--la", "en", "check", "--format", "x", cwd=project).stderr.startswith("usage: handover")
    assert handover("new", "--la", "en", "--help", cwd=project, language="zh").stdout.startswith("用法：")


def _set_project_language(project: Path, value: str) -> None:
    (project / "pyproject.toml").write_text(f"[tool.handover]\nlanguage = \"{value}\"\n", encoding="utf-8")


def test_the_project_setting_chooses_the_help_language(project: Path, tmp_path: Path) -> None:
    _set_project_language(project, "en")
    assert handover("remind", "--help", cwd=project).stdout.startswith("usage: handover remind")  # found from here
    assert handover("--root", str(project), "--help", cwd=tmp_path).stdout.startswith("usage: handover")
    assert handover(f"--root={project}", "--help", cwd=tmp_path).stdout.startswith("usage: handover")
    assert handover("--lang", "zh", "--help", cwd=project).stdout.startswith("用法：handover")


def test_a_broken_project_setting_leaves_the_help_chinese_and_is_reported_when_the_command_runs(project: Path) -> None:
    _set_project_language(project, "fr")
    result = handover("check", "--help", cwd=project)
    assert result.returncode == 0 and result.stdout.startswith("用法：handover check") and result.stderr == ""
    result = handover("check", "--format", "xml", cwd=project)
    assert result.returncode == 2 and "无效的选择：'xml'" in result.stderr
    result = handover("check", cwd=project)
    assert result.returncode == 1 and "[tool.handover] language 只能是 \"zh\"（中文）或 \"en\"（英文），而不是 'fr'" in result.stderr
    (project / "pyproject.toml").write_text("[tool.handover\n", encoding="utf-8")
    assert handover("--help", cwd=project).stdout.startswith("用法：handover")


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HANDOVER_LANG")


def _usage_error(cli: Callable[..., CliResult], project: Path, *args: str) -> str:
    code, out, err = cli(*args, root=project)
    assert code == 2 and out == ""
    first, *_ = err.splitlines()
    assert first.startswith(("用法：handover", "usage: handover"))
    return err


def test_a_missing_required_option_is_said_in_chinese(cli: Callable[..., CliResult], project: Path, chinese: None) -> None:
    err = _usage_error(cli, project, "new", "--role", "sales")
    assert err.startswith("用法：handover new [-h] --role 岗位 --leaver 人员ID")
    assert err.endswith("handover：缺少必需的参数：--leaver\n")
    assert _english_sentences(err) == [] and "usage" not in err and "error" not in err
    assert _usage_error(cli, project).endswith("handover：缺少必需的参数：命令\n")  # no command at all


def test_an_invalid_choice_is_said_in_chinese(cli: Callable[..., CliResult], project: Path, chinese: None) -> None:
    err = _usage_error(cli, project, "check", "--format", "xml")
    assert err.startswith("用法：handover check [-h] [--format {codequality,github,json,text}]")
    assert "--format" in err and "无效的选择：'xml'（可选：'codequality', 'github', 'json', 'text'）\n" in err
    if sys.version_info >= (3, 11):  # before 3.11 argparse says "argument X: " without asking gettext
        assert err.endswith("handover：参数 --format：无效的选择：'xml'（可选：'codequality', 'github', 'json', 'text'）\n")
    assert "无效的选择：'frobnicate'（可选：'check', 'new'," in _usage_error(cli, project, "frobnicate")


def test_an_unknown_option_is_said_in_chinese(cli: Callable[..., CliResult], project: Path, chinese: None) -> None:
    assert _usage_error(cli, project, "check", "--frobnicate").endswith("handover：不认识的参数：--frobnicate\n")
    assert "需要一个值" in _usage_error(cli, project, "check", "--jobs")
    assert "应为不小于 1 的整数，而不是 '0'" in _usage_error(cli, project, "check", "--jobs", "0")


def test_usage_errors_in_english_on_request(cli: Callable[..., CliResult], project: Path, chinese: None) -> None:
    err = _usage_error(cli, project, "--lang", "en", "new", "--role", "sales")
    assert err.startswith("usage: handover new [-h] --role ROLE --leaver ID")
    assert err.endswith("handover: the following arguments are required: --leaver\n")
    err = _usage_error(cli, project, "--lang=en", "check", "--format", "xml")
    assert err.endswith("invalid choice: 'xml' (choose from 'codequality', 'github', 'json', 'text')\n")
    assert not CHINESE.search(err)


def test_usage_errors_exit_2_on_stderr_from_the_real_command(project: Path) -> None:
    result = handover("new", "--role", "sales", cwd=project)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.endswith("handover：缺少必需的参数：--leaver\n")


def test_what_was_typed_reaches_the_terminal_as_escapes(cli: Callable[..., CliResult], project: Path, chinese: None) -> None:
    err = _usage_error(cli, project, "check", "--x\x1b]0;owned\x07\nforged")
    assert "\x1b" not in err and "\x07" not in err
    assert err.endswith("handover：不认识的参数：--x\\u001b]0;owned\\u0007\\u000aforged\n")
    code, _, err = cli("check", "no\x1b[2Jsuch\nforged line", root=project)  # a path: said by handover itself
    assert code == 2 and err == "handover：no\\u001b[2Jsuch\\u000aforged line：没有这个文件或文件夹\n"


# -- every word from the catalogue ------------------------------------------------------------------------------


def _parsers(parser: argparse.ArgumentParser, name: str = "handover") -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command, sub in action.choices.items():
                yield from _parsers(sub, f"{name} {command}")


def _texts(language: str) -> dict[str, str | None]:
    """Every text of the whole command line's help, by where it is said."""
    with use_language(language), argparse_speaks():
        parser = _parser()
    found: dict[str, str | None] = {}
    for name, sub in _parsers(parser):
        found[f"{name}: description"] = sub.description
        found.update({f"{name}: heading {i}": group.title for i, group in enumerate(sub._action_groups)})
        for action in sub._actions:
            where = f"{name} {'/'.join(action.option_strings) or action.dest}"
            found[f"{where}: help"] = action.help
            if action.nargs != 0 and action.choices is None:  # it takes a value: the value's name is said too
                found[f"{where}: metavar"] = action.metavar
            for choice in getattr(action, "_choices_actions", []):
                found[f"{name} {choice.dest}: help"] = choice.help
    return found


def test_every_option_of_every_command_says_its_help_from_the_catalogue() -> None:
    zh, en = _texts("zh"), _texts("en")
    assert zh.keys() == en.keys() and len(zh) > 150
    assert {k for k in zh if k.endswith(": help")} >= {"handover check --jobs/-j: help", "handover remind --channel: help",
                                                        "handover export file: help", "handover new --leaver: help"}
    for language, texts in (("zh", zh), ("en", en)):
        words = set(catalogue(language).values())
        missing = [where for where, text in texts.items() if text not in words]
        assert missing == [], f"{language}: add these to generator/i18n/messages.py (cli_help_...): {missing}"
    untranslated = [where for where in zh if zh[where] == en[where]]
    assert untranslated == []
    assert not [where for where, text in zh.items() if not CHINESE.search(str(text))]


def test_every_word_argparse_asks_for_is_in_the_catalogue() -> None:
    """The msgids of the running Python's argparse; a newer Python's new word fails here, not on a user's screen."""
    asked = set()
    for node in ast.walk(ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
            asked |= {a.value for a in node.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    assert len(asked) > 30
    assert sorted(asked - set(MSGIDS)) == []


@pytest.mark.parametrize("key", sorted(k for k in CATALOGUE if k.startswith("argparse_")))
def test_argparse_words_keep_their_placeholders(key: str) -> None:
    chinese, english = CATALOGUE[key]
    placeholders = re.compile(r"%(?:\(\w+\))?[sr]")
    assert sorted(placeholders.findall(chinese)) == sorted(placeholders.findall(english)), key


def test_chinese_help_uses_full_width_punctuation() -> None:
    for key, (chinese, _) in CATALOGUE.items():
        if key.startswith(("cli_help_", "argparse_")):
            assert not re.search(r"[\u3400-\u9fff][,:;()]|[,:;()][\u3400-\u9fff]", chinese), (key, chinese)


def test_argparse_speaks_only_inside_its_block() -> None:
    with use_language("zh"), argparse_speaks():
        assert argparse._("usage: ") == "用法："
        assert argparse.ngettext("expected %s argument", "expected %s arguments", 2) == "需要 %s 个值"
    assert argparse._("usage: ") == "usage: "
    assert argparse.ngettext("expected %s argument", "expected %s arguments", 2) == "expected %s arguments"


# -- laid out in columns, not characters ------------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 100])
def test_chinese_help_fits_the_terminal_and_lines_up(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    with use_language("zh"), argparse_speaks():
        parsers = list(_parsers(_parser()))
        for name, parser in parsers:
            lines = parser.format_help().splitlines()
            assert max(map(columns, lines)) <= width, (name, [line for line in lines if columns(line) > width])
            # The help of every option starts in one column, whether the option's name holds Chinese or not,
            # beside its name or on a line of its own (after the usage, which ends at the first blank line).
            starts = set()
            for line in lines[lines.index(""):]:
                if beside := re.match(r"^( +\S+(?: \S+)*  +)\S", line):
                    starts.add(columns(beside.group(1)))
                elif (alone := re.match(r"^( +)\S", line)) and len(alone.group(1)) > 4:
                    starts.add(len(alone.group(1)))
            assert len(starts) == 1, (name, starts)
    assert len(parsers) == 18
