"""Safe by default: credentials by reference only, personal data scoped, hostile input harmless."""
from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import check_handbook
from generator.load.document import load_file
from generator.load.schemas import SchemaSet, values_at
from generator.project import Project
from generator.render.pages import SiteOptions, render_site

from .gitrepo import GitRepo
from .helpers import CASES, REPO, Elements, copy_project

BASE = (CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")


def rules_for(project: Path, file: str, today: dt.date | None = None) -> set[tuple[int, str, str]]:
    result = check_handbook(Project.at(project), today=today)
    return {(p.line, p.rule, p.severity) for p in result.problems if p.file.endswith(file)}


def test_credential_schemes_are_configured_in_one_place(empty_project: Path) -> None:
    (empty_project / "handbook" / "handovers" / "a.yaml").write_text(BASE, encoding="utf-8")
    assert not {r for r in rules_for(empty_project, "a.yaml") if r[1] == "credential-scheme"}
    (empty_project / "pyproject.toml").write_text('[tool.handover.security]\ncredential_schemes = ["lastpass"]\n',
                                                  encoding="utf-8")
    assert (45, "credential-scheme", "error") in rules_for(empty_project, "a.yaml")


def test_retention_warns_a_month_ahead_and_fails_after(empty_project: Path) -> None:
    text = BASE.replace("summary:", "retain_until: 2027-01-31\nsummary:", 1)
    (empty_project / "handbook" / "handovers" / "a.yaml").write_text(text, encoding="utf-8")
    assert not {r for r in rules_for(empty_project, "a.yaml", dt.date(2026, 12, 1)) if r[1].startswith("retention")}
    assert (12, "retention-due", "warning") in rules_for(empty_project, "a.yaml", dt.date(2027, 1, 2))
    assert (12, "retention-expired", "error") in rules_for(empty_project, "a.yaml", dt.date(2027, 2, 1))


def test_a_path_may_not_leave_the_repository_through_a_symlink(empty_project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (empty_project / "docs").mkdir()
    os.symlink(outside, empty_project / "docs" / "shared")
    text = BASE.replace("location: https://drive.example.com/contracts/C-90001", "location: docs/shared/contract.pdf")
    (empty_project / "handbook" / "handovers" / "a.yaml").write_text(text, encoding="utf-8")
    assert any(rule == "unsafe-link" for _, rule, _ in rules_for(empty_project, "a.yaml"))


def test_a_role_may_raise_but_never_lower_sensitivity(empty_project: Path, cli) -> None:
    sales = empty_project / "schemas" / "roles" / "sales.schema.json"
    schema = json.loads(sales.read_text(encoding="utf-8"))
    contact = schema["$defs"]["customer"]["properties"]["contacts"]["items"]["properties"]
    contact["phone"]["x-sensitivity"] = "public"
    sales.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    (empty_project / "handbook" / "handovers" / "a.yaml").write_text(BASE, encoding="utf-8")
    code, _, err = cli("check", root=empty_project)
    assert code == 1 and "never lower" in err


# -- audiences -----------------------------------------------------------------------------------

def canary_for(value: Any, number: int) -> Any:
    if isinstance(value, dict) and set(value) == {"value", "currency"}:
        return {"value": f"77{number:05d}.31", "currency": "CNY"}
    if isinstance(value, str) and "@" in value:
        return f"canary{number:04d}@example.com"
    if isinstance(value, str) and value.lstrip("+")[:1].isdigit():
        return f"+86 177 {number:04d} 7731"
    return f"金丝雀{number:04d}CANARY"


def seed_canaries(project: Path) -> list[str]:
    """Put a unique value into every restricted field of every sample handover; return the values."""
    schemas = SchemaSet(project / "schemas", project / "role_templates")
    canaries: list[str] = []
    for path in sorted((project / "handbook" / "handovers").glob("*.yaml")):
        document, _ = load_file(path)
        assert document is not None
        data = document.data
        role = schemas.role(data["role"])
        assert role is not None
        for schema_path in role.tree.paths(lambda _, f: f.sensitivity == "restricted"):
            parent_path, key = schema_path[:-1], schema_path[-1]
            for _, parent in list(values_at(data, parent_path)):
                if isinstance(parent, dict) and key in parent:
                    value = canary_for(parent[key], len(canaries))
                    parent[key] = value
                    canaries.append(value["value"] if isinstance(value, dict) else value)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")  # JSON is YAML
    return canaries


def everything_in(site: Path) -> str:
    parts = []
    for file in site.rglob("*"):
        if file.is_file():
            raw = file.read_bytes()
            parts.append((gzip.decompress(raw) if file.suffix == ".gz" else raw).decode("utf-8", errors="replace"))
    return "\n".join(parts)


def test_canaries_in_restricted_fields_never_reach_the_all_staff_site(project: Path, cli) -> None:
    canaries = seed_canaries(project)
    assert len(canaries) >= 20  # phones, e-mails, amounts and personal notes across the sample
    assert cli("check", root=project)[0] == 0
    assert cli("build", "--strict", root=project)[0] == 0
    assert cli("build", "--audience", "restricted", root=project)[0] == 0
    staff, restricted = everything_in(project / "site"), everything_in(project / "site-restricted")
    leaked = [c for c in canaries if c in staff or c.replace(".", "&#46;") in staff]
    assert leaked == []
    def as_shown(canary: str) -> str:  # an amount is written as money: 7,700,007.31
        return f"{float(canary):,.2f}" if re.fullmatch(r"\d+\.\d\d", canary) else canary

    shown = [c for c in canaries if as_shown(c).replace(".", "&#46;").replace("+", "&#43;").replace("@", "&#64;")
             in restricted or as_shown(c) in restricted]
    assert shown == canaries


# -- hostile content, as properties ------------------------------------------------------------

_pieces = st.one_of(st.sampled_from(list("<>\"'`&=:;/\\()[]{}*_#|!-+.~^%$@ \n\tjavscriptonerrlad")),
                    st.sampled_from(["javascript:", "<script>", "</script>", "onerror=", "<img src=x ", "](", "{:",
                                     "<a href=", "\n# ", "\n| a | b |\n|---|---|\n", "<!--", "&#", "\n    "]))
hostile_text = st.lists(_pieces, min_size=1, max_size=20).map("".join).filter(lambda s: s.strip())

MARKDOWN = markdown.Markdown(extensions=["admonition", "attr_list", "tables", "toc"])


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One project for every example: each example rewrites its only handover file."""
    return copy_project(tmp_path_factory.mktemp("hostile") / "p", with_handovers=False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(summary=hostile_text, topic=hostile_text, note=hostile_text, customer=hostile_text)
def test_no_page_gets_markup_from_content(summary: str, topic: str, note: str, customer: str, hostile_project: Path) -> None:
    project = hostile_project
    text = BASE.replace("summary: 交接两个客户,其中一个是重点客户。", f"summary: {json.dumps(summary)}")
    text = text.replace("name: 测试客户甲有限公司", f"name: {json.dumps(customer)}")
    text = text.replace("checklist:", f"knowledge:\n  - topic: {json.dumps(topic)}\n    note: {json.dumps(note)}\nchecklist:")
    (project / "handbook" / "handovers" / "h.yaml").write_text(text, encoding="utf-8")
    result = check_handbook(Project.at(project))
    if result.handbook is None:  # e.g. blank after stripping: refused, which is also safe
        return
    for uri, page in render_site(result.handbook, SiteOptions(today=dt.date(2026, 11, 22))).items():
        if not uri.endswith(".md"):  # charts (shown with <img>), CSV and calendars are not HTML
            assert "<script" not in page and "javascript:" not in page.lower(), uri
            continue
        MARKDOWN.reset()
        elements = Elements()
        elements.feed(MARKDOWN.convert(page))
        for tag, attrs in elements.tags:
            if tag == "img":  # only our own charts, by a plain relative path
                assert re.fullmatch(r"(\.\./)*[a-z0-9/-]+\.svg", attrs.get("src", "")), (uri, attrs)
                continue
            assert tag not in ("script", "iframe", "style", "svg", "object", "embed"), (uri, tag)
            assert not any(name.startswith("on") for name in attrs), (uri, tag, attrs)
            assert not any(v.strip().lower().startswith("javascript:") for v in attrs.values()), (uri, attrs)


# -- secrets stopped before history, and found in it --------------------------------------------

def test_the_pre_commit_hook_refuses_a_staged_secret(tmp_path: Path, cli) -> None:
    project = copy_project(tmp_path / "repo", with_handovers=False)
    git = GitRepo(project)
    git.commit("Start", by="luoping")
    assert cli("install-hook", root=project)[0] == 0
    handover = "handbook/handovers/a.yaml"
    (project / handover).write_text(BASE.replace("发送续约报价", "发送续约报价,系统密码 Crm2026ok"), encoding="utf-8")
    git.git("add", handover)
    refused = subprocess.run(["git", "commit", "-q", "-m", "with a secret"], cwd=project, capture_output=True, text=True)
    assert refused.returncode != 0 and "[secret]" in refused.stdout + refused.stderr
    (project / handover).write_text(BASE, encoding="utf-8")
    git.git("add", handover)
    accepted = subprocess.run(["git", "commit", "-q", "-m", "clean"], cwd=project, capture_output=True, text=True,
                              env={**os.environ, "GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@example.com",
                                   "GIT_COMMITTER_NAME": "a", "GIT_COMMITTER_EMAIL": "a@example.com"})
    assert accepted.returncode == 0, accepted.stderr


def test_scan_history_finds_a_secret_that_was_removed_later(tmp_path: Path, cli) -> None:
    project = copy_project(tmp_path / "repo", with_handovers=False)
    git = GitRepo(project)
    leak = git.commit("Oops", by="zhangwei",
                      files={"handbook/handovers/a.yaml": BASE.replace("季度结算", "季度结算。门户账号 kangyi / Kangyi2026")})
    git.commit("Remove it", by="zhangwei", files={"handbook/handovers/a.yaml": BASE})
    assert cli("scan", root=project)[0] == 0  # today's files are clean...
    code, out, _ = cli("scan-history", "--format", "json", root=project)
    found = json.loads(out)
    assert code == 1 and [(f["file"], f["commit"]) for f in found] == [("handbook/handovers/a.yaml", leak)]


def test_pre_commit_framework_hooks_name_real_commands() -> None:
    import yaml

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["entry"] for h in hooks} == {"handover scan", "handover check --staged"}
