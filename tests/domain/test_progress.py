"""Every analytics rule: daily series with gaps, rolling means, baseline, meaningful change,
adherence against the schedule, walking against the goal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from coach.domain.content import Content
from coach.domain.outcomes import OdiEntry, PsfsEntry
from coach.domain.plan import Plan, plan_from_protocol
from coach.domain.profile import Surgery
from coach.domain.progress import (
    ExerciseTally,
    ProgressInput,
    RedFlagEvent,
    build_progress,
    daily_pain,
    odi_change,
    pain_baseline,
    pain_change,
    phase_marks,
    psfs_change,
    recent_mean,
    rolling_mean,
    session_changes,
    tally_exercises,
    walking_series,
    weekly_adherence,
    weekly_rows,
)
from coach.domain.session_result import session_status

SURGERY = date(2026, 1, 5)


@dataclass(frozen=True)
class P:
    back: int
    leg: int


@dataclass(frozen=True)
class S:
    local_date: date
    pain_before: P | None = None
    pain_after: P | None = None
    routine_id: str = "daily"
    status: str = "done"
    started_at: str = ""


def s(
    day: int,
    before: tuple[int, int] | None = None,
    after: tuple[int, int] | None = None,
    *,
    routine: str = "daily",
    status: str = "done",
    hour: int = 9,
) -> S:
    d = SURGERY + timedelta(days=day)
    return S(
        d,
        P(*before) if before else None,
        P(*after) if after else None,
        routine,
        status,
        f"{d.isoformat()}T{hour:02d}:00:00.000+00:00",
    )


@pytest.fixture
def plan(content: Content) -> Plan:
    """Fusion, phase 1 (weeks 0-6): 'daily' twice a day and 'moving' once, every day."""
    return plan_from_protocol(content.protocols[Surgery.FUSION])


# -- daily series --------------------------------------------------------------------------------
def test_days_without_scores_are_gaps_not_zeros() -> None:
    sessions = [s(1, (6, 7)), s(3, (4, 5))]
    series = daily_pain(
        sessions, "back", "before", SURGERY + timedelta(days=1), SURGERY + timedelta(days=4)
    )
    assert series.values == (6.0, None, 4.0, None)


def test_several_sessions_on_one_day_are_averaged() -> None:
    sessions = [s(1, (6, 7), hour=9), s(1, (3, 2), hour=15), s(1, None)]
    day = SURGERY + timedelta(days=1)
    assert daily_pain(sessions, "leg", "before", day, day).values == (4.5,)


def test_after_scores_and_out_of_range_days() -> None:
    sessions = [s(0, (5, 5), (3, 4)), s(9, (5, 5), (1, 1))]
    series = daily_pain(sessions, "leg", "after", SURGERY, SURGERY + timedelta(days=2))
    assert series.values == (4.0, None, None)
    assert series.on(SURGERY) == 4.0
    assert series.on(SURGERY + timedelta(days=30)) is None


def test_rolling_mean_uses_only_days_with_data_and_keeps_long_gaps() -> None:
    values = [2.0, None, 4.0, None, None, None, None, None, None, None, 8.0]
    means = rolling_mean(values, window=7)
    assert means[0] == 2.0
    assert means[2] == 3.0  # (2 + 4) / 2, the gap is not a 0
    assert means[6] == 3.0
    assert means[7] == 4.0  # day 0 has left the window
    assert means[9] is None  # seven days without data: a gap
    assert means[10] == 8.0


def test_session_change_marks_a_flare_of_two_points() -> None:
    changes = session_changes([s(1, (3, 3), (5, 3)), s(2, (3, 3), (4, 4)), s(3, (3, 3))])
    assert [(c.back, c.leg, c.flared) for c in changes] == [(2, 0, True), (1, 1, False)]


# -- baseline ------------------------------------------------------------------------------------
def test_baseline_is_the_mean_of_the_first_three_before_scores_by_time() -> None:
    sessions = [
        s(2, (2, 2)),
        s(0, (6, 8), hour=15),
        s(0, (7, 9), hour=9),
        s(1, None),  # no score: not counted
        s(1, (5, 4)),
    ]
    base = pain_baseline(sessions, "back")
    assert base is not None
    assert base.value == 6.0  # 7, 6, 5, not the later 2
    assert base.source == "sessions"
    leg = pain_baseline(sessions, "leg")
    assert leg is not None
    assert leg.value == 7.0


def test_baseline_needs_three_scores_unless_the_therapist_entered_one() -> None:
    sessions = [s(0, (6, 8)), s(1, (5, 7))]
    assert pain_baseline(sessions, "back") is None
    entered = pain_baseline(sessions, "back", therapist_value=7.5)
    assert entered is not None
    assert (entered.value, entered.source) == (7.5, "therapist")


def test_recent_mean_covers_the_last_seven_days() -> None:
    today = SURGERY + timedelta(days=20)
    sessions = [s(13, (9, 9)), s(14, (4, 4)), s(20, (2, 2))]
    assert recent_mean(sessions, "back", "before", today) == 3.0
    assert recent_mean([s(1, (9, 9))], "back", "before", today) is None


# -- meaningful change ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "now", "direction", "meaningful"),
    [
        (6.0, 4.0, "better", True),  # 2 points, 33%
        (5.0, 3.5, "better", False),  # 1.5 points: too small
        (8.0, 6.0, "better", False),  # 2 points but only 25%
        (3.0, 1.0, "better", True),  # 2 points, 67%
        (6.6, 4.6, "better", True),  # 2.0 points, 30% exactly
        (6.0, 4.04, "better", True),  # judged on the shown 2.0 points
        (4.0, 6.0, "worse", True),
        (4.0, 5.0, "worse", False),
        (0.0, 3.0, "worse", True),  # from 0 every rise is over 30%
        (5.0, 5.0, "same", False),
    ],
)
def test_pain_change_needs_two_points_and_thirty_percent(
    start: float, now: float, direction: str, meaningful: bool
) -> None:
    change = pain_change(start, now)
    assert change.direction == direction
    assert change.meaningful is meaningful


def test_change_reports_shown_points_and_percent() -> None:
    change = pain_change(6.5, 3.4)
    assert change.points == -3.1
    assert change.percent == 48
    assert pain_change(0.0, 2.0).percent is None


@pytest.mark.parametrize(
    ("start", "now", "meaningful"),
    [(40, 31, False), (40, 30, True), (20, 14, True), (20, 15, False), (30, 45, True)],
)
def test_odi_change_is_ten_points_or_thirty_percent(start: int, now: int, meaningful: bool) -> None:
    assert odi_change(start, now).meaningful is meaningful


def test_psfs_change_is_about_two_points_and_higher_is_better() -> None:
    assert psfs_change(3.0, 5.0).direction == "better"
    assert psfs_change(3.0, 5.0).meaningful
    assert not psfs_change(3.0, 4.5).meaningful
    assert psfs_change(6.0, 3.0).direction == "worse"


# -- adherence -----------------------------------------------------------------------------------
def test_adherence_counts_planned_sessions_from_the_schedule(plan: Plan) -> None:
    # Week 1 = surgery day + 6 days; phase 1 plans 'daily' x2 and 'moving' x1 every day.
    sessions = [s(0, routine="daily"), s(0, routine="daily", hour=15), s(0, routine="moving")]
    weeks = weekly_adherence(sessions, plan, SURGERY, SURGERY, SURGERY + timedelta(days=6))
    assert len(weeks) == 1
    assert (weeks[0].week, weeks[0].start, weeks[0].planned, weeks[0].done) == (1, SURGERY, 21, 3)
    assert weeks[0].fraction == pytest.approx(3 / 21)


def test_adherence_caps_extra_sessions_and_ignores_unfinished_ones(plan: Plan) -> None:
    day = SURGERY + timedelta(days=1)
    sessions = [
        s(1, routine="daily", hour=8),
        s(1, routine="daily", hour=9),
        s(1, routine="daily", hour=10),  # a third 'daily': only two were due
        s(1, routine="moving", status="partial"),  # partial counts as done
        s(1, routine="moving", status="blocked"),  # stopped by a warning sign: not done
        s(1, routine="not-in-plan"),
    ]
    weeks = weekly_adherence(sessions, plan, SURGERY, day, day)
    assert (weeks[0].planned, weeks[0].done) == (3, 3)
    for status in ("in-progress", "skipped"):  # skipped: no exercise done, not a session done
        unfinished = [s(1, routine="daily", status=status)]
        assert weekly_adherence(unfinished, plan, SURGERY, day, day)[0].done == 0


def test_adherence_weeks_start_on_the_surgery_weekday_and_skip_days_before_use(
    plan: Plan,
) -> None:
    since = SURGERY + timedelta(days=5)
    until = SURGERY + timedelta(days=8)
    weeks = weekly_adherence([], plan, SURGERY, since, until)
    assert [(w.week, w.planned, w.done) for w in weeks] == [(1, 6, 0), (2, 6, 0)]
    assert weekly_adherence([], plan, SURGERY, until, since) == []


def test_adherence_follows_days_per_week_in_later_phases(plan: Plan) -> None:
    # Phase 3 (weeks 12-26): core 5 days a week, legs 3, stretches 7: 15 a week.
    start = SURGERY + timedelta(weeks=12)
    weeks = weekly_adherence([], plan, SURGERY, start, start + timedelta(days=6))
    assert weeks[0].planned == 15


# -- walking -------------------------------------------------------------------------------------
def test_walking_days_without_a_log_are_gaps_and_goals_follow_the_schedule(plan: Plan) -> None:
    start = SURGERY - timedelta(days=1)
    end = SURGERY + timedelta(days=2)
    walk = walking_series({SURGERY: 10, end: 25}, plan, SURGERY, start, end)
    assert walk.minutes == (None, 10, None, 25)
    assert walk.goal[0] is None  # before surgery: no goal
    assert walk.goal[1] == 10  # fusion phase 1 starts at 10 minutes a day


# -- exercises, phases ---------------------------------------------------------------------------
def test_tally_exercises_done_and_skipped() -> None:
    tally = tally_exercises(
        [
            ("step-done", "bridge", {"kind": "hold"}),
            ("step-skipped", "bridge", {"kind": "relax"}),  # one step skipped, others done
            ("step-skipped", "clamshell", {"kind": "rep"}),
            ("step-done", "dead-bug", {"kind": "ready"}),  # only "get ready" ran out: not done
            ("step-skipped", "dead-bug", {"kind": "rep"}),
            ("paused", None),
            ("step-done", "walking"),  # older sessions: no step kind, counts as done
        ]
    )
    assert tally.done == ("bridge", "walking")
    assert tally.skipped == ("clamshell", "dead-bug")


@pytest.mark.parametrize(
    ("done", "planned", "finished", "status"),
    [
        (("a", "b"), ("a", "b"), True, "done"),
        (("a", "b"), (), True, "done"),  # an old session without its list: ran to the end
        (("a",), ("a", "b"), True, "partial"),  # one exercise skipped
        (("a", "b"), ("a", "b"), False, "partial"),  # stopped early
        ((), ("a", "b"), True, "skipped"),  # every exercise skipped
        ((), ("a", "b"), False, "skipped"),
    ],
)
def test_session_status_is_done_only_when_the_exercises_were_done(
    done: tuple[str, ...], planned: tuple[str, ...], finished: bool, status: str
) -> None:
    tally = ExerciseTally(done, (), planned)
    assert session_status(tally, finished=finished) == status


def test_phase_marks_up_to_a_day(plan: Plan) -> None:
    marks = phase_marks(plan, SURGERY, SURGERY + timedelta(weeks=7))
    assert [(m.start, m.title) for m in marks] == [
        (SURGERY, "Phase 1: Protect"),
        (SURGERY + timedelta(weeks=6), "Phase 2: Early mobility"),
    ]


# -- everything together -------------------------------------------------------------------------
def _input(plan: Plan, sessions: list[S], today_offset: int = 27, **kw: object) -> ProgressInput:
    return ProgressInput(
        surgery_date=SURGERY,
        today=SURGERY + timedelta(days=today_offset),
        plan=plan,
        sessions=sessions,
        walking=kw.pop("walking", {}),  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


def test_build_progress_improving_leg_pain(plan: Plan) -> None:
    sessions = [s(d, (6, 7), (6, 7)) for d in (1, 2, 3)] + [s(d, (5, 3)) for d in (22, 24, 26)]
    progress = build_progress(_input(plan, sessions))
    assert progress.start == SURGERY
    assert progress.days == 28
    assert progress.pain["leg", "before"].on(SURGERY + timedelta(days=10)) is None
    leg = progress.changes["leg"]
    assert leg is not None
    assert (leg.points, leg.percent, leg.meaningful) == (-4.0, 57, True)
    back = progress.changes["back"]
    assert back is not None
    assert not back.meaningful
    assert progress.current_phase == "Phase 1: Protect"
    assert progress.last_week[0] == 21  # the seven days before today, three a day


def test_build_progress_without_sessions_has_no_baseline_or_adherence(plan: Plan) -> None:
    progress = build_progress(
        _input(
            plan,
            [],
            psfs=[PsfsEntry(SURGERY, (("Walk", 3), ("Sit", 5), ("Socks", 4)))],
            odi=[OdiEntry(SURGERY, 40)],
            red_flags=[RedFlagEvent(SURGERY, "call-24h", ("fall",))],
        )
    )
    assert progress.baselines["back"] is None
    assert progress.changes["leg"] is None
    assert progress.adherence == ()
    assert progress.psfs[0].score == 4.0
    assert progress.red_flags[0].outcome == "call-24h"


def test_weekly_rows_average_days_with_data_and_keep_gaps(plan: Plan) -> None:
    sessions = [s(1, (6, 8)), s(2, (4, 6)), s(9, (3, 3))]
    walking = {SURGERY + timedelta(days=1): 20, SURGERY + timedelta(days=3): 10}
    progress = build_progress(_input(plan, sessions, today_offset=15, walking=walking))
    rows = weekly_rows(progress)
    assert [r.week for r in rows] == [1, 2, 3]
    assert rows[0].pain["back", "before"] == 5.0
    assert rows[0].pain["back", "after"] is None
    assert rows[0].walked_days == 2
    assert rows[0].walk_average == 15.0
    assert rows[0].goal == 10
    assert rows[1].pain["leg", "before"] == 3.0
    assert rows[2].walk_average is None
    assert rows[2].end == SURGERY + timedelta(days=15)  # today: the week is not over
    assert rows[0].planned == 18  # adherence from the first session (day 1) to yesterday


def test_adherence_and_goals_match_the_schedule_day_by_day(plan: Plan) -> None:
    """The per-place cache gives what schedule.routines_due and walking_goal give each day,
    including a therapist's moved phase start."""
    from dataclasses import replace

    from coach.domain.schedule import routines_due, walking_goal

    moved = replace(plan, phase_starts=((3, SURGERY + timedelta(weeks=10, days=3)),))
    for p in (plan, moved):
        end = SURGERY + timedelta(weeks=40)
        weeks = weekly_adherence([], p, SURGERY, SURGERY, end)
        expected = sum(
            d.times_due
            for i in range((end - SURGERY).days + 1)
            for d in routines_due(p, SURGERY, SURGERY + timedelta(days=i))
        )
        assert sum(w.planned for w in weeks) == expected
        walk = walking_series({}, p, SURGERY, SURGERY, end)
        for i, goal in enumerate(walk.goal):
            assert goal == walking_goal(p, SURGERY, SURGERY + timedelta(days=i)).minutes_per_day


# -- getting worse is never downplayed (REFERENCE section 4) -------------------------------------
def test_a_two_point_rise_says_tell_your_therapist_without_the_thirty_percent(
    plan: Plan, content: Content
) -> None:
    """From 7 to 9 is +2 points but only 29%: not 'meaningful', yet worse enough to tell."""
    from coach.domain.progress_text import summary_sentences

    sessions = [s(d, (7, 7)) for d in (1, 2, 3)] + [s(d, (9, 7)) for d in (22, 24, 26)]
    progress = build_progress(_input(plan, sessions))
    back = progress.changes["back"]
    assert back is not None and back.percent == 29 and not back.meaningful
    text = summary_sentences(progress, content.medicine_sign)
    assert any(t.startswith("Back pain before sessions is up 2.0 points") for t in text)
    assert any("up 2.0 points" in t and t.endswith("please tell your therapist.") for t in text)


def test_eight_or_more_on_two_days_running_says_tell_and_names_the_medicine_sign(
    plan: Plan, content: Content
) -> None:
    from coach.domain.progress_text import summary_sentences

    sessions = [s(d, (3, 3)) for d in (1, 2, 3)] + [s(24, (8, 2)), s(25, (2, 9)), s(26, (2, 2))]
    text = " ".join(
        summary_sentences(build_progress(_input(plan, sessions)), content.medicine_sign)
    )
    assert "was 8 or more on 2 days in a row" in text
    assert "Please tell your therapist." in text
    assert (
        "If your pain medicine does not control your pain, call your surgeon's office today."
        in text
    )
    apart = [s(d, (3, 3)) for d in (1, 2, 3)] + [s(22, (8, 2)), s(24, (2, 9))]
    assert "8 or more" not in " ".join(
        summary_sentences(build_progress(_input(plan, apart)), content.medicine_sign)
    )


def test_high_days_running_finds_the_last_run() -> None:
    from coach.domain.pain import high_days_running

    d = [SURGERY + timedelta(days=i) for i in range(6)]
    assert high_days_running([(d[0], 8), (d[1], None), (d[2], 9)]) == []
    assert high_days_running([(d[0], 8), (d[1], 8.5), (d[2], 2), (d[3], 10), (d[4], 8)]) == [
        d[3],
        d[4],
    ]
    assert high_days_running([(d[0], 7.9), (d[1], 8)]) == []


def test_a_walk_logged_today_counts_at_once(plan: Plan) -> None:
    from coach.domain.progress_text import walking_sentence

    today = SURGERY + timedelta(days=27)  # _input's today
    progress = build_progress(_input(plan, [], walking={today: 5}))
    assert walking_sentence(progress) == (
        "You walked on 1 of the last 7 days, 5 minutes a day on average "
        "(your goal: 20 minutes a day)."
    )
    one = build_progress(_input(plan, [], walking={today: 1}))
    assert "1 minute a day on average" in (walking_sentence(one) or "")
