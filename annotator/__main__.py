"""``python -m annotator`` and the frozen app's entry point."""

from __future__ import annotations

import sys

from annotator.cli import main

if __name__ == "__main__":
    sys.exit(main())
