"""Journal and medicines in the store (m013): round trips, constraints, drafts, cascade and a
kill -9 in the middle of an entry."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from coach.domain.journal import FACTORS, QUALITIES, REGION_IDS, JournalEntry, RegionMark
from coach.domain.medicines import KINDS, MedicineEntry
from coach.domain.profile import Profile, Surgery
from coach.store import open_db
from coach.store.db import integrity_problems
from coach.store.journal import JournalStore
from coach.store.medicines import MedicineStore
from coach.store.repository import Repository

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 5, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_db(db_path)
    yield database
    database.close()


@pytest.fixture
def profile_id(db: Database) -> int:
    profile = Repository(db).add_profile(Profile("Ann", Surgery.FUSION, date(2026, 4, 1)), NOW)
    assert profile.id is not None
    return profile.id


def sample(**changes: object) -> JournalEntry:
    base = JournalEntry(
        NOW,
        NOW.date(),
        (
            RegionMark("lower-back-centre", 4, frozenset({"aching"})),
            RegionMark("calf-left", 6, frozenset({"burning", "tingling"})),
        ),
        frozenset({"walking", "lying"}),
        frozenset({"sitting"}),
        "After the shopping trip.",
    )
    from dataclasses import replace

    return replace(base, **changes)  # type: ignore[arg-type]


def test_an_entry_round_trips_with_its_regions_qualities_and_ticks(
    db: Database, profile_id: int
) -> None:
    store = JournalStore(db)
    saved = store.save(profile_id, sample(), NOW)
    assert saved.id is not None
    assert store.entries(profile_id) == [saved]
    assert store.entry(saved.id) == saved
    assert store.draft(profile_id) is None


def test_a_draft_is_kept_replaced_in_place_and_hidden_until_saved(
    db: Database, profile_id: int
) -> None:
    store = JournalStore(db)
    first = store.save_draft(profile_id, sample(marks=()), NOW)
    second = store.save_draft(profile_id, sample(note="more"), NOW)
    assert first.id == second.id  # one draft per profile, rewritten as the patient goes
    assert store.entries(profile_id) == []
    draft = store.draft(profile_id)
    assert draft is not None and draft.note == "more" and draft.extent("left") == 3
    final = store.save(profile_id, draft, NOW)
    assert store.draft(profile_id) is None
    assert [e.id for e in store.entries(profile_id)] == [final.id]


def test_edit_replaces_the_whole_entry_and_delete_removes_its_rows(
    db: Database, profile_id: int
) -> None:
    store = JournalStore(db)
    saved = store.save(profile_id, sample(), NOW)
    edited = store.save(profile_id, sample(id=saved.id, marks=(RegionMark("sole-right", 2),)), NOW)
    assert store.entries(profile_id) == [edited]
    assert saved.id is not None
    store.delete(saved.id)
    assert store.entries(profile_id) == []
    assert db.execute("SELECT count(*) FROM journal_regions").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM journal_factors").fetchone()[0] == 0
    with pytest.raises(LookupError):
        store.save(profile_id, sample(id=saved.id), NOW)


def test_entries_filter_by_day(db: Database, profile_id: int) -> None:
    store = JournalStore(db)
    for days in range(5):
        at = NOW - timedelta(days=days)
        store.save(profile_id, sample(at=at, day=at.date()), NOW)
    got = store.entries(profile_id, since=date(2026, 4, 28), until=date(2026, 4, 30))
    assert [e.day for e in got] == [date(2026, 4, 28), date(2026, 4, 29), date(2026, 4, 30)]


def test_deleting_a_profile_removes_its_journal_and_medicines(
    db: Database, profile_id: int
) -> None:
    JournalStore(db).save(profile_id, sample(), NOW)
    MedicineStore(db).save(profile_id, MedicineEntry("Ibuprofen", NOW, NOW.date()))
    with db.atomic():
        db.execute("DELETE FROM profiles WHERE id = ?", [profile_id])
    for table in ("journal_entries", "journal_regions", "journal_factors", "medicines_taken"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_medicines_round_trip_edit_and_delete(db: Database, profile_id: int) -> None:
    store = MedicineStore(db)
    saved = store.save(
        profile_id, MedicineEntry("Tramadol", NOW, NOW.date(), "opioid", "1 capsule, 50 mg")
    )
    assert store.entries(profile_id) == [saved]
    from dataclasses import replace

    edited = store.save(profile_id, replace(saved, amount="2 capsules"))
    assert store.entries(profile_id) == [edited]
    assert saved.id is not None
    store.delete(saved.id)
    assert store.entries(profile_id) == []


@pytest.mark.parametrize(
    ("sql", "values"),
    [
        ("INSERT INTO journal_regions (entry_id, region, intensity) VALUES (?, 'elbow', 3)", 1),
        (
            "INSERT INTO journal_regions (entry_id, region, intensity) VALUES (?, 'calf-left', 11)",
            1,
        ),
        (
            "INSERT INTO journal_regions (entry_id, region, intensity)"
            " VALUES (?, 'calf-left', '5')",
            1,
        ),
        (
            "INSERT INTO journal_regions (entry_id, region, intensity, q_numbness)"
            " VALUES (?, 'calf-left', 3, 2)",
            1,
        ),
        ("INSERT INTO journal_factors (entry_id, factor, effect) VALUES (?, 'wine', 'helped')", 1),
        ("INSERT INTO journal_factors (entry_id, factor, effect) VALUES (?, 'walking', 'meh')", 1),
        (
            "INSERT INTO journal_regions (entry_id, region, intensity)"
            " VALUES (999, 'calf-left', 3)",
            0,
        ),
        (
            "INSERT INTO medicines_taken (profile_id, name, kind, amount, taken_at, local_date)"
            " VALUES (?, 'A', 'vitamin', '', '2026-05-01T09:00:00.000+00:00', '2026-05-01')",
            2,
        ),
        (
            "INSERT INTO medicines_taken (profile_id, name, kind, amount, taken_at, local_date)"
            " VALUES (?, '  ', '', '', '2026-05-01T09:00:00.000+00:00', '2026-05-01')",
            2,
        ),
        (
            "INSERT INTO medicines_taken (profile_id, name, kind, amount, taken_at, local_date)"
            " VALUES (?, 'A', '', '', '2026-05-01T09:00:00.000+00:00', '2026-13-01')",
            2,
        ),
        (
            "INSERT INTO journal_entries (profile_id, noted_at, local_date, note, draft,"
            " updated_at) VALUES (?, '2026-05-01T09:00:00.000+00:00', '2026-05-01', '', 1, 'x')",
            3,
        ),
    ],
)
def test_the_database_itself_refuses_bad_rows(
    db: Database, profile_id: int, sql: str, values: int
) -> None:
    store = JournalStore(db)
    saved = store.save(profile_id, sample(), NOW)
    store.save_draft(profile_id, sample(), NOW)  # for the one-draft rule
    params = {0: [], 1: [saved.id], 2: [profile_id], 3: [profile_id]}[values]
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(sql, params)


def test_the_allowed_values_are_the_ones_m013_shipped() -> None:
    """m013 builds its CHECKs from these constants: changing them needs a new migration."""
    assert REGION_IDS == (
        "lower-back-centre", "lower-back-left", "lower-back-right", "buttock-left",
        "buttock-right", "thigh-back-left", "thigh-back-right", "calf-left", "calf-right",
        "sole-left", "sole-right", "groin-left", "groin-right", "thigh-front-left",
        "thigh-front-right", "shin-left", "shin-right", "foot-top-left", "foot-top-right",
    )  # fmt: skip
    assert tuple(QUALITIES) == (
        "aching", "sharp", "shooting", "burning", "tingling", "numbness", "weakness",
    )  # fmt: skip
    assert tuple(FACTORS) == ("walking", "sitting", "lying", "medicine", "exercise", "heat-cold")
    assert tuple(KINDS) == ("anti-inflammatory", "paracetamol", "opioid", "nerve-pain", "other")


def test_the_tables_are_strict(db: Database) -> None:
    for table in ("journal_entries", "journal_regions", "journal_factors", "medicines_taken"):
        sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
        assert re.search(r"\)\s*STRICT$", sql), table


# -- kill -9 in the middle of an entry -------------------------------------------------------
CHILD = """
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from coach.domain.journal import REGION_IDS, JournalEntry, RegionMark, with_region
from coach.store import open_db
from coach.store.journal import JournalStore

db = open_db(Path(sys.argv[1]))
store = JournalStore(db)
profile_id = int(sys.argv[2])
now = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
entry = JournalEntry(now, now.date())
print("ready", flush=True)
n = 0
while True:  # the patient taps region after region; every change is saved as it happens
    region = REGION_IDS[n % len(REGION_IDS)]
    entry = with_region(entry, RegionMark(region, n % 11))
    entry = store.save_draft(profile_id, entry, now)
    print(f"saved {n} {region} {n % 11}", flush=True)
    n += 1
    if n % 40 == 0:  # a finished entry now and then, then a new one
        store.save(profile_id, entry, now)
        print(f"final {entry.id}", flush=True)
        entry = JournalEntry(now + timedelta(minutes=n), now.date())
"""


@pytest.mark.parametrize("acks", [3, 57, 130])
def test_kill_9_mid_entry_keeps_every_acknowledged_change(db_path: Path, acks: int) -> None:
    db = open_db(db_path)
    profile = Repository(db).add_profile(Profile("Ann", Surgery.FUSION, date(2026, 4, 1)), NOW)
    db.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path), str(profile.id)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert child.stdout is not None
    lines: list[str] = []
    try:
        assert child.stdout.readline().strip() == "ready"
        while len([x for x in lines if x.startswith("saved")]) < acks:
            lines.append(child.stdout.readline().strip())
    finally:
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
    lines += [x for x in rest.splitlines() if x.strip()]
    db = open_db(db_path)
    try:
        assert integrity_problems(db) == []
        store = JournalStore(db)
        finals = [x for x in lines if x.startswith("final")]
        assert len(store.entries(profile.id or 0)) >= len(finals)
        last = [x for x in lines if x.startswith("saved")][-1].split()
        n, region, intensity = int(last[1]), last[2], int(last[3])
        if n % 40 != 39:  # the last change went into a draft: it is there, whole
            draft = store.draft(profile.id or 0)
            assert draft is not None
            mark = draft.mark(region)
            assert mark is not None and mark.intensity == intensity
            # the child may have committed one more change than it could acknowledge
            assert len(draft.marks) - min(n % 40 + 1, len(REGION_IDS)) in (0, 1)
    finally:
        db.close()


def test_finished_entries_and_medicines_are_announced_drafts_are_not(
    db: Database, profile_id: int
) -> None:
    from coach.store.events import JOURNAL, MEDICINES, Change
    from coach.store.stores import Stores

    stores = Stores(db)
    heard: list[Change] = []
    stores.changes.subscribe(heard.append)
    draft = stores.journal.save_draft(profile_id, sample(), NOW)
    assert heard == []  # a tap in the entry is not news for the other screens
    stores.journal.save(profile_id, draft, NOW)
    stores.medicines.save(profile_id, MedicineEntry("Ibuprofen", NOW, NOW.date()))
    assert heard == [Change(JOURNAL, profile_id), Change(MEDICINES, profile_id)]
