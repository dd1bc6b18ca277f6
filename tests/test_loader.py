"""YAML loading: nothing lost, nothing silently changed, and nothing but problems come out."""
from __future__ import annotations

import pathlib
import pickle

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.check.rules import walk
from generator.load import document as loader
from generator.load.characters import REFUSED_IN_A_LINE
from generator.load.document import parse


def load(text: str) -> tuple[object, list[tuple[int, int, str]]]:
    document, problems = parse(text, "t.yaml")
    return (document.data if document else None), [(p.line, p.column, p.rule) for p in problems]


@pytest.mark.parametrize("text, value", [
    ("NO", "NO"), ("on", "on"), ("y", "y"), ("yes", "yes"), ("Off", "Off"),
    ("2024-02-30", "2024-02-30"), ("2026-11-22", "2026-11-22"), ("12:30", "12:30"),
    ("true", True), ("False", False), ("null", None), ("~", None), ("", None),
    ("42", 42), ("-7", -7), ("2.5", 2.5), ('"01234567"', "01234567"), ("'+86 138'", "+86 138"),
])
def test_yaml_1_2_core_typing(text: str, value: object) -> None:
    data, problems = load(f"key: {text}\n")
    assert problems == []
    assert data == {"key": value}
    assert type(data["key"]) is type(value)  # type: ignore[index]


@pytest.mark.parametrize("text", ["01234567", "+8613800138000", "0x1F", "0o17", "1.50", "1e3", ".5", ".inf", "007"])
def test_numbers_that_would_change_are_refused_with_a_quote_hint(text: str) -> None:
    document, problems = parse(f"a: 1\nkey: {text}\n", "t.yaml")
    assert [(p.line, p.column, p.rule) for p in problems] == [(2, 6, "yaml-ambiguous-number")]
    assert f'"{text}"' in problems[0].hint
    assert document is not None and document.data["key"] == text  # kept as written, never a number


def test_positions_of_values_and_keys_are_one_based() -> None:
    document, _ = parse("a:\n  - x: 1\n    y: [2, 3]\n", "t.yaml")
    assert document is not None
    assert document.positions["/a/0/y/1"] == (3, 12)
    assert document.key_positions["/a/0/y"] == (3, 5)
    assert document.position("/a/0/missing") == (2, 5)


def test_a_document_sent_between_processes_keeps_every_position() -> None:
    document, _ = parse("a:\n  - x: 1\n    y: [2, 'three']\nİ: ok\n", "t.yaml")
    assert document is not None
    copy = pickle.loads(pickle.dumps(document))
    assert copy.position("/a/0/y/1") == (3, 12) and copy.position("/a/0/y", key=True) == (3, 5)
    assert copy == document and copy.plain_scalars == document.plain_scalars


def test_duplicate_key_names_the_first_line() -> None:
    _, problems = parse("a: 1\nb: 2\na: 3\n", "t.yaml")
    assert len(problems) == 1 and problems[0].line == 3 and "line 1" in problems[0].message


def test_alias_is_refused_before_expansion() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8))
    document, problems = parse(bomb, "t.yaml")
    assert document is None
    assert "yaml-alias" in {p.rule for p in problems}


def test_depth_and_size_limits_fail_closed(tmp_path) -> None:
    deep = "a: " + "[" * (loader.MAX_DEPTH + 5) + "]" * (loader.MAX_DEPTH + 5)
    assert load(deep)[1][-1][2] == "yaml-too-deep"
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: '" + b"x" * (30 * 1024 * 1024) + b"'\n")
    document, problems = loader.load_file(big)  # refused on its size, before any parsing
    assert document is None and [p.rule for p in problems] == ["file-too-large"]


def test_bad_encoding_is_located(tmp_path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"a: 1\nb: caf\xe9\n")
    _, problems = loader.load_file(path, "latin1.yaml")
    assert [(p.line, p.column, p.rule) for p in problems] == [(2, 7, "encoding")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#%@`?, \n\t\x00\x85\ufeff0123.~<=") + ["中", "é"]), max_size=80))
def test_any_text_gives_data_or_problems_never_an_exception(text: str) -> None:
    document, problems = parse(text, "fuzz.yaml")
    assert document is not None or problems
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.rule


_CHARACTER_CASES = sorted(pathlib.Path(__file__).parent.joinpath("cases").rglob("*.yaml"))


@given(st.dictionaries(st.sampled_from(["name", "notes", "id"]),
                       st.one_of(st.text(max_size=12), st.lists(st.text(max_size=6), max_size=3)), max_size=3))
@settings(max_examples=150, deadline=None)
def test_values_with_refused_characters_are_all_recorded(data: dict[str, object]) -> None:
    """The control-character rule looks only where the loader saw an unusual character: it must see all of them,
    however the text was written (escapes in double quotes, block scalars, plain)."""
    text = yaml.safe_dump({"raw": data}, allow_unicode=True) + yaml.safe_dump({"escaped": data}, allow_unicode=False)
    document, _ = parse(text, "t.yaml")
    assert document is not None and document.unusual_text is not None
    expected = {pointer for pointer, value, _ in walk(document.data, None)
                if isinstance(value, str) and REFUSED_IN_A_LINE.search(value)}
    assert document.unusual_text == expected


@pytest.mark.parametrize("path", _CHARACTER_CASES, ids=lambda path: str(path.relative_to(path.parents[2])))
def test_recorded_unusual_text_matches_a_full_walk(path: pathlib.Path) -> None:
    document, _ = parse(path.read_text(encoding="utf-8", errors="replace"), str(path))
    if document is None:
        return
    expected = {pointer for pointer, value, _ in walk(document.data, None)
                if isinstance(value, str) and REFUSED_IN_A_LINE.search(value)}
    assert document.unusual_text is not None and expected <= document.unusual_text


def test_the_recorded_places_lead_to_the_values_a_full_walk_finds() -> None:
    """Keys with '/' and '~', nested mappings and lists, and a duplicate key (whose second value is dropped)."""
    from generator.check.rules import walk_to

    text = ('"a/b": "x\\u200b"\n"c~d":\n  e: ["y\\u200b", {f: "z\\u200b"}]\ndup: "first\\u200b"\ndup: "second\\u200b"\n'
            'plain: fine\n')
    document, problems = parse(text, "t.yaml")
    assert document is not None and [p.rule for p in problems] == ["yaml-duplicate-key"]
    walked = [(pointer, value) for pointer, value, _ in walk(document.data, None)
              if isinstance(value, str) and REFUSED_IN_A_LINE.search(value)]
    led_to = [(pointer, value) for pointer, value, _ in walk_to(document.data, None, sorted(document.unusual_text or ()))]
    assert sorted(led_to) == sorted(walked) and len(walked) == 4
