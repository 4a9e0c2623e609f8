"""Start-up time of the app to an interactive main window, and the bundle's size.

Launches the frozen app (dist/annotator/annotator) when it is built, else
``python -m annotator``, with ``--exit-when-shown``: the app prints the
wall-clock time once its main window is shown and the event loop runs, then
quits. The first run on an empty data directory (database created, demo
corpus imported) is reported on its own; then the median of RUNS launches on
that database, and of ``--version`` and ``--smoke-test`` for comparison.
The page cache stays warm (dropping it would disturb the machine's other work).
Run: .venv/bin/python bench/bench_startup.py [--source] [RUNS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from annotator.window_probe import SHOWN_PREFIX

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "annotator"


def command(source: bool) -> list[str]:
    """How to start the app: the frozen executable if built, else the source tree."""
    frozen = BUNDLE / "annotator" if BUNDLE.is_dir() else BUNDLE
    if not source and frozen.is_file():
        return [str(frozen)]
    return [sys.executable, "-m", "annotator"]


def environment(scratch: Path) -> dict[str, str]:
    """A private data and config directory; offscreen unless QT_QPA_PLATFORM says otherwise."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(
        ANNOTATOR_DATA_DIR=str(scratch / "data"),
        ANNOTATOR_CONFIG_DIR=str(scratch / "config"),
        ANNOTATOR_NAME="bench",
    )
    env.pop("ANNOTATOR_DB", None)
    return env


def time_to_window(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from launching the process to its main window being shown."""
    start = time.time()
    done = subprocess.run(
        [*cmd, "--exit-when-shown"], capture_output=True, text=True, env=env, check=False
    )
    shown = [x for x in done.stdout.splitlines() if x.startswith(SHOWN_PREFIX)]
    if done.returncode or not shown:
        raise SystemExit(f"bench_startup: no window (exit {done.returncode}):\n{done.stderr}")
    return float(shown[0].removeprefix(SHOWN_PREFIX)) - start


def time_to_exit(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds for the command to run to completion (exit 0 required)."""
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if done.returncode:
        raise SystemExit(f"bench_startup: {cmd} exited {done.returncode}:\n{done.stderr}")
    return time.perf_counter() - start


def bundle_size() -> str:
    """Disk use and file count of the built bundle, or a note that there is none."""
    if not BUNDLE.exists():
        return "no bundle built (make package)"
    files = [BUNDLE] if BUNDLE.is_file() else [p for p in BUNDLE.rglob("*") if p.is_file()]
    files = [p for p in files if not p.is_symlink()]
    used = sum(p.lstat().st_blocks * 512 for p in files)
    return f"{used / 2**20:.0f} MiB on disk in {len(files)} files ({BUNDLE})"


def main() -> None:
    """Print the figures."""
    source = "--source" in sys.argv[1:]
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    runs = int(numbers[0]) if numbers else 5
    cmd = command(source)
    print(f"app: {' '.join(cmd)}")
    print(f"bundle: {bundle_size()}")
    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
        env = environment(Path(tmp))
        first = time_to_window(cmd, env)
        print(f"first run (new database, demo corpus imported): {first:.2f} s to window")
        shown = [time_to_window(cmd, env) for _ in range(runs)]
        version = [time_to_exit([*cmd, "--version"], env) for _ in range(runs)]
        smoke = [time_to_exit([*cmd, "--smoke-test"], env) for _ in range(runs)]
    for name, values in (
        ("start to interactive window", shown),
        ("annotator --version", version),
        ("annotator --smoke-test", smoke),
    ):
        spread = f"min {min(values):.2f}, max {max(values):.2f}"
        print(f"{name}: median {statistics.median(values):.2f} s over {runs} runs ({spread})")


if __name__ == "__main__":
    main()
