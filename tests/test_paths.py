"""Files outside the repository stay outside: links out of the project are never read or published,
every folder and file name of the handbook is safe, and `check` only checks the handbook."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import get_files

from generator.project import Project

from .gitrepo import GitRepo
from .helpers import CASES

SECRET = "CANARY-7731-outside-the-repository"
HOSTILE_FOLDER = "x\n/.github\t@attacker\t#"  # a CODEOWNERS line for .github, were the name written raw


def problems(cli, root: Path, *paths: str) -> tuple[int, list[dict[str, object]], str]:
    code, out, err = cli("check", "--format", "json", *paths, root=root)
    return code, json.loads(out) if out.strip() else [], err


def located(found: list[dict[str, object]], rule: str) -> list[tuple[object, object, object]]:
    return [(p["file"], p["line"], p["column"]) for p in found if p["rule"] == rule]


def outside_file(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def test_a_handover_linked_from_outside_is_a_located_error_not_a_traceback(project: Path, tmp_path: Path, cli) -> None:
    handovers = project / "handbook" / "handovers"
    # A valid handover, so that it would reach the sign-off audit, where the link used to crash check.
    valid = (handovers / "2026-11-heyu-engineer.yaml").read_text(encoding="utf-8")
    os.symlink(outside_file(tmp_path, "evil.yaml", valid), handovers / "evil.yaml")
    GitRepo(project).commit("Handbook", by="zhangwei")
    code, found, err = problems(cli, project)
    assert code == 1 and "Traceback" not in err
    assert located(found, "symlink-outside") == [("handbook/handovers/evil.yaml", 1, 1)]
    [problem] = [p for p in found if p["rule"] == "symlink-outside"]
    assert problem["severity"] == "error" and "outside the repository" in str(problem["message"])
    assert "inside the repository" in str(problem["hint"])
    assert [p["rule"] for p in found if p["file"] == "handbook/handovers/evil.yaml"] == ["symlink-outside"]  # never read
    code, found, _ = problems(cli, project, str(handovers / "evil.yaml"))  # named on its own: the same error
    assert code == 1 and located(found, "symlink-outside") == [("handbook/handovers/evil.yaml", 1, 1)]


def test_links_out_of_the_handbook_fail_check_and_build_and_publish_nothing(project: Path, tmp_path: Path,
                                                                             cli) -> None:
    guide = project / "handbook" / "guide"
    assert cli("build", root=project)[0] == 0  # a warm cache must not skip the refusal
    os.symlink("/proc/self/environ", guide / "env.md")
    os.symlink(outside_file(tmp_path, "notes.md", f"# Notes\n\n{SECRET}\n"), guide / "notes.md")
    os.symlink(tmp_path / "outside", guide / "shared")  # a folder: MkDocs would walk into it
    os.symlink(outside_file(tmp_path, "logo.png", SECRET), guide / "logo.png")  # not text, still a link out
    code, found, _ = problems(cli, project)
    assert code == 1
    assert located(found, "symlink-outside") == [(f"handbook/guide/{name}", 1, 1)
                                                 for name in ("env.md", "logo.png", "notes.md", "shared")]
    code, _, err = cli("build", root=project)
    assert code == 1 and "symlink-outside" in err and "handbook/guide/env.md" in err and "Traceback" not in err
    published = "".join(p.read_text(encoding="utf-8", errors="replace") for p in (project / "site").rglob("*")
                        if p.is_file())
    assert SECRET not in published and "PATH=" not in published
    assert not (project / "site" / "guide" / "env").exists() and not (project / "site" / "guide" / "shared").exists()


def test_the_plugin_drops_a_link_out_that_appears_after_the_check(project: Path, tmp_path: Path) -> None:
    """Defence in depth: whatever MkDocs finds in the docs folder that leads out is removed and fails the build."""
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["handover"]
    config = plugin.on_config(config)
    os.symlink(outside_file(tmp_path, "late.md", SECRET), project / "handbook" / "guide" / "late.md")
    files = get_files(config)
    assert files.get_file_from_path("guide/late.md") is not None  # MkDocs would copy it
    with pytest.raises(PluginError, match="guide/late.md"):
        plugin.on_files(files, config)
    assert files.get_file_from_path("guide/late.md") is None
    assert files.get_file_from_path("guide/index.md") is not None


def test_links_that_stay_in_the_repository_are_followed(project: Path, cli) -> None:
    (project / "docs").mkdir()
    (project / "docs" / "extra.md").write_text("# Extra\n\nshared-inside-the-repository\n", encoding="utf-8")
    os.symlink("../../docs/extra.md", project / "handbook" / "guide" / "extra.md")
    os.symlink("../../docs", project / "handbook" / "guide" / "docs")
    code, found, _ = problems(cli, project)
    assert code == 0 and not located(found, "symlink-outside")
    assert cli("build", root=project)[0] == 0
    page = (project / "site" / "guide" / "extra" / "index.html").read_text(encoding="utf-8")
    assert "shared-inside-the-repository" in page


def test_a_roster_linked_from_outside_is_never_read(project: Path, tmp_path: Path, cli) -> None:
    people = project / "handbook" / "people.yaml"
    outside = outside_file(tmp_path, "people.yaml", people.read_text(encoding="utf-8"))
    people.unlink()
    os.symlink(outside, people)
    code, found, err = problems(cli, project)
    assert code == 1 and "Traceback" not in err
    assert located(found, "symlink-outside") == [("handbook/people.yaml", 1, 1)]


def test_a_loop_of_links_is_an_error_not_a_hang(empty_project: Path, cli) -> None:
    handovers = empty_project / "handbook" / "handovers"
    os.symlink("b.yaml", handovers / "a.yaml")
    os.symlink("a.yaml", handovers / "b.yaml")
    os.symlink("..", empty_project / "handbook" / "guide" / "up")  # a folder back up: each real folder once
    code, found, _ = problems(cli, empty_project)
    assert code == 1
    assert located(found, "symlink-outside") == [("handbook/handovers/a.yaml", 1, 1), ("handbook/handovers/b.yaml", 1, 1)]


def test_check_of_a_path_outside_the_handbook_is_a_usage_error(project: Path, tmp_path: Path, cli) -> None:
    unrelated = outside_file(tmp_path, "unrelated.yaml", "a: 1\n")
    code, out, err = cli("check", str(unrelated), root=project)
    assert code == 2 and "no problems found" not in out
    assert str(unrelated) in err and "handbook/handovers/" in err
    assert cli("check", str(project / "schemas"), root=project)[0] == 2  # in the project, not in the handbook
    assert cli("check", str(project / "handbook" / "handovers" / ".." / ".." / "mkdocs.yml"), root=project)[0] == 2
    assert cli("check", str(project / "handbook"), root=project)[0] == 0


@pytest.mark.parametrize("parts", [
    (HOSTILE_FOLDER, "2026-11-a.yaml"),
    ("x\n", "2026-11-a.yaml"),  # "$" in a pattern lets one last newline through
    ("2026", "张伟.yaml"),
    ("2026", "a\n.yaml"),
    ("2026 11", "a.yaml"),
    ("-rf", "a.yaml"),
])
def test_every_folder_and_file_name_of_a_handover_must_be_safe(empty_project: Path, cli, parts: tuple[str, ...]) -> None:
    target = empty_project / "handbook" / "handovers" / Path(*parts)
    target.parent.mkdir(parents=True)
    shutil.copy2(CASES / "valid" / "minimal-sales.yaml", target)
    code, found, _ = problems(cli, empty_project)
    assert code == 1
    [problem] = found  # only the name: the file is not read, so its content cannot reach pages or CODEOWNERS
    assert (problem["rule"], problem["line"], problem["column"], problem["severity"]) == ("file-name", 1, 1, "error")
    shown = str(problem["file"])
    assert shown.startswith("handbook/handovers/") and "\n" not in shown and "\t" not in shown
    assert "letters, digits" in str(problem["hint"])
    _, text, _ = cli("check", root=empty_project)
    assert all(line.startswith(("handbook/", "    hint:", "1 error")) for line in text.splitlines())


def test_safe_nested_folders_are_fine(empty_project: Path, cli) -> None:
    target = empty_project / "handbook" / "handovers" / "2026" / "sales" / "2026-11-a.yaml"
    target.parent.mkdir(parents=True)
    shutil.copy2(CASES / "valid" / "minimal-sales.yaml", target)
    code, found, _ = problems(cli, empty_project)
    assert code == 0 and not located(found, "file-name")


def test_guide_page_names_follow_the_same_rule(project: Path, cli) -> None:
    (project / "handbook" / "guide" / "notes\n.md").write_text("# Notes\n", encoding="utf-8")
    code, found, _ = problems(cli, project)
    assert code == 1 and located(found, "file-name") == [("handbook/guide/notes\\n.md", 1, 1)]


def test_the_project_lists_only_files_it_may_read(project: Path, tmp_path: Path) -> None:
    handovers = project / "handbook" / "handovers"
    os.symlink(outside_file(tmp_path, "evil.yaml", "a: 1\n"), handovers / "evil.yaml")
    (handovers / "bad name.yaml").write_text("a: 1\n", encoding="utf-8")
    samples = sorted(p for p in handovers.iterdir() if p.name.startswith("20"))
    assert Project.at(project).handover_files() == samples
