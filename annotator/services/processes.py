"""How many worker processes to use, and how to start them (imports and exports share it)."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import sys

_TRIM_THRESHOLD, _MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameters
_MMAP_MAX = 32 << 20  # the highest mmap threshold glibc takes on 64-bit systems


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


def keep_freed_memory() -> bool:
    """Have this process reuse the large blocks it frees instead of handing them back.

    glibc gives an allocation above its mmap threshold fresh pages from the
    kernel and returns them when it is freed, and it trims the free top of
    its heap. An export worker builds and frees tens of megabytes a file (a
    DocBin's arrays and message), so it took a page fault for every 4 KiB of
    them each time: 330,000 faults and 1.1 s of system time for 100,000
    documents, against 70,000 and 0.5 s with both thresholds raised.
    A worker's memory is freed when it ends. Where the C library is not
    glibc this does nothing; returns whether it applied.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # another C library
        return False
    return bool(mallopt(_MMAP_THRESHOLD, _MMAP_MAX) and mallopt(_TRIM_THRESHOLD, 1 << 30))
