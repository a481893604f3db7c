"""rehab-coach learn: list the topics; print some or all to a large-print PDF; plain errors."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from coach.cli import run
from coach.domain.content import Content
from coach.domain.profile import Profile, Surgery
from coach.store import open_db
from coach.store.repository import Repository
from coach.system.paths import DataPaths


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_list_shows_every_topic_id_title_and_summary(
    content: Content, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["learn", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 * len(content.learn)
    assert out[0].split()[0] == "leg-pain" and out[0].endswith("Why does my leg still hurt?")
    assert out[1].strip() == content.learn.get("leg-pain").summary


def test_print_named_topics_writes_one_pdf(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "two.pdf"
    assert run(["learn", "print", "leg-pain", "mood-and-worry", "leg-pain", "--out", str(pdf)]) == 0
    assert capsys.readouterr().out.strip() == f"2 topics were written to {pdf}."
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        assert "Why does my leg still hurt?" in text and "Mood and worry" in text
        assert "Nerves and scar tissue" not in " ".join(text.split()).split("Read next")[0]
        assert "your emergency number or a crisis line" in " ".join(text.split())


def test_print_all_with_a_profile_uses_its_emergency_number(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    db = open_db(DataPaths(folder).database)
    Repository(db).add_profile(
        Profile("Sam", Surgery.FUSION, date(2026, 1, 5), emergency_number="000"),
        datetime(2026, 2, 1, tzinfo=UTC),
    )
    db.close()
    pdf = tmp_path / "all.pdf"
    args = ["--data-dir", str(folder), "learn", "print", "--all", "--profile", "sam"]
    assert run([*args, "--out", str(pdf)]) == 0
    assert "12 topics were written" in capsys.readouterr().out
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        assert "call 000 or a crisis line now" in " ".join(text.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["learn", "print", "--out", "x.pdf"], "Name at least one topic"),
        (["learn", "print", "nope", "--out", "x.pdf"], "There is no topic called 'nope'"),
        (["learn", "print", "leg-pain", "--all", "--out", "x.pdf"], "not both"),
        (["learn", "print", "leg-pain", "--out", "x.txt"], "does not end in .pdf"),
        (["learn", "print", "leg-pain", "--out", "missing/x.pdf"], "does not exist"),
        (["learn"], "required: ACTION"),
    ],
)
@pytest.mark.usefixtures("qapp")
def test_mistakes_get_one_plain_sentence(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(args) != 0
    assert message in one_line_error(capsys)
    assert not list(tmp_path.iterdir())  # nothing written


@pytest.mark.usefixtures("qapp")
def test_print_never_writes_into_the_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    target = folder / "coach.db.pdf"
    args = ["--data-dir", str(folder), "learn", "print", "leg-pain", "--out", str(target)]
    assert run(args) != 0
    assert "inside Rehab Coach's data folder" in one_line_error(capsys)
    assert not target.exists()
