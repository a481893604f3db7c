"""Warning signs (REFERENCE section 3): the most severe "yes" wins whatever the order of the file,
one decision for the whole day, the wording of the questions, and every stop-if sign in its
tier's words (REFERENCE section 2)."""

from __future__ import annotations

import random
import shutil
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.domain.catalogue import Exercise
from coach.domain.content import Content, load_content
from coach.domain.fields import DataError
from coach.domain.records import TIERS
from coach.domain.safety import RedFlagScreen, check_stop_if_signs, load_red_flags
from coach.domain.warning_signs import (
    DayCheck,
    day_safety,
    recheck_text,
    stop_if_lines,
    tier_statements,
)
from coach.system.paths import exercises_dir

SAFETY = exercises_dir() / "safety.toml"
MORNING = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


def shuffled_file(tmp_path: Path, seed: int) -> Path:
    """safety.toml with its questions in another order (the text of each is unchanged)."""
    head, *blocks = SAFETY.read_text(encoding="utf-8").split("[[questions]]")
    random.Random(seed).shuffle(blocks)
    path = tmp_path / f"safety-{seed}.toml"
    path.write_text(head + "".join("[[questions]]" + b.rstrip() + "\n\n" for b in blocks))
    return path


def severity(screen: RedFlagScreen, yes: set[str]) -> str | None:
    """The expected outcome, worked out the slow way: the lowest rank of any 'yes'."""
    ranks = [TIERS.index(q.tier) for q in screen.questions if q.id in yes]
    return TIERS[min(ranks)] if ranks else None


# -- the most severe tier wins, whatever the order ---------------------------------------------
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_the_most_severe_yes_wins_in_any_order_of_the_questions(
    content: Content, data: st.DataObject
) -> None:
    shipped = content.red_flags
    count = len(shipped.questions)  # however many the file has
    assert {q.tier for q in shipped.questions} == set(TIERS)  # every tier can be picked
    order = data.draw(st.permutations(range(count)), label="order")
    picks = data.draw(st.sets(st.integers(0, count - 1)), label="picks")
    screen = replace(shipped, questions=tuple(shipped.questions[i] for i in order))
    yes = {shipped.questions[i].id for i in picks}
    answers = {q.id: q.id in yes for q in screen.questions}
    tier = screen.outcome(answers)
    assert (tier.id if tier else None) == severity(shipped, yes)
    # the check still asks the most severe tier first, whatever the file's order
    assert [t.id for t, _ in screen.screens()] == list(TIERS)


@pytest.mark.parametrize("seed", range(6))
def test_a_shuffled_safety_file_gives_the_same_outcomes(tmp_path: Path, seed: int) -> None:
    shipped = load_red_flags(SAFETY)
    screen = load_red_flags(shuffled_file(tmp_path, seed))
    assert [q.id for q in screen.questions] != [q.id for q in shipped.questions]
    assert [t.id for t, _ in screen.screens()] == list(TIERS)
    for yes in ({"fall", "chest-breathing"}, {"fever", "fall"}, {"fall"}, {"vomiting", "calf"}):
        tier = screen.outcome({q.id: q.id in yes for q in screen.questions})
        assert tier is not None and tier.id == severity(shipped, yes)
    assert screen.outcome({"fall": True, "saddle-numbness": True}).id == "emergency"  # type: ignore[union-attr]


def test_only_a_true_yes_counts(content: Content) -> None:
    screen = content.red_flags
    assert screen.outcome({}) is None
    assert screen.outcome(dict.fromkeys([q.id for q in screen.questions], False)) is None
    assert screen.outcome({"fever": 1}) is None  # type: ignore[dict-item]
    assert screen.outcome({"no-such-question": True}) is None


# -- the wording -------------------------------------------------------------------------------
def test_questions_ask_about_right_now_or_the_last_24_hours(content: Content) -> None:
    for question in content.red_flags.questions:
        assert question.text.startswith(("Right now", "In the last 24 hours")), question.id
        assert "last session" not in question.text.lower(), question.id
        assert question.sign and len(question.sign) <= 80, question.id
    saddle = content.red_flags.question("saddle-numbness")
    assert saddle is not None
    assert saddle.text == (
        "Right now or in the last 24 hours, has the skin between your legs or around your "
        "bottom felt numb, tingly or different?"
    )


def test_every_tier_has_a_screen_with_its_own_signs(content: Content) -> None:
    screens = content.red_flags.screens()
    assert [(t.id, len(qs)) for t, qs in screens] == [
        ("emergency", 5),
        ("surgeon-today", 6),
        ("call-24h", 2),
    ]
    assert all(q.tier == t.id for t, qs in screens for q in qs)


def test_the_gentle_tier_says_walk_with_support(content: Content) -> None:
    gentle = content.red_flags.tiers["call-24h"]
    assert gentle.allows == "gentle"
    assert "walk with support or with someone nearby" in gentle.message


# -- one decision for the day ------------------------------------------------------------------
def check(hour: int, outcome: str) -> DayCheck:
    return DayCheck(MORNING.replace(hour=hour), outcome)


def test_no_check_yet_means_the_full_check_and_nothing_stopped(content: Content) -> None:
    day = day_safety([], content.red_flags)
    assert (day.checked, day.allows, day.stopped, day.gentle) == (False, "all", False, False)


@pytest.mark.parametrize(
    ("outcomes", "allows", "tier"),
    [
        (["clear"], "all", None),
        (["clear", "clear"], "all", None),
        (["call-24h"], "gentle", "call-24h"),
        (["call-24h", "clear"], "gentle", "call-24h"),
        (["surgeon-today"], "none", "surgeon-today"),
        (["surgeon-today", "clear", "clear"], "none", "surgeon-today"),
        (["clear", "call-24h", "emergency"], "none", "emergency"),
        (["emergency", "surgeon-today"], "none", "emergency"),
    ],
)
def test_the_day_follows_its_most_severe_check(
    content: Content, outcomes: list[str], allows: str, tier: str | None
) -> None:
    day = day_safety([check(8 + i, o) for i, o in enumerate(outcomes)], content.red_flags)
    assert day.checked
    assert day.allows == allows
    assert (day.tier.id if day.tier else None) == tier


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["clear", *TIERS]), min_size=1, max_size=6), st.randoms())
def test_the_order_of_the_checks_does_not_matter(
    content: Content, outcomes: list[str], rnd: random.Random
) -> None:
    checks = [check(7 + i, o) for i, o in enumerate(outcomes)]
    shuffled = list(checks)
    rnd.shuffle(shuffled)
    assert day_safety(shuffled, content.red_flags) == day_safety(checks, content.red_flags)


def test_the_recheck_names_when_the_check_was(content: Content) -> None:
    screen = content.red_flags
    morning = day_safety([check(9, "clear")], screen)
    afternoon = day_safety([check(14, "clear")], screen)
    now = MORNING.replace(hour=17)
    assert recheck_text(screen, morning, now) == (
        "Has anything new or worse happened since your check this morning?"
    )
    assert recheck_text(screen, afternoon, now).endswith("since your check earlier today?")
    # stored in UTC, judged on the patient's own clock: 10:00 UTC is 19:00 in Tokyo
    tokyo = timezone(timedelta(hours=9))
    late = day_safety([DayCheck(datetime(2026, 3, 2, 10, 0, tzinfo=UTC), "clear")], screen)
    assert "earlier today" in recheck_text(screen, late, datetime(2026, 3, 2, 21, tzinfo=tokyo))


# -- tiers as statements -----------------------------------------------------------------------
def test_tier_statements_keep_each_tier_to_its_own_signs(content: Content) -> None:
    statements = tier_statements(content.red_flags, "999")
    assert [s.tier for s in statements] == list(TIERS)
    emergency, surgeon, call = statements
    assert emergency.statement == "Call emergency services now if you have any of these:"
    assert emergency.action == "Call emergency services now: 999"
    assert "Chest pain or sudden shortness of breath" in emergency.signs
    assert surgeon.statement.startswith("Call your surgeon's office today")
    assert not set(emergency.signs) & set(surgeon.signs)
    assert "Chest pain or sudden shortness of breath" not in surgeon.signs + call.signs
    assert "Pain, tenderness or swelling in the calf of one leg" in surgeon.signs
    assert call.signs == (
        "New trouble walking, or a leg getting weaker (your foot catches or drags)",
        "A fall",
    )


# -- stop-if signs in their tier's words -------------------------------------------------------
@pytest.mark.parametrize("exercise_id", ["walking", "stationary-cycling", "pool-walking"])
def test_chest_pain_on_aerobic_exercise_means_call_emergency_services(
    content: Content, exercise_id: str
) -> None:
    exercise = content.catalogue[exercise_id]
    assert "chest pain" in exercise.stop_if.lower()
    lines = stop_if_lines(exercise, content.red_flags, "911")
    assert lines[0] == exercise.stop_if
    assert lines[1] == (
        "Chest pain or sudden shortness of breath: stop and call emergency services now (911)."
    )


def test_calf_pain_on_ankle_pumps_means_call_your_surgeon_today(content: Content) -> None:
    lines = stop_if_lines(content.catalogue["ankle-pumps"], content.red_flags, "112")
    assert (
        "Pain, tenderness or swelling in the calf of one leg: stop and call your surgeon today."
        in lines
    )
    assert not any("emergency" in line for line in lines)


def test_every_shipped_stop_if_names_the_signs_it_mentions(content: Content) -> None:
    for exercise in content.catalogue:
        assert check_stop_if_signs(exercise, content.red_flags) is None, exercise.id
        named = content.red_flags.signs_named(exercise.stop_if)
        assert {q.id for q in named} == set(exercise.stop_if_signs), exercise.id


def hostile(content: Content, **changes: object) -> Exercise:
    return replace(content.catalogue["bridge"], **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("stop_if", "signs", "reason"),
    [
        ("Stop if you get chest pain.", (), "must name 'chest-breathing'"),
        ("Stop if you feel SHORT OF BREATH.", (), "must name 'chest-breathing'"),
        ("Stop if your calf hurts.", (), "must name 'calf'"),
        ("Stop if your calves swell.", ("chest-breathing",), "must name 'calf'"),
        ("Stop if you have a fall.", (), "must name 'fall'"),
        ("Stop if it hurts.", ("no-such-sign",), "names 'no-such-sign', which is not a question"),
    ],
)
def test_a_stop_if_that_hides_a_sign_is_refused(
    content: Content, stop_if: str, signs: tuple[str, ...], reason: str
) -> None:
    problem = check_stop_if_signs(
        hostile(content, stop_if=stop_if, stop_if_signs=signs), content.red_flags
    )
    assert problem is not None and problem.startswith(reason)


def test_words_inside_other_words_are_not_signs(content: Content) -> None:
    text = "Stop if the rainfall of pain does not settle, or your knee gets tight."
    assert (
        check_stop_if_signs(hostile(content, stop_if=text, stop_if_signs=()), content.red_flags)
        is None
    )


def test_the_loader_refuses_a_catalogue_file_that_hides_a_sign(tmp_path: Path) -> None:
    folder = tmp_path / "exercises"
    shutil.copytree(exercises_dir(), folder)
    path = folder / "catalogue" / "walking.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('stop_if_signs = ["chest-breathing", ', "stop_if_signs = ["))
    with pytest.raises(DataError) as caught:
        load_content(folder)
    assert str(caught.value).startswith(
        "catalogue/walking.toml: stop_if_signs must name 'chest-breathing'"
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'stop_action = "stop and call emergency services now ({emergency_number})"',
            'stop_action = "stop and call for help"',
            "safety.toml: tiers.emergency.stop_action must contain {emergency_number}",
        ),
        ("{when}?", "?", "safety.toml: check.recheck must contain {when}"),
        (
            'tier = "call-24h"',
            'tier = "surgeon-today"',
            "safety.toml: questions must include a question for call-24h",
        ),
        ('sign = "A fall"\n', "", "safety.toml: questions[12].sign is missing"),
    ],
)
def test_a_broken_safety_file_is_refused(tmp_path: Path, old: str, new: str, message: str) -> None:
    text = SAFETY.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, -1 if old.startswith("tier =") else 1)
    path = tmp_path / "safety.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_red_flags(path)
    assert str(caught.value) == message
