"""``python -m annotator`` and the frozen app's entry point."""

from __future__ import annotations

import multiprocessing
import sys

from annotator.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # import workers in the frozen app
    sys.exit(main())
