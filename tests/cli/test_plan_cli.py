"""plan export / import / print from the command line. Every bad plan file is refused with one
sentence on stderr, and the database stays exactly as it was."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from coach.cli import run
from coach.domain.content import Content
from coach.domain.plan import plan_from_protocol
from coach.domain.plan_edit import add_exercise, set_dosage
from coach.domain.profile import Profile, Surgery
from coach.store import open_db
from coach.store.plans import resolve_plan
from coach.store.repository import Repository
from coach.store.sessions import SessionStore
from coach.store.therapist import TherapistStore
from coach.system.paths import DataPaths

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
SURGERY_DAY = date(2026, 1, 5)


def make_folder(
    root: Path, content: Content, *names: str, surgery: Surgery = Surgery.FUSION
) -> str:
    db = open_db(DataPaths(root).database)
    try:
        repo = Repository(db)
        for name in names:
            plan = plan_from_protocol(content.protocols[surgery])
            profile = repo.add_profile(Profile(name, surgery, SURGERY_DAY), NOW, plan)
            assert profile.id is not None
            stored = resolve_plan(db, content, profile)
            SessionStore(db).start_session(profile.id, stored.plan_id, "daily", "Daily", NOW)
    finally:
        db.close()
    return str(root)


def dump(folder: str) -> list[str]:
    conn = sqlite3.connect(Path(folder) / "coach.db")
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def exported(tmp_path: Path, content: Content) -> dict[str, Any]:
    source = make_folder(tmp_path / "source", content, "Sam")
    target = tmp_path / "sam.rcplan.json"
    assert run(["--data-dir", source, "plan", "export", "--profile", "sam", str(target)]) == 0
    data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return data


def test_export_then_import_on_another_data_folder(
    tmp_path: Path, content: Content, capsys: pytest.CaptureFixture[str]
) -> None:
    source = make_folder(tmp_path / "source", content, "Sam")
    db = open_db(DataPaths(Path(source)).database)
    try:
        plan = plan_from_protocol(content.protocols[Surgery.FUSION])
        plan = add_exercise(
            plan, content.catalogue, 2, "stretches", "prone-press-up", reason="Eases leg pain"
        )
        first = plan.phase(2).routine("strength").items[0]
        plan = set_dosage(plan, 2, "strength", 0, type(first.dosage)(sets=2, reps=12, hold_s=8))
        Repository(db).save_plan(1, plan, NOW, author="Alex Moreno")
    finally:
        db.close()
    target = tmp_path / "sam.rcplan.json"
    assert run(["--data-dir", source, "plan", "export", str(target)]) == 0
    assert "written to" in capsys.readouterr().out
    assert json.loads(target.read_text())["therapist"] == "Alex Moreno"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]

    other = make_folder(tmp_path / "other", content, "Sam", "Kim")
    assert run(["--data-dir", other, "plan", "import", "--profile", "Sam", str(target)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Plan from Alex Moreno for Sam. What changes:"
    assert out[1] == (
        "  Phase 2: Early mobility: Strength exercises: Tummy bracing 2 sets of 12 times, "
        "hold 8 seconds (was 10 times, hold 10 seconds)."
    )
    assert out[2] == (
        "  Phase 2: Early mobility: Gentle stretches: added Press-up lying on your front, "
        "10 times, hold 2 seconds. Reason: Eases leg pain"
    )
    assert "plan version 2" in out[-1]
    db = open_db(DataPaths(Path(other)).database)
    try:
        versions = Repository(db).plan_versions(1, content.catalogue)
        assert [v.version for v in versions] == [1, 2]
        assert versions[1].plan == plan
        assert versions[1].author == "Alex Moreno"
        # the session done under version 1 still points at version 1
        session = SessionStore(db).sessions(1)[0]
        assert session.plan_id == versions[0].id
        kim = Repository(db).plan_versions(2, content.catalogue)
        assert len(kim) == 1  # the other profile is untouched
    finally:
        db.close()


def test_dry_run_shows_the_changes_and_changes_nothing(
    tmp_path: Path, content: Content, capsys: pytest.CaptureFixture[str]
) -> None:
    data = exported(tmp_path, content)
    data["plan"]["note"] = "Walk after lunch."
    file = tmp_path / "changed.json"
    file.write_text(json.dumps(data))
    folder = make_folder(tmp_path / "t", content, "Sam")
    before = dump(folder)
    capsys.readouterr()
    assert run(["--data-dir", folder, "plan", "import", "--dry-run", str(file)]) == 0
    out = capsys.readouterr().out
    assert "Whole plan: New note from the therapist: Walk after lunch." in out
    assert "Nothing was changed" in out
    assert dump(folder) == before


def test_importing_the_same_plan_adds_no_version(
    tmp_path: Path, content: Content, capsys: pytest.CaptureFixture[str]
) -> None:
    exported(tmp_path, content)
    folder = str(tmp_path / "source")
    before = dump(folder)
    assert run(["--data-dir", folder, "plan", "import", str(tmp_path / "sam.rcplan.json")]) == 0
    assert "already the current plan" in capsys.readouterr().out
    assert dump(folder) == before


def good_bytes(tmp_path: Path, content: Content) -> bytes:
    return json.dumps(exported(tmp_path, content)).encode()


def edit(good: bytes, change: Any) -> bytes:
    data = json.loads(good)
    change(data)
    return json.dumps(data).encode()


def item(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = data["plan"]["phases"][1]["routines"][0]["items"][3]
    return result


BAD_FILES: list[tuple[str, Any, str]] = [
    ("empty", lambda g, e: b"", "plan file: is empty"),
    (
        "not utf-8",
        lambda g, e: g.replace(b'"Sam', b'"S\xffam', 1) + b"\xff",
        "plan file: is not UTF-8 text",
    ),
    ("not json", lambda g, e: g[:-1], "plan file: is not valid JSON (Expecting"),
    (
        "top level not an object",
        lambda g, e: b'["format", "rehab-coach-plan"]',
        "plan file: must be a JSON object with named fields, not a list",
    ),
    (
        "over 1 MB",
        lambda g, e: g[:-1] + b" " * (1024 * 1024) + b"}",
        "plan file: is larger than 1 MB",
    ),
    (
        "deep nesting",
        lambda g, e: b"[" * 100_000 + b"]" * 100_000,
        "plan file: is nested deeper than a plan file can be (8 levels)",
    ),
    (
        "duplicate keys",
        lambda g, e: g.replace(b'"therapist": ', b'"therapist": "x", "therapist": ', 1),
        "plan file: has the field 'therapist' twice",
    ),
    (
        "NaN",
        lambda g, e: g.replace(b'"reps": 10', b'"reps": NaN', 1),
        "plan file: contains NaN, which is not a number a plan can use",
    ),
    (
        "Infinity",
        lambda g, e: g.replace(b'"rest_s": 30', b'"rest_s": -Infinity', 1),
        "plan file: contains -Infinity, which is not a number a plan can use",
    ),
    (
        "out of range",
        lambda g, e: e(lambda d: item(d).update(reps=101)),
        "plan file: phases[1].routines[0].items[3].reps must be a whole number from 1 to 100",
    ),
    (
        "negative",
        lambda g, e: e(lambda d: item(d).update(sets=-1)),
        "plan file: phases[1].routines[0].items[3].sets must be a whole number from 1 to 10",
    ),
    (
        "huge",
        lambda g, e: e(lambda d: item(d).update(hold_s=10**18)),
        "plan file: phases[1].routines[0].items[3].hold_s must be a whole number from 0 to 300",
    ),
    (
        "true is not 1",
        lambda g, e: e(lambda d: item(d).update(sets=True)),
        "plan file: phases[1].routines[0].items[3].sets must be a whole number from 1 to 10",
    ),
    (
        "text for a number",
        lambda g, e: e(lambda d: item(d).update(reps="10")),
        "plan file: phases[1].routines[0].items[3].reps must be a whole number from 1 to 100",
    ),
    (
        "missing schema_version",
        lambda g, e: e(lambda d: d.pop("schema_version")),
        "plan file: schema_version is missing",
    ),
    (
        "unknown schema_version",
        lambda g, e: e(lambda d: d.update(schema_version=0)),
        "plan file: schema_version must be a whole number from 1 to 1000000",
    ),
    (
        "newer schema_version",
        lambda g, e: e(lambda d: d.update(schema_version=3)),
        "plan file: schema_version is 3, newer than this app reads (1); please update Rehab Coach",
    ),
    (
        "unknown field",
        lambda g, e: e(lambda d: item(d).update(speed=3)),
        "plan file: phases[1].routines[0].items[3].speed is not a known field",
    ),
    (
        "unknown exercise id",
        lambda g, e: e(lambda d: item(d).update(exercise="moonwalk")),
        "plan file: phases[1].routines[0].items[3].exercise names 'moonwalk', which is not in",
    ),
    (
        "huge text",
        lambda g, e: e(lambda d: d["plan"].update(note="x" * 3000)),
        "plan file: note must be at most 2000 characters",
    ),
    (
        "control characters",
        lambda g, e: e(lambda d: d.update(therapist="Al\x1bex")),
        "plan file: therapist must not contain control characters",
    ),
    (
        "path outside the assets",
        lambda g, e: e(_custom_with_figure("../../etc/passwd.svg")),
        "plan file: custom_exercises[0].figure must not contain '..'",
    ),
    (
        "absolute path",
        lambda g, e: e(_custom_with_figure("/home/x/figures/a.svg")),
        "plan file: custom_exercises[0].figure must not be a path on the computer",
    ),
    (
        "web address",
        lambda g, e: e(_custom_with_figure("https://example.com/a.svg")),
        "plan file: custom_exercises[0].figure must not be a web address",
    ),
    (
        "restricted without a reason",
        lambda g, e: e(
            lambda d: d["plan"]["phases"][1]["routines"][0]["items"].append(
                {"exercise": "lower-trunk-rotation"}
            )
        ),
        "plan file: phases[1].routines[0].items[6].exercise 'lower-trunk-rotation' involves "
        "lumbar-rotation, which this phase restricts",
    ),
    (
        "another surgery",
        lambda g, e: e(lambda d: d["plan"].update(surgery="discectomy")),
        "plan file: surgery is for a discectomy, but Sam had a spinal fusion, so it cannot be used",
    ),
]


def _custom_with_figure(figure: str) -> Any:
    def change(data: dict[str, Any]) -> None:
        data["custom_exercises"] = [
            {
                "id": "towel-squeeze",
                "name": "Towel squeeze",
                "category": "strengthening",
                "position": "sitting",
                "summary": "Squeeze a towel between your knees.",
                "steps": ["Sit tall.", "Squeeze the towel."],
                "cues": ["Breathe", "Sit tall"],
                "stop_if": "Stop if it hurts.",
                "movements": [],
                "per_side": False,
                "dosage": {"reps": 10},
                "sources": ["C1"],
                "figure": figure,
            }
        ]

    return change


@pytest.mark.parametrize(("case", "make", "message"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_a_bad_file_gets_one_sentence_and_changes_nothing(
    tmp_path: Path,
    content: Content,
    capsys: pytest.CaptureFixture[str],
    *,
    case: str,
    make: Any,
    message: str,
) -> None:
    good = good_bytes(tmp_path, content)
    raw = make(good, lambda change: edit(good, change))
    file = tmp_path / "bad.json"
    file.write_bytes(raw)
    folder = make_folder(tmp_path / "target", content, "Sam")
    before = dump(folder)
    capsys.readouterr()
    assert run(["--data-dir", folder, "plan", "import", str(file)]) == 1
    error = one_line_error(capsys)
    assert error.startswith(f"rehab-coach: {message}"), error
    assert dump(folder) == before


def test_a_plan_for_another_surgery_is_refused(
    tmp_path: Path, content: Content, capsys: pytest.CaptureFixture[str]
) -> None:
    exported(tmp_path, content)  # a fusion plan
    folder = make_folder(tmp_path / "t", content, "Kim", surgery=Surgery.DISCECTOMY)
    before = dump(folder)
    capsys.readouterr()
    file = str(tmp_path / "sam.rcplan.json")
    assert run(["--data-dir", folder, "plan", "import", file]) == 1
    assert one_line_error(capsys) == (
        "rehab-coach: plan file: surgery is for a spinal fusion, but Kim had a discectomy, so it "
        "cannot be used for them"
    )
    assert dump(folder) == before


@pytest.mark.parametrize(
    ("names", "argv", "message"),
    [
        ((), [], "There is no profile yet"),
        (("Ann", "Bob"), [], "There are 2 profiles (Ann, Bob); choose one with --profile NAME."),
        (("Ann",), ["--profile", "Zed"], "There is no profile called 'Zed' (there is: Ann)."),
    ],
)
def test_choosing_the_profile(
    tmp_path: Path,
    content: Content,
    capsys: pytest.CaptureFixture[str],
    *,
    names: tuple[str, ...],
    argv: list[str],
    message: str,
) -> None:
    folder = make_folder(tmp_path / "f", content, *names)
    assert run(["--data-dir", folder, "plan", "export", *argv, str(tmp_path / "x.json")]) == 1
    assert message in one_line_error(capsys)
    assert not (tmp_path / "x.json").exists()


def test_print_writes_a_pdf_handout(
    tmp_path: Path, content: Content, qapp: QApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_folder(tmp_path / "f", content, "Sam")
    out = tmp_path / "sam.pdf"
    argv = ["--data-dir", folder, "plan", "print", "--profile", "Sam", "--out", str(out)]
    assert run([*argv, "--date", "2026-03-02"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "handout for Sam" in capsys.readouterr().out
    assert run([*argv, "--date", "yesterday"]) == 2
    assert "is not a date like 2026-03-01" in one_line_error(capsys)


def test_writing_into_a_missing_folder_is_one_sentence(
    tmp_path: Path, content: Content, qapp: QApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_folder(tmp_path / "f", content, "Sam")
    missing = tmp_path / "nowhere" / "x"
    assert run(["--data-dir", folder, "plan", "export", f"{missing}.json"]) == 1
    assert one_line_error(capsys) == f"rehab-coach: The folder {missing.parent} does not exist."
    argv = ["--data-dir", folder, "plan", "print", "--out", f"{missing}.pdf"]
    assert run(argv) == 1
    assert one_line_error(capsys) == f"rehab-coach: The folder {missing.parent} does not exist."


def test_the_plan_file_is_private_and_written_whole(tmp_path: Path, content: Content) -> None:
    exported(tmp_path, content)
    file = tmp_path / "sam.rcplan.json"
    assert file.stat().st_mode & 0o077 == 0
    assert file.read_bytes().endswith(b"}\n")
    assert TherapistStore  # the store is what the command uses (see test_therapist.py)
