"""The schema, one migration at a time.

Never edit a migration that has shipped: add m00N_... below it. Tables are STRICT with CHECK
constraints so that bad values are refused by the database itself, whatever code wrote them.
Times are UTC ISO 8601 text; ``local_date`` beside them groups by the patient's own day.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("coach")

SURGERIES = ("discectomy", "laminectomy", "fusion")
APPROACHES = ("open", "minimally-invasive", "unknown")
SESSION_STATUSES = ("in-progress", "done", "partial", "discarded", "blocked")


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


def known_migration_names() -> set[str]:
    """Every migration this version of the app knows, applied or not."""
    return {m.name for m in migrations.pending(Database(memory=True, execute_plugins=False))}
