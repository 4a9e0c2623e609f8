"""Worker processes keep the large blocks they free, instead of faulting in fresh pages."""

from __future__ import annotations

import subprocess
import sys

import pytest

CHURN = """
import resource, sys
from annotator.services import processes
if sys.argv[1] == "keep":
    assert processes.keep_freed_memory()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(20):  # a DocBin file's arrays, built and freed file after file
    blocks = [b"x" * (size << 20) for size in (12, 14, 16)]  # written through, as arrays
    del blocks
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults(mode: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", CHURN, mode], capture_output=True, text=True, check=True
    )
    return int(done.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_a_worker_reuses_the_memory_it_frees() -> None:
    kept, given_back = _faults("keep"), _faults("give back")
    assert given_back > 20 * 9000  # fresh pages each time: 10,752 of them a round
    assert kept < given_back / 5  # the first block's pages, then the same again
