"""What the benchmark scripts (run.py, audit.py) share to measure time."""
from __future__ import annotations

import resource


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and of every child it has waited for, theirs included:
    worker processes, git, a command run by the driver. On a shared machine this moves far less than
    the wall clock, so both are reported."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
