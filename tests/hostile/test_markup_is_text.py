"""Untrusted text is plain text everywhere: markup in every text field of a plan file and in a
profile's name shows as written in labels, message boxes, tooltips, the clinic PDF and the
handout, and is never interpreted (no bold, no links, no images)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from coach.domain.catalogue import Exercise
from coach.domain.plan_file import exercise_to_dict, read_plan_file
from coach.domain.profile import Profile, Surgery
from coach.store.sessions import SessionStore
from coach.store.therapist import TherapistStore
from coach.ui.context import AppContext
from tests.hostile.plan_files import encode, good_plan_dict

MARK = "<b>m</b>"  # short enough for every field; bold if it were ever read as rich text
TEXT_KEYS = {"name", "goals", "precautions", "note", "reason", "therapist", "summary", "steps",
             "cues", "stop_if"}  # fmt: skip


def _mark(value: Any, key: str = "") -> Any:
    """Every text field of a plan file gets MARK appended (ids and tags are left alone)."""
    if isinstance(value, dict):
        return {k: _mark(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_mark(v, key) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS:
        return f"{value} {MARK}"
    return value


def marked_plan_file(ctx: AppContext) -> bytes:
    data = good_plan_dict()
    custom = exercise_to_dict(ctx.content.catalogue["glute-sets"])
    custom.update(id="towel-squeeze", easier=None, harder=None)
    data["custom_exercises"] = [{k: v for k, v in custom.items() if v is not None}]
    for phase in data["plan"]["phases"]:
        for routine in phase["routines"]:
            routine["items"][0]["reason"] = "Helps you"
            routine["items"].append({**routine["items"][-1], "exercise": "towel-squeeze"})
            routine["items"][-1].pop("reason", None)
    return encode(_mark(data))


@pytest.fixture
def marked(ctx: AppContext) -> Iterator[AppContext]:
    """A profile whose name and whole plan (from a plan file) carry markup, with a session."""
    surgery = ctx.clock.now().date() - timedelta(weeks=3)
    profile = ctx.repo.add_profile(Profile(f"Sam {MARK}", Surgery.FUSION, surgery), ctx.clock.now())
    assert profile.id is not None
    plan_file = read_plan_file(marked_plan_file(ctx), ctx.content.catalogue)
    TherapistStore(ctx.db).import_plan(profile.id, plan_file, ctx.clock.now())
    sessions = SessionStore(ctx.db)
    routine = plan_file.plan.phases[0].routines[0]
    sid = sessions.start_session(profile.id, None, routine.id, routine.name, ctx.clock.now())
    sessions.set_note(sid, f"Felt fine {MARK}")
    ctx.active.set(profile)
    yield ctx


def _texts(root: QWidget) -> list[tuple[QWidget, str]]:
    found: list[tuple[QWidget, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton) and MARK in widget.text():
            found.append((widget, widget.text()))
        if MARK in widget.toolTip():
            found.append((widget, "tooltip"))
    return found


def _check_plain(root: QWidget) -> int:
    """Every label showing MARK is plain text; no tooltip holds MARK unescaped."""
    shown = 0
    for widget, text in _texts(root):
        if text == "tooltip":
            pytest.fail(f"{type(widget).__name__} has a tooltip that Qt reads as rich text")
        if isinstance(widget, QLabel):
            assert widget.textFormat() == Qt.TextFormat.PlainText, text
        shown += 1
    return shown


def test_every_screen_shows_the_markup_as_text(qtbot: QtBot, marked: AppContext) -> None:
    from coach.ui.app import build_window

    window = build_window(marked_qapp(), marked)
    qtbot.addWidget(window)
    window.show()
    shown = 0
    for key in window.screen_keys:
        window.show_screen(key)
        shown += _check_plain(window.screen_widget(key))
    shown += _check_plain(window)  # the rail: the patient's name
    assert shown >= 5  # the markup really reached the screens (name, routines, notes...)
    for widget in window.findChildren(QWidget):
        tip = widget.toolTip()
        assert "<b>m</b>" not in tip or "&lt;b&gt;" in tip


def marked_qapp() -> Any:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def test_the_resume_offer_shows_a_routine_name_as_text(
    marked: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog, QLabel

    from coach.ui.common.dialogs import Dialogs
    from coach.ui.session.resume import ResumeDialog, ask_resume

    record = SessionStore(marked.db).unfinished_session(marked.active.require().id or 0)
    assert record is not None and MARK in record.routine_name
    seen: list[tuple[str, Qt.TextFormat]] = []

    def exec_(box: QMessageBox) -> int:
        seen.append((box.text(), box.textFormat()))
        return 0

    def dialog_exec(dialog: QDialog) -> int:  # the offer is a dialog with one button a choice
        for text in dialog.findChildren(QLabel):
            seen.append((text.text(), text.textFormat()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(ResumeDialog, "exec", dialog_exec)
    real = Dialogs()  # the real boxes, not the test's script
    ask_resume(real, None, record)  # type: ignore[arg-type]
    real.inform(None, f"Title {MARK}", f"Text {MARK}")
    assert {fmt for _, fmt in seen} == {Qt.TextFormat.PlainText}
    assert any(MARK in text for text, _ in seen[:-1])  # the routine's name, as written
    assert MARK in seen[-1][0]


def test_the_handout_and_the_clinic_report_escape_the_markup(marked: AppContext) -> None:
    from coach.reports import handout
    from coach.reports.pdf_report import report_html
    from coach.store.plans import resolve_plan
    from coach.store.progress_data import ProgressData
    from coach.ui.progress.report_export import report_data

    profile = marked.active.require()
    current = resolve_plan(marked.db, marked.content, profile)
    data = handout.handout_input(current, marked.content, marked.clock.now().date())
    phase = data.plan.phases[0]
    routine = phase.routines[0]
    exercise: Exercise = data.catalogue[routine.items[-1].exercise_id]
    html = "".join(
        [
            handout._intro_html(data, phase),
            handout._routine_html(routine),
            handout._exercise_html(exercise, routine.items[-1]),
            handout._exercise_html(data.catalogue[routine.items[0].exercise_id], routine.items[0]),
        ]
    )
    assert MARK not in html
    assert html.count("&lt;b&gt;m&lt;/b&gt;") >= 5

    current = resolve_plan(marked.db, marked.content, profile)
    assert not current.problem  # the plan with its own exercise is read, not replaced
    history = ProgressData(marked.db).history(current, marked.clock.now().date())
    report = report_html(report_data(profile, history, marked.content))
    assert MARK not in report
    assert "&lt;b&gt;m&lt;/b&gt;" in report
