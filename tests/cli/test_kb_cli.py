"""annotator kb import/export/suggest and preannotate, as a person or a pipeline runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main

ARTICLE = "Tarakan (ANTARA) - Kabid Humas Polda Kaltara memimpin apel. KPU Kaltara rapat pleno."
NAMES = "Polda Kaltara\tORG\nKPU Kaltara\tORG\tKPU Provinsi Kalimantan Utara\nTarakan\tLOC\n"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A project with one article and a gazetteer of three names."""
    (tmp_path / "rilis.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "names.tsv").write_text(NAMES, encoding="utf-8")
    path = str(tmp_path / "kb.db")
    assert _run(capsys, "import", str(tmp_path / "rilis.txt"), "--db", path)[0] == 0
    code, _, err = _run(capsys, "kb", "import", str(tmp_path / "names.tsv"), "--db", path)
    assert (code, err.strip()) == (0, "3 names read, 3 entities added")
    return path


def test_suggest_prints_the_ranking_as_json_lines(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, _ = _run(capsys, "kb", "suggest", "polda kaltra", "--db", db)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and rows[0]["name"] == "Polda Kaltara" and rows[0]["type"] == "ORG"
    assert rows == sorted(rows, key=lambda r: -r["score"])
    code, out, _ = _run(capsys, "kb", "suggest", "KPU Kaltara", "--type", "LOC", "--db", db)
    assert (code, out) == (0, "")
    code, out, _ = _run(capsys, "kb", "suggest", "KPU Kaltara", "--db", db)
    assert json.loads(out.splitlines()[0])["name"] == "KPU Provinsi Kalimantan Utara"


def test_suggest_without_a_query_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, _, err = _run(capsys, "kb", "suggest", "--db", db)
    assert code == 2 and "--stdin" in err


def test_suggest_stdin_answers_each_line_in_a_real_process(db: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "kb", "suggest", "--stdin", "--limit", "1", "--db", db],
        input="Tarakan\nxqzv\nPOLDA KALTARA\n",
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        check=True,
        timeout=120,
    )
    answers: list[list[str]] = [[]]  # one answer per query, each closed by an empty line
    for line in done.stdout.splitlines():
        if line:
            answers[-1].append(json.loads(line)["name"])
        else:
            answers.append([])
    assert answers == [["Tarakan"], [], ["Polda Kaltara"], []]


def test_import_of_a_bad_gazetteer_names_the_line_and_adds_nothing(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("Bulungan\tLOC\nrusak\n", encoding="utf-8")
    code, _, err = _run(capsys, "kb", "import", str(bad), "--db", db)
    assert code == 1 and f"{bad}:2" in err and "nothing imported" in err
    assert _run(capsys, "kb", "suggest", "Bulungan", "--db", db)[1] == ""
    assert _run(capsys, "kb", "import", str(tmp_path / "none.tsv"), "--db", db)[0] != 0


def test_export_writes_every_entity_with_its_aliases(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    out = tmp_path / "kb.jsonl"
    code, _, err = _run(capsys, "kb", "export", "--out", str(out), "--db", db)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert code == 0 and "3 entities written" in err
    kpu = next(r for r in rows if r["name"] == "KPU Provinsi Kalimantan Utara")
    assert {a["text"] for a in kpu["aliases"]} == {"KPU Provinsi Kalimantan Utara", "KPU Kaltara"}


def test_preannotate_then_export_with_suggestions(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    code, _, err = _run(capsys, "preannotate", "--all", "--db", db)
    assert code == 0 and "3 suggestions stored for 1 documents" in err
    code, _, err = _run(capsys, "preannotate", "--doc", "1", "--exact-only", "--db", db)
    assert code == 0 and "0 suggestions stored" in err  # nothing offered twice
    out = tmp_path / "out.jsonl"
    args = ("export", "--format", "jsonl", "--status", "all", "--out", str(out), "--db", db)
    assert _run(capsys, *args, "--with-suggestions")[0] == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["spans"] == []
    got = [
        (s["start"], s["end"], s["label"], s["entity"]["name"], s["score"])
        for s in record["suggestions"]
    ]
    assert got == [
        (0, 7, "LOC", "Tarakan", 100.0),
        (31, 44, "ORG", "Polda Kaltara", 100.0),
        (60, 71, "ORG", "KPU Provinsi Kalimantan Utara", 100.0),
    ]
    assert [ARTICLE[s:e] for s, e, *_ in got] == ["Tarakan", "Polda Kaltara", "KPU Kaltara"]
    assert _run(capsys, *args)[0] == 0
    assert "suggestions" not in json.loads(out.read_text(encoding="utf-8"))
