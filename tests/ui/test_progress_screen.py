"""The Progress screen: the summary says whether pain improves, the range buttons and the table
show the same numbers, exports work from the buttons, and the charts follow the theme."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from coach.demo.history import seed_history
from coach.domain.clock import FakeClock
from coach.domain.pain import Pain
from coach.reports.chart_spec import BLUE
from coach.ui.common.appearance import apply_appearance
from coach.ui.context import AppContext
from coach.ui.progress.screen import ProgressScreen
from tests.scripted_dialogs import ScriptedDialogs

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def seeded(ctx: AppContext, clock: FakeClock) -> AppContext:
    stats = seed_history(ctx.db, ctx.content, clock.now(), weeks=12)
    ctx.active.set(stats.profile)
    return ctx


@pytest.fixture
def screen(qtbot: QtBot, seeded: AppContext) -> ProgressScreen:
    widget = ProgressScreen(seeded)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    return widget


def _summary(screen: ProgressScreen) -> str:
    return " ".join(w.text() for w in screen.summary_card.findChildren(QLabel))


def test_summary_says_pain_improved_meaningfully(screen: ProgressScreen) -> None:
    text = _summary(screen)
    assert "Leg pain before sessions is down" in text
    assert "a meaningful improvement" in text
    assert "planned sessions" in text


def test_range_buttons_change_what_the_charts_and_table_show(
    screen: ProgressScreen, qtbot: QtBot
) -> None:
    def shown_days() -> float:
        left, right = screen.charts.linked[0].item.vb.viewRange()[0]
        return (right - left) / 86400

    assert shown_days() == pytest.approx(12 * 7, abs=1)
    twelve_rows = screen.table_model.rowCount()
    screen.range_buttons[4].click()
    assert shown_days() == pytest.approx(4 * 7, abs=1)
    assert screen.table_model.rowCount() < twelve_rows
    screen.range_buttons[None].click()
    assert shown_days() >= 12 * 7


def test_table_view_shows_weeks_newest_first(screen: ProgressScreen, qtmodeltester: object) -> None:
    screen.view_button.click()
    assert screen.stack.currentWidget() is screen.table
    model = screen.table_model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    first_week = int(model.index(0, 0).data())
    last_week = int(model.index(model.rowCount() - 1, 0).data())
    assert first_week > last_week
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Back pain before"
    screen.view_button.click()
    assert screen.stack.currentWidget() is screen.charts


def test_hover_readout_gives_the_numbers_of_a_day(screen: ProgressScreen, clock: FakeClock) -> None:
    day = clock.now().date() - timedelta(days=3)
    screen.charts.hovered.emit(day)
    assert screen.readout.text().startswith(f"{day:%a} {day.day}")
    assert "pain" in screen.readout.text() or "no pain scores" in screen.readout.text()


def test_export_csv_and_pdf_from_the_buttons(
    screen: ProgressScreen, tmp_path: Path, dialogs: ScriptedDialogs
) -> None:
    dialogs.path = tmp_path / "sessions"
    screen.csv_button.click()
    csv = tmp_path / "sessions.csv"  # the extension is added
    assert csv.read_text(encoding="utf-8-sig").startswith("date,start_time,routine,status")
    dialogs.path = tmp_path / "report.pdf"
    screen.pdf_button.click()
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert [t for t, _ in dialogs.informed] == ["Saved", "Saved"]


def test_a_failed_export_says_so_and_keeps_the_old_file(
    screen: ProgressScreen,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialogs: ScriptedDialogs,
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "old.csv"
    target.write_text("previous", encoding="utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("coach.reports.atomic.os.fsync", full_disk)
    dialogs.path = target
    screen.csv_button.click()
    assert dialogs.informed[-1][0] == "Not saved"
    assert "No space left" in dialogs.informed[-1][1]
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in folder.iterdir()] == ["old.csv"]  # no temporary file left


def test_new_data_updates_the_screen_without_anyone_announcing_it(
    screen: ProgressScreen, seeded: AppContext, clock: FakeClock
) -> None:
    """The store announces its own writes (coach.store.events): nobody calls the screen."""
    profile = seeded.active.require()
    assert profile.id is not None
    store = seeded.stores.sessions
    today = clock.now()
    before = _summary(screen)
    for hour in range(3):  # three very painful sessions today: leg pain is up
        sid = store.start_session(profile.id, None, "daily", "Daily", today + timedelta(hours=hour))
        store.record_pain(sid, "before", Pain(10, 10), today)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the old labels go
    assert "Leg pain before sessions is down 5.4 points" in before
    after = _summary(screen)
    assert "Leg pain before sessions is down 2.9 points (41%)" in after
    assert "down 5.4 points" not in after


def test_without_a_profile_the_screen_says_what_to_do(qtbot: QtBot, ctx: AppContext) -> None:
    widget = ProgressScreen(ctx)
    qtbot.addWidget(widget)
    assert "once you have a profile" in widget.empty.text()
    assert not widget.pdf_button.isEnabled()


def test_charts_follow_the_dark_theme(
    screen: ProgressScreen, qapp: QApplication, restyle: Callable[[], None], seeded: AppContext
) -> None:
    assert not screen.charts._theme.dark
    apply_appearance(qapp, 100, "dark")
    QApplication.processEvents()
    assert screen.charts._theme.dark  # on the dark palette's own base colour
    assert screen.charts._theme.background == screen.palette().color(QPalette.ColorRole.Base).name()
    assert screen.charts._theme.ink(BLUE) == "#56B4E9"  # the lighter Okabe-Ito blue on dark
    del restyle, seeded


@pytest.mark.slow
def test_pyqtgraph_is_not_imported_at_start() -> None:
    code = "import sys; import coach.ui.app, coach.ui.screens; print('pyqtgraph' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False"]


def test_the_mouse_wheel_scrolls_the_page_even_over_a_chart(
    screen: ProgressScreen, qtbot: QtBot, qapp: QApplication
) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QGraphicsView, QScrollArea

    from coach.ui.common.wheel_guard import install_wheel_guard

    install_wheel_guard(qapp)
    page = screen.findChild(QScrollArea)
    assert page is not None
    chart = screen.charts.findChild(QGraphicsView)
    assert chart is not None
    page.ensureWidgetVisible(chart)
    bar = page.verticalScrollBar()
    before = bar.value()
    view_range = screen.charts.linked[0].item.vb.viewRange()
    centre = QPointF(chart.width() / 2, chart.height() / 2)
    down = QWheelEvent(
        centre,
        QPointF(chart.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(chart.viewport(), down)
    assert bar.value() > before  # the page moved down
    assert screen.charts.linked[0].item.vb.viewRange() == view_range  # the chart did not zoom
