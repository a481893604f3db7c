"""``resolve_plan`` is the one way to a profile's current plan and catalogue: what it returns,
how it falls back when stored data cannot be read, and a check on the source that no other
module reads the current plan its own way."""

from __future__ import annotations

import ast
import json
import logging
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from coach.domain.catalogue import parse_exercise
from coach.domain.content import Content
from coach.domain.plan import plan_from_dict, plan_from_protocol, plan_to_dict
from coach.domain.plan_file import PlanFile, exercise_to_dict
from coach.domain.profile import Profile, Surgery
from coach.domain.profile_plan import UNREADABLE
from coach.store import Database, open_db
from coach.store.plans import resolve_plan
from coach.store.repository import Repository
from coach.store.therapist import TherapistStore

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
FUSION = {"surgery": "fusion"}
PACKAGE = Path(__file__).resolve().parents[2] / "coach"
RESOLVER = PACKAGE / "store" / "plans.py"


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_db(tmp_path / "coach.db")
    yield database  # type: ignore[misc]
    database.close()


def add(db: Database, content: Content, name: str, *, stored: bool = True) -> Profile:
    plan = plan_from_protocol(content.protocols[Surgery.FUSION]) if stored else None
    return Repository(db).add_profile(Profile(name, Surgery.FUSION, date(2026, 1, 5)), NOW, plan)


def import_towel_squeeze(db: Database, content: Content, profile: Profile) -> PlanFile:
    custom = exercise_to_dict(content.catalogue["glute-sets"])
    custom.update(id="towel-squeeze", name="Towel squeeze")
    custom.pop("easier", None)
    custom.pop("harder", None)
    exercise = parse_exercise(custom, "test")
    base = plan_from_protocol(content.protocols[Surgery.FUSION])
    body = plan_to_dict(base)
    body["phases"][0]["routines"][0]["items"].append({"exercise": "towel-squeeze"})
    plan = plan_from_dict(body, content.catalogue.extended((exercise,)), "test")
    plan_file = PlanFile(plan, "Alex", NOW, (exercise,))
    assert profile.id is not None
    TherapistStore(db).import_plan(profile.id, plan_file, NOW)
    return plan_file


def test_the_newest_stored_version_with_the_profiles_own_exercises(
    db: Database, content: Content
) -> None:
    ann, bob = add(db, content, "Ann"), add(db, content, "Bob")
    plan_file = import_towel_squeeze(db, content, ann)
    current = resolve_plan(db, content, ann)
    assert current.plan == plan_file.plan
    assert (current.version, current.author, current.therapist, current.problem) == (
        2,
        "Alex",
        "Alex",
        "",
    )
    assert current.is_stored and current.plan_id is not None
    assert current.catalogue["towel-squeeze"].name == "Towel squeeze"
    assert [e.id for e in current.exercises_in_use()] == ["towel-squeeze"]
    other = resolve_plan(db, content, bob)
    assert "towel-squeeze" not in other.catalogue  # each profile has its own
    assert other.version == 1 and other.therapist == ""  # the protocol is no therapist


def test_no_stored_plan_is_the_protocol_without_a_problem(db: Database, content: Content) -> None:
    old = add(db, content, "Old", stored=False)
    current = resolve_plan(db, content, old)
    assert current.plan == plan_from_protocol(content.protocols[Surgery.FUSION])
    assert (current.plan_id, current.version, current.problem) == (None, None, "")
    assert current.catalogue is content.catalogue


@pytest.mark.parametrize(
    "body",
    [
        json.dumps({"surgery": "fusion"}),
        json.dumps({"surgery": "knee", "phases": []}),
        json.dumps({**FUSION, "phases": "all of them"}),
        '{"a":' * 1500 + "1" + "}" * 1500,  # SQLite takes it; Python's json recurses too deep
    ],
)
def test_an_unreadable_stored_plan_falls_back_to_the_protocol_and_says_so(
    db: Database, content: Content, body: str, caplog: pytest.LogCaptureFixture
) -> None:
    ann = add(db, content, "Ann")
    db.execute("UPDATE plans SET body = ? WHERE profile_id = ?", [body, ann.id])
    with caplog.at_level(logging.ERROR):
        current = resolve_plan(db, content, ann)
    assert current.plan == plan_from_protocol(content.protocols[Surgery.FUSION])
    assert current.problem == UNREADABLE
    assert current.plan_id is None  # sessions are not filed under the unreadable version
    assert "cannot be read" in caplog.text
    assert "Ann" not in caplog.text  # ids in the log, never names


def test_an_unreadable_custom_exercise_falls_back_too(db: Database, content: Content) -> None:
    ann = add(db, content, "Ann")
    import_towel_squeeze(db, content, ann)
    db.execute("UPDATE custom_exercises SET body = '{\"id\": 3}'")
    current = resolve_plan(db, content, ann)
    assert current.problem == UNREADABLE
    assert current.catalogue is content.catalogue
    assert current.plan == plan_from_protocol(content.protocols[Surgery.FUSION])


def test_a_plan_naming_an_exercise_nobody_has_falls_back(db: Database, content: Content) -> None:
    ann = add(db, content, "Ann")
    import_towel_squeeze(db, content, ann)
    db.execute("DELETE FROM custom_exercises")
    assert resolve_plan(db, content, ann).problem == UNREADABLE


# -- the source: nobody else reads the current plan ----------------------------------------------
READERS = {"current_plan", "catalogue_for", "profile_catalogue", "plan_for", "_custom_exercises"}
PARSES_STORED_PLANS = {
    "store/plans.py",
    "store/repository.py",  # plan_versions: every version, for history and tests
}
BODY_SELECT = re.compile(
    r"SELECT\b[^;]*?(\bbody\b|\*)[^;]*?\bFROM\s+(plans|custom_exercises)\b", re.I | re.S
)


def called_names(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute):
                names.add(func.attr)
            elif isinstance(func, ast.Name):
                names.add(func.id)
    return names


def body_selects(tree: ast.AST) -> list[tuple[str, str]]:
    """(enclosing function, SQL) for every string that reads a plan or exercise body."""
    found = []
    for func in ast.walk(tree):
        if isinstance(func, ast.FunctionDef):
            for node in ast.walk(func):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and BODY_SELECT.search(node.value)
                ):
                    found.append((func.name, node.value))
    return found


def source_files() -> list[tuple[str, ast.AST]]:
    return [
        (str(path.relative_to(PACKAGE)), ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def test_only_the_resolver_reads_a_profiles_current_plan() -> None:
    assert not hasattr(Repository, "current_plan")
    offenders = {
        f"{name}: {called}"
        for name, tree in source_files()
        if name != "store/plans.py"
        for called in called_names(tree) & READERS
    }
    assert offenders == set(), "use coach.store.plans.resolve_plan"


def test_stored_plans_are_parsed_only_by_the_store() -> None:
    offenders = {
        name
        for name, tree in source_files()
        if "plan_from_dict" in called_names(tree)
        and name not in PARSES_STORED_PLANS
        and not name.startswith("domain/")  # pure code: plan files and edits, not the store
    }
    assert offenders == set(), "use coach.store.plans.resolve_plan"


def test_plan_and_exercise_bodies_are_read_only_by_the_resolver() -> None:
    offenders = {
        f"{name}:{func}"
        for name, tree in source_files()
        for func, _sql in body_selects(tree)
        if name != "store/plans.py" and (name, func) != ("store/repository.py", "plan_versions")
    }
    assert offenders == set(), "use coach.store.plans.resolve_plan"
    assert body_selects(ast.parse(RESOLVER.read_text(encoding="utf-8")))  # the check can see


def test_the_guard_sees_a_second_resolver() -> None:
    """The checks above fail on code that reads the plan its own way."""
    rogue = ast.parse(
        "def plan(repo, db, pid, cat):\n"
        "    db.execute('SELECT body FROM plans WHERE profile_id = ?', [pid])\n"
        "    return repo.current_plan(pid, cat)\n"
    )
    assert called_names(rogue) & READERS == {"current_plan"}
    assert [f for f, _ in body_selects(rogue)] == ["plan"]


def test_a_plan_stored_in_english_is_read_in_the_patients_language_now(
    db: Database, content: Content, tmp_path: Path
) -> None:
    """A profile made in English, then Spanish chosen: Today's phase name, goals, precautions
    and routine names come back in Spanish; a goal the therapist wrote stays as written; and
    back in English the plan reads exactly as stored."""
    from dataclasses import replace

    from coach.domain.content import load_content
    from tests.content_overlays import complete_tree

    profile = add(db, content, "Ana")
    assert profile.id is not None
    stored = resolve_plan(db, content, profile).plan
    own = "Walk to the bakery with Ana every morning"
    phase = replace(stored.phases[0], goals=(*stored.phases[0].goals, own))
    edited = replace(stored, phases=(phase, *stored.phases[1:]))
    Repository(db).save_plan(profile.id, edited, NOW, author="therapist")

    spanish = load_content(complete_tree(tmp_path), "es")
    first = resolve_plan(db, spanish, profile).plan.phases[0]
    protocol = spanish.protocols[Surgery.FUSION].phases[0]
    assert first.name == protocol.name == "Proteger"
    assert first.goals == (*protocol.goals, own)
    assert first.precautions == protocol.precautions
    assert [r.name for r in first.routines] == [r.name for r in protocol.routines]
    assert resolve_plan(db, content, profile).plan == edited
