"""Real MkDocs builds of real handbooks: pages, search, escaping, air-gap, failure safety, new roles."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.site.build import BuildFailed, build_site

from .helpers import CASES, html_pages, parse_html, set_plugin_option

TODAY_FIXED = "  - handover:\n      today: 2026-11-22\n"


def build(project: Path, *, site: str = "site", strict: bool = True) -> Path:
    return build_site(project / "mkdocs.yml", project / site, strict=strict)


def test_sample_handbook_builds_strict_with_every_page(project: Path) -> None:
    site = build(project)
    handovers = sorted(p.stem for p in (project / "handbook" / "handovers").glob("*.yaml"))
    for handover in handovers:
        assert (site / "handovers" / handover / "index.html").is_file()
    for page in ("index.html", "archive/index.html", "people/sales/index.html", "customers/index.html",
                 "roles/sales/index.html", "guide/fill-in/index.html"):
        assert (site / page).is_file(), page
    assert not [p for p in site.rglob("*") if p.suffix in (".yaml", ".yml")], "raw YAML must never be published"
    dashboard = " ".join(parse_html(site / "index.html").text)
    assert "进行中的交接" in dashboard and "张伟" in dashboard


def test_customer_chain_of_owners_links_into_each_handover(project: Path) -> None:
    site = build(project)
    # The customer's entry (the index links to it too, so look for the heading's id)
    page = next(p for p in (site / "customers").rglob("index.html") if 'id="c-c-10007"' in p.read_text(encoding="utf-8"))
    html = page.read_text(encoding="utf-8")
    assert 'id="c-c-10007"' in html
    assert html.count("#customer-c-10007") >= 2  # liuyang -> zhangwei (2025), zhangwei -> liuyang (2026)
    target = (site / "handovers" / "2026-11-zhangwei-sales" / "index.html").read_text(encoding="utf-8")
    assert 'id="customer-c-10007"' in target


def test_customers_with_only_a_few_fields_still_get_their_anchors(empty_project: Path) -> None:
    """A CRM import may give a customer nothing but id, name and stage: the links to it must still land on it."""
    text = (CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")
    start, end = text.index("\ncustomers:\n"), text.index("\ntasks:")
    flat = "\ncustomers:\n" + "".join(f'  - {{id: "C-5000{n}", name: 测试客户{n}有限公司, stage: contract, successor: lina,'
                                       f' profile: 老客户}}\n' for n in (1, 2)) + "\n"
    (empty_project / "handbook" / "handovers" / "flat.yaml").write_text(text[:start] + flat + text[end:], encoding="utf-8")
    site = build(empty_project)
    page = (site / "handovers" / "flat" / "index.html").read_text(encoding="utf-8")
    assert 'id="customer-c-50001"' in page and 'id="customer-c-50002"' in page
    index = "".join(p.read_text(encoding="utf-8") for p in (site / "customers").rglob("index.html"))
    assert "flat/#customer-c-50001" in index


def test_search_finds_a_chinese_customer_name_as_one_token(project: Path) -> None:
    site = build(project)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["zh"]
    separator = re.compile(index["config"]["separator"])
    tokens = {token for doc in index["docs"] for field in ("title", "names") for token in separator.split(doc.get(field, ""))}
    # Whole, with the mark that keeps Material from cutting the query (tests/test_search_index.py).
    assert "苏州澄泓精密机械有限公司\u2060" in tokens
    assert "张伟\u2060" in tokens


def test_restricted_fields_stay_out_of_the_all_staff_site(project: Path) -> None:
    canary_phone, canary_amount = "+86 139 7777 0123", "9876543.21"
    handover = project / "handbook" / "handovers" / "2026-11-chenjing-sales.yaml"
    data = yaml.safe_load(handover.read_text(encoding="utf-8"))
    text = handover.read_text(encoding="utf-8")
    first_phone = next(c["phone"] for cust in data["customers"] for c in cust.get("contacts", []) if "phone" in c)
    first_amount = next(cust["contract"]["amount"]["value"] for cust in data["customers"] if "contract" in cust)
    handover.write_text(text.replace(first_phone, canary_phone).replace(f'"{first_amount}"', f'"{canary_amount}"'),
                        encoding="utf-8")
    site = build(project)
    everything = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file()
                           and p.suffix in (".html", ".json", ".xml", ".txt", ".js"))
    assert canary_phone not in everything and canary_amount not in everything
    assert "〔受限〕" in (site / "handovers" / "2026-11-chenjing-sales" / "index.html").read_text(encoding="utf-8")
    set_plugin_option(project, "audience", "restricted")
    full = build(project, site="site-restricted")
    page = (full / "handovers" / "2026-11-chenjing-sales" / "index.html").read_text(encoding="utf-8")
    shown = "¥9,876,543.21"  # amounts are written with their currency sign and thousands separators
    assert shown.replace(".", "&#46;") in page or shown in page


HOSTILE = [
    "<script>alert('x1')</script>",
    "<img src=x onerror=alert('x2')>",
    "[click](javascript:alert('x3'))",
    "<a href=\"javascript:alert('x4')\">x</a>",
    "cell | injected | row",
    "line one\n# Injected heading\n- list",
    "{: onclick=\"alert('x5')\" }",
    "<svg onload=alert('x6')>",
    "`code` **bold** &lt;script&gt;",
    "<<x>> ]]> <!-- comment --> <style>body{display:none}</style>",
]


def hostile_handover(project: Path) -> Path:
    text = (CASES / "valid" / "minimal-sales.yaml").read_text(encoding="utf-8")
    data_lines = []
    for payload in HOSTILE:
        quoted = json.dumps(payload, ensure_ascii=False)  # JSON strings are valid YAML double-quoted scalars
        one_line = json.dumps(payload.replace("\n", " "), ensure_ascii=False)  # check refuses a line break in a title
        data_lines.append(f"  - topic: {one_line}\n    note: {quoted}")
    text = text.replace("checklist:", "knowledge:\n" + "\n".join(data_lines) + "\nchecklist:")
    text = text.replace("name: 测试客户甲有限公司", f"name: {json.dumps(HOSTILE[1])}")
    text = text.replace("summary: 交接两个客户,其中一个是重点客户。", f"summary: {json.dumps(HOSTILE[5])}")
    target = project / "handbook" / "handovers" / "2026-11-hostile-sales.yaml"
    target.write_text(text, encoding="utf-8")
    return target


def test_hostile_content_is_shown_as_text_never_as_markup(empty_project: Path) -> None:
    hostile_handover(empty_project)
    site = build(empty_project)
    page = site / "handovers" / "2026-11-hostile-sales" / "index.html"
    parsed = parse_html(page)
    for path in html_pages(site):
        elements = parse_html(path)
        for tag, attrs in elements.tags:
            assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
            assert not any(v.strip().lower().startswith("javascript:") for v in attrs.values()), (path, tag, attrs)
            assert tag not in ("svg", "style", "img") or "x2" not in str(attrs)
        assert not any("alert(" in script for script in elements.scripts), path
    assert not any("Injected heading" in h and "line one" not in h for h in parsed.headings)
    shown = " ".join(parsed.text)
    for fragment in ("<script>alert('x1')</script>", "cell | injected | row", "[click](javascript:alert('x3'))",
                     "`code` **bold** &lt;script&gt;"):
        assert fragment in shown, fragment


def test_site_requests_nothing_from_another_host(project: Path) -> None:
    site = build(project)
    for path in html_pages(site):
        for tag, attrs in parse_html(path).tags:
            for name in ("src", "href", "srcset", "data", "poster"):
                value = attrs.get(name, "")
                loads = tag in ("script", "img", "iframe", "source", "video", "audio", "embed", "object") or (
                    tag == "link" and attrs.get("rel") not in ("canonical",))
                if loads and value:
                    assert not re.match(r"^(https?:)?//", value), (path, tag, attrs)
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), css
        assert not re.search(r"@import\s+(url\()?['\"]?(https?:)?//", text), css


def test_navigation_never_lists_handovers(project: Path) -> None:
    site = build(project)
    html = (site / "handovers" / "2026-11-zhangwei-sales" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index("md-nav--primary"):html.index("md-nav--secondary")]  # the site navigation, not the TOC
    assert "guide/fill-in/" in nav  # the slice really is the navigation
    assert "2026-11-chenjing-sales" not in nav and "handovers/" not in nav


def test_failed_build_leaves_the_previous_site_untouched(project: Path) -> None:
    site = build(project)
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    shutil.copy2(CASES / "invalid" / "impossible-date.yaml", project / "handbook" / "handovers" / "bad.yaml")
    with pytest.raises(BuildFailed) as failure:
        build(project)
    assert "handbook/handovers/bad.yaml:" in str(failure.value) and "schema-format" in str(failure.value)
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in site.parent.iterdir() if p.name.startswith(".site")) == []


def test_english_labels(project: Path) -> None:
    set_plugin_option(project, "language", "en")
    site = build(project)
    text = " ".join(parse_html(site / "index.html").text)
    assert "Open handovers" in text and "Zhang Wei" in text


TRAINER_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "培训师 / Trainer",
    "description": "培训岗位的交接。 Trainer handover.",
    "type": "object",
    "allOf": [{"$ref": "../envelope.schema.json"}],
    "required": ["courses"],
    "properties": {
        "role": {"const": "trainer"},
        "courses": {
            "title": "课程 / Courses", "description": "负责的课程。 Courses taught.", "type": "array", "x-knowledge": True,
            "items": {"type": "object", "required": ["name", "audience"], "additionalProperties": False, "x-label": "name",
                      "properties": {"name": {"type": "string", "title": "课程名 / Course", "description": "名称。 Name.",
                                              "examples": ["新员工入职培训"]},
                                     "audience": {"type": "string", "title": "学员 / Audience", "description": "学员。 Audience.",
                                                  "examples": ["新员工"]},
                                     "materials": {"$ref": "../envelope.schema.json#/$defs/location"}}},
        },
    },
    "unevaluatedProperties": False,
}


TRAINER_TEMPLATE = """\
# yaml-language-server: $schema=__SCHEMA__
schema_version: 1
role: trainer
leaver: __LEAVER__
successors: __SUCCESSORS__
manager: __MANAGER__
notice_date: __NOTICE_DATE__
last_day: __LAST_DAY__
transition: {start: __TRANSITION_START__, end: __LAST_DAY__}
summary: 待填写:交接范围
courses:
  - name: 待填写:课程名
    audience: 新员工
    materials: docs/training/onboarding
checklist:
  - {id: courses-handed, item: 课程资料已移交, status: todo}
  - {id: trainees-informed, item: 学员已知悉新讲师, status: todo}
"""


def test_a_fifth_role_is_data_only(project: Path, cli) -> None:
    (project / "schemas" / "roles" / "trainer.schema.json").write_text(json.dumps(TRAINER_SCHEMA, ensure_ascii=False),
                                                                       encoding="utf-8")
    (project / "role_templates" / "trainer.yaml").write_text(TRAINER_TEMPLATE, encoding="utf-8")
    code, out, err = cli("new", "--role", "trainer", "--leaver", "luoping", "--successor", "gaoyan",
                         "--manager", "wangfang", "--last-day", "2026-12-31", root=project)
    assert code == 0, err
    created = project / "handbook" / "handovers" / "2026-12-luoping-trainer.yaml"
    filled = created.read_text(encoding="utf-8").replace("待填写:交接范围", "培训课程交接").replace("待填写:课程名", "销售新人训练营")
    created.write_text(filled, encoding="utf-8")
    code, out, _ = cli("check", "--format", "json", str(created), root=project)
    assert (code, json.loads(out)) == (0, [])
    site = build(project)
    page = parse_html(site / "handovers" / "2026-12-luoping-trainer" / "index.html")
    assert "课程" in [h.strip("¶ ") for h in page.headings] and "销售新人训练营" in " ".join(page.text)
    assert "销售新人训练营" in (site / "roles" / "trainer" / "index.html").read_text(encoding="utf-8")
