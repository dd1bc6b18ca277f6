"""Secrets never reach the handbook: a corpus of real-looking secrets, all caught; no false alarms."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import check_handbook
from generator.check.secrets import scan_text, scan_text_exhaustively, secret_problems
from generator.project import Project

from .conftest import CASES, REPO

CORPUS = sorted((CASES / "secrets").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+) secret$", re.MULTILINE)
CLEAN = sorted([*(REPO / "handbook").rglob("*.yaml"), *(REPO / "handbook").rglob("*.md"),
                *(REPO / "role_templates").glob("*.yaml"), *(CASES / "valid").glob("*.yaml")])


def test_the_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 20


@pytest.mark.parametrize("case", CORPUS, ids=lambda p: p.stem)
def test_every_secret_in_the_corpus_is_caught_on_its_line(case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    expected = {int(n) for n in EXPECT.findall(text)}
    found = {p.line for p in secret_problems(text, case.name)}
    assert expected and found == expected


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: str(p.relative_to(REPO)))
def test_no_false_alarm_in_the_sample_handbook_and_templates(path: Path) -> None:
    assert scan_text(path.read_text(encoding="utf-8"), path.name) == []


@pytest.mark.parametrize("path", CORPUS + CLEAN, ids=lambda p: p.stem)
def test_the_fast_scan_finds_what_an_exhaustive_scan_finds(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert scan_text(text, path.name) == scan_text_exhaustively(text, path.name)


def test_messages_never_repeat_the_secret() -> None:
    [problem] = secret_problems("summary: 密码 Admin@123\n", "x.yaml")
    assert "Admin@123" not in problem.message + problem.hint
    assert "credential_ref" in problem.hint


def test_check_reports_secrets_even_in_files_that_do_not_parse(empty_project: Path) -> None:
    broken = empty_project / "handbook" / "handovers" / "broken.yaml"
    broken.write_text("summary: [密码 Admin@123\n", encoding="utf-8")
    guide = empty_project / "handbook" / "guide" / "leak.md"
    guide.write_text("# 说明\n\n登录 ops / Qw3rty!9\n", encoding="utf-8")
    result = check_handbook(Project.at(empty_project))
    rules = {(p.file, p.rule) for p in result.problems}
    assert ("handbook/handovers/broken.yaml", "secret") in rules
    assert ("handbook/handovers/broken.yaml", "yaml-syntax") in rules
    assert ("handbook/guide/leak.md", "secret") in rules
    assert not result.ok


def test_a_corpus_file_placed_in_the_handbook_fails_check(empty_project: Path, cli) -> None:
    shutil.copy2(CASES / "secrets" / "aliyun-access-key.yaml", empty_project / "handbook" / "handovers" / "leak.yaml")
    code, out, _ = cli("check", root=empty_project)
    assert code == 1 and "[secret]" in out and "LTAI" not in out


@pytest.mark.parametrize("token", ["AKIAQWERTYUIOPASDFGH", "ASIAQWERTYUIOPASDFGH", "ghp_" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ",
                                   "abcdefghijklmnopqrstuvwxyzabcdef-us12"])
def test_tokens_without_a_digit_are_found_too(token: str) -> None:
    """The detectors run only on candidate lines; a token of letters alone is one by its prefix."""
    found = scan_text(f"备注：临时凭据 {token} 已作废\n", "handbook.yaml")
    assert found and found == scan_text_exhaustively(f"备注：临时凭据 {token} 已作废\n", "handbook.yaml")
