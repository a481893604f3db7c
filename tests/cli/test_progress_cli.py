"""seed-demo and export from the command line: on a seeded database both exports work, and
every failure is one plain sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.cli import run


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def seeded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    data = str(tmp_path / "data")
    assert run(["--data-dir", data, "seed-demo", "--weeks", "3", "--profile", "Ann"]) == 0
    assert "Added the demo profile 'Ann' with 3 weeks" in capsys.readouterr().out
    return data


def test_seed_demo_refuses_a_name_in_use(seeded: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--data-dir", seeded, "seed-demo", "--profile", "ann"]) == 1
    assert "already exists" in one_line_error(capsys)
    assert run(["--data-dir", seeded, "seed-demo", "--weeks", "0"]) == 2
    assert "weeks must be from 1" in one_line_error(capsys)


def test_export_csv_and_pdf(
    seeded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "s.csv"
    assert run(["--data-dir", seeded, "export", "csv", "--out", str(csv)]) == 0
    assert csv.read_text(encoding="utf-8-sig").splitlines()[0].startswith("date,start_time")
    pdf = tmp_path / "r.pdf"
    assert run(["--data-dir", seeded, "export", "pdf", "--out", str(pdf), "--profile", "Ann"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    out = capsys.readouterr()
    assert f"Wrote {pdf}." in out.out
    assert out.err == ""  # no Qt chatter on the terminal


def test_export_errors_are_one_sentence(
    seeded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(["--data-dir", seeded, "export", "csv", "--out", str(tmp_path / "no" / "x.csv")]) == 1
    )
    assert "does not exist" in one_line_error(capsys)
    assert run(["--data-dir", seeded, "export", "csv", "--out", "x.csv", "--profile", "Bob"]) == 1
    assert "no profile named 'Bob'" in one_line_error(capsys)
    assert run(["--data-dir", str(tmp_path / "empty"), "export", "csv", "--out", "x.csv"]) == 1
    assert "no Rehab Coach data" in one_line_error(capsys)


def test_export_asks_which_profile_when_there_are_several(
    seeded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--data-dir", seeded, "seed-demo", "--weeks", "1", "--profile", "Bea"]) == 0
    capsys.readouterr()
    assert run(["--data-dir", seeded, "export", "csv", "--out", str(tmp_path / "x.csv")]) == 1
    assert "choose one with --profile" in one_line_error(capsys)


def test_a_failed_export_leaves_the_previous_file(
    seeded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"previous report")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("coach.reports.atomic.os.fsync", full)
    assert run(["--data-dir", seeded, "export", "pdf", "--out", str(target)]) == 1
    assert "previous file is unchanged" in one_line_error(capsys)
    assert target.read_bytes() == b"previous report"
