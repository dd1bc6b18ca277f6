"""Chinese pages speak Chinese, English pages English; and what a successor looks up reads cleanly.

The scan builds the product's own English vocabulary (every English label of the i18n catalogue, the
schemas' enum values and English titles, the sign-off reasons the audit writes, the report's section
names and statuses), builds the sample handbook as a zh site in a real git repository with sign-offs
of every kind, and fails on any of those words in the visible text of any generated page. Content
people wrote (handover and roster values, commit subjects and authors) is taken out first: only our
own words are judged.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.check.rules import walk
from generator.cli import run
from generator.i18n import catalogue
from generator.load.schemas import localized_description
from generator.render.labels import UNLABELLED_STATUS, money
from generator.render.names import short_name
from generator.site.build import build_site
from generator.track.reports import SECTIONS

from .gitrepo import GitRepo, email
from .helpers import copy_project, parse_html, set_plugin_option

TODAY = "2026-11-23"
ZHANGWEI = "handbook/handovers/2026-11-zhangwei-sales.yaml"
HEYU = "handbook/handovers/2026-11-heyu-engineer.yaml"
SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
# Function words of the English labels: in no one's vocabulary, and in many a content phrase.
STOP = {"a", "an", "the", "of", "to", "by", "in", "on", "at", "for", "and", "or", "not", "no", "is", "are", "be", "it",
        "its", "this", "that", "with", "from", "as", "any", "each", "one", "all", "has", "have", "was", "were", "been",
        "than", "then", "so", "but", "into", "out", "up", "who", "what", "which", "when", "how", "only", "their", "them",
        "they", "his", "her", "do", "does", "did", "can", "may", "must", "see", "s", "e", "g"}
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")
LATIN_RUN = re.compile(r"[A-Za-z0-9_./<>@-]+(?:[ ][A-Za-z0-9_./<>@-]+)*")
# URLs, e-mail addresses and repository paths are addresses, not words.
ADDRESSES = re.compile(r"https?://\S+|\S+@\S+|\S+\.(?:yaml|yml|md|json|csv|ics|svg)\b")
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


# -- the site ------------------------------------------------------------------------------------------------

def _signed_project(root: Path, language: str) -> Path:
    """The sample handbook in a real repository: sign-offs that count, a stale one, missing ones, and trailers
    that do not count (someone else's commit, an address nobody in the roster has)."""
    project = copy_project(root)
    set_plugin_option(project, "today", TODAY)
    set_plugin_option(project, "language", language)
    repo = GitRepo(project)
    repo.commit("交接手册", by="luoping")
    repo.sign("Signed-off-by", "zhangwei", ZHANGWEI)
    repo.sign("Acked-by", "lina", ZHANGWEI)
    repo.commit("代王芳签字", by="luoping", trailers=(f"Handover: {ZHANGWEI}", f"Approved-by: wangfang <{email('wangfang')}>"))
    repo.commit("陌生人签字", by="luoping", trailers=(f"Handover: {ZHANGWEI}", "Acked-by: Nobody <nobody@example.org>"))
    repo.sign("Signed-off-by", "heyu", HEYU)
    text = (project / HEYU).read_text(encoding="utf-8")
    repo.commit("补充说明", by="heyu", files={HEYU: text.replace("summary: ", "summary: 补充：", 1)})
    return project


@pytest.fixture(scope="module")
def zh_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _signed_project(tmp_path_factory.mktemp("zh") / "project", "zh")
    return build_site(project / "mkdocs.yml", project / "site", strict=True)


@pytest.fixture(scope="module")
def en_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _signed_project(tmp_path_factory.mktemp("en") / "project", "en")
    return build_site(project / "mkdocs.yml", project / "site", strict=True)


# -- what a reader sees ----------------------------------------------------------------------------------------

class _Visible(HTMLParser):
    """The text a reader sees in the page's content: no attributes, no code, no scripts, blocks kept apart."""

    SKIP = {"script", "style", "code", "pre", "svg", "kbd"}
    BLOCKS = {"p", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "br", "summary", "dt", "dd"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.article = 0
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.article += tag == "article"
        self.skip += tag in self.SKIP
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.article -= tag == "article"
        self.skip -= tag in self.SKIP
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.article and not self.skip:
            self.parts.append(data)


def visible_text(page: Path) -> str:
    parser = _Visible()
    parser.feed(page.read_text(encoding="utf-8"))
    return "".join(parser.parts)


def svg_text(svg: Path) -> str:
    return "\n".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg.read_text(encoding="utf-8")))


def generated_pages(site: Path) -> Iterator[tuple[str, str]]:
    """(path, visible text) of every page and chart the generator writes; the guide is hand-written prose."""
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        if not relative.startswith(("guide/", "404")):
            yield relative, visible_text(page)
    for chart in sorted((site / "reports").glob("*.svg")):
        yield chart.relative_to(site).as_posix(), svg_text(chart)


# -- content people wrote --------------------------------------------------------------------------------------

def content_of(project: Path) -> list[str]:
    """Every value of the handbook (and the names derived from them), every id, commit subject and author."""
    found: set[str] = set()
    for path in (project / "handbook").rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in (str(v) for _, v, _ in walk(data, None) if not isinstance(v, (dict, list, bool, type(None)))):
            found.update(" ".join(line.split()) for line in text.splitlines() if line.strip())
            found.add(short_name(text))
        found.update([path.stem, path.relative_to(project).as_posix()])
    log = GitRepo.__new__(GitRepo)
    log.root = project
    for line in log.git("log", "--format=%an%n%s%n%(trailers:unfold,only)").splitlines():
        value = line.partition(": ")[2]
        found.update([line, value, value.partition(" <")[0]])
    # An enum value (todo, transfer, high) is the schema's word, which pages must show as its label.
    found -= {text for kind, text in _schema_texts() if kind == "enum"}
    return sorted((t for t in found if len(t) >= 2 or CJK.match(t)), key=len, reverse=True)


def without(text: str, strings: list[str]) -> str:
    """``text`` with each of ``strings`` taken out where it stands as a whole (never from inside a word)."""
    text = " ".join(text.split())
    pattern = re.compile(r"(?<![A-Za-z])(?:" + "|".join(re.escape(s) for s in strings) + r")(?![A-Za-z])")
    return pattern.sub(" ", text)


# -- the product's vocabulary -----------------------------------------------------------------------------------

def _schema_texts() -> Iterator[tuple[str, str]]:
    """(kind, text) of every enum value, title, label and description of the schemas."""
    def walk(node: object) -> Iterator[tuple[str, str]]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "enum":
                    yield from (("enum", str(v)) for v in value)
                elif key == "x-enum-labels":
                    yield from (("enum", str(v)) for v in value)
                    yield from (("label", str(v)) for v in value.values())
                elif key in ("title", "description") and isinstance(value, str):
                    yield key, value
                yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    for path in SCHEMAS.rglob("*.json"):
        yield from walk(json.loads(path.read_text(encoding="utf-8")))


def _chinese_part(kind: str, text: str) -> str:
    if kind == "description":
        return localized_description(text, "zh")
    return text.split(" / ", 1)[0] if " / " in text else ("" if kind == "enum" else text)


def _english_part(kind: str, text: str) -> str:
    if kind == "description":
        return localized_description(text, "en")
    return text.split(" / ", 1)[1] if " / " in text else text


def vocabulary(audit_reasons: list[str]) -> set[str]:
    english = list(catalogue("en").values()) + audit_reasons + list(SECTIONS) + list(UNLABELLED_STATUS)
    english += [_english_part(kind, text) for kind, text in _schema_texts() if kind != "description"]
    words = {w.lower() for text in english for w in WORD.findall(text)}
    return {w for w in words if w not in STOP and len(w) > 1}


def allowed_phrases(language: str) -> list[str]:
    """Latin (zh) or Chinese (en) phrases our own texts of ``language`` use on purpose: CSV, ICS, git, handover sign,
    require_signed, guide/signoff.md, API, CMDB …; and in English, 待填写."""
    texts = list(catalogue(language).values())
    part = _chinese_part if language == "zh" else _english_part
    texts += [part(kind, text) for kind, text in _schema_texts() if kind in ("title", "label")]
    # Of the descriptions only the roles' own are shown (on the role pages); the others speak to YAML editors.
    texts += [part("description", json.loads(p.read_text(encoding="utf-8"))["description"])
              for p in (SCHEMAS / "roles").glob("*.schema.json")]
    run = LATIN_RUN if language == "zh" else re.compile(r"[\u3400-\u9fff]+")
    return sorted({m.group().strip() for text in texts for m in run.finditer(text) if len(m.group().strip()) >= 2},
                  key=len, reverse=True)


def english_hits(text: str, vocabulary: set[str]) -> list[str]:
    return [w for w in WORD.findall(text) if w.lower() in vocabulary]


def _reasons(site: Path) -> list[str]:
    """The reasons ``handover status --format json`` gives for the site's project: the audit's English."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run(["--root", str(site.parent), "status", "--format", "json"]) == 0
    return [s["reason"] for entry in json.loads(out.getvalue()) for s in entry["signoffs"] if s["reason"]]


# -- the scans ---------------------------------------------------------------------------------------------------

def test_no_page_of_the_chinese_site_shows_the_products_english(zh_site: Path) -> None:
    project = zh_site.parent
    reasons = _reasons(zh_site)
    assert any("no sign-off yet" in r for r in reasons) and any("not in the roster" in r for r in reasons)
    words = vocabulary(reasons)
    assert {"checklist", "pending", "todo", "returned", "transfer", "customer", "confirmed"} <= words
    strings = content_of(project) + allowed_phrases("zh")
    hits: dict[str, list[str]] = {}
    pages = list(generated_pages(zh_site))
    assert len(pages) > 40
    for path, text in pages:
        left = re.sub(ADDRESSES, " ", without(text, strings))
        found = english_hits(left, words)
        if found:
            hits[path] = [f"{w}: …{left[max(0, left.find(w) - 40):left.find(w) + 40]}…" for w in found[:5]]
    assert not hits, "English on the Chinese site:\n" + "\n".join(f"{p}: {h}" for p, h in hits.items())


def test_the_scan_finds_english_where_there_is_english(en_site: Path) -> None:
    """The same scan on the English site finds the vocabulary everywhere: it can fail."""
    words = vocabulary(_reasons(en_site))
    strings = content_of(en_site.parent)
    handover = visible_text(en_site / "handovers" / "2026-11-zhangwei-sales" / "index.html")
    found = {w.lower() for w in english_hits(without(handover, strings), words)}
    assert {"leaver", "checklist", "successor", "customer"} <= found
    assert english_hits("key customer 康屹: the customer has not confirmed the new contact", words)


def test_no_page_of_the_english_site_shows_chinese_labels(en_site: Path) -> None:
    strings = content_of(en_site.parent) + allowed_phrases("en")
    hits = {}
    for path, text in generated_pages(en_site):
        left = re.sub(ADDRESSES, " ", without(text, strings))
        if CJK.search(left):
            at = CJK.search(left).start()  # type: ignore[union-attr]
            hits[path] = left[max(0, at - 40):at + 40]
    assert hits == {}


# -- what pages say ----------------------------------------------------------------------------------------------

def test_signoff_reasons_are_chinese_on_the_page_and_english_in_status(zh_site: Path) -> None:
    page = visible_text(zh_site / "handovers" / "2026-11-zhangwei-sales" / "index.html")
    assert "尚未签字" in page and "不在花名册中" in page and "签字只在本人的提交中有效" in page
    assert "刘洋" in page  # the successor who has not signed, by name
    heyu = visible_text(zh_site / "handovers" / "2026-11-heyu-engineer" / "index.html")
    assert "签字后文件又有改动" in heyu
    reasons = _reasons(zh_site)
    assert "no sign-off yet" in reasons and "the file changed after this sign-off" in reasons


def test_the_audit_trail_holds_only_commits_of_that_file(zh_site: Path) -> None:
    zhangwei = visible_text(zh_site / "handovers" / "2026-11-zhangwei-sales" / "index.html")
    heyu = visible_text(zh_site / "handovers" / "2026-11-heyu-engineer" / "index.html")
    trail = zhangwei[zhangwei.index("审计记录"):]
    assert "交接手册" in trail and "代王芳签字" in trail and "陌生人签字" in trail
    assert "补充说明" not in trail  # heyu's edit touched only heyu's file
    heyu_trail = heyu[heyu.index("审计记录"):]
    assert "补充说明" in heyu_trail and "代王芳签字" not in heyu_trail and "陌生人签字" not in heyu_trail
    assert "修改文件" in heyu_trail and "新建文件" in heyu_trail and "签字" in heyu_trail


def test_quality_findings_and_report_values_are_chinese(zh_site: Path) -> None:
    quality = visible_text(zh_site / "reports" / "quality" / "index.html")
    assert "客户尚未确认新对接人" in quality and "has not confirmed" not in quality
    report = visible_text(zh_site / "reports" / "incomplete" / "index.html")
    for chinese in ("岗位交接清单", "待办事项", "系统账号", "公司资产", "未完成", "待处理", "未归还", "移交"):
        assert chinese in report, chinese
    assert "customers-introduced" not in report and "transfer:" not in report


def test_checklist_ids_never_stand_for_the_item(zh_site: Path) -> None:
    page = zh_site / "handovers" / "2026-11-zhangwei-sales" / "index.html"
    assert "customers-introduced" not in visible_text(page)
    assert "已陪同接手人向每个客户介绍新对接人" in visible_text(page)
    chart = svg_text(zh_site / "reports" / "most-overdue.svg")
    assert "已陪同接手人向每个客户介绍新对接人" in chart and "customers-introduced" not in chart


def test_the_sites_csv_speaks_the_sites_language(zh_site: Path, en_site: Path) -> None:
    raw = (zh_site / "reports" / "incomplete.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["交接", "交接文件", "离职人"] and "状态" in rows[0]
    assert any(r[2] == "张伟" and "岗位交接清单" in r and "未完成" in r for r in rows[1:])
    english = list(csv.reader(io.StringIO((en_site / "reports" / "incomplete.csv").read_bytes().decode("utf-8-sig"))))
    assert english[0][:3] == ["Handover", "File", "Leaver"] and any(r[2] == "Zhang Wei" for r in english[1:])


def test_role_pages_introduce_the_role_in_the_pages_language(zh_site: Path, en_site: Path) -> None:
    zh = visible_text(zh_site / "roles" / "sales" / "index.html")
    en = visible_text(en_site / "roles" / "sales" / "index.html")
    assert "销售岗位的离职交接：客户档案" in zh and "Sales handover" not in zh
    assert "Sales handover: customer profiles" in en and "销售岗位" not in en


def test_chinese_pages_use_full_width_punctuation(zh_site: Path) -> None:
    page = visible_text(zh_site / "handovers" / "2026-11-zhangwei-sales" / "index.html")
    assert "6/10（60%）" in " ".join(page.split()) or "（" in page
    assert not re.search(r"(离职人|接手人|审批人|承诺对象|负责人|决策链): ", page)


# -- the successor's questions -------------------------------------------------------------------------------------

def test_the_dashboard_counts_are_its_tables_rows(zh_site: Path) -> None:
    html = (zh_site / "index.html").read_text(encoding="utf-8")
    tables = re.findall(r"<table.*?</table>", html, re.DOTALL)
    counts = [int(c) for c in re.findall(r"<td[^>]*>(\d+)</td>", tables[0])]
    open_rows = re.findall(r"<tr>.*?</tr>", tables[1].split("<tbody>")[1], re.DOTALL)
    completed_rows = re.findall(r"<tr>.*?</tr>", tables[2].split("<tbody>")[1], re.DOTALL)
    overdue_rows = [r for r in open_rows if "已逾期" in r]
    assert counts == [len(open_rows), len(overdue_rows), len(completed_rows)]
    assert counts == [6, 4, 2]


def test_a_customer_is_found_by_its_short_name_with_what_a_successor_asks(zh_site: Path) -> None:
    index = visible_text(zh_site / "customers" / "index.html")
    assert "澄泓" in index and "康屹" in index and "苏州澄泓精密机械有限公司" in index
    entry = visible_text(zh_site / "customers" / "c" / "index.html")  # 澄泓 (Chénghóng) under C, not S (苏州)
    chenghong = entry[entry.index("澄泓"):]
    for expected in ("苏州澄泓精密机械有限公司", "决策人", "李志刚（最终拍板", "当前负责人", "刘洋", "最近交接", "张伟",
                     "合同在哪里", "负责人变化"):
        assert expected in chenghong, expected
    html = (zh_site / "customers" / "c" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://contracts.example.com/sales/C-10007/2026-annual"' in html


def test_the_people_page_is_structured(zh_site: Path) -> None:
    page = parse_html(zh_site / "people" / "sales" / "index.html")
    text = visible_text(zh_site / "people" / "sales" / "index.html")
    liuyang = text[text.index("刘洋"):text.index("王芳")]
    for heading in ("交出的交接", "接手的交接", "目前负责的客户"):
        assert heading in liuyang, heading
    assert "澄泓" in liuyang and "苏州澄泓精密机械有限公司" in liuyang
    assert sum(1 for tag, _ in page.tags if tag == "table") >= 8


def test_the_verbal_commitment_box_shows_each_promise_in_full(zh_site: Path) -> None:
    html = (zh_site / "handovers" / "2026-11-zhangwei-sales" / "index.html").read_text(encoding="utf-8")
    box = visible_text_of(html[html.index('class="admonition warning"'):html.index("</div>", html.index('class="admonition warning"'))])
    for expected in ("决定是否兑现对康屹的口头承诺：2027 年续约单价不上涨", "承诺对象：上海康屹医疗器械 采购总监 李建国",
                     "负责人：王芳", "2026-12-15", "张伟 9 月底饭桌上口头答应，无书面记录、未走审批。2027 年标准价上调 6%，"
                     "不兑现需要王芳亲自解释。"):
        assert expected in box, expected


def visible_text_of(fragment: str) -> str:
    parser = _Visible()
    parser.article = 1
    parser.feed(fragment)
    return " ".join("".join(parser.parts).split())


def test_amounts_are_written_as_money_where_the_schema_says_so(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    set_plugin_option(project, "audience", "restricted")
    site = build_site(project / "mkdocs.yml", project / "site", strict=True)
    page = visible_text(site / "handovers" / "2026-11-zhangwei-sales" / "index.html")
    data = yaml.safe_load((project / ZHANGWEI).read_text(encoding="utf-8"))
    contract = data["customers"][0]["contract"]["amount"]
    assert money(contract) in " ".join(page.split()) and money(contract).startswith("¥")
    assert re.search(r"¥\d{1,3}(,\d{3})*\.\d\d", page)
    assert f"{contract['value']} {contract['currency']}" not in page


def test_money_and_short_names() -> None:
    assert money({"value": "320000", "currency": "CNY"}) == "¥320,000.00"
    assert money({"value": "1234.5", "currency": "USD"}) == "US$1,234.50"
    assert money({"value": "99", "currency": "SEK"}) == "SEK 99.00"
    cases = {"杭州博远科技有限公司": "博远", "苏州澄泓精密机械有限公司": "澄泓", "上海康屹医疗器械有限公司": "康屹",
             "江苏省苏州市澄泓精密机械有限公司": "澄泓", "苏州恒远精密机械股份有限公司": "恒远",
             "上海云杉连锁餐饮管理有限公司": "云杉", "西门子（中国）有限公司": "西门子", "阿里巴巴集团控股有限公司": "阿里巴巴",
             "Acme Co., Ltd.": "Acme", "腾讯": "腾讯", "北京": "北京", "上海科技有限公司": "上海科技",
             "厦门大同酒店": "大同酒店", "厦门大同酒店管理有限公司": "大同酒店", "杭州西湖国宾馆有限公司": "西湖国宾馆",
             "上海国际饭店": "国际饭店", "上海和平饭店有限公司": "和平饭店", "成都市大同科技有限公司": "大同科技"}
    assert {name: short_name(name) for name in cases} == cases


def test_english_pages_keep_the_space_after_their_punctuation(en_site: Path) -> None:
    """Escaping trims values; punctuation between two of them must keep its space (never "Leaver:Zhang Wei")."""
    for path in ("handovers/2026-11-zhangwei-sales/index.html", "people/sales/index.html", "signoffs/index.html"):
        text = re.sub(ADDRESSES, " ", visible_text(en_site / path))
        assert not re.search(r"[A-Za-z)][:;,][A-Za-z(]", text), (path, re.search(r".{30}[A-Za-z)][:;,][A-Za-z(].{30}", text))
    page = " ".join(visible_text(en_site / "handovers" / "2026-11-zhangwei-sales" / "index.html").split())
    assert "Promised to: " in page and "Leaver: Zhang Wei" in page


def test_every_signoff_reason_has_a_label_that_says_the_same_in_english() -> None:
    from generator.audit.signoffs import REASONS

    english = catalogue("en")
    assert {key for key in english if key.startswith("reason_")} == {f"reason_{code}" for code in REASONS}
    assert all(english[f"reason_{code}"] == text for code, text in REASONS.items())
