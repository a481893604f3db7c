"""Starting the app: one QApplication, the instance lock, the store, the main window."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QTimer
from PySide6.QtWidgets import QApplication

from coach.domain import i18n
from coach.domain.clock import SystemClock
from coach.domain.fields import DataError
from coach.domain.i18n import _, use
from coach.store import StoreError, open_db
from coach.store.stores import Stores
from coach.system.content_cache import load_content_cached
from coach.system.desktop_entry import DESKTOP_ID
from coach.system.instance_lock import AlreadyRunningError, InstanceLock, UnsafeLockFileError
from coach.system.logs import setup_logging
from coach.system.paths import DataPaths, exercises_dir
from coach.ui.active_profile import ActiveProfile
from coach.ui.common.appearance import apply_appearance
from coach.ui.common.errors import install_excepthook, route_qt_messages, show_error
from coach.ui.common.preferences import Preferences
from coach.ui.common.wheel_guard import install_wheel_guard
from coach.ui.context import AppContext
from coach.ui.language import apply_language, apply_qt_language, system_ui_language
from coach.ui.main_window import MainWindow
from coach.ui.restart import Restart, relaunch, restart_profile
from coach.ui.screens import build_screens
from coach.ui.settings.profile_switcher import ProfileSwitcher

log = logging.getLogger(__name__)

EXIT_AFTER_PAINT_ENV = "COACH_EXIT_AFTER_FIRST_PAINT"  # used by bench/startup.py


def make_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (or the existing one under tests)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Fusion everywhere, chosen on the command line: cheaper at start than QStyleFactory.
    app = QApplication([*(argv or [sys.argv[0]]), "-style", "fusion"])
    identify(app)
    apply_qt_language(app)  # Qt's own buttons in the language chosen for this run
    return app


def identify(app: QApplication) -> None:
    """The names the desktop matches the windows by: the desktop file name is the .desktop
    file's (and its icon's and metainfo's) ID, Wayland's app id; the application name is
    X11's WM_CLASS, which the entry's StartupWMClass names."""
    app.setApplicationName("Rehab Coach")
    app.setOrganizationName("Rehab Coach")
    app.setDesktopFileName(DESKTOP_ID)


def set_app_icon(app: QApplication) -> None:
    """The icon of every window, dialog and message box, and of the task bar (on Wayland the
    desktop takes it from the desktop file name set in make_application). Drawn PNGs at each
    size, so no SVG plugin is needed; set once the window is painted, because reading them
    takes a few milliseconds that the patient's first sight of Today need not wait for."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from coach.system.desktop_entry import HICOLOR_SIZES, icon_png

    icon = QIcon()
    for size in HICOLOR_SIZES:
        path = icon_png(size)
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    if not icon.isNull():
        app.setWindowIcon(icon)


def build_context(
    paths: DataPaths,
    log_file: Path | None = None,
    profile_id: int | None = None,
    *,
    profile_language: bool = False,
) -> AppContext:
    """Open the store and gather the app's dependencies. The caller holds the instance lock.
    The first profile is shown, or ``profile_id`` (the one open before "Restart now"). With
    ``profile_language`` its language is used from here on, so the content is loaded in it."""
    stores = Stores(open_db(paths.database))
    try:
        profiles = stores.repo.profiles()
        profiles.sort(key=lambda p: p.id != profile_id)  # stable: the asked-for one first
        if profile_language and profiles:
            use(profiles[0].language)
        content = load_content_cached(exercises_dir(), paths.cache, i18n.current().code)
    except BaseException:
        stores.db.close()
        raise
    return AppContext(
        paths=paths,
        stores=stores,
        clock=SystemClock(),
        prefs=Preferences(paths.settings),
        content=content,
        active=ActiveProfile(profiles[0] if profiles else None),
        log_file=log_file,
        content_loader=lambda language: load_content_cached(exercises_dir(), paths.cache, language),
    )


def build_window(app: QApplication, ctx: AppContext) -> MainWindow:
    install_wheel_guard(app)

    def restyle() -> None:
        apply_appearance(app, ctx.prefs.text_scale, ctx.prefs.theme)

    restyle()
    window = MainWindow(build_screens(ctx, restyle))
    window.add_rail_widget(ProfileSwitcher(ctx))
    return window


def run_app(paths: DataPaths, *, demo: bool = False, language: str | None = None) -> int:
    """Run the GUI until the window closes. Returns the exit code.

    The language: ``language`` (``--lang``) for this run, else the profile's, else the
    desktop's; set before any window is built, because screens are built in one language."""
    if demo:
        from coach.demo.folder import demo_data_paths

        paths = demo_data_paths()
    route_qt_messages()
    app = make_application()  # first: whatever fails next is said in a window
    apply_language(app, language or system_ui_language())
    log_file: Path | None = None
    with contextlib.suppress(OSError):  # a log that cannot be written must not stop the app
        log_file = setup_logging(paths.logs)
    lock = InstanceLock(paths.lock)
    try:
        lock.acquire()
    except AlreadyRunningError:
        _ask_running_instance_to_come_forward(paths)
        set_app_icon(app)
        from PySide6.QtWidgets import QMessageBox  # message boxes only when something is wrong

        QMessageBox.information(
            None, "Rehab Coach", _("Rehab Coach is already open. Look for its window.")
        )
        return 0
    except (OSError, UnsafeLockFileError) as exc:
        return _cannot_start(exc)
    restart = Restart()
    try:
        try:
            ctx = build_context(
                paths, log_file, restart_profile(os.environ), profile_language=language is None
            )
        except Exception as exc:
            if not _is_startup_fault(exc):
                raise
            return _cannot_start(exc)
        restart = ctx.restart
        apply_qt_language(app)  # the profile's language may have been chosen just now
        if ctx.active.profile is None and not _first_run(app, ctx):
            ctx.db.close()  # left onboarding: nothing was written
            return 0
        window = build_window(app, ctx)
        install_excepthook(lambda: window, log_file)
        watcher = _watch_for_raise_requests(paths, window)
        if os.environ.get(EXIT_AFTER_PAINT_ENV):
            window.first_painted.connect(lambda: _report_first_paint(app))
        if window.maximise:
            window.showMaximized()
        else:
            window.show()
        log.info("app started")
        window.first_painted.connect(  # once the window is up, not before its first paint
            lambda: QTimer.singleShot(0, lambda: _after_first_paint(app, window, ctx))
        )
        code = app.exec()
        watcher.deleteLater()
        ctx.db.close()
        return code
    finally:
        lock.release()
        relaunch(restart, paths)  # only now: the new process must find the lock free


def _is_startup_fault(exc: Exception) -> bool:
    """A failure the person can act on (damaged or foreign data, a full or read-only disk, a
    busy database), as opposed to a bug, which the generic handler logs."""
    from coach.store.faults import fault_cause

    known = isinstance(exc, StoreError | DataError | OSError | OverflowError)
    return known or fault_cause(exc) is not None


def _cannot_start(exc: BaseException) -> int:
    """Say why in a window (never only on a terminal nobody sees), then exit with 1."""
    from coach.store.faults import fault_sentence

    log.error("could not start: %s", exc)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        set_app_icon(app)
    reason = fault_sentence(exc) or str(exc) or type(exc).__name__
    show_error(
        None, "Rehab Coach", _("Rehab Coach cannot start.\n\n{reason}").format(reason=reason)
    )
    return 1


def _after_first_paint(app: QApplication, window: MainWindow, ctx: AppContext) -> None:
    set_app_icon(app)
    _start_reminders(window, ctx)
    _offer_unfinished_session(window, ctx)


def _start_reminders(window: MainWindow, ctx: AppContext) -> None:
    """The tray icon and the reminder checks (off the startup path)."""
    from coach.ui.reminders.service import start_reminders

    start_reminders(ctx, window)  # parented to the window: lives as long as it


def _offer_unfinished_session(window: MainWindow, ctx: AppContext) -> None:
    """A session cut short by a crash or power cut: offer to resume, save or discard it."""
    from coach.ui.session.resume import offer_resume_at_start  # off the startup path

    offer_resume_at_start(window, ctx, open_topic=lambda topic: _open_topic(window, topic))


def _open_topic(window: MainWindow, topic_id: str) -> None:
    from coach.ui.learn.cards import open_learn_topic  # only when a topic is asked for

    open_learn_topic(window, topic_id)


def _first_run(app: QApplication, ctx: AppContext) -> bool:
    """No profile yet: the onboarding wizard first; True once it has created one."""
    from coach.ui.onboarding.wizard import run_onboarding  # not needed on a usual start

    set_app_icon(app)
    apply_appearance(app, ctx.prefs.text_scale, ctx.prefs.theme)
    install_wheel_guard(app)
    return run_onboarding(ctx)


def _report_first_paint(app: QApplication) -> None:
    """For bench/startup.py: the time, and whether slow-to-load code was loaded before it.

    PySide6 builds a class (here the ``Qt`` namespace) when it is first used, and only then
    puts it in its module's dictionary."""
    import time

    import PySide6.QtCore

    stamp = time.monotonic()
    heavy = {"pyqtgraph": "pyqtgraph" in sys.modules, "numpy": "numpy" in sys.modules}
    heavy["qt-namespace"] = "Qt" in vars(PySide6.QtCore)
    flags = " ".join(f"{name}={loaded}" for name, loaded in heavy.items())
    print(f"first-paint {stamp:.6f} {flags}", flush=True)
    QTimer.singleShot(0, app.quit)


def _ask_running_instance_to_come_forward(paths: DataPaths) -> None:
    with contextlib.suppress(OSError):  # the message box still tells the user
        paths.raise_request.write_text("raise\n", encoding="utf-8")


def _watch_for_raise_requests(paths: DataPaths, window: MainWindow) -> QFileSystemWatcher:
    """A second start touches coach.raise; bring this window forward when it changes."""
    paths.raise_request.touch()
    watcher = QFileSystemWatcher([str(paths.raise_request)], window)
    watcher.fileChanged.connect(lambda _path: window.bring_forward())
    return watcher
