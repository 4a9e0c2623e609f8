"""The Windows version resource carries annotator.__version__."""

from __future__ import annotations

import ast

from winversion import version_file_text, version_numbers

from annotator import APP_NAME, __version__


def test_version_numbers_have_four_parts() -> None:
    assert version_numbers("0.1.0") == (0, 1, 0, 0)
    assert version_numbers("1.12.3rc2") == (1, 12, 3, 0)
    assert version_numbers("2.0+local.5") == (2, 0, 0, 0)


def test_version_file_is_one_expression_with_the_current_version() -> None:
    text = version_file_text(__version__, APP_NAME, "annotator")
    tree = ast.parse(text, mode="eval")
    assert isinstance(tree.body, ast.Call) and ast.unparse(tree.body.func) == "VSVersionInfo"
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert f"filevers={version_numbers(__version__)}" in text
