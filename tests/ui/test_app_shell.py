"""The app shell: the rail shows working screens, a second start raises the window, errors
are logged and shown kindly, screenshots are written."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from coach.shots.render import render_screens
from coach.system.paths import DataPaths
from coach.ui import app as app_module
from coach.ui.common.errors import install_excepthook
from coach.ui.context import AppContext
from coach.ui.main_window import MainWindow
from coach.ui.screens import build_screens
from coach.ui.settings.profile_switcher import ProfileSwitcher


@pytest.mark.slow
def test_the_app_looks_the_same_on_every_system() -> None:
    """Fusion is asked for on the command line, whatever the platform's own style."""
    code = "from coach.ui.app import make_application; print(make_application().style().name())"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "windows", "PATH": ""},
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.strip() == "fusion"


def test_the_window_gets_the_app_icon(qapp: QApplication) -> None:
    app_module.set_app_icon(qapp)
    assert not qapp.windowIcon().isNull()
    assert qapp.windowIcon().availableSizes() or qapp.windowIcon().pixmap(32).width() == 32


def test_rail_buttons_switch_screens(
    qtbot: QtBot, ctx: AppContext, restyle: Callable[[], None]
) -> None:
    window = MainWindow(build_screens(ctx, restyle))
    qtbot.addWidget(window)
    assert "settings" in window.screen_keys
    for key in window.screen_keys:
        nav = window.findChild(QPushButton, f"nav-{key}")
        assert nav is not None
        assert nav.minimumHeight() >= 44
        nav.click()
        assert window.current_key() == key


def test_second_start_brings_the_first_window_forward(
    qtbot: QtBot, ctx: AppContext, restyle: Callable[[], None], data_paths: DataPaths
) -> None:
    window = MainWindow(build_screens(ctx, restyle))
    qtbot.addWidget(window)
    watcher = app_module._watch_for_raise_requests(data_paths, window)
    raised: list[bool] = []
    window.bring_forward = lambda: raised.append(True)  # type: ignore[method-assign]
    watcher.fileChanged.connect(lambda _p: None)
    with qtbot.waitSignal(watcher.fileChanged, timeout=5000):
        app_module._ask_running_instance_to_come_forward(data_paths)
    qtbot.waitUntil(lambda: bool(raised), timeout=2000)


def test_uncaught_error_is_logged_and_shown_plainly(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "coach.ui.common.errors.show_error", lambda _p, _t, text: shown.append(text)
    )
    monkeypatch.setattr("sys.excepthook", lambda *a: None)
    hook = install_excepthook(lambda: None, tmp_path / "coach.log")
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        with caplog.at_level(logging.CRITICAL):
            hook(RuntimeError, exc, exc.__traceback__)
    assert "boom" in caplog.text  # the traceback is in the log ...
    assert shown and "Traceback" not in shown[0] and "boom" not in shown[0]  # ... not the dialog
    assert "coach.log" in shown[0]


def test_screenshot_writes_a_readable_png_per_screen(qapp: QApplication, tmp_path: Path) -> None:
    written = render_screens(tmp_path / "shots", work_dir=tmp_path)
    assert [p.name for p in written] == ["settings.png"] or len(written) >= 1
    learn_shots = {"learn.png", "learn-topic.png", "calm-breathing.png", "today-learn-hint.png"}
    assert learn_shots <= {p.name for p in written}
    names = {p.name for p in written}
    for shot in ("warning-signs", "warning-signs-pick", "today-stopped", "session-player"):
        assert f"{shot}.png" in names
    for shot in ("journal", "journal-entry-empty", "journal-entry-filled", "history-journal"):
        assert f"{shot}.png" in names
    for path in written:
        image = QImage(str(path))
        assert image.width() >= 1000
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 37)
            for y in range(0, image.height(), 37)
        }
        assert len(colours) > 3  # not a blank picture


def test_the_window_fits_a_laptop_screen_at_200_percent_text(
    qtbot: QtBot, ctx: AppContext, qapp: QApplication
) -> None:
    """Nine rail entries (Warning signs and Journal among them) still fit 1366x768 at the
    largest text."""
    from coach.ui.common.appearance import apply_appearance

    apply_appearance(qapp, 200, "light")
    window = MainWindow(build_screens(ctx, lambda: None))
    window.add_rail_widget(ProfileSwitcher(ctx))
    qtbot.addWidget(window)
    window.show()
    assert len(window.screen_keys) == 9
    assert window.minimumSizeHint().height() <= 768 - 40  # a title bar and a panel
    for key in window.screen_keys:
        nav = window.findChild(QPushButton, f"nav-{key}")
        assert nav is not None and nav.height() >= 44
