"""Keeping the screen awake during a session or a coping tool, and letting it sleep after.

Backends, each released at the end, after a pause of more than ``PAUSE_LIMIT_S``, and on a crash:
- Linux: the freedesktop ScreenSaver ``Inhibit`` call over D-Bus (QtDBus is in
  PySide6-Essentials). The desktop drops the inhibit when our bus connection closes, so a
  killed app leaves nothing inhibited. Without a session bus, ``systemd-inhibit`` holds an idle
  lock around ``tail --pid=OURS -f /dev/null``, a child that exits when we do.
- Windows: ``SetThreadExecutionState`` (the system clears it when the process ends).
- macOS: a ``caffeinate -d -i -w OURS`` child, which ends when our process does.
A failure to inhibit is logged and the session goes on: a dimming screen is a nuisance, not
a reason to stop exercising.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
import weakref
from typing import Protocol

from coach.domain.i18n import _

log = logging.getLogger(__name__)

PAUSE_LIMIT_S = 600.0  # a pause longer than 10 minutes lets the screen sleep
RETRY_S = 60.0  # after a failed inhibit, try again at most once a minute
APP_NAME = "Rehab Coach"


class AwakeError(Exception):
    """The screen could not be kept awake (said in the log, never to block a session)."""


class Inhibitor(Protocol):
    name: str

    def acquire(self, reason: str) -> None:
        """Keep the screen on; raises AwakeError (with nothing left held) on failure."""
        ...

    def release(self) -> None:
        """Let the screen sleep again; safe to call when nothing is held."""
        ...


class FreedesktopInhibitor:
    """org.freedesktop.ScreenSaver over the session bus (GNOME, KDE, Xfce, Cinnamon...)."""

    name = "freedesktop ScreenSaver"
    SERVICE = "org.freedesktop.ScreenSaver"
    PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")
    TIMEOUT_MS = 1000  # never let a hung desktop service hold the GUI for long

    def __init__(self) -> None:
        self._cookie: int | None = None
        self._path = ""

    def acquire(self, reason: str) -> None:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

        if self._cookie is not None:
            return
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            raise AwakeError("no D-Bus session bus")
        for path in self.PATHS:
            iface = QDBusInterface(self.SERVICE, path, self.SERVICE, bus)
            iface.setTimeout(self.TIMEOUT_MS)
            if not iface.isValid():
                continue
            reply = iface.call("Inhibit", APP_NAME, reason)
            args = reply.arguments()
            if reply.type() == QDBusMessage.MessageType.ReplyMessage and args:
                self._cookie = int(args[0])
                self._path = path
                return
        raise AwakeError("the desktop has no screensaver inhibit service")

    def release(self) -> None:
        """UnInhibit takes a uint32; ``iface.call`` would send a Python int as int32, which
        the desktop does not match (measured against a QtDBus service here). Invoking the
        introspected method with a ``uint`` argument sends the right type."""
        from PySide6.QtCore import Q_ARG, QMetaObject, Qt
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        cookie, self._cookie = self._cookie, None
        if cookie is None:
            return
        iface = QDBusInterface(self.SERVICE, self._path, self.SERVICE, QDBusConnection.sessionBus())
        iface.setTimeout(self.TIMEOUT_MS)
        sent = QMetaObject.invokeMethod(
            iface, "UnInhibit", Qt.ConnectionType.DirectConnection, Q_ARG("uint", cookie)
        )
        if not sent:
            raise AwakeError("the desktop did not take back the screensaver inhibit")


class ChildInhibitor:
    """A helper process holds the inhibit while it runs, and watches our process id so that
    it ends with us (``systemd-inhibit`` + ``tail --pid``, or ``caffeinate -w``)."""

    def __init__(self, name: str, argv: list[str]) -> None:
        self.name = name
        self._argv = argv
        self._process: subprocess.Popen[bytes] | None = None

    def acquire(self, reason: str) -> None:
        if self._process is not None and self._process.poll() is None:
            return
        argv = [arg.replace("{reason}", reason) for arg in self._argv]
        try:
            self._process = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError as exc:
            raise AwakeError(f"{self.name} could not start: {exc}") from exc
        with contextlib.suppress(subprocess.TimeoutExpired):
            code = self._process.wait(timeout=0.05)  # one that fails at once says so
            self._process = None
            raise AwakeError(f"{self.name} ended at once (exit code {code})")

    def release(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=2)


class WindowsInhibitor:
    """SetThreadExecutionState on the GUI thread; Windows clears it when the process ends."""

    name = "SetThreadExecutionState"
    ES_CONTINUOUS = 0x80000000
    ES_SYSTEM_REQUIRED = 0x00000001
    ES_DISPLAY_REQUIRED = 0x00000002

    def __init__(self) -> None:
        self._held = False

    def _set(self, flags: int) -> None:
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined,unused-ignore]
        if not kernel32.SetThreadExecutionState(flags):
            raise AwakeError("SetThreadExecutionState failed")

    def acquire(self, reason: str) -> None:
        del reason
        self._set(self.ES_CONTINUOUS | self.ES_SYSTEM_REQUIRED | self.ES_DISPLAY_REQUIRED)
        self._held = True

    def release(self) -> None:
        if self._held:
            self._held = False
            with contextlib.suppress(AwakeError):
                self._set(self.ES_CONTINUOUS)


class FallbackInhibitor:
    """Tries each backend in turn and remembers the one that worked."""

    def __init__(self, choices: list[Inhibitor]) -> None:
        self._choices = choices
        self._held: Inhibitor | None = None
        self.name = " or ".join(c.name for c in choices)

    def acquire(self, reason: str) -> None:
        if self._held is not None:
            return
        problems = []
        for choice in self._choices:
            try:
                choice.acquire(reason)
            except AwakeError as exc:
                problems.append(f"{choice.name}: {exc}")
                continue
            self._held = choice
            return
        raise AwakeError("; ".join(problems) or "no way to keep the screen on")

    def release(self) -> None:
        held, self._held = self._held, None
        if held is not None:
            held.release()


class FakeInhibitor:
    """For tests: counts what is held; ``fail`` makes acquire fail."""

    name = "fake"

    def __init__(self, *, fail: bool = False) -> None:
        self.fail = fail
        self.held = False
        self.acquired = 0
        self.released = 0

    def acquire(self, reason: str) -> None:
        del reason
        if self.fail:
            raise AwakeError("the fake inhibitor refuses")
        if not self.held:
            self.acquired += 1
        self.held = True

    def release(self) -> None:
        if self.held:
            self.released += 1
        self.held = False


def platform_inhibitor() -> Inhibitor:
    """The right backend(s) for this computer."""
    pid = str(os.getpid())
    if sys.platform == "win32":
        return WindowsInhibitor()
    if sys.platform == "darwin":
        program = shutil.which("caffeinate") or "/usr/bin/caffeinate"
        return ChildInhibitor("caffeinate", [program, "-d", "-i", "-w", pid])
    choices: list[Inhibitor] = [FreedesktopInhibitor()]
    systemd = shutil.which("systemd-inhibit")
    tail = shutil.which("tail")
    if systemd and tail:
        argv = [systemd, "--what=idle", f"--who={APP_NAME}", "--why={reason}", "--mode=block"]
        choices.append(
            ChildInhibitor("systemd-inhibit", [*argv, tail, f"--pid={pid}", "-f", "/dev/null"])
        )
    return FallbackInhibitor(choices)


class AwakeKeeper:
    """Decides from a session's state when to hold the screen awake; the screens call
    ``update`` on every frame and ``release`` when they end (and at exit, whatever happens)."""

    def __init__(self, inhibitor: Inhibitor, reason: str = "") -> None:
        self._inhibitor = inhibitor
        self._reason = reason  # "" means the default words, in the language of the moment
        self.holding = False
        self._paused_since: float | None = None
        self._failed_at: float | None = None
        # at exit (or if the keeper is dropped while holding), whatever the screens did
        weakref.finalize(self, inhibitor.release)

    def update(self, *, active: bool, paused: bool, now: float) -> None:
        """``active``: a session or tool is under way; ``now``: the monotonic clock."""
        if not active:
            self.release()
            return
        if paused:
            if self._paused_since is None:
                self._paused_since = now
            if now - self._paused_since > PAUSE_LIMIT_S:
                self.release()
            return
        self._paused_since = None
        if self.holding:
            return
        if self._failed_at is not None and now - self._failed_at < RETRY_S:
            return
        try:
            self._inhibitor.acquire(self._reason or _("Exercises in progress"))
        except AwakeError as exc:
            self._failed_at = now
            log.info("the screen may dim during the session (%s)", exc)
            return
        except Exception:
            self._failed_at = now
            self.release()
            raise
        self.holding = True
        self._failed_at = None

    def release(self) -> None:
        self._paused_since = None
        if not self.holding:
            return
        self.holding = False
        try:
            self._inhibitor.release()
        except Exception as exc:  # a release must never stop the app from closing
            log.warning("the screen inhibit could not be released: %s", exc)
