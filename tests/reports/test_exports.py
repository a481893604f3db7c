"""CSV and PDF exports: documented columns, formula injection defused, A4 or Letter, and a
failed write that leaves the previous file exactly as it was."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from coach.demo.history import seed_history
from coach.domain.content import Content
from coach.domain.pain import Pain
from coach.reports.atomic import ExportError, atomic_write_bytes
from coach.reports.csv_export import COLUMNS, csv_text, safe_cell
from coach.reports.pdf_report import page_size_for, render_pdf
from coach.store import open_db
from coach.store.plans import resolve_plan
from coach.store.progress_data import ProfileHistory, ProgressData
from coach.store.sessions import SessionStore
from coach.ui.progress.report_export import report_data

DATA = Path("/nonexistent-rehab-coach-data")  # no writer here aims inside it
NOW = datetime(2026, 6, 1, 18, 0, tzinfo=UTC)


@pytest.fixture
def history(tmp_path: Path, content: Content) -> tuple[ProfileHistory, object]:
    db = open_db(tmp_path / "coach.db")
    stats = seed_history(db, content, NOW, weeks=8)
    profile = stats.profile
    store = SessionStore(db)
    sid = store.start_session(profile.id or 0, None, "daily", '=HYPERLINK("x")', NOW)
    store.record_pain(sid, "before", Pain(3, 2), NOW)
    store.set_note(sid, "-2+3 @home")
    store.record_event(sid, "started", NOW, detail={"items": [{"exercise": "bridge"}]})
    store.record_event(
        sid,
        "swapped",
        NOW,
        step_index=0,
        exercise_id="glute-sets",
        detail={"from": "bridge", "to": "glute-sets"},
    )
    store.record_event(
        sid,
        "exercise-skipped",
        NOW,
        step_index=5,
        exercise_id="glute-sets",
        detail={"reason": "tired"},
    )
    data = ProgressData(db)
    result = data.history(resolve_plan(db, content, profile), NOW.date())
    db.close()
    return result, profile


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_csv_has_one_row_per_session_with_the_documented_columns(
    history: tuple[ProfileHistory, object],
) -> None:
    data, profile = history
    rows = _rows(csv_text(data.sessions, data.exercises, data.input.plan, profile.surgery_date))  # type: ignore[attr-defined]
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == len(data.sessions) + 1
    done = next(r for r in rows[1:] if r[3] == "done")
    assert done[9] == done[10]  # all exercises done
    assert int(done[8]) > 0  # minutes


def test_csv_defuses_formulas_and_leaves_unknown_cells_empty(
    history: tuple[ProfileHistory, object],
) -> None:
    data, _ = history
    last = _rows(csv_text(data.sessions, data.exercises))[-1]
    assert last[2] == '\'=HYPERLINK("x")'
    assert last[11] == "'-2+3 @home"
    assert last[4:8] == ["3", "", "2", ""]  # no pain after: empty, not 0
    assert last[8] == ""  # not finished: no minutes
    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(text).startswith("'")
    assert safe_cell("Walked 2 km") == "Walked 2 km"


def test_atomic_write_keeps_the_old_file_when_the_disk_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.csv"
    target.write_bytes(b"old report")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("coach.reports.atomic.os.fsync", full)
    with pytest.raises(ExportError, match="previous file is unchanged"):
        atomic_write_bytes(target, b"new report", data_folder=DATA)
    assert target.read_bytes() == b"old report"
    assert list(tmp_path.iterdir()) == [target]


def test_atomic_write_on_dev_full_fails_without_touching_the_target(tmp_path: Path) -> None:
    """The real thing: /dev/full refuses every write with ENOSPC."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    real_fdopen = os.fdopen

    def to_dev_full(fd: int, mode: str = "r", *args: object, **kw: object) -> object:
        os.close(fd)
        return real_fdopen(os.open("/dev/full", os.O_WRONLY), mode, *args, **kw)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("coach.reports.atomic.os.fdopen", to_dev_full)
        with pytest.raises(ExportError):
            atomic_write_bytes(target, b"x" * 100_000, data_folder=DATA)
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_atomic_write_into_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "report.csv"
    target.write_bytes(b"old")
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="Could not write"):
            atomic_write_bytes(target, b"new", data_folder=DATA)
        assert target.read_bytes() == b"old"
    finally:
        folder.chmod(0o700)


def test_atomic_write_replaces_and_is_private(tmp_path: Path) -> None:
    target = tmp_path / "a.csv"
    target.write_bytes(b"old")
    atomic_write_bytes(target, b"new", data_folder=DATA)
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o077 == 0
    with pytest.raises(ExportError, match="does not exist"):
        atomic_write_bytes(tmp_path / "missing" / "a.csv", b"x", data_folder=DATA)
    with pytest.raises(ExportError, match="folder"):
        atomic_write_bytes(tmp_path, b"x", data_folder=DATA)


def test_paper_size_follows_the_locale() -> None:
    assert "Letter" in page_size_for(QLocale("en_US")).name()
    assert "A4" in page_size_for(QLocale("de_DE")).name()


def test_pdf_report_has_pages_numbers_and_the_chosen_paper(
    history: tuple[ProfileHistory, object], content: Content, qapp: QApplication
) -> None:
    data, profile = history
    report = report_data(profile, data, content)  # type: ignore[arg-type]
    assert len(report.charts) >= 4
    assert all(image.pixelColor(2, 2).name() == "#ffffff" for _, image in report.charts)
    a4 = render_pdf(report, QLocale("de_DE"))
    letter = render_pdf(report, QLocale("en_US"))
    assert a4.startswith(b"%PDF")
    assert b"/MediaBox [0 0 595.000000 842.000000]" in a4  # A4 in points
    assert b"/MediaBox [0 0 612.000000 792.000000]" in letter  # US Letter
    assert a4.count(b"/Type /Page\n") >= 2  # several pages (each has its number in the footer)
    del qapp


def test_pdf_pages_are_numbered(
    history: tuple[ProfileHistory, object], content: Content, qapp: QApplication, tmp_path: Path
) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    data, profile = history
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_pdf(report_data(profile, data, content), QLocale("de_DE")))  # type: ignore[arg-type]
    text = subprocess.run(
        [pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.count("\f")
    assert pages >= 2
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    assert "Leg pain before sessions is" in text
    del qapp


def test_the_clinic_report_lists_what_the_patient_made_easier_or_skipped(
    history: tuple[ProfileHistory, object], content: Content, qapp: QApplication
) -> None:
    from coach.reports.pdf_report import report_html

    data, profile = history
    html = report_html(report_data(profile, data, content))  # type: ignore[arg-type]
    assert "Exercises made easier or skipped by the patient" in html
    assert "Bridge: did the easier version (Buttock squeezes)" in html
    assert "Buttock squeezes: skipped (too tired)" in html
    rows = _rows(csv_text(data.sessions, data.exercises))
    assert rows[0][-2:] == ["exercises_skipped", "exercises_swapped"]
    assert rows[-1][-2:] == ["glute-sets: tired", "bridge > glute-sets"]


@pytest.mark.parametrize(
    ("surgery", "quoted"),
    [("discectomy", True), ("laminectomy", False), ("fusion", False)],
)
def test_registry_figures_from_disc_surgery_are_quoted_for_a_discectomy_only(
    history: tuple[ProfileHistory, object],
    content: Content,
    qapp: QApplication,
    surgery: str,
    quoted: bool,
) -> None:
    from dataclasses import replace

    from coach.domain.profile import Surgery
    from coach.reports.pdf_report import report_html

    data, profile = history
    report = report_data(profile, data, content)  # type: ignore[arg-type]
    report = replace(report, profile=replace(report.profile, surgery=Surgery(surgery)))
    assert ("registry figures after disc surgery" in report_html(report)) is quoted


def test_pdf_report_lists_the_three_tiers_apart_each_with_its_action(
    history: tuple[ProfileHistory, object], content: Content, qapp: QApplication, tmp_path: Path
) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    data, profile = history
    number = profile.emergency_number  # type: ignore[attr-defined]
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_pdf(report_data(profile, data, content), QLocale("de_DE")))  # type: ignore[arg-type]
    raw = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True)
    text = " ".join(unicodedata.normalize("NFKC", raw.stdout).split())
    start = text.index("Warning signs: what the patient was told to do")
    heads = [
        "Call emergency services now if",
        "Call your surgeon's office today if",
        "Call your therapist or surgeon within 24 hours if",
        "Warning signs reported",
    ]
    at = [text.index(h, start) for h in heads]
    assert at == sorted(at)
    tiers = ("emergency", "surgeon-today", "call-24h")
    parts = {tier: text[at[i] : at[i + 1]] for i, tier in enumerate(tiers)}
    for question in content.red_flags.questions:
        for tier, words in parts.items():
            assert (question.sign in words) == (question.tier == tier), (tier, question.id)
    assert f"Call emergency services now: {number}" in parts["emergency"]
    assert "emergency" not in parts["surgeon-today"].lower()
    assert parts["call-24h"].rstrip().endswith("Call your therapist or surgeon within 24 hours.")
    del qapp
