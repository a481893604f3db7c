"""Screens hear about data changes from the store, through ``ActiveProfile.data_changed``:
no screen announces a change itself, and none makes store objects of its own."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from coach.domain.profile import Profile, Surgery
from coach.store.events import PLAN, SESSION_EVENTS, SESSIONS, THERAPIST, StoreEvents
from coach.ui.active_profile import ActiveProfile
from coach.ui.context import AppContext

PACKAGE = Path(__file__).resolve().parents[2] / "coach"


def test_the_active_profile_passes_on_its_own_profiles_changes(qtbot: QtBot) -> None:
    events = StoreEvents()
    active = ActiveProfile(Profile("Ann", Surgery.FUSION, date(2026, 2, 1), id=1))
    active.follow(events)
    heard: list[int] = []
    active.data_changed.connect(lambda: heard.append(1))
    events.emit(SESSIONS, 1)  # this profile's
    events.emit(PLAN, None)  # not known whose: may be this one's
    events.emit(SESSIONS, 2)  # another profile's: nothing on screen changes
    events.emit(SESSION_EVENTS, 1)  # a step mid-session: the session window shows it
    events.emit(THERAPIST, None)  # the PIN
    assert len(heard) == 2
    active.follow(StoreEvents())  # another database: the old one is no longer heard
    events.emit(SESSIONS, 1)
    assert len(heard) == 2


def test_a_write_through_the_context_reaches_the_screens(ctx: AppContext, qtbot: QtBot) -> None:
    profile = ctx.repo.add_profile(
        Profile("Ann", Surgery.FUSION, date(2026, 2, 1)), ctx.clock.now()
    )
    ctx.active.set(profile)
    assert profile.id is not None
    with qtbot.waitSignal(ctx.active.data_changed, timeout=1000):
        ctx.stores.repo.log_walking(profile.id, ctx.clock.now().date(), 10, ctx.clock.now())


def test_no_screen_announces_changes_or_makes_its_own_stores() -> None:
    own_store = re.compile(r"\b(\w+Store|Repository|ProgressData)\((self\._)?ctx\.db\)")
    for path in sorted((PACKAGE / "ui").rglob("*.py")) + sorted((PACKAGE / "shots").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "notify_data_changed" not in text, path
        assert not own_store.search(text), f"{path}: take the store from ctx.stores"
