"""The import report's text: paths relative to what the files share, long lists cut."""

from __future__ import annotations

from annotator.core.formats import Problem
from annotator.gui.dialogs.import_report import SHOWN, needs_report, report_text, sections
from annotator.services.importing import ImportSummary
from annotator.services.neardups import NearDuplicate


def test_paths_are_shown_from_the_folder_the_files_share() -> None:
    summary = ImportSummary(
        rejected=2,
        problems=[
            Problem("/data/kiriman/2024/a.jsonl", "malformed JSON: x (column 3)", 7),
            Problem("/data/kiriman/2025/b.conll", "a tag without a token", offset=120),
        ],
        labels_added=["PER", "ORG"],
    )
    assert sections(summary, {}) == [
        (
            "Rejected",
            [
                "2024/a.jsonl:7: malformed JSON: x (column 3)",
                "2025/b.conll (offset 120): a tag without a token",
            ],
        ),
        ("Labels added to the schema", ["PER, ORG"]),
    ]


def test_a_long_list_is_cut_and_counted() -> None:
    many = [NearDuplicate(n, 1, 0.9) for n in range(2, SHOWN + 12)]
    summary = ImportSummary(imported=SHOWN + 10, near_duplicates=many)
    assert needs_report(summary)
    lines = report_text(sections(summary, {1: "Asli"})).splitlines()
    assert lines[0] == f"Nearly repeat a stored document ({SHOWN + 10})"
    assert lines[1] == "«#2» nearly repeats «Asli» (90%)"
    assert lines[-1] == "… and 10 more" and len(lines) == SHOWN + 2


def test_nothing_to_say_no_report() -> None:
    assert not needs_report(ImportSummary(imported=3, skipped=1))
    assert not needs_report(ImportSummary(rejected=1, cancelled=True, problems=[Problem("a", "b")]))
