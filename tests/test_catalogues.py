"""The translation catalogues are complete and current: what CI's "translations" step checks
(``python -m coach.tools.catalogues check``), and proof that the check catches a missing
translation, a translation that changes a {field}, a stale .mo and a string added without
extraction (each made in a copy of the source tree)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coach.tools import catalogues
from coach.tools.catalogues import ROOT, check, mo_path, po_path


def test_every_catalogue_is_complete_and_current() -> None:
    problems = check()
    assert problems == [], f"{len(problems)} problems, first: " + "\n".join(problems[:20])


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the code and catalogues to break (the check reads only these)."""
    shutil.copytree(
        ROOT / "coach", tmp_path / "coach", ignore=shutil.ignore_patterns("__pycache__")
    )
    return tmp_path


def _translated(root: Path, *, with_field: bool = False) -> tuple[str, str]:
    """A Spanish message that is translated now (its id and text): one to break."""
    catalog = catalogues._read((root / po_path("es")).read_bytes(), "es")
    for message in catalog:
        single = isinstance(message.id, str) and isinstance(message.string, str)
        if single and message.id and message.string and ("{" in message.id) == with_field:
            return str(message.id), str(message.string)
    raise AssertionError("no translated message to break")


def _change(root: Path, msgid: str, text: str) -> None:
    path = root / po_path("es")
    catalog = catalogues._read(path.read_bytes(), "es")
    message = catalog.get(msgid)
    assert message is not None
    message.string = text
    catalogues._write(catalog, path)


def test_a_missing_translation_and_a_stale_mo_are_caught(tree: Path) -> None:
    msgid, _ = _translated(tree)
    assert not any(repr(msgid) in p for p in check(tree))
    _change(tree, msgid, "")
    problems = check(tree)
    assert f"es: {msgid!r} is not translated" in problems
    assert f"{mo_path('es')} is out of date (run compile)" in problems


def test_a_translation_that_changes_a_field_is_caught(tree: Path) -> None:
    msgid, text = _translated(tree, with_field=True)
    broken = text.replace("{", "{x_", 1)
    _change(tree, msgid, broken)
    assert f"es: {msgid!r}: the translation {broken!r} changes the fields" in check(tree)


def test_a_string_added_without_extraction_is_caught(tree: Path) -> None:
    (tree / "coach" / "ui" / "brand_new.py").write_text(
        'from coach.domain.i18n import _\n\nTEXT = _("A sentence nobody extracted")\n',
        encoding="utf-8",
    )
    assert "not extracted (run extract, update): 'A sentence nobody extracted'" in check(tree)


def test_tools_and_screenshot_scenes_are_not_extracted(tree: Path) -> None:
    """Developer tools and the screenshot scenes are never shown to patients."""
    for folder in ("tools", "shots"):
        (tree / "coach" / folder / "brand_new.py").write_text(
            'from coach.domain.i18n import _\n\nTEXT = _("Only for developers")\n',
            encoding="utf-8",
        )
    assert not any("Only for developers" in p for p in check(tree))
