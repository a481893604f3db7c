"""Pain-response rules (REFERENCE section 4): suggestions only, in plain words."""

from __future__ import annotations

from datetime import date

import pytest

from coach.domain.content import Content
from coach.domain.pain import (
    MEDICINE_QUESTION,
    AdviceKind,
    Pain,
    PastSession,
    after_session_response,
    before_session_advice,
    easier_variants,
    flared,
)

MONDAY = date(2026, 3, 2)
TUESDAY = date(2026, 3, 3)


P = Pain
SIGN = "If your pain medicine does not control your pain, call your surgeon's office today."


@pytest.mark.parametrize(
    ("before", "after", "flare"),
    [
        (P(3, 2), P(5, 2), True),  # back +2
        (P(3, 2), P(3, 4), True),  # leg +2
        (P(3, 2), P(4, 3), False),  # +1 each: not a flare
        (P(6, 6), P(2, 2), False),
    ],
)
def test_a_flare_is_two_points_or_more_in_back_or_leg(before: P, after: P, flare: bool) -> None:
    assert flared(before, after) is flare


def test_a_flare_suggests_rest_and_the_easier_variant() -> None:
    advice = after_session_response(P(3, 1), P(3, 4), previous=None)
    assert advice.kind == AdviceKind.FLARE
    text = " ".join(advice.lines)
    assert "leg pain went up" in text
    assert "easier version" in text
    assert "Rest" in text
    assert not advice.call_therapist


def test_a_flare_two_sessions_in_a_row_suggests_calling_the_therapist() -> None:
    previous = PastSession(MONDAY, P(2, 2), P(4, 2))
    advice = after_session_response(P(3, 2), P(5, 2), previous)
    assert advice.kind == AdviceKind.FLARE_AGAIN
    assert advice.call_therapist
    assert "call your therapist" in " ".join(advice.lines)


def test_no_flare_says_well_done_without_chronic_pain_slogans() -> None:
    lower = after_session_response(P(5, 3), P(4, 3), PastSession(MONDAY, P(2, 2), P(5, 2)))
    assert lower.kind == AdviceKind.FINE
    assert "lower" in lower.lines[0]
    same = after_session_response(P(5, 3), P(6, 3), None)
    assert "did not go up" in same.lines[0]
    for advice in (lower, same, after_session_response(P(1, 1), P(9, 9), None)):
        words = " ".join(advice.lines).lower()
        assert "hurt" not in words
        assert "harm" not in words


def test_high_pain_before_suggests_walking_and_breathing_only() -> None:
    assert before_session_advice(P(7, 7), None, TUESDAY, SIGN) == []
    advice = before_session_advice(P(2, 8), None, TUESDAY, SIGN)
    assert [a.kind for a in advice] == [AdviceKind.HIGH_PAIN]
    assert "walking and breathing" in advice[0].lines[0]


def test_pain_still_up_the_next_morning_suggests_calling_the_therapist() -> None:
    last = PastSession(MONDAY, P(2, 1), P(5, 1))
    advice = before_session_advice(P(4, 1), last, TUESDAY, SIGN)
    assert [a.kind for a in advice] == [AdviceKind.STILL_UP]
    assert advice[0].call_therapist
    # Settled again, or the same day (no morning yet): nothing to say.
    assert before_session_advice(P(3, 1), last, TUESDAY, SIGN) == []
    assert before_session_advice(P(4, 1), last, MONDAY, SIGN) == []
    # The last session did not flare: nothing either.
    assert (
        before_session_advice(P(4, 1), PastSession(MONDAY, P(2, 1), P(3, 1)), TUESDAY, SIGN) == []
    )


def test_easier_variants_are_named_for_the_exercises_that_have_one(content: Content) -> None:
    pairs = easier_variants(["bridge", "walking", "bridge", "nope"], content.catalogue)
    assert pairs == [("Bridge", content.catalogue["glute-sets"].name)]


def test_high_pain_points_to_the_medicine_sign_and_two_days_running_says_tell() -> None:
    [high] = before_session_advice(P(8, 2), PastSession(MONDAY, P(3, 3), None), TUESDAY, SIGN)
    assert high.kind == AdviceKind.HIGH_PAIN
    assert SIGN in (high.lines)
    again = before_session_advice(P(2, 9), PastSession(MONDAY, P(8, 1), None), TUESDAY, SIGN)
    assert [a.kind for a in again] == [AdviceKind.HIGH_AGAIN, AdviceKind.HIGH_PAIN]
    assert again[0].call_therapist
    assert again[0].lines == (
        "Your pain was 8 or more yesterday and today. Please tell your therapist.",
    )
    not_yesterday = before_session_advice(
        P(9, 9), PastSession(date(2026, 2, 27), P(8, 8), None), TUESDAY, SIGN
    )
    assert [a.kind for a in not_yesterday] == [AdviceKind.HIGH_PAIN]


def test_the_medicine_sign_is_the_one_in_safety_toml(content: Content) -> None:
    """The sentence has one home, the pain-uncontrolled sign in safety.toml."""
    assert content.medicine_sign == SIGN
    assert content.red_flags.question(MEDICINE_QUESTION).tier == "surgeon-today"  # type: ignore[union-attr]
