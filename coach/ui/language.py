"""The app's language: our words (``i18n.use``), Qt's own words and Qt's date formats together.

Qt translates its standard buttons and dialogs (OK, Cancel, Yes, the file dialog) from its own
catalogue, ``qtbase_<code>.qm`` in PySide6's translations folder; we never translate those by
hand. The default QLocale follows too, so a date edit shows "14 marzo 2026" in Spanish and
"14 March 2026" in English whatever the desktop's language (the region stays the system's).
It is applied once at start, before any window is built: screens are made in one language.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from coach.domain.i18n import SOURCE, pick, use
from coach.system.languages import shown_language

log = logging.getLogger(__name__)

_TRANSLATOR = "coach-qt-translator"


def system_ui_language() -> str:
    """The shipped language the desktop asks for (Qt knows the Windows and macOS settings)."""
    return pick(QLocale.system().uiLanguages())


def qt_translations_dir() -> str:
    """Where Qt keeps its catalogues: Qt's own answer, else PySide6's folder (a packaged
    build keeps them there, and may not tell Qt)."""
    told = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if any(Path(told).glob("qtbase_*.qm")):
        return told
    import PySide6

    return str(Path(PySide6.__file__).parent / "Qt" / "translations")


def apply_language(app: QApplication, code: str) -> None:
    """Show ``code`` from now on: our catalogue, Qt's and the default locale."""
    use(code)
    apply_qt_language(app)


def remove_qt_translator(app: QApplication) -> None:
    """Qt's own words back to English (the one catalogue we install, if any)."""
    old = app.findChild(QTranslator, _TRANSLATOR)
    if old is not None:
        app.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()


def apply_qt_language(app: QApplication) -> None:
    """Qt's own words and date formats in the language ``i18n`` is using now."""
    code = shown_language()
    remove_qt_translator(app)
    territory = QLocale.territoryToCode(QLocale.system().territory())
    QLocale.setDefault(QLocale(f"{code}_{territory}" if territory else code))
    if code == SOURCE:
        return
    translator = QTranslator(app)
    translator.setObjectName(_TRANSLATOR)
    if translator.load(f"qtbase_{code}", qt_translations_dir()):
        app.installTranslator(translator)
    else:  # the app still works; only Qt's standard buttons stay in English
        log.warning("Qt's %s translations were not found in %s", code, qt_translations_dir())
        translator.deleteLater()
