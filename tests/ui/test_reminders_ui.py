"""Reminders in the app, on the fake clock: the service notifies when one is due (once), the
Today card shows it with Start and snooze, a snooze survives a restart, a suspend gives one
notification; the settings card saves times, the follow-up and the login item; the calendar
button writes a file and refuses a bad place."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Profile, Surgery
from coach.platform.autostart import XdgAutostart
from coach.store.reminders import ReminderSettings, ReminderStore
from coach.ui.context import AppContext
from coach.ui.reminders.card import ReminderCard
from coach.ui.reminders.service import FakeNotifier, ReminderService
from coach.ui.reminders.settings_card import RemindersCard
from tests.scripted_dialogs import ScriptedDialogs

MONDAY = datetime(2026, 3, 9, 7, 0, tzinfo=UTC)


def add_patient(ctx: AppContext) -> Profile:
    plan = plan_from_protocol(ctx.content.protocols[Surgery.FUSION])
    profile = Profile("Ann", Surgery.FUSION, MONDAY.date() - timedelta(days=30))
    saved = ctx.repo.add_profile(profile, ctx.clock.now(), plan=plan)
    ctx.active.set(saved)
    return saved


@pytest.fixture
def day(ctx: AppContext) -> FakeClock:
    clock = ctx.clock
    assert isinstance(clock, FakeClock)
    clock.set_now(MONDAY)
    add_patient(ctx)
    return clock


def at(hour: int, minute: int = 0) -> datetime:
    return MONDAY.replace(hour=hour, minute=minute)


def test_a_due_reminder_is_notified_once_and_shown_on_today(
    qtbot: QtBot, ctx: AppContext, day: FakeClock
) -> None:
    notifier = FakeNotifier()
    service = ReminderService(ctx, notifier)
    card = ReminderCard(ctx)
    qtbot.addWidget(card)
    assert service.check() is None and card.isHidden()
    day.set_now(
        at(
            9,
            0,
        )
    )
    reminder = service.check()
    assert reminder is not None and reminder.key == "at-09:00"
    assert notifier.shown == [(reminder.title, reminder.text)]
    assert not card.isHidden() and card.text.text() == reminder.card_text
    day.set_now(at(9, 1))
    assert service.check() is None and len(notifier.shown) == 1  # once


def test_snooze_from_the_card_brings_it_back_later_even_after_a_restart(
    qtbot: QtBot, ctx: AppContext, day: FakeClock
) -> None:
    notifier = FakeNotifier()
    service = ReminderService(ctx, notifier)
    card = ReminderCard(ctx)
    qtbot.addWidget(card)
    day.set_now(at(9, 0))
    service.check()
    card.later.click()  # in 15 minutes
    assert card.isHidden()
    day.set_now(at(9, 14))
    assert service.check() is None
    restarted = ReminderService(ctx, notifier)  # the app was closed and opened again
    day.set_now(at(9, 15))
    assert restarted.check() is not None and len(notifier.shown) == 2
    assert not card.isHidden()
    card.hour.click()
    day.set_now(at(10, 14))
    assert restarted.check() is None
    day.set_now(at(10, 15))
    assert restarted.check() is not None
    card.dismiss.click()
    assert card.isHidden()
    day.set_now(at(12))
    assert restarted.check() is None


def test_after_a_suspend_one_notification_not_a_burst(
    qtbot: QtBot, ctx: AppContext, day: FakeClock
) -> None:
    notifier = FakeNotifier()
    service = ReminderService(ctx, notifier)
    service.check()
    day.set_now(at(20, 30))  # asleep from 7:00 to 20:30: morning, evening and follow-up missed
    shown = service.check()
    assert shown is not None and shown.follow_up
    assert len(notifier.shown) == 1
    for minutes in range(1, 30):
        day.set_now(at(20, 30) + timedelta(minutes=minutes))
        service.check()
    assert len(notifier.shown) == 1


def test_start_now_asks_for_the_routine(qtbot: QtBot, ctx: AppContext, day: FakeClock) -> None:
    service = ReminderService(ctx, FakeNotifier())
    card = ReminderCard(ctx)
    qtbot.addWidget(card)
    day.set_now(at(9, 0))
    reminder = service.check()
    assert reminder is not None
    with qtbot.waitSignal(card.start_requested) as signal:
        card.start.click()
    assert signal.args == [reminder.routine_ids[0]]


def test_reminders_off_means_no_notification(qtbot: QtBot, ctx: AppContext, day: FakeClock) -> None:
    profile = ctx.active.require()
    assert profile.id is not None
    ctx.stores.reminders.save_settings(profile.id, ReminderSettings(enabled=False))
    notifier = FakeNotifier()
    day.set_now(at(9, 0))
    assert ReminderService(ctx, notifier).check() is None and notifier.shown == []


def test_a_store_failure_is_logged_and_tried_again(
    qtbot: QtBot, ctx: AppContext, day: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    notifier = FakeNotifier()
    service = ReminderService(ctx, notifier)
    day.set_now(at(9, 0))

    def full(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ReminderStore, "record", full)
    assert service.check() is None and notifier.shown == []
    monkeypatch.undo()
    assert service.check() is not None


def test_settings_save_times_follow_up_and_login(
    qtbot: QtBot, ctx: AppContext, day: FakeClock, tmp_path: Path
) -> None:
    login = XdgAutostart(tmp_path / "autostart")
    card = RemindersCard(ctx, autostart=login)
    qtbot.addWidget(card)
    profile_id = ctx.active.require().id
    assert profile_id is not None
    rid, edits = next((k, v) for k, v in card.time_edits.items() if len(v) == 2)
    assert [e.time().hour() for e in edits] == [9, 18]  # the plan's morning and evening
    edits[0].setTime(edits[0].time().addSecs(-90 * 60))
    edits[0].editingFinished.emit()
    assert ctx.stores.reminders.times(profile_id)[rid] == (time(7, 30), time(18, 0))
    card.follow_up.setChecked(False)
    assert ctx.stores.reminders.settings(profile_id).follow_up is False
    assert not card.follow_up_at.isEnabled()
    card.at_login.setChecked(True)
    desktop = (tmp_path / "autostart" / "rehab-coach.desktop").read_text(encoding="utf-8")
    assert "Exec=" in desktop and "--data-dir" in desktop  # a test folder is not the usual one
    assert "starts when you log in" in card.status.text()
    card.at_login.setChecked(False)
    assert not (tmp_path / "autostart" / "rehab-coach.desktop").exists()


def test_a_login_item_that_cannot_be_written_is_said(
    qtbot: QtBot, ctx: AppContext, day: FakeClock, tmp_path: Path
) -> None:
    blocker = tmp_path / "autostart"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    card = RemindersCard(ctx, autostart=XdgAutostart(blocker))
    qtbot.addWidget(card)
    card.at_login.setChecked(True)
    assert card.status.text().startswith("Could not write")
    assert not card.at_login.isChecked()  # shows the truth


def test_the_calendar_button_writes_the_file_or_says_why_not(
    qtbot: QtBot, ctx: AppContext, day: FakeClock, tmp_path: Path, dialogs: ScriptedDialogs
) -> None:
    card = RemindersCard(ctx, autostart=XdgAutostart(tmp_path / "a"))
    qtbot.addWidget(card)
    told = dialogs.informed
    dialogs.path = tmp_path / "plan"  # no extension: .ics is added
    card.save_calendar()
    written = tmp_path / "plan.ics"
    events = list(Calendar.from_ical(written.read_bytes()).walk("VEVENT"))
    assert events and told[-1][0] == "Saved"
    victim = tmp_path / "precious.txt"
    victim.write_text("keep", encoding="utf-8")
    link = tmp_path / "link.ics"
    link.symlink_to(victim)
    dialogs.path = link
    card.save_calendar()
    assert told[-1][0] == "Not saved" and "link" in told[-1][1]
    assert victim.read_text(encoding="utf-8") == "keep"
    dialogs.path = ctx.paths.root / "x.ics"
    card.save_calendar()
    assert told[-1][0] == "Not saved"
    dialogs.path = None  # cancelled: nothing is said
    count = len(told)
    card.save_calendar()
    assert len(told) == count


def test_no_reminder_interrupts_a_session_under_way(
    qtbot: QtBot, ctx: AppContext, day: FakeClock
) -> None:
    from coach.store.sessions import SessionStore

    profile_id = ctx.active.require().id
    assert profile_id is not None
    store = SessionStore(ctx.db)
    day.set_now(at(8, 55))
    session = store.start_session(profile_id, None, "daily", "Daily", day.now())
    notifier = FakeNotifier()
    service = ReminderService(ctx, notifier)
    day.set_now(at(9, 5))
    assert service.check() is None and notifier.shown == []
    store.finish_session(session, "partial", day.now())
    assert service.check() is not None and len(notifier.shown) == 1  # after it, once
    left = store.start_session(profile_id, None, "daily", "Daily", at(9, 10))
    day.set_now(at(18, 0))  # a session left 'in progress' by a crash hours ago blocks nothing
    assert service.check() is not None
    del left
