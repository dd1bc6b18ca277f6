"""Only the person named can sign: authorship, forge merges, the identity `handover sign` checks, uncommitted
changes, approvals of unfinished work, and CODEOWNERS that no file name or roster entry can bend."""
from __future__ import annotations

import html
import json
import subprocess
from pathlib import Path

import pytest

from .conftest import CASES, copy_project
from .gitrepo import GitRepo, email

HANDOVER = "handbook/handovers/2026-11-zhangwei-sales.yaml"
BASE = (CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")
COMPLETE = BASE.replace("status: todo", "status: done")
LEAVER = f"Signed-off-by: zhangwei <{email('zhangwei')}>"


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    project = copy_project(tmp_path / "project", with_handovers=False)
    git = GitRepo(project)
    git.commit("Roster and schemas", by="luoping")
    git.commit("Start the handover of zhangwei", by="zhangwei", files={HANDOVER: COMPLETE}, trailers=(LEAVER,))
    return git


def status(git: GitRepo, cli) -> dict:
    code, out, err = cli("status", "--format", "json", root=git.root)
    assert code == 0, err
    [entry] = json.loads(out)
    return entry


def party(entry: dict, role: str) -> dict:
    return next(s for s in entry["signoffs"] if s["role"] == role and s["state"] != "invalid")


def rejected(entry: dict) -> list[dict]:
    return [s for s in entry["signoffs"] if s["state"] == "invalid"]


def trust_forge_merges(git: GitRepo) -> None:
    (git.root / "pyproject.toml").write_text("[tool.handover.signoff]\ntrust_forge_merges = true\n", encoding="utf-8")
    git.commit("Trust the forge's merge commits", by="luoping")


# --- a trailer counts only in the named person's own commit -------------------------------------------------

def test_the_leavers_commit_cannot_sign_for_the_successor_and_the_manager(repo: GitRepo, cli) -> None:
    repo.commit("Fill in, and sign for everyone", by="zhangwei", files={HANDOVER: COMPLETE + "\n# final\n"},
                trailers=(LEAVER, f"Acked-by: lina <{email('lina')}>", f"Approved-by: wangfang <{email('wangfang')}>"))
    entry = status(repo, cli)
    assert entry["state"] == "awaiting-successor"
    assert party(entry, "leaver")["state"] == "signed"
    assert (party(entry, "successor")["state"], party(entry, "manager")["state"]) == ("missing", "missing")
    assert [(s["role"], s["person"]) for s in rejected(entry)] == [("successor", "lina"), ("manager", "wangfang")]
    for forged in rejected(entry):
        assert f"authored by zhangwei <{email('zhangwei')}>" in forged["reason"] and "handover sign" in forged["reason"]


def test_the_managers_commit_cannot_confirm_for_a_successor(repo: GitRepo, cli) -> None:
    repo.commit("Approve, and confirm for lina", by="wangfang",
                trailers=(f"Handover: {HANDOVER}", f"Approved-by: wangfang <{email('wangfang')}>",
                          f"Acked-by: lina <{email('lina')}>"))
    entry = status(repo, cli)
    assert party(entry, "manager")["state"] == "signed" and party(entry, "successor")["state"] == "missing"
    [forged] = rejected(entry)
    assert forged["person"] == "lina" and f"authored by wangfang <{email('wangfang')}>" in forged["reason"]


def test_authorship_matches_git_emails_whatever_their_case(repo: GitRepo, cli) -> None:
    people = repo.root / "handbook" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace(
        "email: lina@example.com}", "email: lina@example.com, git_emails: [Li.Na@Users.Noreply.Example]}"),
        encoding="utf-8")
    repo.commit("lina's commit address", by="luoping")
    identity = repo._identity("lina")
    identity.update(GIT_AUTHOR_EMAIL="LI.NA@users.noreply.example")
    repo.git("commit", "-q", "--allow-empty", "-m",
             f"Confirm\n\nHandover: {HANDOVER}\nAcked-by: Li Na <lina@EXAMPLE.com>", env=identity)
    assert party(status(repo, cli), "successor")["state"] == "signed"


# --- merges -------------------------------------------------------------------------------------------------

def _branch_with_an_edit(repo: GitRepo) -> None:
    repo.git("checkout", "-q", "-b", "handover")
    repo.commit("Fill in", by="zhangwei", files={HANDOVER: COMPLETE.replace("季度结算", "季度结算,账期 60 天")},
                trailers=(LEAVER,))
    repo.git("checkout", "-q", "main")


GITLAB_MERGE = (f"Merge branch 'handover' into 'main'\n\nSee merge request sales/handbook!7\n\n"
                f"Approved-by: 李娜 <{email('lina')}>\nApproved-by: 王芳 <{email('wangfang')}>\n{LEAVER}")


def test_a_merge_by_someone_else_carries_no_approval_by_default(repo: GitRepo, cli) -> None:
    _branch_with_an_edit(repo)
    repo.merge("handover", by="lina", message=GITLAB_MERGE)
    entry = status(repo, cli)
    assert entry["state"] == "awaiting-successor"
    assert party(entry, "manager")["state"] == "missing" and party(entry, "successor")["state"] == "missing"
    reasons = {s["person"]: s["reason"] for s in rejected(entry)}
    assert f"merge was made by lina <{email('lina')}>, not by wangfang" in reasons["wangfang"]
    assert "trust_forge_merges" in reasons["wangfang"]
    assert "not the manager" in reasons["lina"]  # an approval line names the manager's part, not lina's


def test_trust_forge_merges_counts_the_forges_approval_lines_and_nothing_else(repo: GitRepo, cli) -> None:
    trust_forge_merges(repo)
    _branch_with_an_edit(repo)
    merge = repo.merge("handover", by="lina", message=GITLAB_MERGE.replace(LEAVER, f"Acked-by: lina <{email('lina')}>")
                       + f"\nSigned-off-by: zhangwei <{email('zhangwei')}>")
    entry = status(repo, cli)
    manager, successor = party(entry, "manager"), party(entry, "successor")
    assert (manager["state"], manager["commit"]) == ("signed", merge)
    assert f"approved in the forge, merged by lina <{email('lina')}>" in manager["reason"]
    assert successor["state"] == "signed"  # GitLab writes one Approved-by per approver: lina approved as successor
    # Only approval lines are trusted from the forge: a leaver's line in lina's merge is still lina's claim.
    assert [(s["role"], s["person"]) for s in rejected(entry)] == [("leaver", "zhangwei")]
    assert party(entry, "leaver")["commit"] != merge


def test_the_managers_own_merge_with_the_forges_lines_counts_without_trust(repo: GitRepo, cli) -> None:
    _branch_with_an_edit(repo)
    repo.git("checkout", "-q", "handover")
    repo.sign("Acked-by", "lina", HANDOVER)
    repo.git("checkout", "-q", "main")
    merge = repo.merge("handover", by="wangfang", message=f"Merge\n\nApproved-by: 王芳 <{email('wangfang')}>")
    entry = status(repo, cli)
    assert entry["state"] == "signed" and party(entry, "manager")["commit"] == merge


# --- handover sign checks the identity git will record ---------------------------------------------------------

def test_sign_checks_the_author_identity_not_user_email(repo: GitRepo, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.git("config", "user.name", "李娜")
    repo.git("config", "user.email", email("lina"))
    monkeypatch.setenv("GIT_AUTHOR_NAME", "王芳")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", email("wangfang"))
    code, _, err = cli("sign", "--as", "successor", str(repo.root / HANDOVER), root=repo.root)
    assert code == 2 and f"you are wangfang ({email('wangfang')})" in err and "lina" in err
    code, _, err = cli("sign", "--as", "manager", str(repo.root / HANDOVER), root=repo.root)
    assert code == 0, err
    assert repo.git("log", "-1", "--format=%ae") == email("wangfang")
    assert f"Approved-by: 王芳 <{email('wangfang')}>" in repo.git("log", "-1", "--format=%B")
    assert party(status(repo, cli), "manager")["state"] == "signed"


def test_sign_follows_command_line_config_too(repo: GitRepo, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    # GIT_CONFIG_COUNT/KEY/VALUE is 'git -c' for every git the command starts; user.email in .git/config is not it.
    monkeypatch.setenv("GIT_CONFIG_COUNT", "2")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", "user.email")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", email("lina"))
    monkeypatch.setenv("GIT_CONFIG_KEY_1", "user.name")
    monkeypatch.setenv("GIT_CONFIG_VALUE_1", "李娜")
    code, _, err = cli("sign", "--as", "successor", str(repo.root / HANDOVER), root=repo.root)
    assert code == 0, err
    assert repo.git("log", "-1", "--format=%ae") == email("lina")
    assert party(status(repo, cli), "successor")["state"] == "signed"


def test_sign_names_the_recorded_address_when_it_is_not_in_the_roster(repo: GitRepo, cli,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    repo.git("config", "user.email", email("lina"))
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "lina@home.example")
    code, _, err = cli("sign", "--as", "successor", str(repo.root / HANDOVER), root=repo.root)
    assert code == 2 and "lina@home.example" in err and "git_emails" in err


# --- what a sign-off proves -----------------------------------------------------------------------------------

def test_status_says_an_unsigned_signoff_is_only_claimed(repo: GitRepo, cli) -> None:
    code, out, _ = cli("status", root=repo.root)
    assert code == 0
    leaver = next(line for line in out.splitlines() if line.strip().startswith("leaver"))
    assert "claimed by the author field (unverified)" in leaver
    assert party(status(repo, cli), "leaver")["verified"] is False


# --- uncommitted changes are never signed ---------------------------------------------------------------------

def _sign_all(repo: GitRepo) -> None:
    repo.sign("Acked-by", "lina", HANDOVER)
    repo.sign("Approved-by", "wangfang", HANDOVER)


def test_uncommitted_changes_make_every_signoff_stale(repo: GitRepo, cli) -> None:
    _sign_all(repo)
    assert status(repo, cli)["state"] == "signed"
    (repo.root / HANDOVER).write_text(COMPLETE.replace("季度结算", "月结"), encoding="utf-8")
    entry = status(repo, cli)
    assert entry["state"] == "awaiting-leaver" and entry["uncommitted_changes"] is True
    assert {s["state"] for s in entry["signoffs"]} == {"stale"}
    assert all("working copy" in s["reason"] and "uncommitted" in s["reason"] for s in entry["signoffs"])
    code, out, _ = cli("status", root=repo.root)
    assert "! uncommitted changes" in out
    (repo.root / HANDOVER).write_text(COMPLETE, encoding="utf-8")  # undone: signed again, nothing to commit
    entry = status(repo, cli)
    assert entry["state"] == "signed" and entry["uncommitted_changes"] is False


def test_a_windows_checkout_with_crlf_is_not_a_change(repo: GitRepo, cli, tmp_path: Path) -> None:
    _sign_all(repo)
    clone = tmp_path / "windows"
    subprocess.run(["git", "clone", "-q", "-c", "core.autocrlf=true", repo.root.as_uri(), str(clone)], check=True)
    assert b"\r\n" in (clone / HANDOVER).read_bytes()
    code, out, err = cli("status", "--format", "json", root=clone)
    assert code == 0, err
    [entry] = json.loads(out)
    assert entry["state"] == "signed" and entry["uncommitted_changes"] is False


def test_status_json_keeps_its_keys_and_adds_two(repo: GitRepo, cli) -> None:
    entry = status(repo, cli)
    assert set(entry) == {"file", "leaver", "state", "signoffs", "uncommitted_changes", "approved_incomplete"}
    assert set(entry["signoffs"][0]) == {"role", "person", "state", "commit", "at", "verified", "reason"}


# --- approvals of unfinished work ------------------------------------------------------------------------------

def test_an_approval_of_an_unfinished_handover_is_flagged(repo: GitRepo, cli) -> None:
    repo.commit("Reopen items", by="zhangwei", files={HANDOVER: BASE}, trailers=(LEAVER,))
    _sign_all(repo)
    entry = status(repo, cli)
    assert entry["state"] == "signed" and entry["approved_incomplete"] is True
    code, out, _ = cli("status", root=repo.root)
    assert "! approved while incomplete: checklist item(s) still todo: customers-introduced, deals-history" in out
    repo.commit("Finish", by="zhangwei", files={HANDOVER: COMPLETE}, trailers=(LEAVER,))
    _sign_all(repo)
    assert status(repo, cli)["approved_incomplete"] is False


def test_sign_as_manager_refuses_unfinished_work_unless_allowed(repo: GitRepo, cli,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    repo.commit("Reopen items", by="zhangwei", files={HANDOVER: BASE}, trailers=(LEAVER,))
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", email("wangfang"))
    code, _, err = cli("sign", "--as", "manager", str(repo.root / HANDOVER), root=repo.root)
    assert code == 2 and "customers-introduced" in err and "--allow-incomplete" in err and "zhangwei" in err
    code, _, err = cli("sign", "--as", "manager", "--allow-incomplete", str(repo.root / HANDOVER), root=repo.root)
    assert code == 0, err
    entry = status(repo, cli)
    assert party(entry, "manager")["state"] == "signed" and entry["approved_incomplete"] is True


def test_nobody_signs_a_file_with_placeholders(repo: GitRepo, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.commit("Half done", by="zhangwei", files={HANDOVER: COMPLETE.replace("交接两个客户,其中一个是重点客户。", "待填写")})
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", email("lina"))
    code, _, err = cli("sign", "--as", "successor", str(repo.root / HANDOVER), root=repo.root)
    line = next(n for n, text in enumerate(COMPLETE.splitlines(), 1) if text.startswith("summary:"))
    assert code == 2 and "待填写" in err and f"{HANDOVER}:{line}:10 /summary" in err and "zhangwei" in err
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", email("wangfang"))
    code, _, err = cli("sign", "--as", "manager", "--allow-incomplete", str(repo.root / HANDOVER), root=repo.root)
    assert code == 2 and "/summary" in err  # placeholders are errors: no flag lets anyone sign a template
    repo.sign("Approved-by", "wangfang", HANDOVER)  # written by hand, it counts, and is flagged
    assert status(repo, cli)["approved_incomplete"] is True


# --- the site's sign-off panel ---------------------------------------------------------------------------------

def _page(root: Path) -> str:
    from generator.site.build import build_site

    site = build_site(root / "mkdocs.yml", root / "site", strict=True)
    return html.unescape((site / "handovers" / "2026-11-zhangwei-sales" / "index.html").read_text(encoding="utf-8"))


def test_the_panel_says_what_an_unsigned_signoff_proves_and_flags_unfinished_approvals(repo: GitRepo) -> None:
    repo.commit("Reopen items", by="zhangwei", files={HANDOVER: BASE}, trailers=(LEAVER,))
    _sign_all(repo)
    page = _page(repo.root)
    assert "三方已签字" in page and "仅凭作者字段声明（未验证）" in page and "require_signed" in page
    assert "审批时交接尚未完成" in page and "已介绍新对接人" in page  # the item as people read it, not its id


def test_a_local_build_never_shows_uncommitted_changes_as_signed(repo: GitRepo) -> None:
    _sign_all(repo)
    (repo.root / HANDOVER).write_text(COMPLETE.replace("季度结算", "月结"), encoding="utf-8")
    page = _page(repo.root)
    assert "三方已签字" not in page and "工作副本有未提交的改动" in page


# --- CODEOWNERS -----------------------------------------------------------------------------------------------

def _handbook(root: Path):
    from generator import check_handbook
    from generator.project import Project

    handbook = check_handbook(Project.at(root)).handbook
    assert handbook is not None
    return handbook


@pytest.mark.parametrize("folder", ["x\n/** @mallory", "x\t@mallory", "x*", "x[ab]", "x\\", "x#y", "x\u2028y", "x\u3000y"])
def test_codeowners_never_writes_a_path_that_could_mean_more(repo: GitRepo, folder: str) -> None:
    from generator.actions.codeowners import render_block
    from generator.errors import ProjectError

    handbook = _handbook(repo.root)
    [handover] = handbook.handovers
    with pytest.raises(ProjectError) as refused:
        render_block(handbook, "github", {handover.id: f"handbook/handovers/{folder}/2026-11-zhangwei-sales.yaml"})
    message = str(refused.value)
    assert "CODEOWNERS not written" in message and "rename" in message and "\n/**" not in message


def test_codeowners_escapes_a_space_and_keeps_chinese_folder_names(repo: GitRepo) -> None:
    from generator.actions.codeowners import render_block

    handbook = _handbook(repo.root)
    [handover] = handbook.handovers
    block = render_block(handbook, "gitlab", {handover.id: "handbook/handovers/销售部 2026/2026-11-zhangwei-sales.yaml"})
    assert f"/handbook/handovers/销售部\\ 2026/2026-11-zhangwei-sales.yaml {email('lina')} {email('wangfang')}\n" in block


def test_codeowners_refuses_a_reviewer_no_forge_would_recognise(repo: GitRepo, cli) -> None:
    people = repo.root / "handbook" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace(", email: lina@example.com}", "}"), encoding="utf-8")
    code, _, err = cli("codeowners", root=repo.root)
    assert code == 1 and "lina (Li Na)" in err and "github: <their GitHub user name>" in err
    assert not (repo.root / ".github" / "CODEOWNERS").exists()
    people.write_text(people.read_text(encoding="utf-8").replace(
        "{id: lina, name: 李娜,", "{id: lina, github: li-na, name: 李娜,"), encoding="utf-8")
    assert cli("codeowners", root=repo.root)[0] == 0
    assert f"/{HANDOVER} @li-na {email('wangfang')}" in (repo.root / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
