"""Data changes are announced by the store (coach.store.events): every write reaches every
subscriber after it committed, once per unit of work, and never when nothing was written."""

from __future__ import annotations

import ast
import inspect
import logging
import sqlite3
import textwrap
from datetime import UTC, date, datetime

import pytest

from coach.domain.content import Content
from coach.domain.pain import Pain
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Profile, Surgery
from coach.store import Database, open_db
from coach.store.events import (
    COPING,
    OUTCOMES,
    PLAN,
    PROFILES,
    SESSION_EVENTS,
    SESSIONS,
    WALKING,
    WARNING_SIGNS,
    Change,
    StoreEvents,
)
from coach.store.stores import Stores
from coach.system.paths import DataPaths

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def stores(data_paths: DataPaths) -> Stores:
    return Stores(open_db(data_paths.database))


def heard(stores: Stores) -> list[Change]:
    changes: list[Change] = []
    stores.changes.subscribe(changes.append)
    return changes


def test_each_write_announces_its_topic_and_profile_after_it_committed(stores: Stores) -> None:
    profile = stores.repo.add_profile(Profile("Ann", Surgery.FUSION, date(2026, 2, 1)), NOW)
    pid = profile.id
    assert pid is not None
    seen: list[tuple[Change, int]] = []

    def listener(change: Change) -> None:  # what a screen would read at that moment
        count = stores.db.execute("SELECT count(*) FROM sessions").fetchone()[0]
        seen.append((change, int(count)))

    stores.changes.subscribe(listener)
    session = stores.sessions.start_session(pid, None, "am", "Morning", NOW)
    stores.sessions.record_event(session, "step-done", NOW, step_index=0)
    stores.sessions.record_pain(session, "before", Pain(3, 2), NOW)
    stores.sessions.record_red_flag_check(pid, {"x": False}, None, NOW)
    stores.repo.log_walking(pid, NOW.date(), 10, NOW)
    stores.outcomes.record_odi(pid, NOW.date(), 30, NOW)
    stores.coping.record_use(pid, "breathing", day=NOW.date(), started=NOW, seconds=60)
    assert seen == [
        (Change(SESSIONS, pid), 1),  # the new session is there when it is announced
        (Change(SESSION_EVENTS, None), 1),
        (Change(SESSIONS, None), 1),
        (Change(WARNING_SIGNS, pid), 1),
        (Change(WALKING, pid), 1),
        (Change(OUTCOMES, pid), 1),
        (Change(COPING, pid), 1),
    ]


def test_a_unit_of_several_writes_is_announced_once_at_its_end(
    stores: Stores, content: Content
) -> None:
    changes = heard(stores)
    plan = plan_from_protocol(content.protocols[Surgery.FUSION])
    profile = stores.repo.add_profile(Profile("Ann", Surgery.FUSION, date(2026, 2, 1)), NOW, plan)
    assert changes == [Change(PLAN, profile.id), Change(PROFILES, None)]  # in the order made
    stores.repo.save_plan(profile.id or 0, plan, NOW)
    stores.repo.save_plan(profile.id or 0, plan, NOW)
    assert changes[2:] == [Change(PLAN, profile.id), Change(PLAN, profile.id)]


def test_a_write_that_fails_announces_nothing(stores: Stores) -> None:
    stores.repo.add_profile(Profile("Ann", Surgery.FUSION, date(2026, 2, 1)), NOW)
    changes = heard(stores)
    with pytest.raises(sqlite3.IntegrityError):  # the nickname is taken
        stores.repo.add_profile(Profile("Ann", Surgery.FUSION, date(2026, 2, 1)), NOW)
    with pytest.raises(ValueError, match="final status"):
        stores.sessions.finish_session(1, "in-progress", NOW)
    assert changes == []


def test_a_listener_that_fails_does_not_undo_or_hide_the_write(
    stores: Stores, caplog: pytest.LogCaptureFixture
) -> None:
    profile = stores.repo.add_profile(Profile("Ann", Surgery.FUSION, date(2026, 2, 1)), NOW)
    later: list[Change] = []

    def broken(change: Change) -> None:
        raise RuntimeError("a screen could not refresh")

    stores.changes.subscribe(broken)
    stores.changes.subscribe(later.append)
    with caplog.at_level(logging.ERROR):
        stores.repo.log_walking(profile.id or 0, NOW.date(), 10, NOW)  # no error to the caller
    assert stores.repo.walking_minutes(profile.id or 0, NOW.date()) == 10
    assert later == [Change(WALKING, profile.id)]  # the listeners after it still hear it
    assert "a listener failed after a walking change" in caplog.text


def test_unsubscribe_and_unknown_topics() -> None:
    events = StoreEvents()
    changes: list[Change] = []
    unsubscribe = events.subscribe(changes.append)
    events.emit(SESSIONS, 1)
    unsubscribe()
    unsubscribe()  # twice is harmless
    events.emit(SESSIONS, 1)
    assert changes == [Change(SESSIONS, 1)]
    with pytest.raises(ValueError, match="unknown store topic 'sesions'"):
        events.emit("sesions")


def _writes(cls: type) -> list[str]:
    """Methods that open a transaction: every one of them changes data."""
    names = []
    for name, method in vars(cls).items():
        if name.startswith("_") or not callable(method):
            continue
        source = textwrap.dedent(inspect.getsource(inspect.unwrap(method)))
        tree = ast.parse(source)
        if "self.db.atomic()" in ast.unparse(tree):
            names.append(name)
    return names


def test_every_store_write_announces_itself(stores: Stores) -> None:
    """A write added later without ``@announces`` fails here, not on a screen that goes stale."""
    owners = [
        stores.repo,
        stores.sessions,
        stores.outcomes,
        stores.coping,
        stores.therapist,
        stores.reminders,
    ]
    found = 0
    for owner in owners:
        for name in _writes(type(owner)):
            found += 1
            assert hasattr(vars(type(owner))[name], "__wrapped__"), f"{name} does not announce"
    assert found >= 20


def test_stores_share_one_announcer(stores: Stores) -> None:
    owners = [
        stores.repo,
        stores.sessions,
        stores.outcomes,
        stores.coping,
        stores.therapist,
        stores.reminders,
    ]
    assert all(o.changes is stores.changes for o in owners)
    assert all(o.db is stores.db for o in [*owners, stores.progress])
    assert isinstance(stores.db, Database)
