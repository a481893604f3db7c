"""The pain journal and medicines in the exports: `export csv --table journal|medicines` with
the README's columns (one row per body part for the journal), and the clinic PDF's body-map
summary and medicines by week."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from coach.cli import run
from coach.demo.history import seed_history
from coach.domain.content import Content
from coach.domain.journal import QUALITIES, JournalEntry, RegionMark
from coach.domain.medicines import MedicineEntry
from coach.reports.journal_csv import (
    JOURNAL_COLUMNS,
    MEDICINE_COLUMNS,
    journal_csv_text,
    medicines_csv_text,
)
from coach.reports.pdf_report import render_pdf, report_html
from coach.store import open_db
from coach.store.plans import resolve_plan
from coach.store.progress_data import ProgressData
from coach.ui.progress.report_export import report_data

README = Path(__file__).resolve().parents[2] / "README.md"
AT = datetime(2026, 5, 1, 9, 30, tzinfo=UTC)


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_journal_csv_has_one_row_per_region_and_the_documented_columns() -> None:
    entries = [
        JournalEntry(
            AT,
            AT.date(),
            (
                RegionMark("lower-back-centre", 4),
                RegionMark("calf-left", 6, frozenset({"burning", "numbness"})),
            ),
            frozenset({"walking"}),
            frozenset({"sitting", "exercise"}),
            "=cmd()",
        ),
        JournalEntry(AT + timedelta(hours=2), AT.date(), note="Only a note"),
    ]
    table = rows(journal_csv_text(entries, UTC))
    assert tuple(table[0]) == JOURNAL_COLUMNS
    first = dict(zip(JOURNAL_COLUMNS, table[2], strict=True))
    assert first["region"] == "calf-left" and first["side"] == "left" and first["view"] == "back"
    assert first["intensity"] == "6" and first["burning"] == "1" and first["numbness"] == "1"
    assert first["aching"] == "0"
    assert first["left_leg_reach"] == "3" and first["right_leg_reach"] == "0"
    assert (first["helped"], first["worse"]) == ("walking", "sitting; exercise")
    assert first["note"] == "'=cmd()"  # a formula is never run by a spreadsheet
    assert table[1][3] == "lower-back-centre" and table[1][2] == table[2][2] == "1"
    note_only = dict(zip(JOURNAL_COLUMNS, table[3], strict=True))
    assert (note_only["entry"], note_only["region"], note_only["note"]) == ("2", "", "Only a note")
    assert len(table) == 4


def test_medicines_csv() -> None:
    entries = [MedicineEntry("+Tramadol", AT, AT.date(), "opioid", "1 capsule")]
    table = rows(medicines_csv_text(entries, UTC))
    assert tuple(table[0]) == MEDICINE_COLUMNS
    assert table[1] == ["2026-05-01", "09:30", "'+Tramadol", "opioid", "1 capsule"]


def test_the_readme_documents_every_column() -> None:
    text = README.read_text(encoding="utf-8")
    for column in (*JOURNAL_COLUMNS, *MEDICINE_COLUMNS):
        assert f"`{column}`" in text, column
    assert len(QUALITIES) == 7


@pytest.fixture
def seeded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    data = str(tmp_path / "data")
    assert run(["--data-dir", data, "seed-demo", "--weeks", "10", "--profile", "Ann"]) == 0
    capsys.readouterr()
    return data


def test_export_csv_table_from_the_command_line(
    seeded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for table, columns in (("journal", JOURNAL_COLUMNS), ("medicines", MEDICINE_COLUMNS)):
        out = tmp_path / f"{table}.csv"
        assert (
            run(["--data-dir", seeded, "export", "csv", "--table", table, "--out", str(out)]) == 0
        )
        got = rows(out.read_text(encoding="utf-8-sig"))
        assert tuple(got[0]) == columns and len(got) > 20
    sessions = tmp_path / "sessions.csv"
    assert run(["--data-dir", seeded, "export", "csv", "--out", str(sessions)]) == 0
    assert rows(sessions.read_text(encoding="utf-8-sig"))[0][0:2] == ["date", "start_time"]
    capsys.readouterr()
    assert run(["--data-dir", seeded, "export", "pdf", "--table", "journal", "--out", "x.pdf"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--table is for csv only" in err[0]
    assert run(["--data-dir", seeded, "export", "csv", "--table", "walks", "--out", "x"]) == 2


def test_the_clinic_pdf_has_the_body_map_and_medicines_by_week(
    tmp_path: Path, content: Content, qapp: QApplication
) -> None:
    db = open_db(tmp_path / "coach.db")
    now = datetime(2026, 6, 1, 18, 0, tzinfo=UTC)
    profile = seed_history(db, content, now, weeks=10).profile
    history = ProgressData(db).history(resolve_plan(db, content, profile), now.date())
    db.close()
    data = report_data(profile, history, content)
    assert data.journal is not None and data.journal.entries > 30
    [(title, image)] = data.journal.images
    assert title.startswith("Where pain was marked") and image.width() > 500
    assert data.journal.region_counts["calf-right"] > 0
    html = report_html(data)
    assert "Pain journal" in html and 'src="journal0.png"' in html
    assert "Medicines taken (as written by the patient)" in html
    assert "never suggests or checks a dose" in html
    assert "Gabapentin ×" in html and "Oxycodone ×" in html
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render_pdf(data, QLocale("de_DE")))
    text = subprocess.run(
        [pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Where pain was marked" in text and "Entries that marked it" in text
    assert "Right calf" in text


def test_a_report_without_journal_says_so() -> None:
    from coach.reports.journal_report import JournalSection, journal_html

    empty = JournalSection(0, (), {}, ())
    html = "\n".join(journal_html(empty))
    assert "No pain journal entries." in html and "None written down." in html
