"""One current plan: a valid plan file with the therapist's own exercise, imported from the
command line, then used by every screen, export and command that reads the profile's plan.

Each of these once read the plan its own way; some without the custom exercises, so the CSV and
PDF exports failed and Progress raised while being built and then stayed blank.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from coach.cli import run
from coach.domain.clock import FakeClock
from coach.domain.plan import plan_from_protocol, plan_to_dict
from coach.domain.plan_file import exercise_to_dict
from coach.domain.profile import Profile, Surgery
from coach.domain.profile_plan import UNREADABLE, ProfilePlan
from coach.domain.schedule import phase_on
from coach.reports.handout import handout_input
from coach.store.plans import resolve_plan
from coach.store.sessions import SessionStore
from coach.store.therapist import TherapistStore
from coach.ui.context import AppContext
from coach.ui.session.change_dialog import ChangeDialog
from coach.ui.session.launcher import SessionLauncher
from coach.ui.session.session_flow import SessionFlow
from coach.ui.session.sounds import SilentBackend
from tests.scripted_dialogs import scripted

LEFT = Qt.MouseButton.LeftButton
CUSTOM_ID = "towel-squeeze"
CUSTOM_NAME = "Towel squeeze"


def skip_for_pain(dialog: ChangeDialog) -> bool:
    assert (dialog.exercise_name, dialog.easier_name) == (CUSTOM_NAME, None)  # no easier one
    dialog.buttons["pain"].click()
    return True


def plan_file_with_custom_exercise(ctx: AppContext, path: Path) -> None:
    """A valid plan file, as a therapist's copy of the app writes it: the fusion protocol with
    the therapist's own "Towel squeeze" added to every routine of every phase."""
    plan = plan_from_protocol(ctx.content.protocols[Surgery.FUSION])
    custom = exercise_to_dict(ctx.content.catalogue["glute-sets"])
    custom.update(
        id=CUSTOM_ID, name=CUSTOM_NAME, summary="Squeeze a rolled towel between the knees."
    )
    custom.pop("easier", None)
    custom.pop("harder", None)
    body = plan_to_dict(plan)
    for phase in body["phases"]:
        for routine in phase["routines"]:
            routine["items"].append({"exercise": CUSTOM_ID})
    raw: dict[str, Any] = {
        "format": "rehab-coach-plan",
        "schema_version": 1,
        "created_at": ctx.clock.now().isoformat(),
        "therapist": "Alex",
        "plan": body,
        "custom_exercises": [custom],
    }
    path.write_text(json.dumps(raw), encoding="utf-8")


@pytest.fixture
def imported(ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Profile:
    """Ann (fusion, ten days ago) with the plan file imported by ``rehab-coach plan import``."""
    now = ctx.clock.now()
    plan = plan_from_protocol(ctx.content.protocols[Surgery.FUSION])
    profile = ctx.repo.add_profile(
        Profile("Ann", Surgery.FUSION, now.date() - timedelta(days=10)), now, plan=plan
    )
    file = tmp_path / "plan.json"
    plan_file_with_custom_exercise(ctx, file)
    folder = str(ctx.paths.root)
    assert run(["--data-dir", folder, "plan", "import", "--profile", "Ann", str(file)]) == 0
    assert "plan version 2" in capsys.readouterr().out
    ctx.active.set(profile)
    return profile


def run_session(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, *, skip_custom: bool = False
) -> int:
    """Start "daily" from Today's launcher and go through to the stored session (with
    ``skip_custom``, the custom exercise is skipped for pain with the player's Easier or skip)."""
    from coach.ui.session.pain_page import PainPage

    parent = QWidget()
    qtbot.addWidget(parent)
    dialogs = scripted(ctx)
    dialogs.on(ChangeDialog, skip_for_pain)
    launcher = SessionLauncher(ctx, parent, backend=SilentBackend())
    window = launcher.start("daily")
    assert window is not None
    flow: SessionFlow = window.flow
    for _ in range(5):  # a screen per tier, each list read to its end
        if flow.current_page() is not flow.red_flags:
            break
        flow.red_flags.read_to_end()
        qtbot.mouseClick(flow.red_flags.no_button, LEFT)

    def pain(page: QWidget, back: int, leg: int) -> None:
        assert isinstance(page, PainPage) and flow.current_page() is page
        qtbot.mouseClick(page.back.group.button(back), LEFT)
        qtbot.mouseClick(page.leg.group.button(leg), LEFT)
        qtbot.mouseClick(page.next_button, LEFT)

    pain(flow.pain_before, 4, 2)
    player = flow.player
    assert player is not None
    assert CUSTOM_ID in {s.exercise_id for s in player.session.steps}
    for _ in range(20_000):
        if flow.current_page() is not player:
            break
        if skip_custom and player.session.step.exercise_id == CUSTOM_ID:
            assert player.exercise_name.text() == CUSTOM_NAME
            qtbot.mouseClick(player.change_button, LEFT)
            skip_custom = False
            continue
        clock.advance(1.0)
        player.tick()
    pain(flow.pain_after, 3, 2)
    feedback = flow.feedback
    assert feedback is not None
    qtbot.mouseClick(feedback.save_button, LEFT)
    assert dialogs.informed == []  # no message interrupted the session
    session_id = flow.session_id
    assert session_id is not None
    with qtbot.waitSignal(flow.closed):
        qtbot.mouseClick(flow.message.buttons[-1], LEFT)
    return session_id


def label_texts(widget: QWidget) -> str:
    return "\n".join(w.text() for w in widget.findChildren(QLabel))


def test_today_lists_the_custom_exercise(qtbot: QtBot, ctx: AppContext, imported: Profile) -> None:
    from coach.ui.today.screen import TodayScreen

    today = TodayScreen(ctx)
    qtbot.addWidget(today)
    assert CUSTOM_NAME in label_texts(today)
    assert "could not be read" not in label_texts(today)


def test_the_library_lists_the_custom_exercise(
    qtbot: QtBot, ctx: AppContext, imported: Profile
) -> None:
    from coach.ui.library.screen import LibraryScreen

    library = LibraryScreen(ctx)
    qtbot.addWidget(library)
    library.refresh()
    library.allowed_only.setChecked(False)
    assert library.filter.index_of(CUSTOM_ID).isValid()
    library.show_exercise(CUSTOM_ID)
    assert library.detail.name.text() == CUSTOM_NAME


@pytest.fixture
def session_id(qtbot: QtBot, ctx: AppContext, clock: FakeClock, imported: Profile) -> int:
    """Ann's imported plan with one "daily" session done through the player."""
    return run_session(qtbot, ctx, clock)


def test_a_session_with_the_custom_exercise_is_stored(ctx: AppContext, session_id: int) -> None:
    store = SessionStore(ctx.db)
    record = store.session(session_id)
    assert record is not None and record.status == "done"
    assert record.plan_id == imported_plan(ctx).plan_id  # the imported version, not the default
    done = [e.exercise_id for e in store.events(session_id) if e.kind == "step-done"]
    assert CUSTOM_ID in done


def test_progress_builds_and_shows_the_session(
    qtbot: QtBot, ctx: AppContext, session_id: int
) -> None:
    from coach.ui.progress.screen import ProgressScreen

    screen = ProgressScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.csv_button.isEnabled() and screen.pdf_button.isEnabled()
    assert not screen.empty.isVisible() and not screen.notice.isVisible()
    summary = label_texts(screen.summary_card)
    assert "Back pain: after three sessions" in summary
    assert "(your goal: 15 minutes a day)" in summary  # from the imported plan
    _x, back_before = screen.charts.item("back", "before").getData()
    assert back_before is not None and 4.0 in list(back_before)


def test_history_shows_the_custom_exercise(qtbot: QtBot, ctx: AppContext, session_id: int) -> None:
    from coach.ui.history.screen import HistoryScreen

    screen = HistoryScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.table.selectRow(0)
    assert CUSTOM_NAME in label_texts(screen)


def test_the_therapist_editor_opens_the_imported_plan(
    qtbot: QtBot, ctx: AppContext, imported: Profile
) -> None:
    from coach.ui.therapist.plan_editor import PlanEditor

    editor = PlanEditor(ctx, TherapistStore(ctx.db))
    qtbot.addWidget(editor)
    assert editor.stored is not None and editor.stored.version == 2
    assert CUSTOM_ID in editor.catalogue
    assert CUSTOM_NAME in label_texts(editor)
    assert not editor.is_dirty()


def test_export_csv_from_the_command_line(
    ctx: AppContext, session_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "sessions.csv"
    argv = ["--data-dir", str(ctx.paths.root), "export", "csv", "--out", str(csv)]
    assert run(argv) == 0, capsys.readouterr()
    rows = csv.read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 2
    plan = imported_plan(ctx).plan
    daily = next(r for r in plan.phase(1).routines if r.id == "daily")
    assert CUSTOM_ID in [i.exercise_id for i in daily.items]
    assert rows[1].split(",")[10] == str(len(daily.items))  # planned: the custom one counted
    assert capsys.readouterr().err == ""


def test_export_pdf_from_the_command_line(
    ctx: AppContext, session_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "report.pdf"
    argv = ["--data-dir", str(ctx.paths.root), "export", "pdf", "--out", str(pdf)]
    assert run(argv) == 0, capsys.readouterr()
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "Ann" in pdf_text(pdf)
    assert capsys.readouterr().err == ""


def imported_plan(ctx: AppContext) -> ProfilePlan:
    return resolve_plan(ctx.db, ctx.content, ctx.active.require())


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def test_plan_print_and_plan_export_list_the_custom_exercise(
    ctx: AppContext, imported: Profile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(ctx.paths.root)
    out = tmp_path / "plan-export.json"
    assert run(["--data-dir", folder, "plan", "export", str(out)]) == 0, capsys.readouterr()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [e["id"] for e in data["custom_exercises"]] == [CUSTOM_ID]
    assert data["custom_exercises"][0]["name"] == CUSTOM_NAME
    daily = data["plan"]["phases"][0]["routines"][0]["items"]
    assert {"exercise": CUSTOM_ID} in [{"exercise": i["exercise"]} for i in daily]

    handout = tmp_path / "handout.pdf"
    day = ctx.clock.now().date().isoformat()
    args = ["--data-dir", folder, "plan", "print", "--out", str(handout), "--date", day]
    assert run(args) == 0, capsys.readouterr()
    assert handout.read_bytes().startswith(b"%PDF")
    # What the handout prints, without a PDF reader: the phase's items with their names.
    current = resolve_plan(ctx.db, ctx.content, imported)
    data = handout_input(current, ctx.content, ctx.clock.now().date())
    phase = phase_on(data.plan, imported.surgery_date, data.today)
    printed = [data.catalogue[i.exercise_id].name for r in phase.routines for i in r.items]
    assert CUSTOM_NAME in printed
    assert CUSTOM_NAME in " ".join(pdf_text(handout).split())  # and on paper (poppler)


# -- when the stored plan cannot be read --------------------------------------------------------
@pytest.fixture
def unreadable(ctx: AppContext, imported: Profile) -> Profile:
    """Ann's imported plan, then its exercise lost: the stored plan names one nobody has."""
    ctx.db.execute("DELETE FROM custom_exercises")
    return imported


def test_unreadable_plan_today_and_progress_say_so(
    qtbot: QtBot, ctx: AppContext, unreadable: Profile
) -> None:
    from coach.ui.progress.screen import ProgressScreen
    from coach.ui.today.screen import TodayScreen

    today = TodayScreen(ctx)
    qtbot.addWidget(today)
    assert UNREADABLE in label_texts(today)
    assert CUSTOM_NAME not in label_texts(today)  # the standard plan for a fusion
    progress = ProgressScreen(ctx)
    qtbot.addWidget(progress)
    progress.show()
    assert progress.notice.isVisible() and progress.notice.text() == UNREADABLE
    assert progress.csv_button.isEnabled()


def test_unreadable_plan_exports_say_so_and_plan_files_are_refused(
    ctx: AppContext, unreadable: Profile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(ctx.paths.root)
    csv = tmp_path / "sessions.csv"
    assert run(["--data-dir", folder, "export", "csv", "--out", str(csv)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("Note: the therapist's plan could not be read") and csv.exists()
    out = tmp_path / "exported.json"
    assert run(["--data-dir", folder, "plan", "export", str(out)]) == 1
    assert capsys.readouterr().err.strip() == (
        "rehab-coach: The plan of Ann could not be read, so it was not written."
    )
    assert not out.exists()
    pdf = tmp_path / "handout.pdf"
    assert run(["--data-dir", folder, "plan", "print", "--out", str(pdf)]) == 1
    assert "could not be read, so there is nothing to print" in capsys.readouterr().err
    assert not pdf.exists()


def test_unreadable_plan_the_editor_starts_from_the_standard_plan(
    qtbot: QtBot, ctx: AppContext, unreadable: Profile
) -> None:
    from coach.ui.therapist.plan_editor import PlanEditor

    editor = PlanEditor(ctx, TherapistStore(ctx.db))
    qtbot.addWidget(editor)
    assert "could not be read" in editor.message.text()
    assert editor.stored is None and editor.draft is not None
    assert editor.is_dirty() and editor.save_button.isEnabled()
    assert not editor.undo_button.isEnabled()  # no saved plan to go back to
    assert editor.import_button.isEnabled() and not editor.export_button.isEnabled()
    editor.save()
    assert editor.stored is not None and editor.stored.version == 3
    assert imported_plan(ctx).problem == ""  # a readable version again


def test_the_main_window_shows_progress_not_a_failure(
    qtbot: QtBot, ctx: AppContext, session_id: int, restyle: Callable[[], None]
) -> None:
    from coach.ui.main_window import MainWindow
    from coach.ui.progress.screen import ProgressScreen
    from coach.ui.screens import build_screens

    window = MainWindow(build_screens(ctx, restyle))
    qtbot.addWidget(window)
    window.show()
    for key in window.screen_keys:
        window.show_screen(key)
        assert type(window.screen_widget(key)).__name__ != "ScreenFailure", key
    assert isinstance(window.screen_widget("progress"), ProgressScreen)


def test_a_skipped_custom_exercise_is_named_in_history_csv_and_clinic_report(
    qtbot: QtBot, ctx: AppContext, clock: FakeClock, imported: Profile, tmp_path: Path
) -> None:
    from coach.reports.pdf_report import report_html
    from coach.store.progress_data import ProgressData
    from coach.ui.history.screen import HistoryScreen
    from coach.ui.progress.report_export import report_data

    session_id = run_session(qtbot, ctx, clock, skip_custom=True)
    history_screen = HistoryScreen(ctx)
    qtbot.addWidget(history_screen)
    history_screen.table.selectRow(0)
    assert "Skipped, and why: Towel squeeze (pain)" in label_texts(history_screen)

    history = ProgressData(ctx.db).history(imported_plan(ctx), clock.now().date())
    assert history.exercises[session_id].skip_reasons == ((CUSTOM_ID, "pain"),)
    html = report_html(report_data(imported, history, ctx.content))
    assert "Towel squeeze: skipped (pain)" in html  # by its name, not its id

    csv = tmp_path / "s.csv"
    assert run(["--data-dir", str(ctx.paths.root), "export", "csv", "--out", str(csv)]) == 0
    assert f"{CUSTOM_ID}: pain" in csv.read_text(encoding="utf-8-sig")  # ids, as documented
    pdf = tmp_path / "r.pdf"
    assert run(["--data-dir", str(ctx.paths.root), "export", "pdf", "--out", str(pdf)]) == 0
    assert "Towel squeeze: skipped (pain)" in " ".join(pdf_text(pdf).split())
