"""schema export / import and stats --json from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import edits as ed
from annotator.services.annotate import Annotations
from annotator.services.workspace import Workspace


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_schema_export_then_import_of_an_edited_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db, out = str(tmp_path / "s.db"), tmp_path / "schema.json"
    code, _, err = _run(capsys, "schema", "export", "--out", str(out), "--db", db)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert code == 0 and f"labels written to {out}" in err
    assert {"name": "agent", "required": True, "max_count": None, "shortcut": "a"} in next(
        lb["roles"] for lb in data["labels"] if lb["name"] == "SECURITY_OPERATION"
    )
    data["labels"].append({"name": "VEHICLE", "color": "#aa0000", "shortcut": "9"})
    out.write_text(json.dumps(data), encoding="utf-8")
    code, text, _ = _run(capsys, "schema", "import", str(out), "--db", db)
    assert (code, text) == (0, "added: VEHICLE\nupdated: none\n")


def test_schema_import_of_bad_json_is_one_line_naming_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "rusak.json"
    bad.write_text('{"labels": [', encoding="utf-8")
    code, _, err = _run(capsys, "schema", "import", str(bad), "--db", str(tmp_path / "s.db"))
    assert code == 1
    assert err.startswith(f"annotator: {bad}: not JSON") and "Traceback" not in err


def test_stats_json_counts_events_and_roles(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "e.db"
    text = "Polres Tarakan menangkap pengedar di Juata, Senin."
    (tmp_path / "rilis.txt").write_text(text, encoding="utf-8")
    ws = Workspace.open(f"sqlite:///{db}", "berita", "ani")
    ws.import_paths([tmp_path / "rilis.txt"])
    ann = Annotations(ws)
    ids: list[int] = []
    for surface, label in (("Polres Tarakan", "ORG"), ("menangkap", "MISC"), ("Juata", "LOC")):
        undo = ann.apply(
            ed.AddSpan(1, text.index(surface), text.index(surface) + len(surface), label)
        )
        assert isinstance(undo, ed.RemoveSpans)
        ids.extend(undo.span_ids)
    event = ann.apply(ed.AddEvent(1, ids[1], "ARREST"))
    assert isinstance(event, ed.RemoveEvent)
    ann.apply(ed.AddArgument(1, event.event_id, ids[0], "agent"))
    ann.apply(ed.AddArgument(1, event.event_id, ids[2], "place"))
    ws.close()
    code, out, _ = _run(capsys, "stats", "--json", "--db", str(db), "--project", "berita")
    stats = json.loads(out)
    assert code == 0
    assert stats["events_by_type"] == {"ARREST": 1}
    assert stats["arguments_by_role"] == {"agent": 1, "place": 1}
    assert stats["spans_by_label"] == {"LOC": 1, "MISC": 1, "ORG": 1}
    assert (stats["documents"], stats["by_status"]) == (1, {"in_progress": 1})
    assert list(stats["annotated_per_day"].values()) == [1]
