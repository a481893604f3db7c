"""The screen stays awake while a session or a coping tool runs, and is let go at the end, after
a pause of more than 10 minutes, when the inhibit cannot be had, and when the app dies."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from coach.domain.catalogue import Dosage
from coach.domain.protocol import Prescription
from coach.domain.steps import compile_steps
from coach.domain.timer import Session, State
from coach.platform.awake import (
    AwakeError,
    AwakeKeeper,
    ChildInhibitor,
    FakeInhibitor,
    FallbackInhibitor,
    FreedesktopInhibitor,
)
from coach.ui.context import AppContext
from coach.ui.session.player import PlayerScreen
from coach.ui.session.sounds import CuePlayer, SilentBackend


def make_player(
    qtbot: QtBot, ctx: AppContext, inhibitor: FakeInhibitor, reps: int = 2
) -> PlayerScreen:
    steps = compile_steps(
        (Prescription("bridge", Dosage(sets=1, reps=reps, hold_s=5)),), ctx.content.catalogue
    )
    player = PlayerScreen(
        Session(steps, ctx.clock),
        ctx.clock,
        CuePlayer(ctx.prefs, SilentBackend()),
        lambda _id: None,
        awake=AwakeKeeper(inhibitor),
    )
    qtbot.addWidget(player)
    return player


def advance(ctx: AppContext, player: PlayerScreen, seconds: float, step: float = 1.0) -> None:
    for _ in range(int(seconds / step)):
        ctx.clock.advance(step)  # type: ignore[attr-defined]
        player.tick()


def test_held_while_running_and_released_at_the_end(qtbot: QtBot, ctx: AppContext) -> None:
    inhibitor = FakeInhibitor()
    player = make_player(qtbot, ctx, inhibitor)
    assert not inhibitor.held
    player.begin()
    assert inhibitor.held
    advance(ctx, player, 60)
    assert player.session.state == State.FINISHED
    assert not inhibitor.held and inhibitor.released == 1


def test_released_on_stop(qtbot: QtBot, ctx: AppContext) -> None:
    inhibitor = FakeInhibitor()
    player = make_player(qtbot, ctx, inhibitor)
    player.begin()
    advance(ctx, player, 3)
    player.stop_now()
    assert not inhibitor.held and inhibitor.acquired == 1


def test_a_long_pause_lets_the_screen_sleep_and_resuming_holds_it_again(
    qtbot: QtBot, ctx: AppContext
) -> None:
    inhibitor = FakeInhibitor()
    player = make_player(qtbot, ctx, inhibitor)
    player.begin()
    player.apply(player.session.toggle_pause)
    advance(ctx, player, 590, step=10)
    assert inhibitor.held  # a short pause (a drink of water) keeps it on
    advance(ctx, player, 20, step=10)
    assert not inhibitor.held  # more than 10 minutes
    player.apply(player.session.toggle_pause)
    player.tick()
    assert inhibitor.held and inhibitor.acquired == 2


def test_a_failed_inhibit_leaves_nothing_held_and_the_session_goes_on(
    qtbot: QtBot, ctx: AppContext
) -> None:
    inhibitor = FakeInhibitor(fail=True)
    player = make_player(qtbot, ctx, inhibitor, reps=12)  # about 100 s
    player.begin()
    advance(ctx, player, 30)
    assert player.session.state == State.RUNNING
    assert not inhibitor.held and inhibitor.acquired == 0
    inhibitor.fail = False
    advance(ctx, player, 40)
    assert inhibitor.held  # tried again a minute after the failure
    advance(ctx, player, 60)
    assert player.session.state == State.FINISHED and not inhibitor.held


def test_a_start_that_fails_after_the_inhibit_releases_it(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    inhibitor = FakeInhibitor()
    player = make_player(qtbot, ctx, inhibitor)

    def broken_render() -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(player, "_render", broken_render)
    with pytest.raises(OSError):
        player.begin()
    assert not inhibitor.held


def test_the_keeper_retries_once_a_minute_and_fallbacks_are_tried_in_order() -> None:
    broken, working = FakeInhibitor(fail=True), FakeInhibitor()
    keeper = AwakeKeeper(FallbackInhibitor([broken, working]))
    keeper.update(active=True, paused=False, now=0.0)
    assert working.held and keeper.holding
    keeper.release()
    assert not working.held
    none_work = FakeInhibitor(fail=True)
    keeper = AwakeKeeper(none_work)
    keeper.update(active=True, paused=False, now=0.0)
    none_work.fail = False
    keeper.update(active=True, paused=False, now=30.0)
    assert not none_work.held  # not hammered on every frame
    keeper.update(active=True, paused=False, now=61.0)
    assert none_work.held


def test_without_a_session_bus_the_freedesktop_call_says_so(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    inhibitor = FreedesktopInhibitor()
    try:
        inhibitor.acquire("test")
    except AwakeError:
        pass
    else:  # a real desktop bus answered: give it back at once
        inhibitor.release()


def test_a_helper_that_fails_at_once_is_an_error_with_nothing_left() -> None:
    false = shutil.which("false")
    assert false is not None
    inhibitor = ChildInhibitor("false", [false])
    with pytest.raises(AwakeError, match="ended at once"):
        inhibitor.acquire("test")
    inhibitor.release()
    missing = ChildInhibitor("missing", ["/nonexistent/helper"])
    with pytest.raises(AwakeError, match="could not start"):
        missing.acquire("test")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tail") is None or sys.platform != "linux", reason="Linux")
def test_the_helper_ends_when_the_app_is_killed(tmp_path: object) -> None:
    """kill -9 of the app: its inhibit helper (here the `tail --pid` watcher) ends with it."""
    code = (
        "import os, sys, time\n"
        "from coach.platform.awake import ChildInhibitor\n"
        "c = ChildInhibitor('t', ['tail', f'--pid={os.getpid()}', '-f', '/dev/null'])\n"
        "c.acquire('x')\n"
        "print(c._process.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    app = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=Path.cwd()
    )
    assert app.stdout is not None
    helper = int(app.stdout.readline())
    os.kill(helper, 0)  # the helper runs while the app does
    app.send_signal(signal.SIGKILL)
    app.wait()
    app.stdout.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(helper, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)  # tail checks the watched process about once a second
    pytest.fail("the inhibit helper outlived the killed app")


def test_a_coping_tool_holds_the_screen_until_it_ends(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coach.ui.learn.coping_tools import TimedTool
    from coach.ui.session import screen_awake

    inhibitor = FakeInhibitor()
    monkeypatch.setattr(screen_awake, "make_inhibitor", lambda: inhibitor)
    tool = TimedTool(ctx, "breathing")
    qtbot.addWidget(tool)
    tool.start(2)
    assert inhibitor.held
    for _ in range(130):
        ctx.clock.advance(1.0)  # type: ignore[attr-defined]
        tool.tick()
    assert not inhibitor.held and inhibitor.acquired == 1
    tool.start(2)
    assert inhibitor.held
    tool.reject()  # closed part-way
    assert not inhibitor.held


FAKE_SCREENSAVER = """
import sys
from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection

@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class ScreenSaver(QObject):
    @Slot(str, str, result="uint")
    def Inhibit(self, app, reason):
        print("inhibit", app, reason, flush=True)
        return 42

    @Slot("uint")
    def UnInhibit(self, cookie):
        print("uninhibit", cookie, flush=True)

app = QCoreApplication(sys.argv)
bus = QDBusConnection.sessionBus()
saver = ScreenSaver()
bus.registerObject("/org/freedesktop/ScreenSaver", saver, QDBusConnection.ExportAllSlots)
bus.registerService("org.freedesktop.ScreenSaver")
print("ready", flush=True)
app.exec()
"""

CLIENT = """
from PySide6.QtCore import QCoreApplication
from coach.platform.awake import FreedesktopInhibitor
app = QCoreApplication([])
inhibitor = FreedesktopInhibitor()
inhibitor.acquire("Exercises in progress")
inhibitor.release()
print("done", flush=True)
"""


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="needs dbus-daemon")
def test_the_freedesktop_inhibit_is_taken_and_given_back_over_a_real_bus(
    tmp_path: Path,
) -> None:
    """A private session bus with a stand-in ScreenSaver service (the interface GNOME, KDE and
    Xfce serve): Inhibit gets a cookie, and UnInhibit gives back that cookie as a uint32."""
    daemon = subprocess.run(
        ["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
        capture_output=True,
        text=True,
        check=True,
        timeout=10,
    )
    address, pid = daemon.stdout.split()[:2]
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address, "QT_QPA_PLATFORM": "offscreen"}
    (tmp_path / "saver.py").write_text(FAKE_SCREENSAVER, encoding="utf-8")
    saver = subprocess.Popen(
        [sys.executable, str(tmp_path / "saver.py")], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert saver.stdout is not None
        assert saver.stdout.readline().strip() == "ready"
        client = subprocess.run(
            [sys.executable, "-c", CLIENT],
            capture_output=True,
            text=True,
            env=env,
            cwd=Path.cwd(),
            timeout=30,
            check=False,
        )
        assert client.stdout.strip() == "done", client.stderr
        saver.terminate()  # the client waited for each reply, so the service has printed
        said = saver.communicate(timeout=10)[0].split("\n")
        assert said[0].split() == ["inhibit", "Rehab", "Coach", "Exercises", "in", "progress"]
        assert said[1].split() == ["uninhibit", "42"]  # the same cookie, as a uint32
    finally:
        if saver.poll() is None:
            saver.kill()
            saver.communicate()
        os.kill(int(pid), signal.SIGTERM)
