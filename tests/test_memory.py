"""Pausing the cycle collector around bulk loading: always restored, never resumed early."""
from __future__ import annotations

import gc

from generator.memory import paused_cycle_collection


def test_pausing_cycle_collection_restores_what_the_caller_had() -> None:
    with paused_cycle_collection():
        assert not gc.isenabled()
        with paused_cycle_collection():
            pass
        assert not gc.isenabled()  # the inner pause does not resume collection early
    assert gc.isenabled()
