"""The summary sentences say the change, whether it matters, and when to tell the therapist."""

from __future__ import annotations

from coach.domain.progress import Baseline, pain_change
from coach.domain.progress_text import pain_sentence

FIRST = Baseline(6.5, "sessions")


def test_meaningful_improvement() -> None:
    text = pain_sentence("leg", FIRST, 3.4, pain_change(6.5, 3.4))
    assert text == (
        "Leg pain before sessions is down 3.1 points (48%) since your first sessions: "
        "a meaningful improvement."
    )


def test_small_improvement_is_not_yet_meaningful() -> None:
    text = pain_sentence("back", FIRST, 5.5, pain_change(6.5, 5.5))
    assert "down 1.0 point (15%)" in text
    assert text.endswith("not yet a meaningful change.")


def test_meaningful_worsening_says_tell_your_therapist() -> None:
    text = pain_sentence("leg", FIRST, 9.0, pain_change(6.5, 9.0))
    assert "up 2.5 points" in text
    assert text.endswith("please tell your therapist.")


def test_therapist_baseline_and_missing_data() -> None:
    entered = Baseline(7.0, "therapist")
    assert "starting score your therapist entered" in pain_sentence(
        "back", entered, 4.0, pain_change(7.0, 4.0)
    )
    assert "after three sessions" in pain_sentence("back", None, None, None)
    assert "no scores in the last 7 days" in pain_sentence("back", FIRST, None, None)
    assert "about the same" in pain_sentence("back", FIRST, 6.5, pain_change(6.5, 6.5))


def test_sentences_never_diagnose() -> None:
    words = " ".join(
        pain_sentence("leg", FIRST, now, pain_change(6.5, now)) for now in (1.0, 5.0, 6.5, 9.5)
    ).lower()
    for banned in ("infection", "nerve damage", "diagnos", "hurt is not harm"):
        assert banned not in words
