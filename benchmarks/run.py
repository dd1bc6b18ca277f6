#!/usr/bin/env python
"""Benchmark handover-kb against the tools it is built on, side by side, in one run.

    python benchmarks/run.py                      # N=1000 handovers, median of 3
    python benchmarks/run.py --handovers 200 --repeat 1
    python benchmarks/run.py --scale              # N=1000 and N=5000 (per-page cost)
    python benchmarks/run.py --json results.json  # also write the figures as JSON
    python benchmarks/run.py --profile            # cProfile one build of ours, show where time goes

What is compared (see benchmarks/README.md):

1. check      ``check_handbook`` (and the ``handover check`` CLI) against reading + parsing the same
              files with ``yaml.load(..., Loader=yaml.CSafeLoader)``.          target <= 1.50x
2. build cold ``handover build`` (``generator.build_site``) against a plain ``mkdocs build`` of
              the very same pages written to disk, same theme/extensions/search/nav/validation but
              without the handover plugin. Fresh subprocess per build.       target <= 1.25x
3. build warm the same, building again with nothing changed since the last build (a second build
              in the same process, and a build in a new process over the previous output).
                                                                             target <= 1.10x
4. scaling    (our cold build seconds / N) at 5N against at N (``--scale``).   target <= 1.10x

The synthetic handbook (``synthetic.py``) is generated in a temporary folder and is deterministic
(``--seed``). Everything runs locally and sequentially. Nothing in the repository is modified.
Our side is timed only through the public API of ``generator`` (``Session``, ``render_site``,
``site_content``, ``build_site``): stages are called one after another and each call is timed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from measure import cpu_seconds
from synthetic import DEFAULT_SEED, REPO, TODAY, make_project

PYTHON = sys.executable

TARGETS = {"check": 1.50, "check_cli": 1.50, "build_cold": 1.25, "build_warm": 1.10, "build_warm_new": 1.10,
           "scaling": 1.10}

# ----------------------------------------------------------------------------------------------
# Measurements
# ----------------------------------------------------------------------------------------------

def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def alternating(repeat: int) -> list[tuple[int, str]]:
    """(repetition, side) pairs, ours first in even repetitions and the baseline first in odd ones,
    so a machine that slows down or speeds up during a run does not favour either side."""
    return [(rep, side) for rep in range(repeat)
            for side in (("ours", "baseline") if rep % 2 == 0 else ("baseline", "ours"))]


def check_or_abort(root: Path) -> Any:
    from generator import Project, check_handbook
    from generator.output.problems import text_report

    result = check_handbook(Project.at(root))
    errors = [p for p in result.problems if p.severity == "error"]
    if errors:
        print(text_report(errors[:40]), file=sys.stderr)
        raise SystemExit(f"the synthetic handbook has {len(errors)} errors; fix the generator (nothing was measured)")
    return result


PREFLIGHT_FILES = 500


def preflight(base: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Check a small synthetic handbook before any large one: it is meant to draw errors from no rule and
    warnings from few. A new rule it does not satisfy would otherwise be what the check measures, and
    warnings that grow with the square of N (as a rule following customers across a leaver's earlier
    handovers does here) would not fit in memory at 5,000 files on a shared machine."""
    import collections

    root = base / "preflight"
    make_project(root, PREFLIGHT_FILES, args.seed, Path(args.project_parts_from))
    result = check_or_abort(root)
    shutil.rmtree(root, ignore_errors=True)
    rules = collections.Counter(p.rule for p in result.problems if p.severity == "warning")
    total = sum(rules.values())
    if total > args.max_warnings_per_file * PREFLIGHT_FILES:
        most = ", ".join(f"{rule} {count}" for rule, count in rules.most_common(3))
        raise SystemExit(f"{PREFLIGHT_FILES} synthetic handover files draw {total} warnings ({most}); a check of them would "
                         f"mostly measure those warnings. Make benchmarks/synthetic.py write files these rules accept, "
                         f"measure an earlier commit with --code REV, or raise --max-warnings-per-file to measure it anyway "
                         f"(only at small N: memory).")
    return {"files": PREFLIGHT_FILES, "warnings": total, "by_rule": dict(rules.most_common())}


def customer_chains(handbook: Any) -> dict[str, int]:
    from generator.model import views

    entries = views.customers(handbook)
    lengths = [len(e.steps) for e in entries.values()]
    return {"customers": len(entries), "with_chain": sum(1 for n in lengths if n > 1), "longest_chain": max(lengths, default=0)}


def time_check(root: Path, repeat: int) -> dict[str, Any]:
    """check_handbook against read+parse with PyYAML's C loader, each timing in a fresh process (a big
    heap in the driver would slow garbage collection, unevenly for the two sides); order alternates.
    The timed region is the work only; import times are reported separately."""

    def one(side: str) -> dict[str, float]:
        cmd = [PYTHON, str(Path(__file__).resolve()), "--worker", side, "--config", str(root)]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"{side} failed:\n{done.stderr[-4000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])

    one("check-ours"), one("check-baseline")  # warm-up: OS file cache, .pyc files
    runs: dict[str, list[float]] = {f"{side}{kind}": [] for side in ("ours", "baseline") for kind in ("", "_cpu", "_import")}
    for _, side in alternating(repeat):
        result = one(f"check-{side}")
        runs[side].append(result["seconds"])
        runs[f"{side}_cpu"].append(result["cpu_seconds"])
        runs[f"{side}_import"].append(result["import_seconds"])
    return runs


def check_worker(args: argparse.Namespace) -> None:
    root = Path(args.config)
    start = time.perf_counter()
    if args.worker == "check-ours":
        from generator import Project, check_handbook

        imported, cpu = time.perf_counter(), cpu_seconds()
        result = check_handbook(Project.at(root))
        if not result.ok:
            raise SystemExit("the handbook has errors")
    else:
        import yaml

        imported, cpu = time.perf_counter(), cpu_seconds()
        folder = root / "handbook" / "handovers"
        for path in sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()):
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    done = time.perf_counter()
    print(json.dumps({"seconds": done - imported, "cpu_seconds": cpu_seconds() - cpu, "import_seconds": imported - start}))


def time_check_cli(root: Path, repeat: int) -> dict[str, Any]:
    """Wall clock (and CPU time, workers included) of ``handover check`` against a python process that
    reads+parses the same files."""
    handover = Path(PYTHON).with_name("handover")
    ours_cmd = [str(handover), "--root", str(root), "check"]
    base_cmd = [PYTHON, "-c", "import sys, pathlib, yaml\n"
                "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):\n"
                "    yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n",
                str(root / "handbook" / "handovers")]

    def timed(cmd: list[str]) -> tuple[float, float]:
        start, cpu = time.perf_counter(), cpu_seconds()
        done = subprocess.run(cmd, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(cmd[:3])} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
        return elapsed, cpu_seconds() - cpu

    commands = {"ours": ours_cmd, "baseline": base_cmd}
    runs: dict[str, list[float]] = {"ours": [], "baseline": [], "ours_cpu": [], "baseline_cpu": []}
    for _, side in alternating(repeat):
        elapsed, cpu = timed(commands[side])
        runs[side].append(elapsed)
        runs[f"{side}_cpu"].append(cpu)
    return runs


def _split_plugins(config: dict[str, Any]) -> tuple[dict[str, Any], list[Any]]:
    """The handover plugin's options, and every other plugin entry of a parsed mkdocs.yml."""
    options: dict[str, Any] = {}
    others = []
    for entry in config.get("plugins", []):
        if isinstance(entry, dict) and "handover" in entry:
            options = entry["handover"] or {}
        elif entry != "handover":
            others.append(entry)
    return options, others


def site_options(config: dict[str, Any]) -> Any:
    """SiteOptions as the plugin builds them from the project's (parsed) mkdocs.yml."""
    from generator import SiteOptions

    plugin, _ = _split_plugins(config)
    return SiteOptions(plugin.get("language", "zh"), plugin.get("audience", "all-staff"),
                       dt.date.fromisoformat(str(plugin.get("today", TODAY))))


def read_mkdocs_config(path: Path) -> dict[str, Any]:
    import yaml

    return dict(yaml.safe_load(path.read_text(encoding="utf-8")))


def phases_worker(args: argparse.Namespace) -> None:
    """Our stages called one after another through the public API in a fresh process, each call timed
    (no profiler, nothing patched). The session's stages and render_site run in this one process
    (``jobs=1``), so they add up and compare per handover across sizes; ``site_content`` and
    ``build_site`` run as shipped, with worker processes where they pay, and include everything above."""
    import importlib
    import importlib.util

    root = Path(args.config)
    timings: dict[str, float] = {}

    def timed(label: str, call: Any) -> Any:
        began = time.perf_counter()
        value = call()
        timings[label] = time.perf_counter() - began
        return value

    generator = timed("import generator", lambda: importlib.import_module("generator"))
    # The package imports its modules on first use; pay for all of them here, not in the first stage.
    timed("import the public API's modules", lambda: [getattr(generator, name) for name in generator.__all__])
    project = generator.Project.at(root, root / "handbook")
    options = site_options(read_mkdocs_config(root / "mkdocs.yml"))
    session = generator.Session(project, options.today, jobs=1)
    timed("Session.loaded: read and check every file, one process", lambda: session.loaded)
    # History before check(): the check's time rules would read it first and hide its cost.
    timed("Session.history: the one git log", lambda: session.history)
    result = timed("Session.check(): time rules with sign-offs, the model", session.check)
    handbook = result.handbook
    audits = timed("Session.audits(handbook): sign-off judgements", lambda: session.audits(handbook))
    timed("render_site, one process", lambda: generator.render_site(handbook, options, audits, session.calendar, jobs=1))
    search = importlib.util.find_spec("generator.site.search")  # absent before the search index (--code REV)
    if search is not None:
        from generator.site.search import search_facts

        timed("search_facts: what search finds each page by", lambda: search_facts(handbook, options.language))
    cache = root / ".cache-phases"
    shutil.rmtree(cache, ignore_errors=True)
    timed("site_content, cold (all of the above, workers)", lambda: generator.site_content(project, options, cache))
    timed("site_content, cached (a hash of every input)", lambda: generator.site_content(project, options, cache))
    shutil.rmtree(cache, ignore_errors=True)
    clean_outputs(root)
    site = root / ".site-phases"
    timed("build_site, cold (site_content + MkDocs + search)", lambda: generator.build_site(root / "mkdocs.yml", site))
    clean_outputs(root)
    print(json.dumps({"timings": timings}))


def run_phases(root: Path) -> dict[str, Any]:
    cmd = [PYTHON, str(Path(__file__).resolve()), "--worker", "phases", "--config", str(root)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        return {"error": done.stderr[-3000:]}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def print_phases(result: dict[str, Any], count: int) -> None:
    if "error" in result:
        print(f"   phases probe failed:\n{result['error']}")
        return
    print(f"\n== Stages of our own work, N={count} (fresh process, public API, each call timed; in call order) ==")
    for label, seconds in result["timings"].items():
        print(f"  {seconds:9.3f}s  {1000 * seconds / count:8.3f} ms/handover  {label}")


def make_baseline(root: Path) -> dict[str, Any]:
    """The same pages as plain files on disk, and the same mkdocs.yml minus the handover plugin."""
    import yaml

    from generator import Project, site_content

    config = read_mkdocs_config(root / "mkdocs.yml")
    options = site_options(config)
    base = root / "baseline"
    shutil.rmtree(base, ignore_errors=True)
    docs = base / "docs"
    shutil.copytree(root / "handbook" / "guide", docs / "guide")
    start = time.perf_counter()
    # Exactly the pages the plugin hands MkDocs, from the call the plugin makes (here without its cache).
    pages = dict(site_content(Project.at(root, root / "handbook"), options, None).pages)
    render_seconds = time.perf_counter() - start
    for uri, content in pages.items():
        target = docs / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    config["plugins"] = _split_plugins(config)[1]
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    (base / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return {"pages": len(pages), "markdown_pages": sum(1 for u in pages if u.endswith(".md")),
            "markdown_bytes": sum(len(c.encode("utf-8")) for c in pages.values()),
            "render_seconds": render_seconds}


def run_worker(side: str, config: Path, site: Path, builds: int, profile: Path | None = None) -> dict[str, Any]:
    cmd = [PYTHON, str(Path(__file__).resolve()), "--worker", side, "--config", str(config), "--site", str(site),
           "--builds", str(builds)]
    if profile:
        cmd += ["--profile-out", str(profile)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{side} build failed:\n{done.stderr[-4000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["stderr_tail"] = done.stderr[-1500:]
    return result


def clean_outputs(root: Path) -> None:
    """Remove every build output and cache, so the next build is cold."""
    for path in [root / "site", root / "baseline" / "site", root / ".cache", root / "baseline" / ".cache",
                 *root.glob(".site*"), *(root / "baseline").glob(".site*")]:
        shutil.rmtree(path, ignore_errors=True)


def time_builds(root: Path, repeat: int, cold_only: bool = False) -> dict[str, Any]:
    """Per repetition and side: a fresh process builds twice (cold, then warm in the same process),
    then another fresh process builds over the previous output (warm, new process). Sides alternate.
    ``cold_only``: one cold build per repetition and side (a third of the time, for large N)."""
    sides = {"ours": (root / "mkdocs.yml", root / "site"),
             "baseline": (root / "baseline" / "mkdocs.yml", root / "baseline" / "site")}
    kinds = ("cold",) if cold_only else ("cold", "warm", "warm_new")
    results: dict[str, Any] = {s: {k: [] for kind in kinds for k in (kind, f"{kind}_cpu")} for s in sides}
    info: dict[str, Any] = {}
    for rep, side in alternating(repeat):
        config, site = sides[side]
        clean_outputs(root)
        first = run_worker(side, config, site, 1 if cold_only else 2)
        runs = [(first, 0)] if cold_only else [(first, 0), (first, 1), (run_worker(side, config, site, 1), 0)]
        for kind, (result, build) in zip(kinds, runs, strict=True):
            results[side][kind].append(result["times"][build])
            results[side][f"{kind}_cpu"].append(result["cpu"][build])
        info[side] = {"html_pages": first["html_pages"], "warnings": first["warnings"],
                      "site_bytes": first["site_bytes"], "generator": first["generator"]}
        if side == "ours" and not first["generator"].startswith(os.environ["PYTHONPATH"].split(os.pathsep)[0]):
            raise SystemExit(f"the build used {first['generator']}, not the frozen snapshot")
        timings = "  ".join(f"{kind} {results[side][kind][-1]:7.2f}s (CPU {results[side][f'{kind}_cpu'][-1]:.1f}s)"
                            for kind in kinds)
        print(f"    rep {rep + 1} {side:8s} {timings}  pages {first['html_pages']}  warnings {first['warnings']}  "
              f"load {os.getloadavg()[0]:.1f}", flush=True)
    results["info"] = info
    return results


def worker(args: argparse.Namespace) -> None:
    """One side's builds in this (fresh) process; prints timings as JSON on the last stdout line."""
    import logging

    warnings = 0

    class Count(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            nonlocal warnings
            if record.levelno >= logging.WARNING:
                warnings += 1

    logging.getLogger("mkdocs").addHandler(Count(logging.WARNING))
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    times, cpus = [], []
    profiler = None
    if args.profile_out:
        import cProfile
        profiler = cProfile.Profile()
    for _ in range(args.builds):
        warnings = 0
        start, cpu = time.perf_counter(), cpu_seconds()
        if profiler:
            profiler.enable()
        if args.worker == "ours":
            from generator import build_site

            build_site(args.config, args.site)
        else:
            from mkdocs.commands.build import build
            from mkdocs.config import load_config

            config = load_config(str(args.config))
            config["site_dir"] = str(args.site)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        if profiler:
            profiler.disable()
        times.append(time.perf_counter() - start)
        cpus.append(cpu_seconds() - cpu)
    if profiler:
        profiler.dump_stats(str(args.profile_out))
    site = Path(args.site)
    html = list(site.rglob("*.html"))
    import generator

    print(json.dumps({"times": times, "cpu": cpus, "html_pages": len(html), "warnings": warnings, "generator": generator.__file__,
                      "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file())}))


# ----------------------------------------------------------------------------------------------
# Profiling summary
# ----------------------------------------------------------------------------------------------

PHASES = [  # (label, file suffix, function name): cumulative time of these frames (missing ones are skipped)
    ("build_site (total)", "generator/site/build.py", "build_site"),
    ("mkdocs build", "mkdocs/commands/build.py", "build"),
    ("  mkdocs load_config", "mkdocs/config/base.py", "load_config"),
    ("  plugin on_config", "generator/site/plugin.py", "on_config"),
    ("    site_content", "generator/site/content.py", "site_content"),
    ("      fingerprint (hash every input)", "generator/site/content.py", "fingerprint"),
    ("        _history_state (git)", "generator/site/content.py", "_history_state"),
    ("      cache _load (JSON)", "generator/site/content.py", "_load"),
    ("      cache _save (JSON)", "generator/site/content.py", "_save"),
    ("      Session.check", "generator/session.py", "check"),
    ("        read_handbook (files checked here; workers are not profiled)", "generator/model/build.py", "read_handbook"),
    ("          parse (YAML events -> data)", "generator/load/document.py", "parse"),
    ("          schema_problems (jsonschema-rs)", "generator/check/schema.py", "schema_problems"),
    ("          secret_problems", "generator/check/secrets.py", "secret_problems"),
    ("          placeholder_problems", "generator/check/rules.py", "placeholder_problems"),
    ("          document_problems (rules)", "generator/check/rules.py", "document_problems"),
    ("          cross_file_problems", "generator/check/rules.py", "cross_file_problems"),
    ("        policy_problems", "generator/track/policy.py", "policy_problems"),
    ("      views.customers", "generator/model/views.py", "customers"),
    ("      read_repository_history (one git log)", "generator/audit/repository.py", "read_repository_history"),
    ("      Session.audits (sign-off judgements)", "generator/session.py", "audits"),
    ("      render_site", "generator/render/pages.py", "render_site"),
    ("      incomplete_items (report)", "generator/track/reports.py", "incomplete_items"),
    ("    search_facts", "generator/site/search.py", "search_facts"),
    ("  plugin on_files", "generator/site/plugin.py", "on_files"),
    ("    Files.get_file_from_path", "mkdocs/structure/files.py", "get_file_from_path"),
    ("    File.generated", "mkdocs/structure/files.py", "generated"),
    ("  mkdocs get_files", "mkdocs/structure/files.py", "get_files"),
    ("  mkdocs _populate_page (Markdown)", "mkdocs/commands/build.py", "_populate_page"),
    ("  mkdocs _build_page (templates)", "mkdocs/commands/build.py", "_build_page"),
    ("  search on_page_context", "material/plugins/search/plugin.py", "on_page_context"),
    ("  search on_post_build", "material/plugins/search/plugin.py", "on_post_build"),
    ("  plugin _index_page (search entries)", "generator/site/plugin.py", "_index_page"),
    ("  search write_index", "generator/site/search.py", "write_index"),
    ("  shutil.rmtree", "shutil.py", "rmtree"),
    ("  jieba initialize", "jieba/__init__.py", "initialize"),
]


def stale_phases(package: Path) -> list[str]:
    """Rows of PHASES naming a generator/ function that the package no longer defines there."""
    stale = []
    for label, suffix, func in PHASES:
        if not suffix.startswith("generator/"):
            continue
        path = package.parent / suffix
        if not path.is_file() or not re.search(rf"^\s*def {re.escape(func)}\(", path.read_text(encoding="utf-8"), re.M):
            stale.append(f"{label.strip()}: {suffix} has no {func}()")
    return stale


def profile_summary(path: Path, top: int = 25) -> dict[str, Any]:
    import pstats

    stats = pstats.Stats(str(path))
    raw = stats.stats  # type: ignore[attr-defined]
    total = max((ct for (file, _, func), (_, _, _, ct, _) in raw.items() if func in ("build_site", "build")
                 and file.replace("\\", "/").endswith(("generator/site/build.py", "mkdocs/commands/build.py"))), default=0.0)
    if not total:
        total = max(ct for (_, _, _, ct, _) in raw.values())
    phases = []
    for label, suffix, func in PHASES:
        ct = sum(v[3] for (file, _, name), v in raw.items() if name == func and file.replace("\\", "/").endswith(suffix))
        calls = sum(v[1] for (file, _, name), v in raw.items() if name == func and file.replace("\\", "/").endswith(suffix))
        if ct:
            phases.append({"phase": label, "seconds": ct, "share": ct / total, "calls": calls})
    ours = sorted(((k, v) for k, v in raw.items() if "/generator/" in k[0].replace("\\", "/")),
                  key=lambda kv: kv[1][3], reverse=True)[:top]
    own = sorted(raw.items(), key=lambda kv: kv[1][2], reverse=True)[:top]

    def row(key: Any, value: Any) -> dict[str, Any]:
        file, line, func = key
        short = re.sub(r".*/(site-packages|lib/python3\.\d+)/", "", file.replace("\\", "/"))
        short = re.sub(r".*/(generator/)", r"\1", short)
        return {"function": f"{short}:{line}({func})", "calls": value[1], "tottime": value[2], "cumtime": value[3],
                "share": value[3] / total}

    return {"total": total, "phases": phases, "generator_by_cumtime": [row(k, v) for k, v in ours],
            "overall_by_tottime": [row(k, v) for k, v in own]}


def print_profile(summary: dict[str, Any], title: str) -> None:
    print(f"\n== Profile: {title} (cProfile adds overhead; read the shares, not the seconds) ==")
    print(f"total {summary['total']:.2f}s")
    for p in summary["phases"]:
        print(f"  {p['phase']:<48s} {p['seconds']:8.2f}s {100 * p['share']:5.1f}%  calls {p['calls']}")
    print("  -- generator/ functions by cumulative time --")
    for r in summary["generator_by_cumtime"][:20]:
        print(f"  {r['cumtime']:8.2f}s {100 * r['share']:5.1f}%  {r['calls']:>8}  {r['function']}")
    print("  -- all functions by own time --")
    for r in summary["overall_by_tottime"][:20]:
        print(f"  {r['tottime']:8.2f}s {100 * r['tottime'] / summary['total']:5.1f}%  {r['calls']:>8}  {r['function']}")


# ----------------------------------------------------------------------------------------------
# Driver
# ----------------------------------------------------------------------------------------------

def code_fingerprint(package: Path | None = None) -> str:
    """Hash of a generator package (the repository's by default)."""
    import hashlib

    digest = hashlib.sha256()
    package = package or REPO / "generator"
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.j2")]):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


# What a synthetic project takes from the repository besides the code (synthetic.make_project copies them).
PROJECT_PARTS = ("generator", "schemas", "role_templates", "handbook/people.yaml", "handbook/guide", "mkdocs.yml")


def freeze_code(base: Path, revision: str | None) -> dict[str, str]:
    """Benchmark a frozen copy of generator/: others edit it concurrently, and a change mid-run would
    mix two versions and (the code is part of the plugin's cache key) turn warm builds into cold ones.
    With ``revision``, the copy is that commit's generator/ and project parts (schemas, templates,
    roster, guide, mkdocs.yml), so nobody's half-saved file in the working tree is measured; without,
    it is the working tree's generator/.

    The copy goes first on PYTHONPATH, ahead of the editable install's finder, for this process and
    every child (workers, the ``handover`` CLI, MkDocs' entry point for the plugin)."""
    import io
    import tarfile

    code = base / "code"
    shutil.rmtree(code, ignore_errors=True)
    commit = None
    if revision:
        git = ["git", "-C", str(REPO)]
        commit = subprocess.run([*git, "rev-parse", "--verify", f"{revision}^{{commit}}"], capture_output=True,
                                text=True, check=True).stdout.strip()
        archive = subprocess.run([*git, "archive", "--format=tar", commit, *PROJECT_PARTS], capture_output=True, check=True)
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(code, filter="data")
    else:
        shutil.copytree(REPO / "generator", code / "generator", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    os.environ["PYTHONPATH"] = os.pathsep.join([str(code), *filter(None, [os.environ.get("PYTHONPATH")])])
    sys.path.insert(0, str(code))
    import generator

    if Path(generator.__file__).resolve().parent != (code / "generator").resolve():
        raise SystemExit(f"could not freeze the code: generator imports from {generator.__file__}")
    return {"snapshot": str(code / "generator"), "fingerprint": code_fingerprint(code / "generator"),
            "commit": commit or "working tree", "project_parts_from": str(code if commit else REPO)}


def measure_size(base: Path, count: int, args: argparse.Namespace, repeat: int) -> dict[str, Any]:
    repo_before = None if args.code else code_fingerprint()
    load_before = os.getloadavg()
    out = measure_size_inner(base, count, args, repeat)
    out["loadavg_before_after"] = [round(x, 2) for x in (*load_before, *os.getloadavg())]
    if load_before[0] > 1.5:  # this process itself counts for about 1
        print(f"   note: load average was {load_before[0]:.2f} before this size: was something else running?", flush=True)
    if repo_before is not None and code_fingerprint() != repo_before:
        out["repo_code_changed_during_run"] = True
        print(f"   note: generator/ in the repository changed during the N={count} measurement; the figures are "
              f"for the frozen snapshot taken at the start", flush=True)
    return out


def measure_size_inner(base: Path, count: int, args: argparse.Namespace, repeat: int) -> dict[str, Any]:
    root = base / f"n{count}"
    print(f"\n== N={count}: generating the synthetic project in {root}", flush=True)
    start = time.perf_counter()
    data = make_project(root, count, args.seed, Path(args.project_parts_from))
    print(f"   {count} files, {data['bytes'] / 1e6:.1f} MB, {time.perf_counter() - start:.1f}s; per role: "
          + ", ".join(f"{r} {v['files']} (lines {v['lines_min']}-{v['lines_max']}, mean {v['lines_mean']})"
                      for r, v in data["roles"].items()), flush=True)
    print("   handover check (validity gate) ...", flush=True)
    result = check_or_abort(root)
    warnings = [p for p in result.problems if p.severity == "warning"]
    data["check_warnings"] = len(warnings)
    data["customer_index"] = customer_chains(result.handbook)
    print(f"   valid: 0 errors, {len(warnings)} warnings; customer index: {data['customer_index']}", flush=True)
    out: dict[str, Any] = {"n": count, "dataset": data}

    if not args.skip_check:
        print("   timing check ...", flush=True)
        out["check"] = time_check(root, repeat)
        out["check_cli"] = time_check_cli(root, repeat)
        for key in ("check", "check_cli"):
            runs = out[key]
            print(f"    {key:9s} ours {median(runs['ours']):7.3f}s  baseline {median(runs['baseline']):7.3f}s  "
                  f"(CPU {median(runs['ours_cpu']):.3f}s, {median(runs['baseline_cpu']):.3f}s)  "
                  f"runs ours {[round(x, 3) for x in runs['ours']]} baseline {[round(x, 3) for x in runs['baseline']]}  "
                  f"load {os.getloadavg()[0]:.1f}", flush=True)
        print(f"    imports (not in the check row): generator {median(out['check']['ours_import']):.3f}s, "
              f"yaml {median(out['check']['baseline_import']):.3f}s", flush=True)

    if args.skip_build:
        return out
    print("   writing the baseline docs (site_content -> .md files) ...", flush=True)
    out["baseline_docs"] = make_baseline(root)
    print(f"   {out['baseline_docs']['pages']} generated pages, {out['baseline_docs']['markdown_bytes'] / 1e6:.1f} MB Markdown "
          f"(site_content took {out['baseline_docs']['render_seconds']:.2f}s)", flush=True)
    # Prime the OS file cache and jieba's dictionary cache once, untimed, for both sides alike.
    subprocess.run([PYTHON, "-c", "import jieba, logging; jieba.setLogLevel(logging.WARNING); jieba.initialize(); "
                    "import material, mkdocs.commands.build, generator.site.plugin"], capture_output=True)
    print("   timing builds ...", flush=True)
    out["build"] = time_builds(root, repeat, args.cold_only)
    if args.profile:
        print("   timing our phases (no profiler) ...", flush=True)
        out["phases"] = run_phases(root)
        print_phases(out["phases"], count)
    if args.profile and count == args.handovers:  # cProfile (about 3x slower) only at the first size
        out["profile"] = {}
        clean_outputs(root)
        for kind in ("cold", "warm_new"):  # warm: a new process over the previous build and its cache
            for side in ("ours", "baseline"):
                if kind == "warm_new" and side == "baseline":
                    continue
                print(f"   profiling one {kind} build of {side} ...", flush=True)
                config = root / "mkdocs.yml" if side == "ours" else root / "baseline" / "mkdocs.yml"
                site = root / "site" if side == "ours" else root / "baseline" / "site"
                prof = base / f"{side}-{kind}-n{count}.prof"
                run_worker(side, config, site, 1, profile=prof)
                out["profile"][f"{side}_{kind}"] = profile_summary(prof)
                print_profile(out["profile"][f"{side}_{kind}"], f"{kind} build of {side}, N={count}")
    return out


def ratio_row(name: str, what: str, ours: list[float], base: list[float], target: float, unit: str = "s") -> dict[str, Any]:
    a, b = median(ours), median(base)
    ratio = a / b if b else float("inf")
    return {"measurement": name, "what": what, "ours": a, "baseline": b, "ratio": ratio, "target": target,
            "pass": ratio <= target, "ours_runs": ours, "baseline_runs": base, "unit": unit}


def info_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row shown for context, judged against no target."""
    return {**row, "target": None, "pass": None}


def wall_and_cpu(name: str, what: str, ours: dict[str, list[float]], base: dict[str, list[float]], key: str,
                 target: float) -> list[dict[str, Any]]:
    """The row judged against its target (wall clock, ``key``) and, beside it, the same runs' CPU time
    (``key_cpu``; informative: steadier on a shared machine, and it counts the work of our worker
    processes, which the wall clock hides on an idle machine with several cores)."""
    rows = [ratio_row(name, what, ours[key], base[key], target)]
    if ours.get(f"{key}_cpu") and base.get(f"{key}_cpu"):
        rows.append(info_row(ratio_row(f"  CPU {name}", f"{what}: CPU seconds, workers included",
                                       ours[f"{key}_cpu"], base[f"{key}_cpu"], target, unit="s CPU")))
    return rows


def summarize(sizes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for size in sizes:
        n = size["n"]
        for kind, label, what in (("check", "check", "check_handbook, one process, vs CSafeLoader read+parse (fresh process)"),
                                  ("check_cli", "check CLI", "`handover check` (every core) vs python+CSafeLoader (wall)")):
            if kind in size:
                runs = size[kind]
                sides = [{"t": runs[side], "t_cpu": runs.get(f"{side}_cpu", [])} for side in ("ours", "baseline")]
                rows += wall_and_cpu(f"{label} N={n}", what, sides[0], sides[1], "t", TARGETS[kind])
        if "build" not in size:
            continue
        b = size["build"]
        for key, label, what in (("cold", "build cold", "build_site vs plain mkdocs build, fresh process"),
                                 ("warm", "build warm", "2nd build, same process, nothing changed"),
                                 ("warm_new", "build warm new-proc", "rebuild in a new process over previous output")):
            if key in b["ours"]:  # not with --cold-only
                rows += wall_and_cpu(f"{label} N={n}", what, b["ours"], b["baseline"], key, TARGETS[f"build_{key}"])
    if len(sizes) >= 2 and all("build" in size for size in sizes):
        small, large = sizes[0], sizes[-1]
        for side in ("ours", "baseline"):
            for key, label in (("cold", ""), ("cold_cpu", "CPU ")):
                per_small = [t / small["n"] * 1000 for t in small["build"][side].get(key, [])]
                per_large = [t / large["n"] * 1000 for t in large["build"][side].get(key, [])]
                if not per_small or not per_large:
                    continue
                row = ratio_row(f"{'  ' if label else ''}{label}scaling {side} N={large['n']} vs {small['n']}",
                                f"cold build {label}ms per handover, large N / small N", per_large, per_small,
                                TARGETS["scaling"], unit="ms/handover")
                # Judged: our wall clock; MkDocs' own scaling and CPU time are context only.
                rows.append(row if side == "ours" and not label else info_row(row))
    return rows


def print_phase_scaling(sizes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if len(sizes) < 2 or any("timings" not in s.get("phases", {}) for s in (sizes[0], sizes[-1])):
        return []
    small, large = sizes[0], sizes[-1]
    rows = []
    for label, seconds in large["phases"]["timings"].items():
        before = small["phases"]["timings"].get(label)
        if before and seconds >= 0.05:
            ratio = (seconds / large["n"]) / (before / small["n"])
            rows.append({"phase": label, "small": before, "large": seconds, "per_handover_ratio": ratio})
    rows.sort(key=lambda r: -r["large"])
    print(f"\n== Our phases: per-handover cost at N={large['n']} / at N={small['n']} ==")
    for r in rows:
        print(f"  {r['small']:8.2f}s -> {r['large']:8.2f}s   x{r['per_handover_ratio']:.2f} per handover   {r['phase']}")
    return rows


def print_table(rows: list[dict[str, Any]]) -> None:
    header = f"{'measurement':<34s} {'ours':>12s} {'baseline':>12s} {'ratio':>7s} {'target':>8s}  result"
    print("\n" + header + "\n" + "-" * len(header))
    for r in rows:
        unit = " ms" if r["unit"].startswith("ms") else "s"
        ours, base = f"{r['ours']:.3f}{unit}", f"{r['baseline']:.3f}{unit}"
        target = f"<={r['target']:.2f}x" if r["target"] else "—"
        result = "info" if r["pass"] is None else ("PASS" if r["pass"] else "FAIL")
        print(f"{r['measurement']:<34s} {ours:>12s} {base:>12s} {r['ratio']:6.2f}x {target:>8s}  {result}")


def machine() -> dict[str, Any]:
    versions = {}
    for module in ("mkdocs", "material", "yaml", "jsonschema_rs", "jinja2", "jieba", "pypinyin", "markdown"):
        try:
            from importlib.metadata import version
            dist = {"material": "mkdocs-material", "yaml": "PyYAML", "jsonschema_rs": "jsonschema-rs", "jinja2": "Jinja2",
                    "markdown": "Markdown"}.get(module, module)
            versions[module] = version(dist)
        except Exception:  # noqa: BLE001 - informational only
            versions[module] = "?"
    return {"date": dt.datetime.now().isoformat(timespec="seconds"), "nproc": os.cpu_count(),
            "python": platform.python_version(), "platform": platform.platform(), "versions": versions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--handovers", type=int, default=1000, help="N synthetic handover files (default 1000)")
    parser.add_argument("--repeat", type=int, default=None,
                        help="repetitions per measurement, median reported (default 3; 1 for N > 2000)")
    parser.add_argument("--scale", action="store_true", help="also run 5N and report the per-handover cost ratio")
    parser.add_argument("--scale-factor", type=int, default=5)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--json", type=Path, metavar="FILE", help="write all figures as JSON ('-' for stdout)")
    parser.add_argument("--profile", action="store_true", help="cProfile one cold build of ours per size")
    parser.add_argument("--skip-check", action="store_true", help="skip the check timings")
    parser.add_argument("--skip-build", action="store_true", help="skip the build timings (check only)")
    parser.add_argument("--cold-only", action="store_true", help="time cold builds only (no warm ones): a third of the time")
    parser.add_argument("--code", metavar="REV", help="measure this commit's generator/ and project parts "
                        "(default: the working tree's, as it is when the run starts)")
    parser.add_argument("--max-warnings-per-file", type=float, default=2.0,
                        help=f"stop before measuring if {PREFLIGHT_FILES} synthetic files draw more warnings than this "
                             "per file (default 2)")
    parser.add_argument("--workdir", type=Path, help="where to generate (default: a temp folder, removed at the end)")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    parser.add_argument("--generate-only", action="store_true", help="write the synthetic project and check it, then stop")
    # internal: one side's build(s) in a fresh process
    parser.add_argument("--worker", choices=["ours", "baseline", "check-ours", "check-baseline", "phases"],
                        help=argparse.SUPPRESS)
    parser.add_argument("--config", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--site", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--builds", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker == "phases":
        phases_worker(args)
        return
    if args.worker in ("check-ours", "check-baseline"):
        check_worker(args)
        return
    if args.worker:
        worker(args)
        return

    sizes_n = [args.handovers] + ([args.handovers * args.scale_factor] if args.scale else [])
    base = args.workdir or Path(tempfile.mkdtemp(prefix="handover-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    inside = next((p for p in (base.resolve(), *base.resolve().parents) if (p / ".git").exists()), None)
    if inside is not None:
        print(f"warning: {base} is inside the git repository {inside}: the plugin's sign-off audit would read "
              f"that repository's history. Use a folder outside any repository for comparable figures.",
              file=sys.stderr)
    info = machine()
    info["code"] = freeze_code(base, args.code)
    args.project_parts_from = info["code"]["project_parts_from"]
    print(f"handover-kb benchmark  {info['date']}  nproc={info['nproc']}  python {info['python']}  seed={args.seed}")
    print(f"code under test: {info['code']['commit']}, frozen copy {info['code']['snapshot']} "
          f"(fingerprint {info['code']['fingerprint']})")
    if args.profile:
        for stale in stale_phases(Path(info["code"]["snapshot"])):
            print(f"warning: the profile table in benchmarks/run.py is out of date ({stale}); update PHASES", file=sys.stderr)
    try:
        if args.generate_only:
            for n in sizes_n:
                root = base / f"n{n}"
                data = make_project(root, n, args.seed, Path(args.project_parts_from))
                result = check_or_abort(root)
                print(f"{root}: {data['roles']}, customers {customer_chains(result.handbook)}, "
                      f"warnings {sum(1 for p in result.problems if p.severity == 'warning')}")
            return
        info["preflight"] = preflight(base, args)
        print(f"preflight: {PREFLIGHT_FILES} files, 0 errors, {info['preflight']['warnings']} warnings", flush=True)
        sizes: list[dict[str, Any]] = []

        def write_json(final: bool) -> None:
            if not args.json:
                return
            payload = {"machine": info, "seed": args.seed, "complete": final, "rows": summarize(sizes),
                       "sizes": sizes}
            text = json.dumps(payload, ensure_ascii=False, indent=2, default=str)
            if str(args.json) == "-":
                if final:
                    print(text)
            else:
                args.json.write_text(text, encoding="utf-8")  # also after each size: a killed run keeps its figures
                if final:
                    print(f"\nJSON written to {args.json}")

        for n in sizes_n:
            repeat = args.repeat if args.repeat is not None else (3 if n <= 2000 else 1)
            sizes.append(measure_size(base, n, args, repeat))
            print_table(summarize(sizes))
            write_json(final=False)
        info["phase_scaling"] = print_phase_scaling(sizes)
        write_json(final=True)
    finally:
        if not (args.keep or args.workdir):
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
