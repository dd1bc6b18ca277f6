"""``handover init``: a new company handbook repository that can be pushed as it is.

Everything comes from the installed package (``generator.skeleton``): the roster with two example
people, the guide pages, the schemas and role templates, the site's ``mkdocs.yml``, the settings, the
pre-commit hooks and the forge's CI. Every file is computed before the first one is written, each
is created exclusively (nothing is ever overwritten), and the folder must be new or empty.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..errors import AlreadyExists, HandoverError, ProjectError, UsageError
from ..i18n import message
from ..output.problems import text_report
from ..project import Project
from ..session import Session
from ..skeleton import SOURCES, MissingData, shipped_files, template
from .codeowners import update_codeowners

FORGES = ("github", "gitlab")
DEFAULT_TITLE = "交接知识库"
MAX_TITLE = 100

# Template in generator/skeleton -> where it goes in the new repository.
COMMON_FILES = {
    "README.md": "README.md",
    "mkdocs.yml": "mkdocs.yml",
    "pyproject.toml.in": "pyproject.toml",  # not named pyproject.toml: tools would read it as their own settings
    "requirements.txt": "requirements.txt",
    "gitignore": ".gitignore",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "people.yaml": "handbook/people.yaml",
}
FORGE_FILES = {
    "github": {"github-workflow.yml": ".github/workflows/handbook.yml"},
    "gitlab": {"gitlab-ci.yml": ".gitlab-ci.yml"},
}
# The guide pages in the order of the navigation; a shipped page not named here comes last.
GUIDE_ORDER = ("index.md", "fill-in.md", "signoff.md", "forge.md", "security.md", "reports.md", "add-role.md",
               "rules.md")
# git keeps no empty folders: this file keeps handbook/handovers/ (MkDocs skips dot files).
KEEP_FILE = "handbook/handovers/.gitkeep"

# What GitLab should write into every merge commit (Settings -> Merge requests -> Merge commit message
# template). %{approved_by} becomes one "Approved-by: Name <email>" line per approver; as the last
# paragraph they are git trailers, which the sign-off audit reads (trust_forge_merges).
GITLAB_MERGE_TEMPLATE = """Merge branch '%{source_branch}' into '%{target_branch}'

%{title}

See merge request %{reference}

%{approved_by}"""

# Variables of git that would point 'git init' at another repository (as inside a hook).
_GIT_LOCATION = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR")


@dataclass(frozen=True)
class Initialized:
    root: Path
    forge: str
    title: str
    files: tuple[str, ...]  # every file written, relative to ``root``


def site_title(company: str | None) -> str:
    """The site's name: '<company> 交接知识库', or '交接知识库' without a company."""
    if company is None:
        return DEFAULT_TITLE
    name = company.strip()
    if not name or len(name) > MAX_TITLE or not name.isprintable():
        raise UsageError(message("init_company", company=company, most=MAX_TITLE))
    return f"{name} {DEFAULT_TITLE}"


def _guide_nav(pages: list[str]) -> str:
    def place(page: str) -> tuple[int, str]:
        return (GUIDE_ORDER.index(page) if page in GUIDE_ORDER else len(GUIDE_ORDER), page)

    return "\n".join(f"      - guide/{page}" for page in sorted(pages, key=place))


def _filled(name: str, forge: str, title: str, guide: list[str], company: str | None) -> bytes:
    values = {
        # A JSON string is a TOML basic string too; the name was checked to be one printable line.
        "__COMPANY__": (f"company = {json.dumps(company.strip(), ensure_ascii=False)}  # printed on every handover certificate"
                        if company else '# company = "贵公司名称"          # printed on every handover certificate'),
        "      - __GUIDE_NAV__": _guide_nav(guide),
        # A JSON string is a YAML double-quoted scalar: any name stays text, whatever its characters.
        "__SITE_NAME__": json.dumps(title, ensure_ascii=False),
        "__TITLE__": title,
        "__VERSION__": __version__,
        "__TRUST_FORGE_MERGES__": "true" if forge == "gitlab" else "false",
    }
    text = template(name).read_text(encoding="utf-8")
    # One pass: a value put in is never read again, so a company named "A__TITLE__" stays exactly that.
    tokens = re.compile("|".join(map(re.escape, values)))
    return tokens.sub(lambda found: values[found.group()], text).encode("utf-8")


def planned_files(forge: str, title: str, company: str | None = None) -> dict[str, bytes]:
    """Every file of the new repository (CODEOWNERS aside), by path: computed before anything is written."""
    files: dict[str, bytes] = {}
    for name, folder in SOURCES.items():
        try:
            shipped = shipped_files(name)
        except MissingData:
            raise ProjectError(message("init_missing_data", folder=folder)) from None
        files.update((f"{folder}/{relative}", entry.read_bytes()) for relative, entry in shipped)
    guide = [relative for relative, _ in shipped_files("guide") if "/" not in relative]
    for name, target in {**COMMON_FILES, **FORGE_FILES[forge]}.items():
        files[target] = _filled(name, forge, title, guide, company)
    files[KEEP_FILE] = b""
    return files


def _refuse_existing(target: Path) -> None:
    if not target.exists() and not target.is_symlink():
        return
    if not target.is_dir():
        raise UsageError(message("init_not_a_folder", target=target))
    if any(target.iterdir()):
        raise UsageError(message("init_not_empty", target=target))


def _write_new(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("xb") as file:
            file.write(data)
    except FileExistsError:
        raise AlreadyExists(message("init_appeared", path=path)) from None


def _git_init(root: Path) -> None:
    """A repository on branch main, without a commit: the company reviews the files first."""
    environment = {key: value for key, value in os.environ.items() if key not in _GIT_LOCATION}
    try:
        result = subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, env=environment,
                                capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise HandoverError(message("init_no_git", root=root)) from None
    if result.returncode != 0:
        raise HandoverError(message("init_git_failed", root=root, error=result.stderr.strip()))


def _write_codeowners(root: Path, forge: str) -> str:
    """CODEOWNERS as 'handover codeowners' writes it, so CI's 'codeowners --check' passes from the first push.

    Checking the new handbook first also proves that what was written is a valid handbook.
    """
    project = Project.at(root)
    result = Session(project).check()
    if result.handbook is None:
        raise ProjectError(message("init_check_failed", root=root, problems=text_report(list(result.problems))))
    path, _ = update_codeowners(project, result.handbook, forge, check_only=False)
    return path.relative_to(project.root).as_posix()


def init_handbook(target: Path, forge: str = "github", company: str | None = None) -> Initialized:
    """Create the handbook repository in ``target`` (new or empty) and return what was written."""
    if forge not in FORGES:
        raise UsageError(message("init_forge", forge=forge, forges=", ".join(FORGES)))
    title = site_title(company)
    _refuse_existing(target)
    files = planned_files(forge, title, company)
    target.mkdir(parents=True, exist_ok=True)
    root = target.resolve()
    for relative, data in files.items():
        _write_new(root / relative, data)
    _git_init(root)
    codeowners = _write_codeowners(root, forge)
    return Initialized(root, forge, title, tuple(sorted([*files, codeowners])))


def next_steps(done: Initialized, shown: str) -> str:
    """What the company does next, in Chinese and English; ``shown`` is the folder as the user typed it."""
    forge = "GitHub" if done.forge == "github" else "GitLab"
    lines = [
        f"已在 {shown} 创建交接知识库「{done.title}」({forge}),共 {len(done.files)} 个文件,尚未提交。",
        f"Created the handover handbook \"{done.title}\" in {shown} ({forge}): {len(done.files)} files, "
        "not committed yet.",
        "",
        "下一步 / Next steps:",
        "1. 把 handbook/people.yaml 里的两位示例人员换成贵公司的部门和员工"
        f"(写上各人的 {done.forge} 用户名,评审人由它确定),然后运行 handover check。",
        "   Replace the two example people in handbook/people.yaml with your departments and staff (with their "
        f"{done.forge} user names: reviewers are chosen by them), then run: handover check",
        f"2. 提交并推送到新建的私有仓库 / Commit and push to a new private {forge} repository:",
        f"     cd {shown}",
        "     git add .",
        "     git commit -m \"交接知识库 / Handover handbook\"",
        f"     git remote add origin git@{done.forge}.com:<组织 group>/<仓库 repository>.git",
        "     git push -u origin main",
        *(_github_steps() if done.forge == "github" else _gitlab_steps()),
        "每位编辑者的电脑(可选)/ On each editor's computer (optional):",
        "     pip install -r requirements.txt pre-commit && pre-commit install",
        "详见 / More: handbook/guide/forge.md",
    ]
    return "\n".join(lines)


def _github_steps() -> list[str]:
    return [
        "3. 开启 Pages / Enable Pages: Settings → Pages → Build and deployment → Source: GitHub Actions.",
        "   注意:除非组织使用 GitHub Enterprise Cloud 并把 Pages 设为私有,Pages 网站是公开的。",
        "   Mind: unless your organisation has GitHub Enterprise Cloud with private Pages, the Pages site is public.",
        "4. 只允许合并提交 / Allow merge commits only: Settings → General → Pull Requests: turn off squash and rebase",
        "   merging (they would drop the sign-off commits from main's history).",
        "5. 保护 main 分支 / Protect main: Settings → Branches → Add rule for main: Require a pull request before",
        "   merging, Require review from Code Owners, Require status checks to pass: check, sign-off, codeowners.",
        "   CODEOWNERS 的一行只需其中一位评审人批准;每位接手人和负责人都必须签字,由必需的 sign-off 检查保证。",
        "   One owner's approval satisfies a CODEOWNERS line; the required sign-off check makes every successor",
        "   and the manager sign (handover sign), and stays red until they have.",
    ]


def _gitlab_steps() -> list[str]:
    return [
        "3. 网站 / The site: every push to the default branch runs the 'pages' job (Deploy → Pages shows the",
        "   address); turn on Pages access control (Settings → General → Visibility) so only staff can read it.",
        "4. 合并提交模板 / Merge commit template: Settings → Merge requests → Merge method: Merge commit (no",
        "   fast-forward, squashing off), and Merge commit message template:",
        *(f"     {line}" for line in GITLAB_MERGE_TEMPLATE.splitlines()),
        "   审批人在 GitLab 中的批准会成为合并提交里的 Approved-by: 签字行(pyproject.toml 已设 trust_forge_merges = true)。",
        "   Each approval given in GitLab becomes an Approved-by: line of the merge commit, which counts as a",
        "   sign-off (trust_forge_merges = true in pyproject.toml).",
        "5. 保护默认分支 / Protect the default branch: Settings → Repository → Protected branches: Allowed to push:",
        "   No one; Code owner approval: on (Premium: each handover's CODEOWNERS section requires every successor",
        "   and the manager). Settings → Merge requests: Pipelines must succeed.",
    ]

