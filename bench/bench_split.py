"""What keeping near-duplicates together costs a split export.

Imports COUNT synthetic releases (default 100,000), one in twenty a
syndicated copy of an earlier one with a sentence added, then times the
native JSONL export of all of them without a split, with a split that keeps
near-duplicates in one part (the default), and with one that does not.
Run: .venv/bin/python bench/bench_split.py [COUNT]
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import release

from annotator.services.export import ExportRequest, Split, export
from annotator.services.workspace import Workspace
from annotator.store.selection import Selection

EVERY = Selection(statuses=None)


def write_corpus(path: Path, count: int) -> int:
    """Releases with every twentieth a copy of an earlier one; returns the copies made."""
    rng = random.Random(5)
    texts: list[str] = []
    copies = 0
    with path.open("w", encoding="utf-8") as fh:
        for n in range(count):
            if n % 20 == 19:
                text = rng.choice(texts) + "\nDemikian disampaikan dalam rilis yang sama."
                copies += 1
            else:
                text = release(rng, n)["text"]
                texts.append(text)
            fh.write(json.dumps({"text": text, "title": f"Rilis {n}"}, ensure_ascii=False) + "\n")
    return copies


def timed(ws: Workspace, out: Path, split: Split | None) -> tuple[float, list[str]]:
    start = time.perf_counter()
    result = export(ws, ExportRequest("jsonl", out, EVERY, split))
    notes = sorted({note for r in result.outputs.values() for note in r.notes})
    return time.perf_counter() - start, notes


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        copies = write_corpus(tmp / "rilis.jsonl", count)
        ws = Workspace.open(f"sqlite:///{tmp / 'split.db'}", "bench")
        start = time.perf_counter()
        summary = ws.import_paths([tmp / "rilis.jsonl"])
        took = time.perf_counter() - start
        print(
            f"imported {summary.imported} releases ({copies} syndicated copies) in {took:.1f} s; "
            f"{len(summary.near_duplicates)} near-duplicate pairs flagged"
        )
        for name, split in (
            ("no split", None),
            ("split, near-duplicates together", Split()),
            ("split, near-duplicates left apart", Split(together=False)),
        ):
            took, notes = timed(ws, tmp / "out.jsonl", split)
            print(f"export {name}: {took:.2f} s {'; '.join(notes)}")
        ws.close()


if __name__ == "__main__":
    main()
