"""The schema, one migration at a time.

Never edit a migration that has shipped: add m00N_... below it. Tables are STRICT with CHECK
constraints so that bad values are refused by the database itself, whatever code wrote them.
Times are UTC ISO 8601 text; ``local_date`` beside them groups by the patient's own day.

Why one module over 300 lines: the schema's history is read in order, top to bottom, and it
only grows (shipped migrations are never edited).
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from coach.store.check_lists import sync_check_lists

migrations = Migrations("coach")

SURGERIES = ("discectomy", "laminectomy", "fusion")
APPROACHES = ("open", "minimally-invasive", "unknown")
SESSION_STATUSES = ("in-progress", "done", "partial", "discarded", "blocked")
# m008 adds "skipped": a session in which no exercise was done (every one skipped).
SESSION_STATUSES_M008 = (*SESSION_STATUSES, "skipped")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


@migrations()
def m001_initial(db: Database) -> None:
    """Profiles, plan versions, sessions, their events and pain scores."""
    db.executescript(
        f"""
        CREATE TABLE profiles (
            id INTEGER PRIMARY KEY,
            nickname TEXT NOT NULL UNIQUE CHECK (length(trim(nickname)) BETWEEN 1 AND 40),
            surgery TEXT NOT NULL CHECK (surgery IN {_in(SURGERIES)}),
            surgery_date TEXT NOT NULL CHECK (date(surgery_date) IS surgery_date),
            approach TEXT NOT NULL DEFAULT 'unknown' CHECK (approach IN {_in(APPROACHES)}),
            extra_restrictions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(extra_restrictions)
                AND json_type(extra_restrictions) = 'array'),
            emergency_number TEXT NOT NULL DEFAULT '112'
                CHECK (length(emergency_number) BETWEEN 1 AND 15),
            created_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE plans (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            version INTEGER NOT NULL CHECK (version >= 1),
            created_at TEXT NOT NULL,
            author TEXT NOT NULL DEFAULT '' CHECK (length(author) <= 80),
            body TEXT NOT NULL CHECK (json_valid(body) AND json_type(body) = 'object'),
            UNIQUE (profile_id, version)
        ) STRICT;

        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            plan_id INTEGER REFERENCES plans(id) ON DELETE SET NULL,
            routine_id TEXT NOT NULL,
            routine_name TEXT NOT NULL,
            started_at TEXT NOT NULL,
            local_date TEXT NOT NULL CHECK (date(local_date) IS local_date),
            ended_at TEXT,
            status TEXT NOT NULL DEFAULT 'in-progress' CHECK (status IN {_in(SESSION_STATUSES)}),
            note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 4000)
        ) STRICT;
        CREATE INDEX sessions_by_profile_date ON sessions (profile_id, local_date);
        CREATE INDEX sessions_by_plan ON sessions (plan_id);

        CREATE TABLE session_events (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL CHECK (seq >= 0),
            at TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
            step_index INTEGER CHECK (step_index >= 0),
            exercise_id TEXT,
            detail TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(detail)),
            UNIQUE (session_id, seq)
        ) STRICT;

        CREATE TABLE pain_scores (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            moment TEXT NOT NULL CHECK (moment IN ('before', 'after')),
            back INTEGER NOT NULL CHECK (back BETWEEN 0 AND 10),
            leg INTEGER NOT NULL CHECK (leg BETWEEN 0 AND 10),
            at TEXT NOT NULL,
            UNIQUE (session_id, moment)
        ) STRICT;
        """
    )


@migrations()
def m002_walking(db: Database) -> None:
    """Walking minutes logged from Today (one row per entry; a day's total is their sum)."""
    db.executescript(
        """
        CREATE TABLE walking_log (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            local_date TEXT NOT NULL CHECK (date(local_date) IS local_date),
            minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 600),
            at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX walking_by_profile_date ON walking_log (profile_id, local_date);
        """
    )


@migrations()
def m003_session_details(db: Database) -> None:
    """Red-flag checks (asked before sessions, or any time), per-exercise feedback, and
    whether a session was the gentle form only."""
    db.executescript(
        """
        CREATE TABLE red_flag_checks (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
            at TEXT NOT NULL,
            local_date TEXT NOT NULL CHECK (date(local_date) IS local_date),
            answers TEXT NOT NULL CHECK (json_valid(answers) AND json_type(answers) = 'object'),
            outcome TEXT NOT NULL
                CHECK (outcome IN ('clear', 'emergency', 'surgeon-today', 'call-24h'))
        ) STRICT;
        CREATE INDEX red_flags_by_profile ON red_flag_checks (profile_id, local_date);
        CREATE INDEX red_flags_by_session ON red_flag_checks (session_id);

        CREATE TABLE exercise_feedback (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            exercise_id TEXT NOT NULL,
            rating TEXT NOT NULL CHECK (rating IN ('too-easy', 'about-right', 'too-hard')),
            UNIQUE (session_id, exercise_id)
        ) STRICT;

        ALTER TABLE sessions ADD COLUMN gentle INTEGER NOT NULL DEFAULT 0
            CHECK (gentle IN (0, 1));
        CREATE INDEX events_by_session ON session_events (session_id, seq);
        CREATE INDEX pain_by_session ON pain_scores (session_id);
        """
    )


@migrations()
def m005_outcomes(db: Database) -> None:
    """Outcome measures: PSFS activities and ratings, ODI totals entered by the therapist (not
    the questionnaire), and a pain baseline the therapist may enter instead of the computed one."""
    db.executescript(
        """
        CREATE TABLE psfs_activities (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 5),
            name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
            created_at TEXT NOT NULL,
            retired_at TEXT
        ) STRICT;
        CREATE INDEX psfs_activities_by_profile ON psfs_activities (profile_id, position);

        CREATE TABLE psfs_assessments (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            local_date TEXT NOT NULL CHECK (date(local_date) IS local_date),
            at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX psfs_by_profile_date ON psfs_assessments (profile_id, local_date);

        CREATE TABLE psfs_ratings (
            assessment_id INTEGER NOT NULL REFERENCES psfs_assessments(id) ON DELETE CASCADE,
            activity_id INTEGER NOT NULL REFERENCES psfs_activities(id) ON DELETE CASCADE,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10),
            PRIMARY KEY (assessment_id, activity_id)
        ) STRICT;
        CREATE INDEX psfs_ratings_by_activity ON psfs_ratings (activity_id);

        CREATE TABLE odi_scores (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            local_date TEXT NOT NULL CHECK (date(local_date) IS local_date),
            total INTEGER NOT NULL CHECK (total BETWEEN 0 AND 100),
            at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX odi_by_profile_date ON odi_scores (profile_id, local_date);

        CREATE TABLE pain_baselines (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            back REAL NOT NULL CHECK (back BETWEEN 0 AND 10),
            leg REAL NOT NULL CHECK (leg BETWEEN 0 AND 10),
            at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX pain_baselines_by_profile ON pain_baselines (profile_id);
        """
    )


@migrations()
def m006_therapist(db: Database) -> None:
    """Therapist mode: one PIN hash for this computer (never the PIN), the wrong-try count that
    slows guessing across restarts, the therapist's name, and exercises a plan file brought
    along (per profile, deleted with it)."""
    db.executescript(
        """
        CREATE TABLE therapist_settings (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            pin_hash TEXT CHECK (pin_hash IS NULL
                OR (pin_hash LIKE 'scrypt$%' AND length(pin_hash) <= 200)),
            therapist_name TEXT NOT NULL DEFAULT '' CHECK (length(therapist_name) <= 80),
            failures INTEGER NOT NULL DEFAULT 0 CHECK (failures BETWEEN 0 AND 1000000),
            last_failure TEXT,
            updated_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE custom_exercises (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            exercise_id TEXT NOT NULL CHECK (length(exercise_id) BETWEEN 1 AND 60),
            body TEXT NOT NULL CHECK (json_valid(body) AND json_type(body) = 'object'),
            figure TEXT CHECK (figure IS NULL OR figure GLOB 'figures/*.svg'),
            added_at TEXT NOT NULL,
            UNIQUE (profile_id, exercise_id)
        ) STRICT;
        """
    )


@migrations(transactional=False)
def m008_session_skipped(db: Database) -> None:
    """Sessions may be "skipped" (every exercise skipped): stored as such, never as done.

    SQLite cannot change a CHECK, so the table is rebuilt the documented way (sqlite.org/
    lang_altertable.html, "other kinds of table schema changes"): foreign keys off (a DROP would
    otherwise cascade to the events, pain scores and feedback), then in one transaction a copy
    with the wider CHECK, every row, the old indexes, and a foreign-key check before commit.
    The new table is made from the stored CREATE statement, so columns added by any migration
    are kept. Not in the migration's own transaction (PRAGMA foreign_keys cannot change inside
    one), so it is written to run again safely: a table that already allows "skipped" is left.
    """
    old_check = f"status IN {_in(SESSION_STATUSES)}"
    row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'sessions'")
    table_sql = str(row.fetchone()[0])
    if "'skipped'" in table_sql:
        return
    if table_sql.count(old_check) != 1 or not table_sql.startswith("CREATE TABLE sessions ("):
        raise RuntimeError("m008: the sessions table is not in the expected shape")
    new_sql = table_sql.replace(old_check, f"status IN {_in(SESSION_STATUSES_M008)}").replace(
        "CREATE TABLE sessions (", "CREATE TABLE sessions_m008 (", 1
    )
    extras = [
        str(sql)
        for (sql,) in db.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'sessions'"
            " AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid"
        ).fetchall()
    ]
    keys_were_on = bool(db.execute("PRAGMA foreign_keys").fetchone()[0])
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            db.execute(new_sql)
            db.execute("INSERT INTO sessions_m008 SELECT * FROM sessions")
            db.execute("DROP TABLE sessions")
            db.execute("ALTER TABLE sessions_m008 RENAME TO sessions")
            for sql in extras:
                db.execute(sql)
            broken = db.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"m008: {len(broken)} rows lost their parent")
    finally:
        if keys_were_on:
            db.execute("PRAGMA foreign_keys = ON")


COPING_TOOLS = ("breathing", "body-scan", "journal")


@migrations()
def m011_learn_and_coping(db: Database) -> None:
    """Coping tools used (REFERENCE 10: when, how long, a journal entry's text and whether the
    patient chose to show it in the clinic report) and the Today hints a patient dismissed
    (one row per hint, so a dismissed hint stays away)."""
    db.executescript(
        f"""
        CREATE TABLE coping_uses (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            tool TEXT NOT NULL CHECK (tool IN {_in(COPING_TOOLS)}),
            local_date TEXT NOT NULL CHECK (date(local_date) IS local_date),
            started_at TEXT NOT NULL,
            seconds INTEGER NOT NULL CHECK (seconds BETWEEN 0 AND 7200),
            note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 4000),
            in_report INTEGER NOT NULL DEFAULT 0 CHECK (in_report IN (0, 1))
        ) STRICT;
        CREATE INDEX coping_uses_by_profile_date ON coping_uses (profile_id, local_date);

        CREATE TABLE dismissed_hints (
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            hint_key TEXT NOT NULL CHECK (length(hint_key) BETWEEN 1 AND 80),
            dismissed_at TEXT NOT NULL,
            PRIMARY KEY (profile_id, hint_key)
        ) STRICT;
        """
    )


@migrations(transactional=False)
def m012_check_lists_from_constants(db: Database) -> None:
    """Every CHECK list of stored words (statuses, ratings, warning-sign outcomes, surgeries,
    approaches, pain moments, coping tools) as generated from its Python constant in
    ``coach.store.check_lists``; a table whose list differs is rebuilt with every row, index
    and foreign key. The lists above were hand-written copies; from here on they have one home.
    """
    sync_check_lists(db)


@migrations()
def m013_journal_and_medicines(db: Database) -> None:
    """The leg-pain journal (REFERENCE 8) and the medicines log (REFERENCE 9).

    An entry has one row per marked region (intensity and one 0/1 column per quality) and one
    row per helped/worse tick. A new entry is kept as a draft while the patient fills it in
    (at most one draft per profile), so a crash mid-entry loses nothing. The allowed values are
    generated from ``coach.domain`` constants; ``tests/store/test_journal_store.py`` pins them,
    because a change to them needs a new migration, never an edit of this one."""
    from coach.domain.journal import FACTORS, MAX_NOTE, QUALITIES, REGION_IDS
    from coach.domain.medicines import KINDS, MAX_AMOUNT, MAX_NAME

    quality_columns = ",\n".join(
        f"            {quality_column(q)} INTEGER NOT NULL DEFAULT 0"
        f" CHECK ({quality_column(q)} IN (0, 1))"
        for q in QUALITIES
    )
    db.executescript(
        f"""
        CREATE TABLE journal_entries (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            noted_at TEXT NOT NULL CHECK (length(noted_at) BETWEEN 20 AND 40),
            local_date TEXT NOT NULL CHECK (date(local_date) IS local_date),
            note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= {MAX_NOTE}),
            draft INTEGER NOT NULL DEFAULT 0 CHECK (draft IN (0, 1)),
            updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX journal_entries_by_profile_date ON journal_entries (profile_id, local_date);
        CREATE UNIQUE INDEX journal_one_draft ON journal_entries (profile_id) WHERE draft = 1;

        CREATE TABLE journal_regions (
            entry_id INTEGER NOT NULL REFERENCES journal_entries(id) ON DELETE CASCADE,
            region TEXT NOT NULL CHECK (region IN {_in(REGION_IDS)}),
            intensity INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10),
{quality_columns},
            PRIMARY KEY (entry_id, region)
        ) STRICT;

        CREATE TABLE journal_factors (
            entry_id INTEGER NOT NULL REFERENCES journal_entries(id) ON DELETE CASCADE,
            factor TEXT NOT NULL CHECK (factor IN {_in(tuple(FACTORS))}),
            effect TEXT NOT NULL CHECK (effect IN ('helped', 'worse')),
            PRIMARY KEY (entry_id, factor, effect)
        ) STRICT;

        CREATE TABLE medicines_taken (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND {MAX_NAME}),
            kind TEXT NOT NULL DEFAULT '' CHECK (kind IN {_in(("", *KINDS))}),
            amount TEXT NOT NULL DEFAULT '' CHECK (length(amount) <= {MAX_AMOUNT}),
            taken_at TEXT NOT NULL CHECK (length(taken_at) BETWEEN 20 AND 40),
            local_date TEXT NOT NULL CHECK (date(local_date) IS local_date)
        ) STRICT;
        CREATE INDEX medicines_by_profile_date ON medicines_taken (profile_id, local_date);
        """
    )


def quality_column(quality: str) -> str:
    """The journal_regions column for a quality: 'q_' + its id."""
    return "q_" + quality.replace("-", "_")


# As shipped with m014; the live list follows domain.reminders.ReminderState (check_lists.py).
REMINDER_STATES = ("shown", "snoozed", "dismissed")


@migrations()
def m014_reminders(db: Database) -> None:
    """Reminders (issue 17): whether they are on and when the evening follow-up comes, the
    times a patient picked for each routine (none: the plan's defaults), and what each day's
    reminders did (shown, snoozed until, dismissed), so a reminder fires once, a snooze
    survives a restart and a missed one is not shown again."""
    db.executescript(
        f"""
        CREATE TABLE reminder_settings (
            profile_id INTEGER PRIMARY KEY REFERENCES profiles(id) ON DELETE CASCADE,
            enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
            follow_up INTEGER NOT NULL DEFAULT 1 CHECK (follow_up IN (0, 1)),
            follow_up_at TEXT NOT NULL DEFAULT '19:30'
                CHECK (follow_up_at GLOB '[0-2][0-9]:[0-5][0-9]' AND follow_up_at < '24:00')
        ) STRICT;

        CREATE TABLE reminder_times (
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            routine_id TEXT NOT NULL CHECK (length(routine_id) BETWEEN 1 AND 80),
            at TEXT NOT NULL CHECK (at GLOB '[0-2][0-9]:[0-5][0-9]' AND at < '24:00'),
            PRIMARY KEY (profile_id, routine_id, at)
        ) STRICT;

        CREATE TABLE reminder_log (
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            local_date TEXT NOT NULL CHECK (date(local_date) IS local_date),
            reminder_key TEXT NOT NULL CHECK (length(reminder_key) BETWEEN 1 AND 120),
            state TEXT NOT NULL CHECK (state IN {_in(REMINDER_STATES)}),
            until TEXT,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (profile_id, local_date, reminder_key)
        ) STRICT;
        """
    )


@migrations()
def m015_profile_language(db: Database) -> None:
    """Each profile has a language (issue 19): the app's words and the profile's reports,
    handouts and spoken words are in it. Profiles made before this version kept English, the
    only language there was, so nothing a patient sees changes until they choose another in
    Settings. The list of codes is ``coach.domain.i18n.LANGUAGES``, kept in step by
    ``check_lists`` (a new language: a migration that calls ``sync_check_lists``)."""
    from coach.domain.i18n import LANGUAGES, SOURCE

    db.execute(
        f"ALTER TABLE profiles ADD COLUMN language TEXT NOT NULL DEFAULT '{SOURCE}'"
        f" CHECK (language IN {_in(tuple(LANGUAGES))})"
    )


def known_migration_names() -> set[str]:
    """Every migration this version of the app knows, applied or not."""
    return {m.name for m in migrations.pending(Database(memory=True, execute_plugins=False))}
