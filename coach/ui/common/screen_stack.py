"""The main window's stack of screens, each built the first time it is shown.

A screen that raises while it is built, or while it refreshes (a method marked with
``@guarded_refresh``), is replaced by a plain message with a "Try again" button that builds it
anew: the patient never looks at a blank or half-drawn page. The error goes to the log with its
traceback (ids and kinds only, as everywhere in the log).

On the startup path: stays off PySide6's ``Qt`` namespace (see coach.ui.common.appearance).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import ParamSpec

from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from coach.domain.i18n import _
from coach.ui.common.widgets import button, card, label

log = logging.getLogger(__name__)

P = ParamSpec("P")


class ScreenFailure(QWidget):
    """What stands in for a screen that could not be shown."""

    def __init__(self, title: str, retry: Callable[[], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("screen-failure")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        frame, column = card(self)
        self.heading = label(_("{screen} could not be shown").format(screen=title), "title", frame)
        self.text = label(
            _(
                "Something went wrong while opening this page. What you recorded is still saved. "
                "Try again. If it keeps happening, close Rehab Coach and open it again."
            ),
            None,
            frame,
        )
        self.retry_button = button(_("Try again"), frame, primary=True)
        self.retry_button.setMinimumWidth(200)
        self.retry_button.setAccessibleName(_("Try again to open {screen}").format(screen=title))
        self.retry_button.clicked.connect(retry)
        row = QHBoxLayout()
        row.addWidget(self.retry_button)
        row.addStretch(1)
        column.addWidget(self.heading)
        column.addWidget(self.text)
        column.addLayout(row)
        outer.addWidget(frame)
        outer.addStretch(1)
        self.setFocusProxy(self.retry_button)


class ScreenStack(QStackedWidget):
    """Screens by index, built on first use; failures become a ``ScreenFailure``."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._keys: list[str] = []
        self._titles: list[str] = []
        self._factories: list[Callable[[], QWidget]] = []
        self._built: list[bool] = []

    def add_screen(self, key: str, title: str, factory: Callable[[], QWidget]) -> None:
        self._keys.append(key)
        self._titles.append(title)
        self._factories.append(factory)
        self._built.append(False)
        self.addWidget(QWidget(self))  # a placeholder until first shown

    def build(self, index: int) -> None:
        """Build screen ``index`` unless it is built already."""
        if self._built[index]:
            return
        self._built[index] = True
        try:
            widget = self._factories[index]()
        except Exception:
            log.exception("the %s screen could not be built", self._keys[index])
            widget = self._failure(index)
        self._put(index, widget)

    def rebuild(self, index: int) -> None:
        """Build screen ``index`` anew (the failure page's Try again)."""
        self._built[index] = False
        self.build(index)
        if self.currentIndex() == index:
            current = self.widget(index)
            if current is not None:
                current.setFocus()

    def fail(self, screen: QWidget) -> bool:
        """Replace the screen holding ``screen`` by the failure page; False if none does."""
        index = self._index_holding(screen)
        if index < 0:
            return False
        self._put(index, self._failure(index))
        return True

    def _failure(self, index: int) -> ScreenFailure:
        return ScreenFailure(self._titles[index], lambda: self.rebuild(index), self)

    def _index_holding(self, widget: QWidget) -> int:
        child: QWidget | None = widget
        while child is not None and child.parentWidget() is not self:
            child = child.parentWidget()
        return -1 if child is None else self.indexOf(child)

    def _put(self, index: int, widget: QWidget) -> None:
        old = self.widget(index)
        current = self.currentIndex()
        self.insertWidget(index, widget)
        if old is not None:
            self.removeWidget(old)
            old.hide()
            old.deleteLater()  # not at once: its own method may be running (a refresh)
        if current >= 0:
            self.setCurrentIndex(current)


def guarded_refresh(method: Callable[P, None]) -> Callable[P, None]:
    """Mark a screen's refresh: if it raises while the screen is in a ``ScreenStack``, the
    screen is replaced by the failure page (the error is logged). Outside a stack, or while the
    screen is being built, the exception goes on (``build`` then shows the failure page)."""

    @functools.wraps(method)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            method(*args, **kwargs)
        except Exception:
            screen = args[0]  # the method's self
            stack = _stack_of(screen) if isinstance(screen, QWidget) else None
            if stack is None or not isinstance(screen, QWidget):
                raise
            log.exception("the %s screen could not refresh", type(screen).__name__)
            stack.fail(screen)

    return run


def _stack_of(widget: QWidget) -> ScreenStack | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, ScreenStack):
        parent = parent.parentWidget()
    return parent
