"""FigureView paints the figure, follows the phase, animates on an injected clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPalette, QPixmap
from pytestqt.qtbot import QtBot

from coach.domain.figure import Figure, load_figure, load_figures
from coach.ui.common.figure_view import FigureView

FIGURES = Path(__file__).resolve().parents[2] / "exercises" / "figures"


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def bridge() -> Figure:
    return load_figure(FIGURES / "bridge.toml")


def _view(qtbot: QtBot, figure: Figure | None, clock: FakeClock | None = None) -> FigureView:
    view = FigureView(clock=clock) if clock is not None else FigureView()
    qtbot.addWidget(view)
    view.resize(240, 180)
    view.set_figure(figure)
    return view


def _image(view: FigureView) -> QImage:
    return view.grab().toImage()


def _ink_pixels(image: QImage, background: QColor) -> int:
    """Pixels that differ clearly from the background."""
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if abs(pixel.lightness() - background.lightness()) > 40:
                count += 1
    return count


def test_empty_view_paints_only_the_background(qtbot: QtBot) -> None:
    view = _view(qtbot, None)
    background = view.palette().color(QPalette.ColorRole.Window)
    assert _ink_pixels(_image(view), background) == 0
    assert view.accessibleName() == "Exercise drawing"


def test_a_figure_paints_ink(qtbot: QtBot, bridge: Figure) -> None:
    view = _view(qtbot, bridge)
    background = view.palette().color(QPalette.ColorRole.Window)
    assert _ink_pixels(_image(view), background) > 200


def test_every_shipped_figure_paints_at_both_ends(qtbot: QtBot) -> None:
    view = _view(qtbot, None)
    background = view.palette().color(QPalette.ColorRole.Window)
    for figure in load_figures(FIGURES).values():
        view.set_figure(figure)
        for t in (0.0, 1.0):
            view.set_phase(t)
            assert _ink_pixels(_image(view), background) > 100, (figure.id, t)


def test_the_phase_changes_the_picture(qtbot: QtBot, bridge: Figure) -> None:
    view = _view(qtbot, bridge)
    start = _image(view)
    view.set_phase(1.0)
    assert view.phase() == 1.0
    end = _image(view)
    moved = sum(
        end.pixel(x, y) != start.pixel(x, y)
        for x in range(0, start.width(), 2)
        for y in range(0, start.height(), 2)
    )
    assert moved > 100  # the body moved into its end pose, not a pixel or two
    view.set_phase(0.0)
    assert _image(view) == start


def test_phase_is_clamped(qtbot: QtBot, bridge: Figure) -> None:
    view = _view(qtbot, bridge)
    view.set_phase(3.0)
    assert view.phase() == 1.0
    view.set_phase(-1.0)
    assert view.phase() == 0.0


def test_arrows_can_be_hidden(qtbot: QtBot, bridge: Figure) -> None:
    view = _view(qtbot, bridge)
    background = view.palette().color(QPalette.ColorRole.Window)
    with_arrows = _ink_pixels(_image(view), background)
    view.set_arrows_visible(False)
    assert 0 < _ink_pixels(_image(view), background) < with_arrows  # the figure, no arrows


def test_accessible_name_uses_the_exercise_name(qtbot: QtBot, bridge: Figure) -> None:
    view = _view(qtbot, bridge)
    assert view.accessibleName() == "Drawing of Bridge"
    view.set_figure(bridge, "Hip lift")
    assert view.accessibleName() == "Drawing of Hip lift"
    assert "Hip lift" in view.accessibleDescription()


def test_dark_palette_draws_light_ink(qtbot: QtBot, bridge: Figure) -> None:
    view = _view(qtbot, bridge)
    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    view.setPalette(palette)
    image = _image(view)
    lightest = max(
        image.pixelColor(x, y).lightness()
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
    )
    assert image.pixelColor(0, 0).lightness() < 50
    assert lightest > 200


def test_animation_follows_the_clock_and_stops(qtbot: QtBot, bridge: Figure) -> None:
    clock = FakeClock()
    view = _view(qtbot, bridge, clock)
    view.start_animation(period_s=4.0)
    assert view.is_animating()
    assert view.phase() == pytest.approx(0.0)
    clock.now += 2.0  # half a period: the end pose
    qtbot.waitUntil(lambda: view.phase() == pytest.approx(1.0), timeout=2000)
    clock.now += 1.0  # three quarters: on the way back
    qtbot.waitUntil(lambda: view.phase() == pytest.approx(0.5), timeout=2000)
    view.stop_animation()
    assert not view.is_animating()


def test_the_timer_belongs_to_the_view(qtbot: QtBot, bridge: Figure) -> None:
    view = _view(qtbot, bridge)
    timers = view.findChildren(QTimer)
    assert timers
    assert all(timer.parent() is view for timer in timers)


def test_a_sequence_plays_every_key_pose_in_order_and_back(qtbot: QtBot) -> None:
    """The log roll's four key poses each take one period; the loop goes 1-2-3-4-3-2-1."""
    log_roll = load_figure(FIGURES / "log-roll.toml")
    clock = FakeClock()
    view = _view(qtbot, log_roll, clock)
    view.start_animation(period_s=2.0)
    seen = []
    for _ in range(12):  # one whole loop is 3 steps x 2 s = 6 s
        clock.now += 0.5
        view._on_frame()
        seen.append(round(view.phase() * 3))
    assert seen[:6] == sorted(seen[:6])  # forward through the poses first
    assert max(seen) == 3
    assert seen[-1] == 0  # and back to the start after one loop
    pictures = set()
    for index in range(4):
        view.set_phase(log_roll.key_phase(index))
        pictures.add(_image(view).bits().tobytes())
    assert len(pictures) == 4  # four different pictures


def test_stills_show_the_most_telling_key_pose(qtbot: QtBot) -> None:
    """The log roll's small picture is the roll onto the side, never the sitting pose."""
    from PySide6.QtWidgets import QWidget

    from coach.ui.common.figure_cache import FigureCache, FigureStills

    owner = QWidget()
    qtbot.addWidget(owner)
    figures = FigureCache(FIGURES)
    stills = FigureStills(figures, owner, QSize(120, 90))
    log_roll = figures("log-roll")
    assert log_roll is not None
    still = stills.pixmap("log-roll")
    assert still is not None

    def drawn_at(phase: float) -> bytes:
        """Drawn the way the stills are drawn: on a clear picture, without arrows."""
        view = FigureView(owner)
        view.resize(120, 90)
        view.set_arrows_visible(False)
        view.set_figure(log_roll)
        view.set_phase(phase)
        pixmap = QPixmap(QSize(120, 90))
        pixmap.fill(Qt.GlobalColor.transparent)
        view.render(pixmap)
        return _bytes(pixmap)

    mine = _bytes(still)
    assert log_roll.thumbnail_phase < 1.0
    # Compared by how many pixels differ, not byte for byte: a theme left by an earlier test
    # can tint the background of one drawing but not the pose it shows.
    same = _differing(mine, drawn_at(log_roll.thumbnail_phase))
    sitting = _differing(mine, drawn_at(1.0))
    assert sitting > 0.02  # clearly not the sitting pose
    assert same < sitting / 4


def _differing(a: bytes, b: bytes) -> float:
    """The share of 4-byte pixels that differ between two images of one size."""
    assert len(a) == len(b)
    pixels = len(a) // 4
    return sum(a[i : i + 4] != b[i : i + 4] for i in range(0, len(a), 4)) / pixels


def _bytes(pixmap: QPixmap) -> bytes:
    return pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32).bits().tobytes()
