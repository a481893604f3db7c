"""The leg pain reach chart is one chart entry (``coach.reports.journal_charts.EXTENT``): on the
Progress screen with the section-8 sentences above it, its columns in the table (the furthest
reach each week and the medicines taken), in the clinic PDF; and medicine marks on the pain
charts."""

from __future__ import annotations

import math
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coach.demo.history import seed_history
from coach.domain.clock import FakeClock
from coach.domain.journal import JournalEntry, RegionMark
from coach.domain.journal_progress import MARK_Y
from coach.domain.medicines import MedicineEntry
from coach.domain.profile import Profile, Surgery
from coach.reports.journal_charts import EXTENT
from coach.reports.pdf_report import report_html
from coach.store.journal import JournalStore
from coach.store.medicines import MedicineStore
from coach.store.plans import resolve_plan
from coach.store.progress_data import ProgressData
from coach.ui.context import AppContext
from coach.ui.progress.report_export import report_data
from coach.ui.progress.screen import ProgressScreen


@pytest.fixture
def patient(ctx: AppContext, clock: FakeClock) -> AppContext:
    """Four weeks after surgery: right leg pain to the foot three weeks ago, to the thigh now;
    a medicine two days ago."""
    now = clock.now()
    profile = ctx.repo.add_profile(
        Profile("Ann", Surgery.DISCECTOMY, now.date() - timedelta(weeks=4)), now
    )
    ctx.active.set(profile)
    pid = profile.id or 0
    store = JournalStore(ctx.db)
    for days, region in ((22, "sole-right"), (20, "calf-right"), (2, "thigh-back-right")):
        at = now - timedelta(days=days)
        store.save(pid, JournalEntry(at, at.date(), (RegionMark(region, 5),)), at)
    taken = now - timedelta(days=2)
    MedicineStore(ctx.db).save(pid, MedicineEntry("Ibuprofen", taken, taken.date()))
    MedicineStore(ctx.db).save(
        pid, MedicineEntry("Ibuprofen", taken + timedelta(hours=6), taken.date())
    )
    return ctx


def test_the_reach_chart_is_drawn_with_its_sentences_above_it(
    patient: AppContext, qtbot: QtBot
) -> None:
    screen = ProgressScreen(patient)
    qtbot.addWidget(screen)
    frame = screen.charts.frames["extent"]
    assert frame.title.text().startswith("How far your leg pain reaches")
    assert frame.notes.text() == (
        "Your right leg pain now stops above the knee; three weeks ago it reached your foot. "
        "That is a good sign."
    )
    assert frame.chart.accessibleName() == "Leg pain reach chart"
    _x, right = screen.charts.item("extent", "right").getData()  # type: ignore[attr-defined]
    values = [None if math.isnan(v) else v for v in right]
    assert values[-3:] == [2.0, 2.0, 2.0]  # the furthest in 7 days: the thigh
    assert 4.0 in values


def test_medicine_marks_sit_on_the_pain_charts(patient: AppContext, qtbot: QtBot) -> None:
    screen = ProgressScreen(patient)
    qtbot.addWidget(screen)
    screen.show()
    for chart in ("back", "leg"):
        _x, marks = screen.charts.item(chart, "medicine").getData()  # type: ignore[attr-defined]
        assert list(marks) == [MARK_Y]  # one day with medicines (two taken): one mark
    legend = [k.text for k in screen.charts.frames["leg"].legend()]
    assert "A medicine was taken that day" in legend


def test_the_table_has_the_weekly_reach_and_a_daily_medicine_count(
    patient: AppContext, qtbot: QtBot
) -> None:
    screen = ProgressScreen(patient)
    qtbot.addWidget(screen)
    model = screen.table_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    reach = headers.index("Leg pain reach, left / right")
    medicines = headers.index("Medicines taken")
    cells = [
        (model.index(r, reach).data(), model.index(r, medicines).data())
        for r in range(model.rowCount())
    ]
    assert ("0 / 2", "2 (0.3 a day)") in cells  # the week of two days ago: 2 in 7 days
    assert cells[0] == ("–", "0 (0.0 a day)")  # this week (today only): nothing written


def test_the_reach_chart_goes_into_the_clinic_pdf(patient: AppContext) -> None:
    profile = patient.active.require()
    current = resolve_plan(patient.db, patient.content, profile)
    history = ProgressData(patient.db).history(current, patient.clock.now().date())
    report = report_data(profile, history, patient.content)
    titles = [title for title, _ in report.charts]
    assert EXTENT.title in titles
    html = report_html(report)
    assert "<th>Leg reach L / R</th>" in html and "<th>Medicines</th>" in html


def test_no_journal_no_reach_chart_in_the_pdf(ctx: AppContext, clock: FakeClock) -> None:
    stats = seed_history(ctx.db, ctx.content, clock.now(), weeks=3)
    with ctx.db.atomic():
        ctx.db.execute("DELETE FROM journal_entries")
        ctx.db.execute("DELETE FROM medicines_taken")
    current = resolve_plan(ctx.db, ctx.content, stats.profile)
    history = ProgressData(ctx.db).history(current, clock.now().date())
    titles = [title for title, _ in report_data(stats.profile, history, ctx.content).charts]
    assert EXTENT.title not in titles
