"""How many worker processes to use, and how to start them (imports and exports share it)."""

from __future__ import annotations

import multiprocessing
import os
import sys


def worker_count(env: str) -> int:
    """One worker process a core, at most four; none on one core. ``env`` overrides it."""
    chosen = os.environ.get(env)
    if chosen is not None and chosen.isdigit():
        return int(chosen)
    cores = os.cpu_count() or 1
    return 0 if cores < 2 else min(4, cores)


def forks() -> bool:
    """Whether workers are forked (Linux: they start in milliseconds) rather than spawned."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
