"""Pausing Python's cycle collector while a large, acyclic result is built.

Loading a handbook or reading git history creates hundreds of thousands of plain containers that
all stay alive to the end. The cycle collector would walk them again and again as they accumulate,
for nothing: they hold no cycles, and reference counting frees them all the same.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_cycle_collection() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:  # a caller that had paused it keeps it paused
            gc.enable()
