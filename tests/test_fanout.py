"""Spreading work over processes: results in order, really computed elsewhere, serial when it does not pay."""
from __future__ import annotations

import os

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
