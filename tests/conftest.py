"""Test setup: offscreen Qt, private temp data folders, no network, no real user folders."""

from __future__ import annotations

import os

# Must happen before anything imports Qt or pyqtgraph.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from coach.domain.clock import FakeClock
from coach.domain.content import Content, load_content
from coach.store import open_db
from coach.store.stores import Stores
from coach.system.paths import DataPaths, exercises_dir
from coach.ui.active_profile import ActiveProfile
from coach.ui.common.appearance import apply_appearance
from coach.ui.common.preferences import Preferences
from coach.ui.context import AppContext
from tests.scripted_dialogs import ScriptedDialogs, scripted


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    """The app's own style (``make_application`` asks for Fusion the same way)."""
    return ["rehab-coach-tests", "-style", "fusion"]


@pytest.fixture(autouse=True)
def _no_real_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point HOME and the XDG folders at a temp dir, so nothing can reach real user data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("COACH_DATA_DIR", raising=False)


@pytest.fixture(autouse=True)
def _english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English whatever the machine's language (the command line follows
    LANGUAGE/LC_ALL/LC_MESSAGES/LANG), and a test that switched language (``--lang es``, the
    app's start) cannot leave the next one in it, nor Qt's catalogue installed."""
    from PySide6.QtCore import QLocale

    from coach.domain.i18n import SOURCE, use
    from coach.ui.language import remove_qt_translator

    monkeypatch.setenv("LANGUAGE", SOURCE)
    use(SOURCE)
    locale = QLocale()
    yield
    use(SOURCE)
    QLocale.setDefault(locale)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        remove_qt_translator(app)


@pytest.fixture(autouse=True)
def _no_real_speech(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test speaks through a real engine (espeak-ng may be installed): the app's shared
    speaker has no engine, so sessions use tones, as on a computer without one. Tests that
    check speech pass a Speaker with a FakeEngine. Likewise no test inhibits the real
    screensaver."""
    from coach.platform.awake import FakeInhibitor
    from coach.ui.session import screen_awake, voice

    voice.reset_shared_speaker()
    monkeypatch.setattr(voice, "make_engine", lambda: None)
    monkeypatch.setattr(screen_awake, "make_inhibitor", FakeInhibitor)  # never the desktop
    yield
    voice.reset_shared_speaker()


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    """A data folder that does not exist yet (open_db must create it)."""
    return DataPaths(tmp_path / "data")


@pytest.fixture
def db_path(data_paths: DataPaths) -> Path:
    return data_paths.database


@pytest.fixture
def opened_db(db_path: Path) -> Iterator[object]:
    from coach.store import open_db

    db = open_db(db_path)
    yield db
    db.close()


@pytest.fixture(scope="session")
def content() -> Content:
    """The shipped clinical content, loaded once per test run."""
    return load_content(exercises_dir())


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def ctx(
    data_paths: DataPaths, clock: FakeClock, qapp: QApplication, content: Content
) -> Iterator[AppContext]:
    """An app context on an empty temp data folder (no profile yet)."""
    db = open_db(data_paths.database)
    context = AppContext(
        paths=data_paths,
        stores=Stores(db),
        clock=clock,
        prefs=Preferences(data_paths.settings),
        content=content,
        active=ActiveProfile(None),
        dialogs=ScriptedDialogs(),  # no test waits on a modal dialog
    )
    yield context
    db.close()
    apply_appearance(qapp, 100, "light")


@pytest.fixture
def restyle(ctx: AppContext, qapp: QApplication) -> Callable[[], None]:
    def apply() -> None:
        apply_appearance(qapp, ctx.prefs.text_scale, ctx.prefs.theme)

    return apply


@pytest.fixture
def dialogs(ctx: AppContext) -> ScriptedDialogs:
    """What the "person" answers when the app asks (``ctx.dialogs``)."""
    return scripted(ctx)
