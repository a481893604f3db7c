"""The progress charts, one ``Chart`` each: pain (back and leg), sessions done each week,
walking each day, and the PSFS and ODI scores. The Progress screen, its table and the clinic
PDF all read ``CHARTS``; to add a chart, write one more entry (see ``coach.reports.chart_spec``).
"""

from __future__ import annotations

from collections.abc import Callable

from coach.domain import formats
from coach.domain.i18n import N_, _, ngettext
from coach.domain.progress import Progress, Region, WeekRow
from coach.reports.chart_spec import (
    BLUE,
    GREEN,
    MUTED,
    NO_DATA,
    ORANGE,
    PURPLE,
    SKY,
    TEXT,
    VERMILLION,
    Chart,
    Colour,
    Column,
    DailyBars,
    DailyDots,
    DailyLine,
    Level,
    Look,
    Marker,
    MarkKind,
    Points,
    WeeklyBars,
    YAxis,
    number,
)
from coach.reports.journal_charts import EXTENT, MEDICINE_MARKS

WALK_TOP_AT_LEAST = 30.0  # minutes: a short walk does not fill the chart


def _pain(
    region: Region,
    words: tuple[str, str, str, str, str],
    colour: Colour,
    marker: Marker,
    labels: frozenset[MarkKind],
) -> Chart:
    """Back or leg pain: each day's score before a session (dots), the 7-day averages before
    and after sessions, and the patient's starting score. ``words``: the title, the chart's
    name, and the headers before, after and before / after (each a whole message)."""
    title, name, before_header, after_header, both_header = words

    def pdf_cell(progress: Progress, row: WeekRow) -> str:
        del progress
        before, after = row.pain[region, "before"], row.pain[region, "after"]
        return f"{number(before)} / {number(after)}"

    return Chart(
        id=region,
        title=title,
        name=name,
        y=YAxis(N_("pain 0-10"), top=10.6, step=2),
        labels=labels,
        series=(
            DailyDots(
                "daily",
                N_("Before a session, each day"),
                Look(colour, "none", marker=marker),
                values=lambda p: p.pain[region, "before"].values,
            ),
            DailyLine(
                "before",
                N_("Before sessions, 7-day average"),
                Look(colour, "solid", 3),
                values=lambda p: p.pain_average[region, "before"],
            ),
            DailyLine(
                "after",
                N_("After sessions, 7-day average"),
                Look(colour, "dashed", 2),
                values=lambda p: p.pain_average[region, "after"],
            ),
            Level(
                "start",
                N_("Your start"),
                Look(MUTED, "dotted", 2),
                value=lambda p: b.value if (b := p.baselines[region]) else None,
            ),
            MEDICINE_MARKS,
        ),
        columns=(
            Column(before_header, lambda _p, row: number(row.pain[region, "before"])),
            Column(after_header, lambda _p, row: number(row.pain[region, "after"])),
        ),
        report_columns=(Column(both_header, pdf_cell),),
    )


BACK = _pain(
    "back",
    (
        N_("Back pain"),
        N_("Back pain chart"),
        N_("Back pain before"),
        N_("Back pain after"),
        N_("Back pain before / after"),
    ),
    BLUE,
    "o",
    frozenset({"surgery", "phase"}),
)
LEG = _pain(
    "leg",
    (
        N_("Leg pain"),
        N_("Leg pain chart"),
        N_("Leg pain before"),
        N_("Leg pain after"),
        N_("Leg pain before / after"),
    ),
    VERMILLION,
    "t",
    frozenset({"warning"}),
)


def _sessions_cell(progress: Progress, row: WeekRow) -> str:
    del progress
    if row.planned is None:
        return NO_DATA
    # Translators: a table cell, sessions done that week of those planned: "3 of 5".
    return _("{done} of {planned}").format(done=row.done, planned=row.planned)


SESSIONS = Chart(
    id="adherence",
    title=N_("Sessions done each week"),
    name=N_("Sessions chart"),
    y=YAxis(N_("% done"), top=110, step=20),
    series=(
        WeeklyBars(
            "done",
            N_("Sessions done, % of planned"),
            Look(GREEN, marker="bar"),
            values=lambda p: [
                (w.start, 100 * w.fraction) for w in p.adherence if w.fraction is not None
            ],
        ),
        Level("all", N_("All planned sessions"), Look(MUTED, "dashed", 1.5), value=lambda p: 100.0),
    ),
    columns=(Column(N_("Sessions done"), _sessions_cell),),
)


def _walk_fit(progress: Progress) -> tuple[float, float]:
    """Room for the longest walk and the highest goal; ticks every 10 or 20 minutes."""
    walks = [m for m in progress.walking.minutes if m]
    goals = [g for g in progress.walking.goal if g is not None]
    top = max(WALK_TOP_AT_LEAST, *walks, *goals)
    return top * 1.1, 10 if top <= 70 else 20


def _walk_cell(*, short: bool) -> Callable[[Progress, WeekRow], str]:
    """Mean minutes on the days walked, and on how many days ('25 on 4 days'; ``short``: the
    PDF's narrower '25 (4 days)')."""

    def cell(progress: Progress, row: WeekRow) -> str:
        del progress
        if row.walk_average is None:
            return NO_DATA
        minutes, n = formats.decimal(row.walk_average, 0), row.walked_days
        if short:
            text = ngettext("{minutes} ({count} day)", "{minutes} ({count} days)", n)
        else:
            # Translators: a table cell, average minutes walked on the days walked that week.
            text = ngettext("{minutes} on {count} day", "{minutes} on {count} days", n)
        return text.format(minutes=minutes, count=n)

    return cell


def _goal_cell(progress: Progress, row: WeekRow) -> str:
    del progress
    return NO_DATA if row.goal is None else str(row.goal)


WALKING = Chart(
    id="walking",
    title=N_("Walking each day"),
    name=N_("Walking chart"),
    y=YAxis(N_("minutes"), top=60, step=10, fit=_walk_fit),
    series=(
        DailyBars(
            N_("minutes"),
            N_("Minutes walked"),
            Look(SKY, marker="bar"),
            values=lambda p: p.walking.minutes,
            weekly_key=N_("Minutes walked a day, average of each week"),
        ),
        DailyLine(
            "goal",
            N_("Your daily goal"),
            Look(TEXT, "dashed", 2),
            values=lambda p: p.walking.goal,
            downsample="subsample",
        ),
    ),
    columns=(
        Column(N_("Walking, minutes a day"), _walk_cell(short=False)),
        Column(N_("Walking goal"), _goal_cell),
    ),
    report_columns=(
        Column(N_("Walking, min a day"), _walk_cell(short=True)),
        Column(N_("Walking goal"), _goal_cell),
    ),
)

PSFS = Chart(
    id="psfs",
    title=N_("Activities score (PSFS): higher is better"),
    name=N_("Activities score chart"),
    y=YAxis(N_("score 0-10"), top=10.6, step=2),
    series=(
        Points(
            "score",
            N_("Average of your activities (0-10)"),
            Look(ORANGE, "solid", 2, "s", 12),
            values=lambda p: [(e.day, e.score) for e in p.psfs],
        ),
    ),
    half=True,
    in_report=lambda p: bool(p.psfs),
)

ODI = Chart(
    id="odi",
    title=N_("Disability score (ODI): lower is better"),
    name=N_("Disability score chart"),
    y=YAxis(N_("score 0-100"), top=105, step=20),
    series=(
        Points(
            "total",
            N_("Total entered by your therapist (0-100)"),
            Look(PURPLE, "solid", 2, "d", 14),
            values=lambda p: [(e.day, float(e.total)) for e in p.odi],
        ),
    ),
    half=True,
    in_report=lambda p: bool(p.odi),
)

CHARTS: tuple[Chart, ...] = (BACK, LEG, EXTENT, SESSIONS, WALKING, PSFS, ODI)
