"""m015 and the profile's language: stored, changed, refused when not shipped, and an older
database keeps its profiles in English (what they were shown) with every row."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from coach.domain.i18n import LANGUAGES
from coach.domain.profile import Profile, ProfileError, Surgery
from coach.store import open_db
from coach.store.check_lists import stored_values, table_sql
from coach.store.db import connect
from coach.store.events import Change
from coach.store.migrations import migrations
from coach.store.repository import Repository
from tests.store.old_rows import old_profile

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
M015 = "m015_profile_language"


def test_a_new_profile_keeps_its_language_and_can_change_it(tmp_path: Path) -> None:
    repo = Repository(open_db(tmp_path / "coach.db"))
    saved = repo.add_profile(Profile("Ana", Surgery.FUSION, date(2026, 2, 1), language="es"), NOW)
    assert saved.id is not None
    assert repo.profiles()[0].language == "es"
    seen: list[Change] = []
    repo.changes.subscribe(seen.append)
    changed = repo.set_language(saved.id, "en")
    assert changed.language == "en"
    assert repo.profile(saved.id) == changed
    assert seen == [Change("profiles", saved.id)]


def test_a_language_we_do_not_ship_is_refused_by_the_profile_and_the_table(
    tmp_path: Path,
) -> None:
    with pytest.raises(ProfileError, match="English, Español"):
        Profile("Ana", Surgery.FUSION, date(2026, 2, 1), language="fr")
    db = open_db(tmp_path / "coach.db")
    repo = Repository(db)
    saved = repo.add_profile(Profile("Ana", Surgery.FUSION, date(2026, 2, 1)), NOW)
    with pytest.raises(ProfileError):
        repo.set_language(saved.id or 0, "fr")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE profiles SET language = 'fr'")
    assert stored_values(table_sql(db, "profiles"), "language") == tuple(LANGUAGES)


def test_an_older_database_keeps_its_profiles_in_english(tmp_path: Path) -> None:
    path = tmp_path / "coach.db"
    db = connect(path)
    migrations.apply(db, stop_before=M015)
    first = old_profile(db, NOW)
    before = db.execute("SELECT * FROM profiles").fetchall()
    db.close()
    repo = Repository(open_db(path))  # opening brings it up to date, as the app does
    [profile] = repo.profiles()
    assert (profile.id, profile.nickname, profile.language) == (first, "Ann", "en")
    after = repo.db.execute("SELECT * FROM profiles").fetchall()
    assert [row[:-1] for row in after] == before
