"""The handover certificate (交接确认单): a real git history of sign-offs, printed to PDF by a real Chromium
and read back with pypdf; the same certificate as a page of a real MkDocs build."""
from __future__ import annotations

import json
import os
import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from generator.i18n import label
from generator.site.build import build_site

from .gitrepo import GitRepo, email
from .helpers import chinese_font, copy_project, parse_html
from .hostile import plant

HANDOVER = "2026-11-zhangwei-sales"
FILE = f"handbook/handovers/{HANDOVER}.yaml"
COMPANY = "苏州测试精工科技有限公司"
NAMES = {"zhangwei": "张伟", "lina": "李娜", "liuyang": "刘洋", "wangfang": "王芳"}


needs_printing = pytest.mark.skipif(
    not (shutil.which("chromium") and chinese_font()) and not os.environ.get("CI"),
    reason="printing needs Chromium and a Chinese font (apt-get install chromium fonts-noto-cjk)")


@pytest.fixture
def signed(tmp_path: Path) -> GitRepo:
    """The sample handbook in git: the leaver and one of two successors signed, the other and the manager not."""
    project = copy_project(tmp_path / "project")
    (project / "pyproject.toml").write_text(f'[tool.handover]\ncompany = "{COMPANY}"\n', encoding="utf-8")
    git = GitRepo(project)
    git.commit("The handbook", by="luoping")
    git.sign("Signed-off-by", "zhangwei", FILE)
    git.sign("Acked-by", "lina", FILE)
    return git


def _signoffs(cli, root: Path) -> dict[str, dict]:
    code, out, err = cli("status", "--format", "json", str(root / FILE), root=root)
    assert code == 0, err
    [status] = json.loads(out)
    return {s["person"]: s for s in status["signoffs"]}


def _pdf_text(path: Path) -> tuple[int, list[str]]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    for page in reader.pages:  # A4 portrait, in points
        assert abs(float(page.mediabox.width) - 595) < 2 and abs(float(page.mediabox.height) - 842) < 2
    # NFKC: CJK fonts map some glyphs to compatibility characters (⼈ for 人) in a PDF's text layer.
    return len(reader.pages), [unicodedata.normalize("NFKC", page.extract_text()) for page in reader.pages]


@needs_printing
def test_certificate_pdf_names_every_party_with_their_git_signoff_and_blank_lines_for_the_rest(
        signed: GitRepo, cli, tmp_path: Path) -> None:
    signoffs = _signoffs(cli, signed.root)
    assert signoffs["zhangwei"]["state"] == "signed" and signoffs["lina"]["state"] == "signed"
    assert signoffs["liuyang"]["state"] == "missing" and signoffs["wangfang"]["state"] == "missing"
    target = tmp_path / "out" / "certificate.pdf"

    code, out, err = cli("certificate", str(signed.root / FILE), "-o", str(target), root=signed.root)

    assert code == 0, err
    assert str(target) in out and "next:" in out
    pages, texts = _pdf_text(target)
    assert 1 <= pages <= 4, pages
    text = "".join(texts)
    flat = re.sub(r"\s+", "", text)  # a table cell may wrap a value across lines
    assert COMPANY in flat and label("certificate_of", "zh", name="张伟", role="销售") in flat
    for name in NAMES.values():
        assert name in flat, name
    for person in ("zhangwei", "lina"):  # signed: when, and which commit
        at = signoffs[person]["at"]
        assert at[:10] + at[11:16] in flat, (person, at)
        assert signoffs[person]["commit"][:10] in flat
    # Nobody's key verified anything here, so all four boxes keep lines for a handwritten signature.
    assert flat.count(label("wet_signature", "zh") + label("date", "zh")) == 4
    assert flat.count(label("signoff_missing", "zh")) == 2
    # The signature boxes are kept together, after everything handed over.
    last = re.sub(r"\s+", "", texts[-1])
    assert label("signatures", "zh") in last and label("role_manager", "zh") + "王芳" in last
    # The handover's essentials: customers, promises, documents, accounts, open items.
    for expected in ("苏州澄泓精密机械有限公司", "C-10015", "2027年续约单价不上涨", "https://drive.example.com/sales/C-10007/renewal-2027",
                     "supplier-sales@kangyi", label("open_items", "zh"), label("commitments", "zh")):
        assert expected in flat, expected


def test_certificate_html_is_one_escaped_document_that_runs_and_loads_nothing(signed: GitRepo, cli, tmp_path: Path) -> None:
    plant(signed.root)
    signed.commit("Hostile text", by="zhangwei")
    target = tmp_path / "certificate.html"

    code, _, err = cli("certificate", str(signed.root / FILE), "-o", str(target), root=signed.root)

    assert code == 0, err
    html = target.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"<(script|svg|img|iframe|link)\b", html, re.IGNORECASE)
    assert not re.search(r"\son\w+\s*=", html)
    assert "alert" in html  # the planted names are there, as text
    assert 'src=' not in html and "url(" not in html.split("</style>")[1]


def test_certificate_says_what_to_do_without_chromium(signed: GitRepo, cli, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDOVER_CHROMIUM", str(tmp_path / "no-such-browser"))
    target = tmp_path / "certificate.pdf"

    code, _, err = cli("certificate", str(signed.root / FILE), "-o", str(target), root=signed.root)

    assert code == 1
    assert "HANDOVER_CHROMIUM" in err and "chromium" in err.lower()
    assert not target.exists()


def test_certificate_of_a_file_that_is_no_handover_is_a_usage_error(signed: GitRepo, cli, tmp_path: Path) -> None:
    roster = signed.root / "handbook" / "people.yaml"
    code, _, err = cli("certificate", str(roster), "-o", str(tmp_path / "x.pdf"), root=signed.root)
    assert code in (1, 2) and "handbook/people.yaml" in err


def test_every_handover_has_a_certificate_page_linked_from_its_page_and_kept_out_of_search(signed: GitRepo) -> None:
    site = build_site(signed.root / "mkdocs.yml", signed.root / "site")
    handovers = sorted(p.stem for p in (signed.root / "handbook" / "handovers").glob("*.yaml"))
    assert sorted(p.name for p in (site / "certificates").iterdir()) == handovers
    page = site / "handovers" / HANDOVER / "index.html"
    links = [attrs for tag, attrs in parse_html(page).tags if tag == "a" and "md-button" in attrs.get("class", "")]
    assert any(a["href"].endswith(f"certificates/{HANDOVER}/") for a in links), links
    certificate = (site / "certificates" / HANDOVER / "index.html").read_text(encoding="utf-8")
    assert COMPANY in certificate and "data-hk-print" in certificate
    assert certificate.count('class="hk-party"') == 4
    assert email("zhangwei") not in certificate
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if d["location"].startswith("certificates/")]
