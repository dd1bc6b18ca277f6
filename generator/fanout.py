"""Run one task over many independent items on every core, results in the items' order.

Workers are forked, so they start with everything the parent has already loaded (compiled
schema validators, secret detectors, the roster) and only the items and the results cross
process boundaries. Where fork is not safe (anything but Linux), or the batch is too small to
repay starting processes, the task simply runs in this process: the results are the same either way.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from .errors import WorkerFailed
from .i18n import message

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items per process (of a handover's work each), forking costs more than it saves.
MIN_ITEMS_PER_WORKER = 100
CHUNKS_PER_WORKER = 8  # several chunks each, so the workers finish close together

_task: Callable[[Any], Any] | None = None  # set before forking; workers inherit it


def available_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def worker_count(items: int, jobs: int | None, min_per_worker: int = MIN_ITEMS_PER_WORKER) -> int:
    """Worker processes to use (1: none, work here). ``jobs`` None picks by size and cores, and stays in
    this process while other threads run (forking them can deadlock the child, e.g. under
    ``mkdocs serve``); a number is honoured, capped by the items."""
    if not sys.platform.startswith("linux"):  # fork is unsafe on macOS and missing on Windows
        return 1
    if jobs is None:
        if threading.active_count() > 1:
            return 1
        jobs = min(available_cores(), items // min_per_worker)
    return max(1, min(jobs, items))


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle, once


def _run_chunk(chunk: Sequence[Any]) -> list[Any]:
    assert _task is not None, "worker started without a task"
    return [_task(item) for item in chunk]


def ordered_map(task: Callable[[Item], Result], items: Sequence[Item], jobs: int | None = None,
                min_per_worker: int = MIN_ITEMS_PER_WORKER) -> list[Result]:
    """``[task(item) for item in items]``, spread over ``jobs`` worker processes when that pays.

    ``task`` may be any callable (a closure, a partial): it is inherited by fork, never pickled.
    Items and results must be picklable.
    """
    global _task
    processes = worker_count(len(items), jobs, min_per_worker)
    if processes <= 1:
        return [task(item) for item in items]
    size = max(1, -(-len(items) // (processes * CHUNKS_PER_WORKER)))
    chunks = [items[start:start + size] for start in range(0, len(items), size)]
    previous, _task = _task, task
    # ProcessPoolExecutor, not Pool: a worker that dies (killed, out of memory) breaks the pool with an
    # error here, where Pool would wait for its lost chunk forever.
    try:
        with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_ignore_interrupts) as pool:
            return [result for chunk_results in pool.map(_run_chunk, chunks) for result in chunk_results]
    except BrokenProcessPool as broken:
        raise WorkerFailed(message("worker_died")) from broken
    finally:
        _task = previous
