"""Sign-off from git history, one real repository per scenario."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from .conftest import CASES, copy_project
from .gitrepo import GitRepo, email

HANDOVER = "handbook/handovers/2026-11-zhangwei-sales.yaml"
BASE = (CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    project = copy_project(tmp_path / "project", with_handovers=False)
    git = GitRepo(project)
    git.commit("Roster and schemas", by="luoping")
    git.commit("Start the handover of zhangwei", by="zhangwei", files={HANDOVER: BASE},
               trailers=(f"Signed-off-by: zhangwei <{email('zhangwei')}>",))
    return git


def status(git: GitRepo, cli, *args: str) -> list[dict]:
    code, out, err = cli("status", "--format", "json", *args, root=git.root)
    assert code == 0, err
    return json.loads(out)


def states(entry: dict) -> dict[tuple[str, str], str]:
    return {(s["role"], s["person"]): s["state"] for s in entry["signoffs"]}


def test_all_three_signed(repo: GitRepo, cli) -> None:
    repo.sign("Acked-by", "lina", HANDOVER)
    approval = repo.sign("Approved-by", "wangfang", HANDOVER)
    [entry] = status(repo, cli)
    assert entry["file"] == HANDOVER and entry["leaver"] == "zhangwei" and entry["state"] == "signed"
    assert states(entry) == {("leaver", "zhangwei"): "signed", ("successor", "lina"): "signed",
                             ("manager", "wangfang"): "signed"}
    manager = next(s for s in entry["signoffs"] if s["role"] == "manager")
    assert manager["commit"] == approval and manager["at"] == "2026-11-02T13:00:00+08:00"
    assert set(manager) == {"role", "person", "state", "commit", "at", "verified", "reason"}
    assert manager["verified"] is False


def test_a_later_edit_makes_every_signoff_stale(repo: GitRepo, cli) -> None:
    repo.sign("Acked-by", "lina", HANDOVER)
    repo.sign("Approved-by", "wangfang", HANDOVER)
    repo.commit("Add a task", by="zhangwei", files={HANDOVER: BASE.replace("发送续约报价", "发送续约报价并确认")})
    [entry] = status(repo, cli)
    assert entry["state"] == "awaiting-leaver"
    assert set(states(entry).values()) == {"stale"}
    assert all("changed after" in s["reason"] for s in entry["signoffs"])
    again = repo.sign("Acked-by", "lina", HANDOVER)
    lina = next(s for s in status(repo, cli)[0]["signoffs"] if s["person"] == "lina")
    assert (lina["state"], lina["commit"]) == ("signed", again)  # the newest sign-off is the one shown


def test_blob_lookup_matches_git_on_a_branchy_history(repo: GitRepo) -> None:
    from generator.audit.history import open_repository, read_history

    other = "handbook/handovers/other.yaml"
    repo.commit("Other", by="lina", files={other: "a: 1\n"})
    repo.git("checkout", "-q", "-b", "side")
    repo.commit("Side edit", by="lina", files={HANDOVER: BASE + "\n# side\n"})
    repo.git("mv", other, "handbook/handovers/moved.yaml")
    repo.commit("Move", by="lina")
    repo.git("checkout", "-q", "main")
    repo.commit("Main edit", by="zhangwei", files={other: "a: 2\n"})
    repo.merge("side", by="wangfang")
    repo.commit("After", by="zhangwei", files={HANDOVER: BASE + "\n# after\n"})
    history = read_history(open_repository(repo.root))
    paths = [HANDOVER, other, "handbook/handovers/moved.yaml"]
    for commit in history.commits:
        listing = repo.git("ls-tree", "-r", commit.sha, "--", *paths)
        truth = {line.split("\t")[1]: line.split()[2] for line in listing.splitlines()}
        assert {p: history.blob_at(commit.sha, p) for p in paths} == {p: truth.get(p) for p in paths}, commit.subject


def test_two_successors_each_confirm(repo: GitRepo, cli) -> None:
    two = BASE.replace("successors: [lina]", "successors: [lina, liuyang]")
    repo.commit("Second successor", by="zhangwei", files={HANDOVER: two},
                trailers=(f"Signed-off-by: zhangwei <{email('zhangwei')}>",))
    repo.sign("Acked-by", "lina", HANDOVER)
    [entry] = status(repo, cli)
    assert entry["state"] == "awaiting-successor"
    assert states(entry)[("successor", "liuyang")] == "missing"
    repo.sign("Reviewed-by", "liuyang", HANDOVER)
    repo.sign("Approved-by", "wangfang", HANDOVER)
    assert status(repo, cli)[0]["state"] == "signed"


def test_a_trailer_by_the_wrong_person_is_reported_not_counted(repo: GitRepo, cli) -> None:
    repo.sign("Acked-by", "lina", HANDOVER)
    repo.sign("Approved-by", "lina", HANDOVER)  # lina is not the manager
    [entry] = status(repo, cli)
    assert entry["state"] == "awaiting-manager"
    wrong = [s for s in entry["signoffs"] if s["state"] == "invalid"]
    assert [(w["role"], w["person"]) for w in wrong] == [("manager", "lina")]
    assert "not the manager" in wrong[0]["reason"]
    assert states(entry)[("manager", "wangfang")] == "missing"


def test_leaver_equal_to_manager_is_refused(repo: GitRepo, cli) -> None:
    repo.commit("Self-approval", by="zhangwei", files={HANDOVER: BASE.replace("manager: wangfang", "manager: zhangwei")})
    code, _, err = cli("status", root=repo.root)
    assert code == 1 and "parties-distinct" in err


def test_a_merge_by_the_manager_is_the_approval(repo: GitRepo, cli) -> None:
    repo.git("checkout", "-q", "-b", "handover")
    repo.commit("Fill in", by="zhangwei", files={HANDOVER: BASE.replace("季度结算", "季度结算,账期 60 天")},
                trailers=(f"Signed-off-by: zhangwei <{email('zhangwei')}>",))
    repo.sign("Acked-by", "lina", HANDOVER)
    repo.git("checkout", "-q", "main")
    merge = repo.merge("handover", by="wangfang", message="Merge the handover of zhangwei")
    [entry] = status(repo, cli)
    assert entry["state"] == "signed"
    manager = next(s for s in entry["signoffs"] if s["role"] == "manager")
    assert manager["commit"] == merge and manager["reason"] == "approved by merging"


def test_a_merge_by_someone_else_is_not_an_approval(repo: GitRepo, cli) -> None:
    repo.git("checkout", "-q", "-b", "handover")
    repo.commit("Fill in", by="zhangwei", files={HANDOVER: BASE.replace("季度结算", "季度结算,账期 60 天")},
                trailers=(f"Signed-off-by: zhangwei <{email('zhangwei')}>",))
    repo.git("checkout", "-q", "main")
    repo.merge("handover", by="lina")
    assert status(repo, cli)[0]["state"] == "awaiting-successor"
    assert states(status(repo, cli)[0])[("manager", "wangfang")] == "missing"


def test_a_rename_keeps_the_signoffs(repo: GitRepo, cli) -> None:
    repo.sign("Acked-by", "lina", HANDOVER)
    repo.sign("Approved-by", "wangfang", HANDOVER)
    archived = "handbook/handovers/archive/2026-11-zhangwei-sales.yaml"
    (repo.root / archived).parent.mkdir(parents=True)
    repo.git("mv", HANDOVER, archived)
    repo.commit("Archive the handover", by="luoping")
    [entry] = status(repo, cli)
    assert entry["file"] == archived and entry["state"] == "signed"


def test_a_shallow_clone_is_an_error_not_unsigned(repo: GitRepo, cli, tmp_path: Path) -> None:
    repo.sign("Acked-by", "lina", HANDOVER)
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.root.as_uri(), str(clone)], check=True)
    code, _, err = cli("status", root=clone)
    assert code == 1 and "shallow" in err and "fetch-depth: 0" in err


def test_no_repository_means_unknown(tmp_path: Path, cli) -> None:
    project = copy_project(tmp_path / "plain")
    code, _, err = cli("status", root=project)
    assert code == 1 and "not a git repository" in err


def ssh_key(tmp_path: Path, person: str) -> Path:
    key = tmp_path / f"{person}_key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", person, "-f", str(key)], check=True)
    return key


def test_require_signed_counts_only_signatures_of_the_person(repo: GitRepo, cli, tmp_path: Path) -> None:
    lina_key, wang_key = ssh_key(tmp_path, "lina"), ssh_key(tmp_path, "wangfang")
    allowed = repo.root / ".allowed_signers"
    allowed.write_text(f"{email('lina')} {(lina_key.with_suffix('.pub')).read_text()}"
                       f"{email('wangfang')} {(wang_key.with_suffix('.pub')).read_text()}", encoding="utf-8")
    with (repo.root / "pyproject.toml").open("w", encoding="utf-8") as config:
        config.write('[tool.handover.signoff]\nrequire_signed = true\nallowed_signers = ".allowed_signers"\n')
    repo.commit("Signing policy", by="luoping")
    repo.commit("Leaver signs, unsigned", by="zhangwei", trailers=(f"Signed-off-by: zhangwei <{email('zhangwei')}>",),
                files={HANDOVER: BASE.replace("季度结算", "季度结算,账期 60 天")})
    repo.sign("Acked-by", "lina", HANDOVER, sign_key=lina_key)
    repo.sign("Approved-by", "wangfang", HANDOVER, sign_key=lina_key)  # signed, but by lina's key
    [entry] = status(repo, cli)
    by_party = {(s["role"], s["person"]): s for s in entry["signoffs"]}
    assert by_party[("leaver", "zhangwei")]["state"] == "invalid" and "unsigned" in by_party[("leaver", "zhangwei")]["reason"]
    assert by_party[("successor", "lina")]["state"] == "signed" and by_party[("successor", "lina")]["verified"] is True
    assert by_party[("manager", "wangfang")]["state"] == "invalid"
    assert entry["state"] == "awaiting-leaver"


def test_verify_catches_a_rewritten_history(repo: GitRepo, cli, tmp_path: Path) -> None:
    repo.sign("Acked-by", "lina", HANDOVER)
    approval = repo.sign("Approved-by", "wangfang", HANDOVER)
    published = tmp_path / "audit.json"
    from generator import check_handbook
    from generator.audit.repository import audit_json
    from generator.project import Project
    from generator.session import Session

    handbook = check_handbook(Project.at(repo.root)).handbook
    assert handbook is not None
    published.write_text(audit_json(handbook, Session(Project.at(repo.root)).audits(handbook), repo.head()), encoding="utf-8")
    code, out, _ = cli("verify", "--against", str(published), root=repo.root)
    assert code == 0, out
    repo.git("reset", "-q", "--hard", "HEAD~1")  # the approval is rewritten away, as by a force-push
    repo.commit("Unrelated", by="luoping")
    code, out, _ = cli("verify", "--against", str(published), root=repo.root)
    assert code == 1 and approval in out and "manager" in out


def test_sign_command_records_a_trailer_and_refuses_wrong_people_and_dirty_files(repo: GitRepo, cli) -> None:
    repo.git("config", "user.name", "李娜")
    repo.git("config", "user.email", email("lina"))
    code, out, err = cli("sign", "--as", "successor", str(repo.root / HANDOVER), root=repo.root)
    assert code == 0, err
    message = repo.git("log", "-1", "--format=%B")
    assert f"Handover: {HANDOVER}" in message and f"Acked-by: 李娜 <{email('lina')}>" in message
    assert states(status(repo, cli)[0])[("successor", "lina")] == "signed"
    code, _, err = cli("sign", "--as", "manager", str(repo.root / HANDOVER), root=repo.root)
    assert code == 2 and "wangfang" in err
    (repo.root / HANDOVER).write_text(BASE + "\n# edited\n", encoding="utf-8")
    code, _, err = cli("sign", "--as", "successor", str(repo.root / HANDOVER), root=repo.root)
    assert code == 2 and "uncommitted" in err


def test_codeowners_written_and_checked(repo: GitRepo, cli) -> None:
    code, out, _ = cli("codeowners", "--check", root=repo.root)
    assert code == 1 and "out of date" in out
    assert cli("codeowners", root=repo.root)[0] == 0
    text = (repo.root / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert f"/{HANDOVER} {email('lina')} {email('wangfang')}" in text
    assert cli("codeowners", "--check", root=repo.root)[0] == 0
    assert cli("codeowners", "--forge", "gitlab", root=repo.root)[0] == 0
    gitlab = (repo.root / ".gitlab" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "[handover 2026-11-zhangwei-sales][2]" in gitlab


def built_page(root: Path, site: str = "site") -> tuple[Path, str]:
    from generator.site.build import build_site

    out = build_site(root / "mkdocs.yml", root / site, strict=True)
    return out, (out / "handovers" / "2026-11-zhangwei-sales" / "index.html").read_text(encoding="utf-8")


def test_site_shows_the_signoff_panel_timeline_and_publishes_audit_json(repo: GitRepo) -> None:
    lina = repo.sign("Acked-by", "lina", HANDOVER)
    site, html = built_page(repo.root)
    assert 'id="signoff"' in html and 'id="audit-trail"' in html
    assert "待负责人审批" in html and lina[:10] in html
    audit = json.loads((site / "audit.json").read_text(encoding="utf-8"))
    assert audit["head"] == repo.head()
    assert {(e["role"], e["person"], e["commit"]) for e in audit["signoffs"]} >= {("successor", "lina", lina)}
    assert all({"file", "role", "person", "commit", "blob"} <= set(e) for e in audit["signoffs"])
    [entry] = [h for h in audit["handovers"] if h["file"] == HANDOVER]
    assert entry == {"file": HANDOVER, "state": "awaiting-manager", "uncommitted_changes": False,
                     "approved_incomplete": False}
    people = (site / "people" / "sales" / "index.html").read_text(encoding="utf-8")
    assert "待本人签字" in people and "#signoff" in people
    recent = (site / "signoffs" / "index.html").read_text(encoding="utf-8")
    assert lina[:10] in recent
    assert "仅凭作者字段声明" in recent  # an unsigned commit is a claim, on this page as on the handover's


def test_site_of_a_shallow_clone_fails_with_the_fix(repo: GitRepo, tmp_path: Path) -> None:
    from generator.site.build import BuildFailed

    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.root.as_uri(), str(clone)], check=True)
    with pytest.raises(BuildFailed) as failure:
        built_page(clone)
    assert "fetch-depth: 0" in str(failure.value)


def test_site_without_git_says_unknown(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "plain", with_handovers=False)
    (project / HANDOVER).write_text(BASE, encoding="utf-8")
    _, html = built_page(project)
    assert "没有 git 历史" in html and "未知" in html
