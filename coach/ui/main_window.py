"""The main window: a navigation rail with large targets beside a stack of screens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coach.domain.i18n import _
from coach.ui.common.screen_stack import ScreenStack
from coach.ui.common.widgets import fit_to_screen, label


@dataclass(frozen=True)
class ScreenEntry:
    """A screen shown in the rail: its key (for screenshots and tests), label and a factory.

    Screens are built the first time they are shown, so startup pays only for the first one;
    one that fails to build shows a message with "Try again" instead (``ScreenStack``).
    """

    key: str
    title: str
    factory: Callable[[], QWidget]


class _RailScroll(QScrollArea):
    """The rail scrolls when a small screen at big text has no room for all its buttons; it is
    always as wide as its widest item (never cut off at the side)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setProperty("focusPolicy", "NoFocus")  # by name: no Qt namespace at start
        self.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")

    def _width(self) -> int:
        rail = self.widget()
        inner = max(rail.minimumSizeHint().width(), rail.minimumWidth()) if rail else 0
        return inner + self.verticalScrollBar().sizeHint().width()

    def minimumSizeHint(self) -> QSize:
        return QSize(self._width(), 0)

    def sizeHint(self) -> QSize:
        rail = self.widget()
        high = rail.sizeHint().height() if rail is not None else 0
        return QSize(self._width(), high)


class MainWindow(QMainWindow):
    """Holds the screens; knows nothing about the data they show."""

    screen_changed = Signal(str)
    first_painted = Signal()

    def __init__(self, screens: list[ScreenEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Rehab Coach")
        self.maximise = fit_to_screen(self, 1200, 800)  # app.py shows it so
        self._keys: list[str] = []
        self._painted = False

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)

        rail = QFrame(central)
        rail.setProperty("role", "rail")
        rail.setMinimumWidth(220)
        rail_layout = QVBoxLayout(rail)
        rail_layout.setContentsMargins(12, 18, 12, 18)
        rail_layout.setSpacing(6)
        # One line: wrapped at big text it pushed the rail's buttons off a 720 px screen.
        rail_layout.addWidget(label("Rehab Coach", "heading", rail, wrap=False))
        self._rail_extras = QVBoxLayout()
        rail_layout.addLayout(self._rail_extras)
        rail_layout.addSpacing(12)

        self._stack = ScreenStack(central)
        self._buttons = QButtonGroup(self)
        self._buttons.setExclusive(True)
        for index, entry in enumerate(screens):
            self._keys.append(entry.key)
            nav = QPushButton(entry.title, rail)
            nav.setCheckable(True)
            nav.setMinimumHeight(50)
            nav.setProperty("role", "nav")
            nav.setAccessibleName(_("Go to {screen}").format(screen=entry.title))
            nav.setObjectName(f"nav-{entry.key}")
            self._buttons.addButton(nav, index)
            rail_layout.addWidget(nav)
            self._stack.add_screen(entry.key, entry.title, entry.factory)
            if index < 9:
                shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
                shortcut.activated.connect(lambda i=index: self.show_index(i))
        rail_layout.addStretch(1)
        self._buttons.idClicked.connect(self.show_index)

        rail_scroll = _RailScroll(central)
        rail_scroll.setWidget(rail)
        row.addWidget(rail_scroll)
        row.addWidget(self._stack, 1)
        self.setCentralWidget(central)
        if screens:
            self.show_index(0)

    def add_rail_widget(self, widget: QWidget) -> None:
        """Put a widget (e.g. the profile switcher) at the top of the rail, under the name."""
        widget.setParent(self)
        self._rail_extras.addWidget(widget)

    @property
    def screen_keys(self) -> list[str]:
        return list(self._keys)

    def current_key(self) -> str:
        return self._keys[self._stack.currentIndex()]

    def show_screen(self, key: str) -> None:
        self.show_index(self._keys.index(key))

    def show_index(self, index: int) -> None:
        self._stack.build(index)
        self._stack.setCurrentIndex(index)
        button = self._buttons.button(index)
        if button is not None:
            button.setChecked(True)
        take_focus = getattr(self._stack.currentWidget(), "take_focus", None)
        if callable(take_focus):  # the keyboard goes on in the screen just chosen
            take_focus()
        self.screen_changed.emit(self._keys[index])

    def screen_widget(self, key: str) -> QWidget:
        """The screen for ``key``, built if needed (a ``ScreenFailure`` if it could not be)."""
        index = self._keys.index(key)
        self._stack.build(index)
        widget = self._stack.widget(index)
        assert widget is not None
        return widget

    def bring_forward(self) -> None:
        """Show, un-minimise and raise the window (a second start asked for it)."""
        from PySide6.QtCore import Qt  # not at import: the namespace is slow to load

        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
