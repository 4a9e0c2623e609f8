"""What the bundle leaves out: unused Qt plugins, libraries only they load, foreign catalogues."""

from __future__ import annotations

from prune import prune_binaries, prune_translations

QT = "PySide6/Qt"
BINARIES = [
    (f"{QT}/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
    (f"{QT}/plugins/platforms/libqvnc.so", "/src/libqvnc.so", "BINARY"),
    (f"{QT}/plugins/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
    (f"{QT}/lib/libQt6Network.so.6", "/src/libQt6Network.so.6", "BINARY"),
    ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),
    ("libglib-2.0.so.0", "/src/libglib-2.0.so.0", "BINARY"),
    ("libffi.so.8", "/src/libffi.so.8", "BINARY"),
]
DEPS = {
    "/src/libqxcb.so": {"libglib-2.0.so.0"},
    "/src/libqvnc.so": {"libQt6Network.so.6"},
    "/src/libqgtk3.so": {"libcairo.so.2", "libglib-2.0.so.0"},
}


def _deps(path: str) -> set[str]:
    return DEPS.get(path, set())


def test_dropped_plugins_take_only_their_own_libraries_with_them() -> None:
    kept, gone = prune_binaries(BINARIES, _deps)
    names = {dest.rsplit("/", 1)[-1] for dest, _src, _kind in kept}
    assert names == {"libqxcb.so", "libglib-2.0.so.0", "libffi.so.8"}
    assert len(gone) == 4


def test_nothing_matches_nothing_goes() -> None:
    kept, gone = prune_binaries(BINARIES[:1], _deps)
    assert kept == BINARIES[:1] and gone == []


def test_only_english_and_indonesian_qt_catalogues_stay() -> None:
    datas = [
        (f"{QT}/translations/qtbase_de.qm", "/src/de", "DATA"),
        (f"{QT}/translations/qtbase_en.qm", "/src/en", "DATA"),
        (f"{QT}/translations/qt_help_id.qm", "/src/id", "DATA"),
        ("resources/translations/annotator_de.qm", "/src/ours", "DATA"),
    ]
    assert [d[1] for d in prune_translations(datas)] == ["/src/en", "/src/id", "/src/ours"]
