"""The CI files 'handover init' writes: their structure, every command they run, and their sign-off step run
for real against pull/merge requests made the way GitHub and GitLab make them."""
from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.actions.init import init_handbook
from generator.cli import _parser
from generator.output import render
from generator.problems import Problem

from .gitrepo import GitRepo, email
from .helpers import CASES

GITHUB = ".github/workflows/handbook.yml"
GITLAB = ".gitlab-ci.yml"
HANDOVER = "handbook/handovers/2026-11-zhangwei-sales.yaml"
VALID = (CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")
PULL_REQUEST_JOBS = {"check", "sign-off", "codeowners"}


def _made(tmp_path: Path, forge: str) -> Path:
    return init_handbook(tmp_path / forge, forge, "苏州澄泓科技").root


@pytest.fixture(scope="module")
def github(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = _made(tmp_path_factory.mktemp("ci"), "github")
    loaded: dict[str, Any] = yaml.safe_load((root / GITHUB).read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def gitlab(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = _made(tmp_path_factory.mktemp("ci"), "gitlab")
    loaded: dict[str, Any] = yaml.safe_load((root / GITLAB).read_text(encoding="utf-8"))
    return loaded


# -- structure ------------------------------------------------------------------------------------------------

def test_github_workflow_runs_the_checks_on_pull_requests_and_deploys_main(github: dict[str, Any]) -> None:
    triggers = github.get("on", github.get(True))  # YAML 1.1 reads a bare 'on' as true
    assert set(triggers) >= {"pull_request", "push"} and triggers["push"]["branches"] == ["main"]
    jobs = github["jobs"]
    assert set(jobs) == PULL_REQUEST_JOBS | {"build", "deploy"}
    for name in PULL_REQUEST_JOBS:
        assert jobs[name]["if"] == "github.event_name == 'pull_request'" and jobs[name]["name"] == name
    assert "refs/heads/main" in jobs["build"]["if"] and "pull_request" in jobs["build"]["if"]
    for name, job in jobs.items():
        checkouts = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/checkout@")]
        assert name == "deploy" or [s["with"]["fetch-depth"] for s in checkouts] == [0], name
    build_steps = jobs["build"]["steps"]
    assert any(s.get("run") == "handover build" for s in build_steps)
    [upload] = [s for s in build_steps if str(s.get("uses", "")).startswith("actions/upload-pages-artifact@")]
    assert upload["with"]["path"] == "site"
    deploy = jobs["deploy"]
    assert deploy["needs"] == "build" and deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert github["permissions"] == {"contents": "read"}  # only the deploy job may write, and only to Pages


def test_gitlab_ci_runs_the_checks_on_merge_requests_and_publishes_pages(gitlab: dict[str, Any]) -> None:
    assert gitlab["variables"]["GIT_DEPTH"] == "0"
    merge_request = {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}
    default_branch = {"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}
    assert gitlab["workflow"]["rules"] == [merge_request, default_branch]
    for name in PULL_REQUEST_JOBS:
        assert gitlab[name]["rules"] == [merge_request], name
    assert gitlab["check"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert gitlab["check"]["artifacts"]["when"] == "always"
    assert any("--format codequality > gl-code-quality-report.json" in line for line in gitlab["check"]["script"])
    pages = gitlab["pages"]
    assert pages["rules"] == [default_branch] and pages["artifacts"]["paths"] == ["public"]
    assert pages["script"] == ["handover build --site-dir public"]
    assert gitlab["sign-off"]["variables"]["BASE"] == "$CI_MERGE_REQUEST_DIFF_BASE_SHA"


# -- every command exists with its flags ------------------------------------------------------------------------

def _scripts(document: dict[str, Any]) -> list[str]:
    """Every shell script of a workflow (steps' run) or a GitLab CI file (before_script, script)."""
    found: list[str] = []
    for key, value in document.items():
        if not isinstance(value, dict):
            continue
        for step in value.get("steps", []):
            found += [step["run"]] if "run" in step else []
        for part in ("before_script", "script"):
            found += value.get(part, [])
        found += _scripts(value) if key in ("jobs", "default") else []
    return found


def _handover_commands(scripts: list[str]) -> list[list[str]]:
    commands = []
    for script in scripts:
        for line in script.splitlines():
            for part in re.split(r"\|\||&&|;|\||>", line):
                words = shlex.split(part, comments=True)
                if words and words[0] == "handover":
                    commands.append(words)
    return commands


@pytest.mark.parametrize("forge", ["github", "gitlab"])
def test_every_handover_command_in_ci_exists_with_its_flags(forge: str, request: pytest.FixtureRequest) -> None:
    commands = _handover_commands(_scripts(request.getfixturevalue(forge)))
    parser = _parser()
    for words in commands:
        parser.parse_args(words[1:])  # raises UsageError for an unknown command or flag
    used = {" ".join(w for w in words if w.startswith("-") or w == words[1]) for words in commands}
    expected = {"github": {"check --format", "status --check", "codeowners --forge --check", "build"},
                "gitlab": {"check --format", "check", "status --check", "codeowners --forge --check",
                           "build --site-dir"}}
    assert {u.removeprefix("handover ") for u in used} == expected[forge]


# -- the sign-off step, run as CI runs it -------------------------------------------------------------------

def _sign_off_script(document: dict[str, Any]) -> tuple[str, str]:
    """The script that runs 'handover status --check', and the base it compares with."""
    if "jobs" in document:
        [step] = [s for s in document["jobs"]["sign-off"]["steps"] if "handover status" in s.get("run", "")]
        return step["run"], step["env"]["BASE"]
    [script] = document["sign-off"]["script"]
    return script, document["sign-off"]["variables"]["BASE"]


def _run(script: str, root: Path, base: str) -> subprocess.CompletedProcess[str]:
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"  # 'handover' of this environment
    return subprocess.run(["bash", "-e", "-o", "pipefail", "-c", script], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "PATH": path, "BASE": base}, check=False)


def _roster(root: Path) -> None:
    """The company's roster: the example leaver and manager, and a successor."""
    people = root / "handbook" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "  - {id: lina, name: 李娜, name_en: Li Na, "
                      "department: sales, title: 客户经理, email: lina@example.com}\n", encoding="utf-8")


def _leaving(tmp_path: Path, forge: str, branch: str) -> GitRepo:
    """A new handbook on main, and a branch adding the leaver's handover, signed by the leaver."""
    repo = GitRepo(_made(tmp_path, forge))
    _roster(repo.root)
    repo.commit("Handbook", by="wangfang")
    repo.git("checkout", "-q", "-b", branch)
    repo.commit("Handover of zhangwei", by="zhangwei", files={HANDOVER: VALID},
                trailers=(f"Signed-off-by: zhangwei <{email('zhangwei')}>",))
    return repo


@pytest.fixture
def pull_request(tmp_path: Path) -> GitRepo:
    return _leaving(tmp_path, "github", "leave")


def _github_merge_ref(repo: GitRepo) -> None:
    """What actions/checkout checks out for a pull request: GitHub's merge of it into the base."""
    repo.git("checkout", "-q", "-B", "pull-merge", "main")
    repo.merge("leave", by="GitHub", message="Merge leave into main")


def test_the_github_sign_off_check_fails_until_every_party_signed(pull_request: GitRepo, github: dict) -> None:
    script, base = _sign_off_script(github)
    _github_merge_ref(pull_request)
    result = _run(script, pull_request.root, base)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{HANDOVER}: still to sign:" in result.stderr
    assert "successor Li Na (lina): missing" in result.stderr and "manager Wang Fang (wangfang): missing" in result.stderr
    assert "leaver" not in result.stderr.split("still to sign:")[1].splitlines()[0]

    pull_request.git("checkout", "-q", "leave")
    pull_request.sign("Acked-by", "lina", HANDOVER)
    _github_merge_ref(pull_request)
    result = _run(script, pull_request.root, base)
    assert result.returncode == 1 and "lina" not in result.stderr and "Wang Fang (wangfang)" in result.stderr

    pull_request.git("checkout", "-q", "leave")
    pull_request.sign("Approved-by", "wangfang", HANDOVER)
    _github_merge_ref(pull_request)
    result = _run(script, pull_request.root, base)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "all 1 handover(s) signed" in result.stderr


def test_a_pull_request_that_only_signs_is_checked_too(pull_request: GitRepo, github: dict) -> None:
    pull_request.git("checkout", "-q", "main")
    pull_request.merge("leave", by="wangfang")
    pull_request.git("checkout", "-q", "-b", "sign")
    pull_request.sign("Acked-by", "lina", HANDOVER)  # an empty commit naming the file
    pull_request.git("branch", "-f", "leave", "sign")
    _github_merge_ref(pull_request)
    result = _run(_sign_off_script(github)[0], pull_request.root, "HEAD^1")
    assert result.returncode == 0, result.stdout + result.stderr  # the manager's merge approved it
    assert "all 1 handover(s) signed" in result.stderr


def test_a_pull_request_without_handovers_has_nothing_to_sign(tmp_path: Path, github: dict) -> None:
    repo = GitRepo(_made(tmp_path, "github"))
    repo.commit("Handbook", by="wangfang")
    repo.git("checkout", "-q", "-b", "leave")
    repo.commit("Guide", by="wangfang", files={"handbook/guide/extra.md": "# Extra\n"})
    _github_merge_ref(repo)
    result = _run(_sign_off_script(github)[0], repo.root, "HEAD^1")
    assert result.returncode == 0 and "nobody has to sign" in result.stdout


def test_gitlab_approvals_in_the_merge_commit_complete_the_sign_off(tmp_path: Path, gitlab: dict) -> None:
    """The merge commit GitLab writes with the documented template, %{approved_by} filled in as GitLab does."""
    repo = _leaving(tmp_path, "gitlab", "zhangwei-leaves")
    script, _ = _sign_off_script(gitlab)
    base = repo.git("merge-base", "main", "HEAD")
    result = _run(script, repo.root, base)  # the merge request pipeline, before anyone approved
    assert result.returncode == 1 and "Li Na (lina): missing" in result.stderr

    repo.git("checkout", "-q", "main")
    repo.gitlab_merge("zhangwei-leaves", "张伟的离职交接", (("李娜", "lina"), ("王芳", "wangfang")),
                      reference="company/handbook!7")
    assert repo.git("log", "-1", "--format=%(trailers:key=Approved-by,valueonly)").splitlines() == \
        [f"李娜 <{email('lina')}>", f"王芳 <{email('wangfang')}>"]
    status = subprocess.run([sys.executable, "-m", "generator.cli", "status", "--check", "--format", "json", HANDOVER],
                            cwd=repo.root, capture_output=True, text=True, check=False)
    assert status.returncode == 0, status.stdout + status.stderr
    [entry] = json.loads(status.stdout)
    assert {(s["role"], s["person"], s["state"]) for s in entry["signoffs"]} == {
        ("leaver", "zhangwei", "signed"), ("successor", "lina", "signed"), ("manager", "wangfang", "signed")}


# -- GitLab's Code Quality report ------------------------------------------------------------------------------

def _problem(line: int, message: str = "'+8613800000001' would be read as a number", pointer: str = "/customers/0") -> Problem:
    return Problem(HANDOVER, line, 16, pointer, "error", "yaml-ambiguous-number", message, "quote it")


def test_codequality_report_has_what_gitlab_reads() -> None:
    warning = Problem(HANDOVER, 3, 1, "", "warning", "placeholder", "template placeholder still here")
    [error, placeholder] = json.loads(render("problems", "codequality", [_problem(25), warning]))
    assert error == {"description": "'+8613800000001' would be read as a number (hint: quote it)",
                     "check_name": "yaml-ambiguous-number", "fingerprint": error["fingerprint"],
                     "severity": "major", "location": {"path": HANDOVER, "lines": {"begin": 25}}}
    assert placeholder["severity"] == "minor" and placeholder["location"]["lines"]["begin"] == 3
    assert re.fullmatch(r"[0-9a-f]{64}", error["fingerprint"])


def test_codequality_fingerprints_survive_an_edit_above_and_never_collide() -> None:
    [before] = json.loads(render("problems", "codequality", [_problem(25)]))
    [after] = json.loads(render("problems", "codequality", [_problem(27)]))  # two lines inserted above
    assert before["fingerprint"] == after["fingerprint"]
    twins = json.loads(render("problems", "codequality", [_problem(25, pointer=""), _problem(25, pointer=""),
                                                           _problem(30, pointer="")]))
    assert len({issue["fingerprint"] for issue in twins}) == 3


def test_check_writes_the_codequality_report(tmp_path: Path, cli) -> None:
    root = _made(tmp_path, "gitlab")
    (root / HANDOVER).write_text(VALID.replace("leaver: zhangwei", "leaver: nobody"), encoding="utf-8")
    code, out, err = cli("check", "--format", "codequality", root=root)
    issues = json.loads(out)
    assert code == 1 and issues and all(i["location"]["path"] == HANDOVER for i in issues)
    assert any(i["severity"] == "major" for i in issues)
