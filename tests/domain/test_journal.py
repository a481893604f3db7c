"""The leg-pain journal's rules (REFERENCE section 8): regions, extent and its sentences."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from coach.domain.journal import (
    FACTORS,
    QUALITIES,
    REGION_BY_ID,
    REGIONS,
    JournalEntry,
    JournalError,
    RegionMark,
    daily_extent,
    extent,
    region_counts,
    with_region,
    without_region,
)
from coach.domain.journal_rules import (
    check_prompt,
    extent_notes,
    journal_baseline,
    nerve_changes,
    raised_pain,
    spreading,
    trend,
)
from coach.domain.readability import grade

TODAY = date(2026, 5, 1)


def entry(day: date, *marks: RegionMark, hour: int = 9, draft: bool = False) -> JournalEntry:
    at = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    return JournalEntry(at, day, tuple(marks), draft=draft)


def m(region: str, intensity: int = 5, *qualities: str) -> RegionMark:
    return RegionMark(region, intensity, frozenset(qualities))


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def test_the_map_has_every_region_of_section_8_on_both_sides() -> None:
    names = {r.name.lower() for r in REGIONS}
    for part in ("buttock", "back of thigh", "front of thigh", "calf", "shin", "groin"):
        assert {f"left {part}", f"right {part}"} <= names
    assert {"lower-back-centre", "lower-back-left", "lower-back-right"} <= REGION_BY_ID.keys()
    assert {"foot-top-left", "sole-right"} <= REGION_BY_ID.keys()
    assert {r.view for r in REGIONS} == {"front", "back"}
    assert len(QUALITIES) == 7 and "numbness" in QUALITIES and "weakness" in QUALITIES
    assert set(FACTORS) == {"walking", "sitting", "lying", "medicine", "exercise", "heat-cold"}


@pytest.mark.parametrize(
    ("regions", "left", "right"),
    [
        ((), 0, 0),
        (("lower-back-centre", "lower-back-left"), 0, 0),
        (("buttock-left",), 1, 0),
        (("groin-right",), 0, 1),
        (("buttock-right", "thigh-back-right"), 0, 2),
        (("thigh-front-left", "shin-right"), 2, 3),
        (("calf-left", "sole-left", "buttock-left"), 4, 0),
        (("foot-top-right",), 0, 4),
    ],
)
def test_extent_is_the_furthest_region_down_each_leg(
    regions: tuple[str, ...], left: int, right: int
) -> None:
    marks = [m(r) for r in regions]
    assert (extent(marks, "left"), extent(marks, "right")) == (left, right)


def test_numbness_without_pain_still_counts_for_extent() -> None:
    assert extent([m("sole-right", 0, "numbness")], "right") == 4


def test_bad_values_are_refused_in_plain_words() -> None:
    with pytest.raises(JournalError, match="body map"):
        m("elbow-left")
    with pytest.raises(JournalError, match="0 to 10"):
        m("calf-left", 11)
    with pytest.raises(JournalError, match="0 to 10"):
        RegionMark("calf-left", True)  # type: ignore[arg-type]
    with pytest.raises(JournalError, match="feel"):
        m("calf-left", 3, "itchy")
    with pytest.raises(JournalError, match="only once"):
        entry(TODAY, m("calf-left"), m("calf-left", 2))
    with pytest.raises(JournalError, match="choices"):
        JournalEntry(datetime(2026, 5, 1, tzinfo=UTC), TODAY, helped=frozenset({"wine"}))
    with pytest.raises(JournalError, match="too long"):
        JournalEntry(datetime(2026, 5, 1, tzinfo=UTC), TODAY, note="x" * 2001)


def test_marking_again_replaces_and_unmarking_removes() -> None:
    e = with_region(entry(TODAY), m("calf-left", 3))
    e = with_region(e, m("buttock-left", 2))
    e = with_region(e, m("calf-left", 7, "burning"))
    assert [(x.region, x.intensity) for x in e.marks] == [("buttock-left", 2), ("calf-left", 7)]
    assert without_region(e, "calf-left").extent("left") == 1
    assert e.leg_pain == 7
    assert entry(TODAY, m("lower-back-centre", 6)).leg_pain is None


def test_daily_extent_takes_the_furthest_of_the_day_and_skips_drafts() -> None:
    days = daily_extent(
        [
            entry(ago(1), m("buttock-left")),
            entry(ago(1), m("calf-left"), hour=18),
            entry(ago(0), m("foot-top-right"), draft=True),
            entry(ago(0), m("thigh-front-right")),
        ]
    )
    assert [(d.day, d.left, d.right) for d in days] == [(ago(1), 3, 0), (ago(0), 0, 2)]


def test_region_counts_count_entries_per_region() -> None:
    counts = region_counts(
        [entry(ago(2), m("calf-left"), m("buttock-left")), entry(ago(1), m("calf-left"))]
    )
    assert counts["calf-left"] == 2 and counts["buttock-left"] == 1 and counts["sole-left"] == 0


# -- the rules ---------------------------------------------------------------------------------
def test_retreating_pain_is_a_good_sign_with_the_reference_sentence() -> None:
    days = daily_extent([entry(ago(22), m("sole-right")), entry(ago(1), m("thigh-back-right"))])
    note = trend(days, "right", TODAY)
    assert note is not None and note.kind == "good"
    assert note.text == (
        "Your right leg pain now stops above the knee; three weeks ago it reached your foot. "
        "That is a good sign."
    )


def test_pain_reaching_further_than_weeks_ago_says_tell_your_therapist() -> None:
    days = daily_extent([entry(ago(10), m("buttock-left")), entry(ago(2), m("calf-left"))])
    note = trend(days, "left", TODAY)
    assert note is not None and note.kind == "tell"
    assert "last week it stopped at the buttock" in note.text
    assert note.text.endswith("Tell your therapist.")


def test_a_leg_without_pain_then_and_now_gets_no_sentence() -> None:
    days = daily_extent([entry(ago(22), m("calf-right")), entry(ago(1), m("calf-right"))])
    assert trend(days, "left", TODAY) is None


def test_same_reach_is_described_without_judgement() -> None:
    days = daily_extent([entry(ago(15), m("calf-left")), entry(ago(3), m("shin-left"))])
    note = trend(days, "left", TODAY)
    assert note is not None and note.kind == "info"
    assert note.text == "Your left leg pain reaches below the knee, as it did two weeks ago."


def test_spreading_past_the_last_7_days_says_tell_your_therapist() -> None:
    days = daily_extent(
        [
            entry(ago(5), m("thigh-back-left")),
            entry(ago(3), m("buttock-left")),
            entry(ago(0), m("calf-left")),
        ]
    )
    note = spreading(days, "left", TODAY)
    assert note is not None and note.kind == "tell"
    assert "further down than in the 7 days before: now to below the knee" in note.text


def test_no_spreading_when_it_reached_as_far_within_the_last_7_days() -> None:
    days = daily_extent([entry(ago(6), m("calf-left")), entry(ago(0), m("shin-left"))])
    assert spreading(days, "left", TODAY) is None
    # nothing to compare with: no judgement
    assert spreading(daily_extent([entry(ago(0), m("calf-left"))]), "left", TODAY) is None
    # an old spread is not news
    old = daily_extent([entry(ago(20), m("buttock-left")), entry(ago(15), m("calf-left"))])
    assert spreading(old, "left", TODAY) is None


def test_raised_leg_pain_on_three_days_in_a_row_says_tell_your_therapist() -> None:
    high = [entry(ago(d), m("calf-left", 6)) for d in (3, 2, 1)]
    note = raised_pain(high, baseline=4.0, today=TODAY)
    assert note is not None and note.kind == "tell"
    assert raised_pain(high, baseline=4.5, today=TODAY) is None  # 6 < 4.5 + 2
    gap = [entry(ago(d), m("calf-left", 6)) for d in (4, 2, 1)]
    assert raised_pain(gap, baseline=4.0, today=TODAY) is None
    assert raised_pain(high, baseline=None, today=TODAY) is None


def test_journal_baseline_is_the_first_three_days_of_leg_pain() -> None:
    entries = [
        entry(ago(9), m("calf-left", 2)),
        entry(ago(9), m("calf-left", 4), hour=15),
        entry(ago(8), m("calf-left", 6)),
        entry(ago(7), m("lower-back-left", 9)),
    ]
    assert journal_baseline(entries) is None  # the back is not the leg
    entries.append(entry(ago(6), m("buttock-right", 9)))
    assert journal_baseline(entries) == pytest.approx((3 + 6 + 9) / 3)


def test_notes_put_tell_your_therapist_first_and_read_at_grade_6() -> None:
    days = daily_extent(
        [
            entry(ago(22), m("sole-right")),
            entry(ago(1), m("buttock-right")),
            entry(ago(3), m("buttock-left")),
            entry(ago(0), m("calf-left")),
        ]
    )
    notes = extent_notes(days, [], None, TODAY)
    assert notes[0].kind == "tell"
    assert any(n.kind == "good" for n in notes)
    for note in notes:
        assert grade(note.text) <= 6, note.text


# -- numbness and weakness open the warning-signs check -----------------------------------------
def test_new_numbness_opens_the_check() -> None:
    now = entry(TODAY, m("shin-left", 2, "numbness"))
    changes = nerve_changes(now, [entry(ago(2), m("shin-left", 5, "aching"))])
    assert [c.words for c in changes] == ["new numbness in your left leg"]
    assert check_prompt(changes).startswith("You marked new numbness in your left leg.")


def test_numbness_further_down_or_stronger_is_worse() -> None:
    before = [entry(ago(2), m("thigh-back-right", 3, "weakness"))]
    further = entry(TODAY, m("calf-right", 3, "weakness"))
    stronger = entry(TODAY, m("thigh-back-right", 5, "weakness"))
    same = entry(TODAY, m("thigh-back-right", 4, "weakness"))
    assert [c.words for c in nerve_changes(further, before)] == ["worse weakness in your right leg"]
    assert [c.words for c in nerve_changes(stronger, before)] == [
        "worse weakness in your right leg"
    ]
    assert nerve_changes(same, before) == []


def test_numbness_older_than_7_days_is_new_again_and_drafts_do_not_count() -> None:
    now = entry(TODAY, m("calf-left", 1, "numbness"))
    assert nerve_changes(now, [entry(ago(8), m("calf-left", 1, "numbness"))])
    assert nerve_changes(now, [entry(ago(1), m("calf-left", 1, "numbness"), draft=True)])
    assert not nerve_changes(now, [entry(ago(1), m("calf-left", 1, "numbness"))])
    assert not nerve_changes(entry(TODAY, m("calf-left", 9, "burning")), [])
