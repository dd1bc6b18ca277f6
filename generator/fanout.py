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
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items per process, forking and shipping results back costs more than it saves.
MIN_ITEMS_PER_WORKER = 100
CHUNKS_PER_WORKER = 8  # several chunks each, so the workers finish close together

_task: Callable[[Any], Any] | None = None  # set before forking; workers inherit it


def available_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def worker_count(items: int, jobs: int | None) -> int:
    """Worker processes to use. ``jobs`` None picks by size and cores; a number is honoured (capped by the items)."""
    if not sys.platform.startswith("linux"):  # fork is unsafe on macOS and missing on Windows
        return 1
    wanted = min(available_cores(), items // MIN_ITEMS_PER_WORKER) if jobs is None else jobs
    return max(1, min(wanted, items))


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle, once


def _run_chunk(chunk: Sequence[Any]) -> list[Any]:
    assert _task is not None, "worker started without a task"
    return [_task(item) for item in chunk]


def ordered_map(task: Callable[[Item], Result], items: Sequence[Item], jobs: int | None = None) -> list[Result]:
    """``[task(item) for item in items]``, spread over ``jobs`` worker processes when that pays.

    ``task`` may be any callable (a closure, a partial): it is inherited by fork, never pickled.
    Items and results must be picklable.
    """
    global _task
    processes = worker_count(len(items), jobs)
    if processes <= 1:
        return [task(item) for item in items]
    size = max(1, -(-len(items) // (processes * CHUNKS_PER_WORKER)))
    chunks = [items[start:start + size] for start in range(0, len(items), size)]
    previous, _task = _task, task
    # Pool, not ProcessPoolExecutor: its feeder queues every chunk at once, so a worker never waits
    # for this process to hand it the next one.
    try:
        with multiprocessing.get_context("fork").Pool(processes, initializer=_ignore_interrupts) as pool:
            return [result for chunk_results in pool.imap(_run_chunk, chunks) for result in chunk_results]
    finally:
        _task = previous
