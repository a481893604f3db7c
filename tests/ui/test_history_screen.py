"""History: the model passes Qt's model checks, details tell the story of a session, notes are
saved, and deleting asks first."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.pain import Pain
from coach.domain.profile import Profile, Surgery
from coach.ui.context import AppContext
from coach.ui.history.model import SESSION_ID_ROLE, HistoryModel
from coach.ui.history.screen import HistoryScreen
from tests.scripted_dialogs import ScriptedDialogs


@pytest.fixture
def sessions(ctx: AppContext, clock: FakeClock) -> list[int]:
    """Two sessions: yesterday's with a 'yes' red flag and a skip, today's plain one."""
    profile = ctx.repo.add_profile(
        Profile("Ann", Surgery.DISCECTOMY, clock.now().date() - timedelta(weeks=3)), clock.now()
    )
    ctx.active.set(profile)
    assert profile.id is not None
    store = ctx.stores.sessions
    ids = []
    for days, flag in ((1, True), (0, False)):
        at = clock.now() - timedelta(days=days)
        check = store.record_red_flag_check(
            profile.id, {"fall": flag, "fever": False}, "call-24h" if flag else None, at
        )
        sid = store.start_session(
            profile.id, None, "daily", "Daily exercises", at, red_flag_check_id=check
        )
        store.record_event(
            sid,
            "started",
            at,
            detail={"items": [{"exercise": "bridge"}, {"exercise": "clamshell"}]},
        )
        store.record_event(sid, "step-done", at, step_index=0, exercise_id="bridge")
        store.record_event(sid, "step-skipped", at, step_index=1, exercise_id="clamshell")
        store.record_pain(sid, "before", Pain(5, 6), at)
        store.record_pain(sid, "after", Pain(4, 8), at + timedelta(minutes=20))
        store.set_feedback(sid, {"bridge": "too-hard"})
        store.finish_session(sid, "partial", at + timedelta(minutes=20))
        ids.append(sid)
    return ids


@pytest.fixture
def screen(qtbot: QtBot, ctx: AppContext, sessions: list[int]) -> HistoryScreen:
    widget = HistoryScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    return widget


def test_model_passes_qt_checks_and_lists_newest_first(
    ctx: AppContext, sessions: list[int], qtmodeltester: object
) -> None:
    model = HistoryModel(None, 2026)
    model.set_sessions(ctx.stores.sessions.sessions(ctx.active.require().id or 0))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.index(0, 0).data(SESSION_ID_ROLE) == sessions[1]
    assert model.index(0, 2).data() == "Partly done"
    assert model.index(0, 3).data() == "5 → 4"
    assert model.index(0, 4).data(Qt.ItemDataRole.AccessibleTextRole) == "before 6, after 8"


def test_details_tell_what_happened(screen: HistoryScreen, qtbot: QtBot) -> None:
    screen.table.selectRow(1)  # yesterday's session

    def shown() -> str:
        return " ".join(w.text() for w in screen.findChildren(QLabel) if w.isVisible())

    qtbot.waitUntil(lambda: "Exercises done" in shown(), timeout=2000)
    text = shown()
    assert "Exercises done (1 of 2): Bridge" in text
    assert "Skipped: Clamshell" in text
    assert "Answered yes:" in text and "fall" in text
    assert "Bridge: too hard" in text
    assert "2 or more points higher" in text  # leg 6 -> 8


def test_note_is_saved(screen: HistoryScreen, ctx: AppContext, sessions: list[int]) -> None:
    screen.table.selectRow(0)
    assert not screen.save_note_button.isEnabled()
    screen.note.setPlainText("Felt stiff")
    assert screen.save_note_button.isEnabled()
    screen.save_note_button.click()
    stored = ctx.stores.sessions.session(sessions[1])
    assert stored is not None
    assert stored.note == "Felt stiff"
    assert not screen.save_note_button.isEnabled()


def test_delete_asks_first_and_keeps_the_session_on_no(
    screen: HistoryScreen, ctx: AppContext, sessions: list[int], dialogs: ScriptedDialogs
) -> None:
    screen.table.selectRow(0)
    dialogs.confirm_answer = False
    screen.delete_button.click()
    assert dialogs.asked == ["Delete this session?"]
    assert ctx.stores.sessions.session(sessions[1]) is not None
    dialogs.confirm_answer = True
    screen.delete_button.click()
    assert ctx.stores.sessions.session(sessions[1]) is None
    assert screen.model.rowCount() == 1
    assert screen.model.index(0, 0).data(SESSION_ID_ROLE) == sessions[0]


def test_empty_history_explains(qtbot: QtBot, ctx: AppContext) -> None:
    widget = HistoryScreen(ctx)
    qtbot.addWidget(widget)
    assert "first one" in widget.empty.text()
    assert not widget.delete_button.isEnabled()
