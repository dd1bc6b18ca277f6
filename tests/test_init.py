"""``handover init``: a new company handbook repository, made from the installed package, that works as it is."""
from __future__ import annotations

import fnmatch
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import generator
from generator.actions.init import COMMON_FILES, FORGE_FILES, GITLAB_MERGE_TEMPLATE
from generator.config import load_company
from generator.skeleton import SOURCES, shipped_files

from .gitrepo import GitRepo
from .helpers import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

COMPANY = "苏州澄泓科技"
PACKAGE = Path(generator.__file__).resolve().parent


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _init(cli, target: Path, *options: str) -> tuple[int, str, str]:
    return cli("init", str(target), *options, root=target.parent)


@pytest.fixture(params=["github", "gitlab"])
def forge(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def handbook(tmp_path: Path, cli, forge: str) -> Path:
    target = tmp_path / "company-handbook"
    code, out, err = _init(cli, target, "--forge", forge, "--company", COMPANY)
    assert code == 0, err
    return target


# -- packaging: the data ships inside the wheel, once ---------------------------------------------------

def test_every_package_of_generator_is_listed_in_pyproject() -> None:
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(PACKAGE.parent).parts) for init in PACKAGE.rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    mapped = _pyproject()["tool"]["setuptools"]["package-dir"]
    assert listed - found == set(mapped)
    assert {f"generator.skeleton.{name}": folder for name, folder in SOURCES.items()} == mapped


def test_package_data_covers_every_file_init_copies() -> None:
    package_data = _pyproject()["tool"]["setuptools"]["package-data"]
    for name, folder in SOURCES.items():
        patterns = package_data[f"generator.skeleton.{name}"]
        copied = [relative for relative, _ in shipped_files(name)]
        assert copied and all(any(fnmatch.fnmatch(f, p) for p in patterns) for f in copied), (name, copied)
        on_disk = sorted(p.relative_to(REPO / folder).as_posix() for p in (REPO / folder).rglob("*") if p.is_file())
        assert copied == [f for f in on_disk if any(fnmatch.fnmatch(f, p) for p in patterns)]
    templates = [p.name for p in (PACKAGE / "skeleton").iterdir() if p.is_file() and p.suffix != ".py"]
    assert templates and all(any(fnmatch.fnmatch(t, p) for p in package_data["generator.skeleton"]) for t in templates)


# -- what init writes -------------------------------------------------------------------------------------

def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_init_copies_the_shipped_data_and_guide_unchanged(handbook: Path) -> None:
    for folder in ("schemas", "role_templates", "handbook/guide"):
        assert _tree(handbook / folder) == _tree(REPO / folder), folder
    assert [p.name for p in (handbook / "handbook" / "handovers").iterdir()] == [".gitkeep"]


def test_the_roster_has_two_people_and_a_department_with_a_head(handbook: Path, cli) -> None:
    roster = yaml.safe_load((handbook / "handbook" / "people.yaml").read_text(encoding="utf-8"))
    people = {p["id"] for p in roster["people"]}
    assert len(people) == 2
    assert any(d.get("head") in people for d in roster["departments"])
    code, out, err = cli("check", root=handbook)  # the roster is valid against schemas/people.schema.json
    assert (code, out.strip()) == (0, "no problems found"), out + err


def test_mkdocs_yml_is_this_repositorys_site_with_the_companys_name(handbook: Path) -> None:
    made = yaml.safe_load((handbook / "mkdocs.yml").read_text(encoding="utf-8"))
    ours = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert made["site_name"] == f"{COMPANY} 交接知识库"
    assert made["theme"]["font"] is False and made["theme"]["name"] == "material"
    plugins = {next(iter(p)) if isinstance(p, dict) else p: p for p in made["plugins"]}
    assert plugins["search"]["search"]["lang"] == ["zh"] and "handover" in plugins
    for key in ("docs_dir", "site_dir", "theme", "plugins", "markdown_extensions", "validation", "nav"):
        assert made[key] == ours[key], key
    guide = next(entry["指南"] for entry in made["nav"] if isinstance(entry, dict) and "指南" in entry)
    assert sorted(guide) == sorted(f"guide/{p.name}" for p in (handbook / "handbook" / "guide").glob("*.md"))


def test_settings_ignores_hooks_and_git(handbook: Path, forge: str) -> None:
    settings = tomllib.loads((handbook / "pyproject.toml").read_text(encoding="utf-8"))
    assert "project" not in settings and "handover" in settings["tool"]
    assert settings["tool"]["handover"]["signoff"]["trust_forge_merges"] is (forge == "gitlab")
    ignored = (handbook / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {"site/", "site-*/", ".cache/", ".venv/"} <= set(ignored)
    assert (handbook / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == \
        f"handover-kb=={generator.__version__}"
    ci = {"github": ".github/workflows/handbook.yml", "gitlab": ".gitlab-ci.yml"}
    assert (handbook / ci[forge]).is_file() and not (handbook / ci[{"github": "gitlab", "gitlab": "github"}[forge]]).exists()
    templated = [*COMMON_FILES.values(), *FORGE_FILES[forge].values()]
    leftovers = [p for p in templated if re.search(r"__[A-Z_]+__", (handbook / p).read_text(encoding="utf-8"))]
    assert leftovers == []
    head = subprocess.run(["git", "symbolic-ref", "HEAD"], cwd=handbook, capture_output=True, text=True, check=True)
    assert head.stdout.strip() == "refs/heads/main"
    assert subprocess.run(["git", "rev-parse", "--verify", "-q", "HEAD"], cwd=handbook, check=False).returncode != 0


def test_the_pre_commit_config_uses_handovers_own_hooks(handbook: Path) -> None:
    published = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    [repo] = yaml.safe_load((handbook / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"]
    assert {h["id"] for h in repo["hooks"]} == set(published)
    for hook in repo["hooks"]:
        assert hook["additional_dependencies"] == [f"handover-kb=={generator.__version__}"]
        assert {k: v for k, v in hook.items() if k != "additional_dependencies"} == published[hook["id"]]
    assert published["handover-check"]["entry"] == "handover check --staged"
    assert published["handover-check"]["pass_filenames"] is True


def test_codeowners_is_written_so_the_first_ci_run_passes(handbook: Path, forge: str, cli) -> None:
    code, out, err = cli("codeowners", "--forge", forge, "--check", root=handbook)
    assert code == 0, out + err


def test_the_next_steps_are_printed_in_chinese_and_english(tmp_path: Path, cli, forge: str) -> None:
    code, out, err = _init(cli, tmp_path / "hb", "--forge", forge)
    assert code == 0, err
    assert "下一步 / Next steps" in out and "git push -u origin main" in out and "git remote add origin" in out
    assert "交接知识库" in out and "handbook/guide/forge.md" in out
    if forge == "github":
        assert "Source: GitHub Actions" in out and "check, sign-off, codeowners" in out
        assert "One owner's approval satisfies a CODEOWNERS line" in out
    else:
        assert all(line in out for line in GITLAB_MERGE_TEMPLATE.splitlines() if line)
    title = yaml.safe_load((tmp_path / "hb" / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]
    assert title == "交接知识库"


# -- refusals ----------------------------------------------------------------------------------------------

def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path, cli) -> None:
    target = tmp_path / "existing"
    target.mkdir()
    (target / "notes.txt").write_text("keep me", encoding="utf-8")
    code, out, err = _init(cli, target)
    assert code == 2 and str(target) in err and "not empty" in err and "never overwrites" in err
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    assert (target / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_init_refuses_a_file(tmp_path: Path, cli) -> None:
    target = tmp_path / "a-file"
    target.write_text("x", encoding="utf-8")
    code, out, err = _init(cli, target)
    assert code == 2 and "not a folder" in err and target.read_text(encoding="utf-8") == "x"


def test_init_accepts_an_empty_folder(tmp_path: Path, cli) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    code, out, err = _init(cli, target)
    assert code == 0, err
    assert (target / "handbook" / "people.yaml").is_file()


@pytest.mark.parametrize("company", ["ACME\nsite_url: http://evil.example", "  ", "x" * 101, "A\u202eB"])
def test_init_refuses_a_company_name_that_is_not_one_line(tmp_path: Path, cli, company: str) -> None:
    code, out, err = _init(cli, tmp_path / "hb", "--company", company)
    assert code == 2 and "--company" in err
    assert not (tmp_path / "hb").exists()


@pytest.mark.parametrize("company", ["ACME: \"Ltd\" #1 {x} & 'co'", "A__SITE_NAME__B", "q\"__TITLE__", "X__VERSION__",
                                     "__TRUST_FORGE_MERGES__", "反斜杠\\u0041 \\n"])
def test_any_company_name_stays_text_in_mkdocs_yml(tmp_path: Path, cli, company: str) -> None:
    code, out, err = _init(cli, tmp_path / "hb", "--company", company)
    assert code == 0, err
    assert yaml.safe_load((tmp_path / "hb" / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"] == \
        f"{company} 交接知识库"
    # ... and the certificate's company, read back exactly as given.
    assert load_company(tmp_path / "hb") == company


def test_without_a_company_the_setting_is_shown_commented_out(tmp_path: Path, cli) -> None:
    assert _init(cli, tmp_path / "hb")[0] == 0
    assert load_company(tmp_path / "hb") == ""
    assert '# company = "贵公司名称"' in (tmp_path / "hb" / "pyproject.toml").read_text(encoding="utf-8")


# -- the new handbook works: new, check, build, status ------------------------------------------------------

def test_a_new_handbook_works_from_new_to_status(handbook: Path, cli, forge: str) -> None:
    roster = handbook / "handbook" / "people.yaml"
    roster.write_text(roster.read_text(encoding="utf-8") + "  - {id: lina, name: 李娜, name_en: Li Na, department: sales, "
                      "title: 客户经理, email: lina@example.com}\n", encoding="utf-8")
    code, out, err = cli("new", "--role", "sales", "--leaver", "zhangwei", "--successor", "lina",
                         "--last-day", "2027-01-29", root=handbook)
    assert code == 0, err
    created = "handbook/handovers/2027-01-zhangwei-sales.yaml"
    assert f"created {created}" in out and (handbook / created).is_file()
    filled = handbook / created  # the leaver starts filling it in: the customer's CRM id first
    filled.write_text(filled.read_text(encoding="utf-8").replace('"待填写-客户编号"', '"C-0001"'), encoding="utf-8")

    code, out, err = cli("check", root=handbook)
    assert code == 0, out + err  # placeholders are warnings until filled in
    code, out, err = cli("codeowners", "--forge", forge, root=handbook)
    assert code == 0 and "wrote" in out, out + err

    repo = GitRepo(handbook)  # 'git init' again only sets the test's identity
    repo.commit("Handbook and the handover of zhangwei", by="zhangwei",
                trailers=("Signed-off-by: zhangwei <zhangwei@example.com>",))

    code, out, err = cli("build", root=handbook)
    assert code == 0, err
    site = handbook / "site"
    assert (site / "index.html").is_file() and (site / "guide" / "forge" / "index.html").is_file()
    assert COMPANY in (site / "index.html").read_text(encoding="utf-8")
    assert not list(site.rglob("*.yaml"))

    code, out, err = cli("status", root=handbook)
    assert code == 0 and f"{created}: awaiting-successor" in out, out + err
    code, out, err = cli("status", "--check", created, root=handbook)
    assert code == 1
    assert "successor Li Na (lina): missing" in err and "manager Wang Fang (wangfang): missing" in err
