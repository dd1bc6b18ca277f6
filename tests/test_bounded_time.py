"""Bounded time on any input: whatever a handbook file holds, the secret scan reads it in seconds and finds
every secret it finds in short lines, also where a long line is cut into windows.

Anyone who can open a pull request writes handbook files, so a file must not be able to stall ``handover
check`` in CI. The inputs below once took minutes: a 390 KB summary of ``pwd:``, ``a://`` repeated.
"""
from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.check import secrets
from generator.check.secrets import Finding, scan_text, scan_text_exhaustively, windows

from .helpers import CliResult

# Seconds of CPU one scan of up to a megabyte may take: the worst inputs known take under one. CPU time, not the
# clock, so that a machine busy with other work does not fail the test.
BUDGET = 5.0
FULL_SIZE = 390_000
HALF_CHARS = secrets.WINDOW_CHARS // 2
HALF_STARTS = secrets.WINDOW_STARTS // 2


def timed_scan(text: str, filename: str = "handbook.yaml") -> tuple[float, list[Finding]]:
    start = time.process_time()
    found = scan_text(text, filename)
    return time.process_time() - start, found


def repeated(unit: str, size: int = FULL_SIZE) -> str:
    return unit * (size // len(unit))


# -- the reported inputs, at full size ---------------------------------------------------------------------------

def test_a_summary_of_390_kb_of_pwd_is_checked_in_seconds(project: Path, cli: Callable[..., CliResult]) -> None:
    handover = project / "handbook" / "handovers" / "2026-11-zhangwei-sales.yaml"
    lines = handover.read_text(encoding="utf-8").splitlines()
    summary = lines.index("summary: >-")
    lines[summary:summary + 2] = [f'summary: "{repeated("pwd:")}"']
    handover.write_text("\n".join(lines) + "\n", encoding="utf-8")

    start = time.process_time()
    code, out, _ = cli("check", "--jobs", "1", "--format", "json", root=project)  # one process: its CPU is counted
    elapsed = time.process_time() - start

    assert elapsed < BUDGET  # the whole check of the project: its secret scan alone took six minutes
    problems = json.loads(out)
    assert code == 1
    assert {"file": "handbook/handovers/2026-11-zhangwei-sales.yaml", "line": summary + 1, "rule": "secret"} in [
        {key: p[key] for key in ("file", "line", "rule")} for p in problems]


def test_a_url_scheme_repeated_390_kb_long_is_scanned_in_seconds() -> None:
    for text in (repeated("a://"), "npm: " + repeated("a://") + "_authToken=\n"):  # the npm pattern's own word too
        elapsed, _ = timed_scan(text)
        assert elapsed < BUDGET


# -- every rule and detector on the input that was its worst --------------------------------------------------------

WORST = {
    "English rule: a keyword in every value": "pwd:",
    "English rule, value without digit": "pwd:-",
    "YAML key rule: keywords in one long key": "password",
    "Chinese rule: blanks before the value": "密码 " + "\t" * 1000,
    "URL rule: scheme characters re-read": "a.",
    "user and password pair": "user a/",
    "keyword detector: quoted value never closed": "pwd='",
    "keyword detector: backticks": "`a",
    "keyword detector: many keywords in one word": "password" * 30 + ": ';x",
    "npm detector": "//",
    "JWT detector": "eyJ",
    "JWT detector, a dot after each": "eyJa.",
    "keyword detector, lines of keywords": "pwd" * 80 + "\n",
}


@pytest.mark.parametrize("unit", WORST.values(), ids=WORST.keys())
def test_each_rule_reads_its_worst_input_in_seconds(unit: str) -> None:
    for filename in ("handbook.yaml", "guide.md"):  # the keyword detector has other patterns for each
        elapsed, _ = timed_scan(repeated(unit, 128_000), filename)  # long enough for a square to take minutes
        assert elapsed < BUDGET / 2, filename


# -- random mixtures of what the rules look for, up to a megabyte -----------------------------------------------------

FRAGMENTS = ["pwd:", "pwd: ", "password", "password is ", "passwd=", "Password：", "密码", "密码：", "口令 ", "密钥是",
             "a://", "https://ops:Qw3rty9@", "key=", "api_key: ", "api_key = '", "token", "token: ", "secret",
             "bearer ", "eyJ", "eyJhbGciOiJIUzI1NiJ9.", "-----BEGIN ", "AKIA", "LTAI", "ghp_", "//", "`", "'", '"',
             "==", "/", "@", ":", ";", "=", " ", "\t", "\n", "login ", "user ops/", "账号 ", "登录", "_authToken=",
             "交接说明：客户资料见共享盘，合同原件在档案室。", "1", "a", "Zm9vYmFyYmF6cXV4", "+/=", "ſ", "İ"]
MEGABYTE = 1_000_000


def mixture(blocks: list[tuple[str, int]]) -> str:
    """Each unit repeated its number of times, one after the other, up to a megabyte."""
    parts, size = [], 0
    for unit, times in blocks:
        part = unit * min(times, (MEGABYTE - size) // len(unit) + 1)
        parts.append(part)
        size += len(part)
    return "".join(parts)[:MEGABYTE]


BLOCKS = st.tuples(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6).map("".join),
                   st.integers(min_value=1, max_value=60_000))
MIXTURES = st.lists(BLOCKS, min_size=1, max_size=12).map(mixture)


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=MIXTURES, filename=st.sampled_from(["handbook.yaml", "guide.md"]))
def test_any_mixture_of_up_to_a_megabyte_is_scanned_in_seconds(text: str, filename: str) -> None:
    elapsed, _ = timed_scan(text, filename)
    assert elapsed < BUDGET, f"{len(text)} characters took {elapsed:.1f} s"


# -- windows: bounded, and no secret lost at a cut ------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(length=st.integers(min_value=0, max_value=120), data=st.data())
def test_windows_are_bounded_and_hold_every_short_stretch_whole(length: int, data: st.DataObject) -> None:
    starts = sorted(data.draw(st.sets(st.integers(min_value=0, max_value=max(length - 1, 0)), max_size=length)))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(secrets, "WINDOW_CHARS", 16)
        patch.setattr(secrets, "WINDOW_STARTS", 6)
        cuts = windows(length, starts)

    assert cuts[0][0] == 0 and cuts[-1][1] == length
    for (begin, end), (next_begin, next_end) in pairwise(cuts):
        assert begin < next_begin < end <= next_end  # each overlaps the next, and they move on
    for begin, end in cuts:
        assert end - begin <= 16 and sum(begin <= s < end for s in starts) <= 6
    for begin in range(length):  # a stretch shorter than half a window, with fewer starts than half, is never cut
        for end in range(begin + 1, min(begin + 8, length + 1)):
            if sum(begin <= s < end for s in starts) < 3:
                assert any(b <= begin and end <= e for b, e in cuts), (begin, end)


FILLER = "交接说明：客户资料见共享盘，合同原件在档案室。"  # prose without any trigger word
TOKEN = "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"  # found by detect-secrets alone (a GitHub token)
KEYWORD = 'api_key = "Qw3rty9Zx8"'  # found by detect-secrets' keyword detector alone, in the middle of prose


def jwt(payload_size: int) -> str:
    def part(value: dict[str, str]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")
    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part({'sub': 'x' * payload_size})}.c2lnbmF0dXJl"


def kinds_at(text: str, line: int) -> dict[str, int]:
    return {f.kind: f.column for f in scan_text(text) if f.line == line}


@pytest.mark.parametrize(("secret", "kind", "value"), [(TOKEN, "GitHub Token", TOKEN),
                                                       (KEYWORD, "Secret Keyword", "Qw3rty9Zx8"),
                                                       (jwt(1400), "JSON Web Token", "eyJ")],
                         ids=["token", "keyword", "JWT of 1,900 characters"])
def test_a_secret_across_a_cut_of_a_long_line_is_found_where_it_is(secret: str, kind: str, value: str) -> None:
    prose = FILLER * (3 * secrets.WINDOW_CHARS // len(FILLER))
    assert len(prose) > secrets.WINDOW_CHARS and len(secret) < HALF_CHARS  # the line is cut; the secret fits a window
    for cut in (HALF_CHARS, 2 * HALF_CHARS):  # where the second window begins and the first ends
        for at in range(cut - len(secret) - 2, cut + 3, max(1, len(secret) // 12)):
            line = prose[:at] + secret + prose[at:]
            assert kinds_at(f"summary: 说明\n{line}\n", 2).get(kind) == at + secret.index(value) + 1, at


def test_a_secret_among_many_places_where_patterns_begin_is_found_where_it_is() -> None:
    busy = "看 `x` 和 `y`，" * secrets.WINDOW_STARTS  # backticks: each one a place where a pattern begins
    assert busy.count("`") > secrets.WINDOW_STARTS  # so the line is cut, into windows of some hundred characters
    for at in range(0, 160, 2):
        line = busy[:at] + " " + TOKEN + " " + busy[at:]
        assert kinds_at(line, 1).get("GitHub Token") == at + 2, at


# -- the shortcuts change nothing: the fast scan finds what every rule on every line and window finds ---------------

PIECES = st.lists(st.sampled_from([*FRAGMENTS, "passwordpassword", "db_pass", "keypass", "contraseña", "secret_key",
                                   TOKEN, KEYWORD, "'abc' == password", "x = `y`;", FILLER * 3]),
                  min_size=1, max_size=200).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=PIECES, filename=st.sampled_from(["handbook.yaml", "guide.md"]), chars=st.sampled_from([16, 64, 4096]),
       starts=st.sampled_from([4, 8, 32]))
# Found by this test: blanking "password" to "_assword" made a "_a" before the one the detector found ("_a" of
# "_authToken"), and the column pointed at the blanked word.
@example(text="password is tokenpasswordpwd: _authToken=", filename="handbook.yaml", chars=16, starts=4)
@example(text="passwordpwd:password", filename="handbook.yaml", chars=4096, starts=32)
# An AWS key without a digit (one in 28 has none) was no candidate line for the detectors: missed.
@example(text="AKIAAKIAAKIAAKIAAKIA", filename="handbook.yaml", chars=64, starts=4)
def test_the_fast_scan_finds_what_an_exhaustive_scan_finds_also_in_cut_lines(text: str, filename: str, chars: int,
                                                                               starts: int) -> None:
    with pytest.MonkeyPatch.context() as patch:  # small windows: most lines are cut, many times
        patch.setattr(secrets, "WINDOW_CHARS", chars)
        patch.setattr(secrets, "WINDOW_STARTS", starts)
        assert scan_text(text, filename) == scan_text_exhaustively(text, filename)
