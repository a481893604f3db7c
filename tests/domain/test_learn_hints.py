"""Help in context: Today suggests at most one topic, the most pressing, and only when its
condition holds; a dismissed hint stays away and a less pressing one may show instead."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from coach.domain.learn import load_learn
from coach.domain.learn_hints import HintInput, suggest_topic, topic_for_advice
from coach.domain.pain import PastSession
from coach.system.paths import exercises_dir

SURGERY = date(2026, 1, 5)
DAY_10 = SURGERY + timedelta(days=10)


@dataclass(frozen=True)
class Pain:
    back: int
    leg: int


def session(
    day: date, before: tuple[int, int] | None, after: tuple[int, int] | None = None
) -> PastSession:
    return PastSession(day, Pain(*before) if before else None, Pain(*after) if after else None)


def data(today: date = DAY_10, **changes: object) -> HintInput:
    base = HintInput(
        today=today,
        surgery_date=SURGERY,
        phase_number=1,
        phase_started=SURGERY,
        recent=(),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_nothing_to_say_on_a_quiet_day() -> None:
    assert suggest_topic(data()) is None
    quiet = (session(DAY_10 - timedelta(days=1), (3, 2), (3, 2)),)
    assert suggest_topic(data(recent=quiet)) is None


def test_leg_pain_worse_than_back_pain_suggests_why_the_leg_still_hurts() -> None:
    hint = suggest_topic(data(recent=(session(DAY_10, (2, 5)),)))
    assert hint is not None and hint.topic_id == "leg-pain"
    assert "leg hurts more than your back" in hint.text


def test_equal_or_old_leg_pain_does_not() -> None:
    assert suggest_topic(data(recent=(session(DAY_10, (4, 4)),))) is None
    old = DAY_10 - timedelta(days=7)
    assert suggest_topic(data(recent=(session(old, (2, 6)),))) is None


def test_the_latest_record_decides_about_the_leg() -> None:
    sessions = (session(DAY_10 - timedelta(days=2), (2, 6)), session(DAY_10, (5, 3)))
    assert suggest_topic(data(recent=sessions)) is None
    only_after = (session(DAY_10, None, (1, 4)),)
    hint = suggest_topic(data(recent=only_after))
    assert hint is not None and hint.topic_id == "leg-pain"


def test_a_recent_flare_suggests_coping_and_wins_over_leg_pain() -> None:
    flare = session(DAY_10 - timedelta(days=1), (2, 3), (2, 6))  # leg up 3 points
    hint = suggest_topic(data(recent=(flare,)))
    assert hint is not None and hint.topic_id == "coping-with-pain"
    assert hint.key == f"flare:{flare.day.isoformat()}"
    old_flare = replace(flare, day=DAY_10 - timedelta(days=3))
    hint = suggest_topic(data(recent=(old_flare,)))
    assert hint is None or hint.topic_id != "coping-with-pain"


def test_a_new_phase_suggests_what_changes_for_its_first_week() -> None:
    start = DAY_10 - timedelta(days=2)
    hint = suggest_topic(data(phase_number=2, phase_started=start))
    assert hint is not None and hint.topic_id == "moving-and-exercise"
    assert hint.key == "phase:2"
    assert suggest_topic(data(phase_number=2, phase_started=DAY_10 - timedelta(days=7))) is None
    assert suggest_topic(data(phase_number=1, phase_started=DAY_10)) is None


def test_four_weeks_after_surgery_suggests_will_it_come_back_for_two_weeks() -> None:
    for days, expected in ((27, None), (28, "will-it-come-back"), (41, "will-it-come-back")):
        hint = suggest_topic(data(today=SURGERY + timedelta(days=days)))
        assert (hint.topic_id if hint else None) == expected, days
    assert suggest_topic(data(today=SURGERY + timedelta(days=42))) is None


def test_a_dismissed_hint_stays_away_and_the_next_reason_shows() -> None:
    today = SURGERY + timedelta(days=30)
    recent = (session(today, (1, 5)),)
    first = suggest_topic(data(today=today, recent=recent))
    assert first is not None and first.topic_id == "leg-pain"
    second = suggest_topic(data(today=today, recent=recent, dismissed=frozenset({first.key})))
    assert second is not None and second.topic_id == "will-it-come-back"
    both = frozenset({first.key, second.key})
    assert suggest_topic(data(today=today, recent=recent, dismissed=both)) is None


def test_a_new_occasion_brings_the_hint_back() -> None:
    flare = session(DAY_10, (2, 2), (5, 2))
    hint = suggest_topic(data(recent=(flare,)))
    assert hint is not None
    later = DAY_10 + timedelta(days=5)
    flare_2 = session(later, (2, 2), (5, 2))
    again = suggest_topic(data(today=later, recent=(flare_2,), dismissed=frozenset({hint.key})))
    assert again is not None and again.topic_id == "coping-with-pain"


def test_nothing_before_surgery() -> None:
    before = SURGERY - timedelta(days=3)
    assert suggest_topic(data(today=before, recent=(session(before, (1, 6)),))) is None


def test_every_suggested_topic_exists() -> None:
    library = load_learn(exercises_dir() / "learn")
    for topic in ("leg-pain", "coping-with-pain", "moving-and-exercise", "will-it-come-back"):
        assert topic in library
    assert topic_for_advice(flared=True, high_pain=False) == "coping-with-pain"
    assert topic_for_advice(flared=False, high_pain=False) is None
