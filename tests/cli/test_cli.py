"""The command line as a person or a pipeline uses it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "rilis.jsonl"
    rows = [
        json.dumps({"text": "Polda Kaltara apel siaga di Bulungan.", "title": "Apel siaga"}),
        "{not json",
        json.dumps({"text": "KPU Kaltara rapat pleno 👍.", "title": "Rapat pleno"}),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_import_reports_and_exits_1_when_a_line_is_rejected(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    binary = tmp_path / "gambar.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    db = str(tmp_path / "a.db")
    code, out, err = _run(capsys, "import", str(corpus), str(binary), "--db", db)
    assert code == 1
    assert "2 imported, 0 skipped (already there), 2 rejected" in out
    assert f"rejected: {corpus}:2: malformed JSON" in err
    assert f"rejected: {binary}: binary file" in err
    assert "Traceback" not in err
    code, out, _ = _run(capsys, "import", str(corpus), "--db", db)
    assert code == 1 and "0 imported, 2 skipped" in out


def test_import_of_good_files_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "satu.txt"
    path.write_text("Tarakan (ANTARA) - Polda Kaltara siaga.", encoding="utf-8")
    code, out, _ = _run(capsys, "import", str(path), "--db", str(tmp_path / "b.db"))
    assert code == 0 and out.startswith("1 imported")


def test_import_says_how_many_new_documents_nearly_repeat_stored_ones(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    story = " ".join(f"Personel regu {n} berjaga di pos pelabuhan Tarakan." for n in range(30))
    (tmp_path / "asli.txt").write_text(f"Tarakan (ANTARA) - {story}\n", encoding="utf-8")
    (tmp_path / "salinan.txt").write_text(f"Tarakan (ANTARA) - {story} Aman.\n", "utf-8")
    code, _, err = _run(capsys, "import", str(tmp_path), "--db", str(tmp_path / "d.db"))
    assert code == 0
    assert "1 new document(s) nearly repeat stored ones (annotator duplicates lists them)" in err


def test_list_and_stats_as_json(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "c.db")
    _run(capsys, "import", str(corpus), "--db", db, "--project", "pilkada")
    code, out, _ = _run(capsys, "list", "--json", "--db", db, "--project", "pilkada")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(r["title"], r["status"], r["spans"]) for r in rows] == [
        ("Apel siaga", "new", 0),
        ("Rapat pleno", "new", 0),
    ]
    assert all(isinstance(r["id"], int) for r in rows)
    code, out, _ = _run(capsys, "stats", "--json", "--db", db, "--project", "pilkada")
    assert json.loads(out) == {
        "documents": 2,
        "by_status": {"new": 2},
        "spans_by_label": {},
        "events_by_type": {},
        "arguments_by_role": {},
        "annotated_per_day": {},
    }
    _, out, _ = _run(capsys, "list", "--json", "--db", db, "--project", "lain")
    assert out == ""  # another project is empty


def test_default_database_lives_in_the_data_directory(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    _run(capsys, "import", str(corpus))
    assert (tmp_path / "data" / "annotator.db").exists()


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["import"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["list", "--status", "bogus"])
    assert exc.value.code == 2


def test_show_unknown_document_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = _run(capsys, "show", "99", "--json", "--db", str(tmp_path / "d.db"))
    assert code == 1 and err.strip() == "annotator: no document 99 in project 'default'"


def test_unreachable_server_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    code, _, err = _run(capsys, "stats", "--json", "--db", url)
    assert (
        code == 1 and err.startswith("annotator: cannot open database") and "Traceback" not in err
    )


def test_a_command_on_an_older_database_says_it_is_updating_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tests.store.old_rows import old_database

    db = tmp_path / "lama.db"
    old_database(f"sqlite:///{db}", "0005")
    code, out, err = _run(capsys, "stats", "--json", "--db", str(db), "--project", "lama")
    assert code == 0 and json.loads(out)["documents"] == 1  # stdout stays pure JSON
    assert err.count("Updating the database") == 1
    code, out, err = _run(capsys, "stats", "--json", "--db", str(db), "--project", "lama")
    assert code == 0 and err == ""
