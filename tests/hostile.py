"""Hostile names and handover text planted into a copy of the sample project (shared by the hostile tests).

Every payload calls ``alert`` with its own marker (``p1``, ``d1``, ``h1`` …): a dialog says which one got through.
"""
from __future__ import annotations

import json
from pathlib import Path

PERSON = "</title><svg onload=alert('p1')>"
PERSON_EN = "<img src=x onerror=alert('p2')>"
DEPARTMENT = "</title><svg onload=alert('d1')>"
DEPARTMENT_EN = "\"><script>alert('d2')</script>"
SUMMARY = "</title><script>alert('h1')</script>"
CUSTOMER = "<svg onload=alert('h2')>澄泓"
NOTES = "<img src=x onerror=alert('h3')>"
MARKERS = ("p1", "p2", "d1", "d2", "h1", "h2", "h3")

LEAVER = "zhangwei"  # 张伟, of the sales department, leaver of HANDOVER
HANDOVER = "2026-11-zhangwei-sales"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def plant(project: Path) -> None:
    """The leaver's name and their department's name, in both languages, and the handover's own text."""
    people = project / "handbook" / "people.yaml"
    text = people.read_text(encoding="utf-8")
    for old, new in ((f"id: {LEAVER}, name: 张伟, name_en: Zhang Wei,", f"id: {LEAVER}, name: {_quoted(PERSON)}, "
                      f"name_en: {_quoted(PERSON_EN)},"),
                     ("    name: 销售部\n    name_en: Sales\n",
                      f"    name: {_quoted(DEPARTMENT)}\n    name_en: {_quoted(DEPARTMENT_EN)}\n")):
        assert old in text, old
        text = text.replace(old, new, 1)
    people.write_text(text, encoding="utf-8")
    handover = project / "handbook" / "handovers" / f"{HANDOVER}.yaml"
    text = handover.read_text(encoding="utf-8")
    lines = text.splitlines()
    summary = lines.index("summary: >-")
    lines[summary:summary + 2] = [f"summary: {_quoted(SUMMARY)}"]
    notes = lines.index("  notes: >-")
    lines[notes:notes + 2] = [f"  notes: {_quoted(NOTES)}"]
    handover.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for path in (project / "handbook" / "handovers").glob("*.yaml"):  # one customer id, one name in every file
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("name: 苏州澄泓精密机械有限公司", f"name: {_quoted(CUSTOMER)}"), encoding="utf-8")
