"""Spreading work over processes: results in order, really computed elsewhere, serial when it does not pay."""
from __future__ import annotations

import os
import threading

import pytest

from generator.errors import WorkerFailed
from generator.fanout import MIN_ITEMS_PER_WORKER, ordered_map, worker_count


def test_results_come_back_in_order_from_other_processes() -> None:
    parent = os.getpid()
    results = ordered_map(lambda n: (n * n, os.getpid()), list(range(50)), jobs=2)  # a closure: never pickled
    assert [square for square, _ in results] == [n * n for n in range(50)]
    assert parent not in {pid for _, pid in results}


def test_small_batches_and_one_job_stay_in_this_process() -> None:
    parent = os.getpid()
    assert {pid for pid in ordered_map(lambda _: os.getpid(), list(range(MIN_ITEMS_PER_WORKER - 1)))} == {parent}
    assert {pid for pid in ordered_map(lambda _: os.getpid(), list(range(500)), jobs=1)} == {parent}
    assert worker_count(0, None) == 1 and worker_count(3, 8) == 3


def test_a_failing_task_fails_the_call() -> None:
    def task(n: int) -> int:
        if n == 7:
            raise ValueError("seven")
        return n

    try:
        ordered_map(task, list(range(20)), jobs=2)
    except ValueError as error:
        assert str(error) == "seven"
    else:
        raise AssertionError("the worker's exception was lost")


def test_a_worker_that_dies_is_an_error_not_a_hang() -> None:
    parent = os.getpid()

    def task(n: int) -> int:
        if n == 30 and os.getpid() != parent:
            os._exit(3)  # as the kernel's out-of-memory killer would end it: no exception, no result
        return n

    with pytest.raises(WorkerFailed, match="--jobs 1"):
        ordered_map(task, list(range(40)), jobs=2)


def test_automatic_mode_never_forks_while_other_threads_run() -> None:
    """Under ``mkdocs serve`` a server thread runs beside the build: forking it could deadlock the child."""
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)
    server.start()
    try:
        assert worker_count(100_000, None) == 1
        assert worker_count(100_000, 2) == 2  # an explicit number is the caller's decision
    finally:
        stop.set()
        server.join()

