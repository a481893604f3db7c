"""A chart is one entry: a new ``Chart`` added to ``CHARTS`` shows on the Progress screen (title,
legend, drawn data), adds its columns to the table, and goes into the clinic PDF (its picture
and its table columns), with no other edit."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coach.demo.history import seed_history
from coach.domain.clock import FakeClock
from coach.domain.progress import Progress, WeekRow, build_progress, day_range, weekly_rows
from coach.reports import progress_charts
from coach.reports.chart_spec import (
    GREEN,
    Chart,
    Column,
    DailyLine,
    Look,
    YAxis,
    number,
    week_values,
)
from coach.reports.pdf_report import report_html
from coach.store.plans import resolve_plan
from coach.store.progress_data import ProgressData
from coach.ui.context import AppContext
from coach.ui.progress.report_export import report_data
from coach.ui.progress.screen import ProgressScreen


def _steps(progress: Progress) -> list[float | None]:
    """Made-up data: day n of the history has n % 5 'steps', none on Sundays."""
    return [
        None if (progress.start.toordinal() + i) % 7 == 0 else float(i % 5)
        for i in range(progress.days)
    ]


def _week_mean(progress: Progress, row: WeekRow) -> str:
    values = [v for v in week_values(progress, row, _steps(progress)) if v is not None]
    return number(sum(values) / len(values) if values else None)


STEPS = Chart(
    id="steps",
    title="Steps (a test chart)",
    name="Steps chart",
    y=YAxis("steps", top=5, step=1),
    series=(DailyLine("daily", "Steps each day", Look(GREEN, "dashdot", 2), values=_steps),),
    columns=(Column("Steps, mean of the week", _week_mean),),
)


@pytest.fixture
def with_steps(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(progress_charts, "CHARTS", (*progress_charts.CHARTS, STEPS))
    yield


@pytest.fixture
def seeded(ctx: AppContext, clock: FakeClock) -> AppContext:
    stats = seed_history(ctx.db, ctx.content, clock.now(), weeks=6)
    ctx.active.set(stats.profile)
    return ctx


def _progress(ctx: AppContext) -> Progress:
    profile = ctx.active.require()
    plan = resolve_plan(ctx.db, ctx.content, profile).plan
    today = ctx.clock.now().date()
    return build_progress(ProgressData(ctx.db).progress_input(profile, plan, today))


def test_a_new_chart_entry_is_drawn_on_the_progress_screen(
    with_steps: None, seeded: AppContext, qtbot: QtBot
) -> None:
    screen = ProgressScreen(seeded)
    qtbot.addWidget(screen)
    frame = screen.charts.frames["steps"]
    assert frame.title.text() == "Steps (a test chart)"
    assert [k.text for k in frame.legend()] == ["Steps each day"]
    assert frame.legend()[0].colour == GREEN.light
    assert frame.chart.accessibleName() == "Steps chart"
    _x, drawn = screen.charts.item("steps", "daily").getData()  # type: ignore[attr-defined]
    expected = _steps(_progress(seeded))
    assert len(drawn) == len(expected)
    assert [None if math.isnan(v) else v for v in drawn] == expected  # NaN is a gap
    assert screen.charts.plot_of["steps"] in screen.charts.linked  # on the shared date axis


def test_a_new_chart_entry_adds_its_columns_to_the_table(
    with_steps: None, seeded: AppContext, qtbot: QtBot
) -> None:
    screen = ProgressScreen(seeded)
    qtbot.addWidget(screen)
    model = screen.table_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[-1] == "Steps, mean of the week"
    progress = _progress(seeded)
    steps = _steps(progress)
    weeks = list(reversed(weekly_rows(progress, since=screen.visible_range()[0])))  # type: ignore[index]
    assert model.rowCount() == len(weeks) > 1
    for index, week in enumerate(weeks):
        days = day_range(max(week.start, progress.start), week.end)
        values = [v for d in days if (v := steps[(d - progress.start).days]) is not None]
        expected = f"{sum(values) / len(values):.1f}" if values else "–"
        assert model.index(index, len(headers) - 1).data() == expected


def test_a_new_chart_entry_goes_into_the_clinic_pdf(
    with_steps: None, seeded: AppContext, qtbot: QtBot
) -> None:
    del qtbot
    profile = seeded.active.require()
    current = resolve_plan(seeded.db, seeded.content, profile)
    history = ProgressData(seeded.db).history(current, seeded.clock.now().date())
    report = report_data(profile, history, seeded.content)
    titles = [title for title, _ in report.charts]
    assert titles[-1] == "Steps (a test chart)"
    assert titles[:5] == [
        "Back pain",
        "Leg pain",
        "How far your leg pain reaches (0 none, 1 buttock, 2 thigh, 3 below the knee, 4 foot)",
        "Sessions done each week",
        "Walking each day",
    ]
    assert "<th>Steps, mean of the week</th>" in report_html(report)


def test_a_chart_left_out_of_the_report_is_only_on_screen(
    monkeypatch: pytest.MonkeyPatch, seeded: AppContext, qtbot: QtBot
) -> None:
    screen_only = replace(STEPS, in_report=lambda p: False)
    monkeypatch.setattr(progress_charts, "CHARTS", (*progress_charts.CHARTS, screen_only))
    screen = ProgressScreen(seeded)
    qtbot.addWidget(screen)
    assert "steps" in screen.charts.frames
    profile = seeded.active.require()
    current = resolve_plan(seeded.db, seeded.content, profile)
    history = ProgressData(seeded.db).history(current, seeded.clock.now().date())
    titles = [title for title, _ in report_data(profile, history, seeded.content).charts]
    assert "Steps (a test chart)" not in titles


def test_two_series_of_one_chart_cannot_share_an_id() -> None:
    line = STEPS.series[0]
    with pytest.raises(ValueError, match="share an id"):
        Chart(id="x", title="X", name="X chart", y=STEPS.y, series=(line, line))
