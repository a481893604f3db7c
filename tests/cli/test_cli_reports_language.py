"""Reports from the command line in the profile's language (``--lang`` overrides it for a run):
the clinic PDF, the CSV, the handout and printed topics; the messages around them stay in the
language of the run; the demo profile is made in the language shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coach.cli import run
from coach.domain.i18n import current
from coach.store import open_db
from coach.store.repository import Repository


def _seeded(tmp_path: Path, *extra: str) -> Path:
    data = tmp_path / "data"
    assert run(["--data-dir", str(data), *extra, "seed-demo", "--weeks", "3"]) == 0
    return data


def _language_of(data: Path) -> str:
    repo = Repository(open_db(data / "coach.db"))
    try:
        return repo.profiles()[0].language
    finally:
        repo.db.close()


def _recorder(seen: list[str], real: Callable[..., Any]) -> Callable[..., Any]:
    def record(*args: Any, **kwargs: Any) -> Any:
        seen.append(current().code)
        return real(*args, **kwargs)

    return record


def test_the_demo_profile_is_in_the_language_shown(tmp_path: Path) -> None:
    assert _language_of(_seeded(tmp_path / "en")) == "en"
    assert _language_of(_seeded(tmp_path / "es", "--lang", "es")) == "es"


def test_the_clinic_pdf_is_in_the_profiles_language_unless_lang_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from coach.ui.progress import report_export

    data = _seeded(tmp_path, "--lang", "es")
    seen: list[str] = []
    monkeypatch.setattr(
        report_export, "render_pdf_headless", _recorder(seen, report_export.render_pdf_headless)
    )
    capsys.readouterr()
    out = tmp_path / "report.pdf"
    assert run(["--data-dir", str(data), "export", "pdf", "--out", str(out)]) == 0
    assert run(["--data-dir", str(data), "--lang", "en", "export", "pdf", "--out", str(out)]) == 0
    assert seen == ["es", "en"]
    assert out.read_bytes().startswith(b"%PDF")
    assert capsys.readouterr().out.startswith("Wrote ")  # the run's language (English here)


def test_the_csv_keeps_english_columns_and_is_the_same_in_any_language(tmp_path: Path) -> None:
    data = _seeded(tmp_path, "--lang", "es")
    spanish, english = tmp_path / "es.csv", tmp_path / "en.csv"
    folder = ["--data-dir", str(data)]
    assert run([*folder, "export", "csv", "--out", str(spanish)]) == 0
    assert run([*folder, "--lang", "en", "export", "csv", "--out", str(english)]) == 0
    text = spanish.read_text(encoding="utf-8-sig")
    assert text.startswith("date,start_time,routine,status,back_pain_before,")
    assert spanish.read_bytes() == english.read_bytes()


def test_the_handout_and_printed_topics_follow_the_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coach.reports import handout, learn_pdf

    data = _seeded(tmp_path, "--lang", "es")
    seen: list[str] = []
    monkeypatch.setattr(handout, "render_handout", _recorder(seen, handout.render_handout))
    monkeypatch.setattr(learn_pdf, "write_topics", _recorder(seen, learn_pdf.write_topics))
    folder = ["--data-dir", str(data)]
    assert run([*folder, "plan", "print", "--out", str(tmp_path / "h.pdf")]) == 0
    printed = ["learn", "print", "leg-pain", "--out", str(tmp_path / "t.pdf")]
    assert run([*folder, *printed, "--profile", "Sam (demo)"]) == 0
    assert run([*folder, *printed]) == 0  # no profile: the language of the run
    assert run([*folder, "--lang", "es", *printed]) == 0
    assert seen == ["es", "es", "en", "es"]
