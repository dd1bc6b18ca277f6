"""Problems as GitLab's Code Quality report, for the merge request widget.

GitLab reads a JSON array of CodeClimate-style issues (``artifacts:reports:codequality``); it compares
the fingerprints of the merge request's report with the target branch's to show what is new and what
was fixed, so a fingerprint names the problem, not its line: an edit above it must not make it "new".
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence

from ..problems import Problem

SEVERITIES = {"error": "major", "warning": "minor"}


def _fingerprint(problem: Problem, seen: Counter[tuple[str, ...]]) -> str:
    where = problem.pointer or f"line {problem.line}"  # without a pointer (a YAML syntax error) the line is all there is
    key = (problem.file, problem.rule, where, problem.message)
    seen[key] += 1
    return hashlib.sha256("\0".join((*key, str(seen[key]))).encode("utf-8")).hexdigest()


def codequality_report(problems: Sequence[Problem]) -> str:
    seen: Counter[tuple[str, ...]] = Counter()
    issues = [{
        "description": problem.message + (f" (hint: {problem.hint})" if problem.hint else ""),
        "check_name": problem.rule,
        "fingerprint": _fingerprint(problem, seen),
        "severity": SEVERITIES[problem.severity],
        "location": {"path": problem.file, "lines": {"begin": problem.line}},
    } for problem in problems]
    return json.dumps(issues, ensure_ascii=False, indent=2)
