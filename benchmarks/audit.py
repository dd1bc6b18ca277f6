"""Benchmark: the sign-off audit against a bare ``git log --name-only`` over the same repository.

Builds a synthetic repository with ``git fast-import`` (2,000 handover files and 10,000 commits
with merges, renames and sign-off trailers by default), then times, side by side in one run:

* baseline: ``git log --name-only HEAD`` (git alone, output read and discarded);
* ours: ``read_history`` (one ``git log`` with blobs, parents, trailers and signatures) plus
  ``audit_handbook`` for every file.

Target: ours within 1.5x of the baseline. Usage::

    python benchmarks/audit.py [--files 2000] [--commits 10000] [--repeat 3] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from measure import cpu_seconds  # noqa: E402 (benchmarks/, this script's folder)

from generator.audit.history import open_repository, read_history  # noqa: E402
from generator.audit.signoffs import audit_handbook  # noqa: E402
from generator.config import SignoffConfig  # noqa: E402
from generator.load.schemas import SchemaSet  # noqa: E402
from generator.model.build import load_roster  # noqa: E402
from generator.model.handbook import Handbook, Handover  # noqa: E402
from generator.project import Project  # noqa: E402

PEOPLE = ["wangfang", "lina", "liuyang", "chenjing", "yangfan", "zhaolei", "sunli", "wuhao", "zhengqiang",
          "xumin", "gaoyan", "mabin", "huangli", "luoping", "zhangwei", "zhoujie", "heyu", "fengtao", "linxiao"]


def parties(index: int) -> tuple[str, list[str], str]:
    leaver = PEOPLE[index % len(PEOPLE)]
    successor = PEOPLE[(index + 1) % len(PEOPLE)]
    manager = PEOPLE[(index + 2) % len(PEOPLE)]
    return leaver, [successor], manager


def file_path(index: int, archived: bool) -> str:
    folder = "handbook/handovers/archive" if archived else "handbook/handovers"
    return f"{folder}/h-{index:05d}-sales.yaml"


def fast_import_stream(files: int, commits: int, seed: int = 7) -> bytes:
    """A fast-import stream: a main line with a side branch merged every 10 commits."""
    rng = random.Random(seed)
    out: list[bytes] = []
    versions = [0] * files
    archived = [False] * files
    when = 1_700_000_000
    mark = 0

    def data(text: str) -> None:
        raw = text.encode("utf-8")
        out.append(b"data %d\n" % len(raw) + raw + b"\n")

    def commit(branch: str, message: str, author: str, changes: list[str], parents: list[int]) -> int:
        nonlocal mark, when
        mark += 1
        when += 60
        out.append(f"commit refs/heads/{branch}\nmark :{mark}\n".encode())
        out.append(f"author {author} <{author}@example.com> {when} +0800\n".encode())
        out.append(f"committer {author} <{author}@example.com> {when} +0800\n".encode())
        data(message)
        for index, parent in enumerate(parents):
            out.append(f"{'from' if index == 0 else 'merge'} :{parent}\n".encode())
        for change in changes:
            out.append(change.encode())
        return mark

    def edit(index: int) -> str:
        versions[index] += 1
        leaver, successors, manager = parties(index)
        body = (f"schema_version: 1\nrole: sales\nleaver: {leaver}\nsuccessors: [{', '.join(successors)}]\n"
                f"manager: {manager}\nnotice_date: 2026-10-01\nlast_day: 2026-11-01\nsummary: 第 {versions[index]} 版\n")
        raw = body.encode("utf-8")
        return f"M 100644 inline {file_path(index, archived[index])}\ndata {len(raw)}\n{body}\n"

    initial = [edit(i) for i in range(files)]
    main = commit("main", "Initial handbook", "luoping", initial, [])
    made = 1
    side_tip = None
    while made < commits:
        on_side = made % 10 in (3, 4, 5, 6)
        index = rng.randrange(files)
        leaver, successors, manager = parties(index)
        kind = rng.random()
        if kind < 0.5:  # an edit by the leaver, signed off
            changes = [edit(index)]
            message = f"Update {index}\n\nSigned-off-by: {leaver} <{leaver}@example.com>\n"
            author = leaver
        elif kind < 0.8:  # a successor's sign-off as an empty commit
            changes, author = [], successors[0]
            message = (f"Sign off {index}\n\nHandover: {file_path(index, archived[index])}\n"
                       f"Acked-by: {author} <{author}@example.com>\n")
        elif kind < 0.97:  # the manager approves
            changes, author = [], manager
            message = (f"Approve {index}\n\nHandover: {file_path(index, archived[index])}\n"
                       f"Approved-by: {manager} <{manager}@example.com>\n")
        else:  # archived: a rename
            if archived[index]:
                continue
            old = file_path(index, False)
            archived[index] = True
            changes, author, message = [f"R {old} {file_path(index, True)}\n"], "luoping", f"Archive {index}\n"
        if on_side:
            parent = side_tip if side_tip is not None else main
            side_tip = commit("side", message, author, changes, [parent])
        else:
            if side_tip is not None:
                main = commit("main", "Merge side", manager, [], [main, side_tip])
                made += 1
                side_tip = None
            main = commit("main", message, author, changes, [main])
        made += 1
    out.append(b"done\n")
    return b"".join(out)


def make_repo(folder: Path, files: int, commits: int) -> Path:
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True)
    subprocess.run(["git", "fast-import", "--quiet", "--done"], cwd=folder, input=fast_import_stream(files, commits),
                   check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=folder, check=True)
    return folder


def handbook_for(repo: Path, files: int) -> tuple[Handbook, dict[str, str]]:
    schemas = SchemaSet(REPO_ROOT / "schemas", REPO_ROOT / "role_templates")
    roster, _ = load_roster(Project.at(REPO_ROOT), schemas)
    assert roster is not None
    role = schemas.role("sales")
    assert role is not None
    handovers, paths = [], {}
    for index in range(files):
        leaver, successors, manager = parties(index)
        path = next(p for p in (file_path(index, True), file_path(index, False)) if (repo / p).exists())
        handover = Handover(f"h-{index:05d}", path, role, {"leaver": leaver, "successors": successors, "manager": manager,
                                                            "last_day": "2026-11-01"})
        handovers.append(handover)
        paths[handover.id] = path
    return Handbook(roster, tuple(handovers), {"sales": role}), paths


def time_baseline(repo: Path) -> tuple[float, float]:
    """Wall clock and CPU seconds (git's) of the baseline."""
    started, cpu = time.perf_counter(), cpu_seconds()
    subprocess.run(["git", "log", "--name-only", "--format=%H", "HEAD"], cwd=repo, stdout=subprocess.PIPE, check=True)
    return time.perf_counter() - started, cpu_seconds() - cpu


def time_audit(repo: Path, handbook: Handbook, paths: dict[str, str]) -> tuple[float, float, dict[str, int]]:
    """Wall clock and CPU seconds (ours and git's: parsing overlaps git's writing) of the audit."""
    started, cpu = time.perf_counter(), cpu_seconds()
    git_repo = open_repository(repo)
    assert git_repo is not None
    history = read_history(git_repo)
    audits = audit_handbook(handbook, history, SignoffConfig(), paths)
    elapsed, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    states: dict[str, int] = {}
    for audit in audits.values():
        states[audit.state] = states.get(audit.state, 0) + 1
    return elapsed, cpu, states


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--commits", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="handover-audit-bench-") as folder:
        repo = make_repo(Path(folder) / "repo", args.files, args.commits)
        commit_count = int(subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=repo, capture_output=True,
                                          text=True, check=True).stdout)
        merges = int(subprocess.run(["git", "rev-list", "--count", "--merges", "HEAD"], cwd=repo, capture_output=True,
                                    text=True, check=True).stdout)
        handbook, paths = handbook_for(repo, args.files)
        baseline: list[float] = []
        ours: list[float] = []
        baseline_cpu: list[float] = []
        ours_cpu: list[float] = []
        states: dict[str, int] = {}
        for rep in range(args.repeat):  # alternate, so drift on a shared machine hits both alike
            for side in ("baseline", "ours") if rep % 2 == 0 else ("ours", "baseline"):
                if side == "baseline":
                    elapsed, cpu = time_baseline(repo)
                    baseline.append(elapsed)
                    baseline_cpu.append(cpu)
                else:
                    elapsed, cpu, states = time_audit(repo, handbook, paths)
                    ours.append(elapsed)
                    ours_cpu.append(cpu)
        median = statistics.median
        result = {"files": args.files, "commits": commit_count, "merges": merges,
                  "baseline_git_log_name_only_s": round(median(baseline), 3),
                  "ours_audit_s": round(median(ours), 3),
                  "ratio": round(median(ours) / median(baseline), 2), "target": 1.5,
                  "cpu": {"baseline_s": round(median(baseline_cpu), 3), "ours_s": round(median(ours_cpu), 3),
                          "ratio": round(median(ours_cpu) / median(baseline_cpu), 2)},
                  "runs": {"baseline": baseline, "ours": ours, "baseline_cpu": baseline_cpu, "ours_cpu": ours_cpu},
                  "loadavg_after": [round(x, 2) for x in os.getloadavg()],
                  "states": states}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"repository: {result['files']} handover files, {result['commits']} commits ({result['merges']} merges)")
    print(f"{'measurement':<34}{'seconds':>10}")
    print(f"{'git log --name-only (baseline)':<34}{result['baseline_git_log_name_only_s']:>10.3f}")
    print(f"{'read_history + audit_handbook':<34}{result['ours_audit_s']:>10.3f}")
    verdict = "pass" if result["ratio"] <= 1.5 else "FAIL"
    print(f"ratio {result['ratio']}x (target <= 1.5x): {verdict}; states: {states}")
    cpu = result["cpu"]
    print(f"CPU seconds (git's included): baseline {cpu['baseline_s']:.3f}, ours {cpu['ours_s']:.3f}, "
          f"ratio {cpu['ratio']}x (informative; load average {result['loadavg_after'][0]})")


if __name__ == "__main__":
    main()
