"""Is every word on screen translated? Finds visible text that did not go through the catalogue.

Used by the pseudo-language test: the app runs in ``qps``, where every translated message comes
back accented (``Start`` -> ``[Šţåŕţ ẋẋ]``), so any plain ASCII letter left on screen was never
wrapped in ``_()`` (or was glued onto a translated piece, like a plural "s"). Text the test
itself put in (a profile name, a note the patient typed) is ``data`` and is removed first;
``NEVER_TRANSLATED`` holds the few names that stay the same in every language.

Read from every visible widget of a window: label, button, group box and tab texts, line-edit
placeholders, combo box items, spin box prefixes and suffixes, read-only text views, window
titles, tooltips and accessible names (a screen reader speaks them), the headers and visible
cells of item views, and the text *painted* by widgets that draw their own (charts, the body
map, item delegates), caught by rendering them into a recording paint device. Qt's own words
(the OK and Cancel of a button box) are translated by Qt's catalogue, not ours: skipped.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPoint,
    Qt,
)
from PySide6.QtGui import (
    QImage,
    QPaintDevice,
    QPaintEngine,
    QPaintEngineState,
    QTextDocumentFragment,
    QTextItem,
)
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGraphicsView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTextEdit,
    QWidget,
)

from coach.domain.i18n import LANGUAGES

# Names that are the same in every language. The brand is a name, not a word; each language is
# named in its own words in Settings (English, Español), whatever the language shown. Units are
# NOT here: "min", "kg", "reps" are words a translator may change ("rep.", "repeticiones"), so
# they belong inside the message.
NEVER_TRANSLATED = ("Rehab Coach", *LANGUAGES.values())

_ASCII_LETTERS = re.compile(r"[A-Za-z]+")
# Codes, not words: a source's id in Learn ("S1", "P12") reads the same in every language.
_CODE = re.compile(r"(?<![A-Za-z])[A-Z]{1,3}\d+(?![A-Za-z])")
_ENTITY = re.compile(r"&(?:[a-zA-Z]+|#\d+);")


@dataclass(frozen=True)
class Untranslated:
    """One visible text with plain English in it: where it is, what it says, and the module
    of the nearest widget class of ours that holds it (who wraps it)."""

    where: str
    text: str
    module: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.text!r}" + (f" ({self.module})" if self.module else "")


def untranslated_texts(window: QWidget, data: Collection[str] = ()) -> list[Untranslated]:
    """Every visible text in ``window`` (and its visible children) not in the pseudo-language.

    ``data``: strings the test put in (names, notes); they may appear anywhere, whole or
    (in painted text) split across lines.
    """
    known = sorted({*data, *NEVER_TRANSLATED}, key=len, reverse=True)
    found: list[Untranslated] = []
    seen: set[tuple[str, str]] = set()
    for widget, where, text, painted in _visible_texts(window):
        if not _is_translated(text, known, painted) and (where, text) not in seen:
            seen.add((where, text))
            found.append(Untranslated(f"{_name(window)} > {where}", text, _module(widget)))
    return found


def plain_english(text: str, data: Collection[str] = ()) -> list[str]:
    """The runs of plain ASCII letters left in ``text`` once data, markup and the names
    that are never translated are removed: empty for a translated text."""
    known = sorted({*data, *NEVER_TRANSLATED}, key=len, reverse=True)
    return _leftovers(_plain(text), known)


def _is_translated(text: str, known: list[str], painted: bool) -> bool:
    leftovers = _leftovers(_plain(text), known)
    if not leftovers:
        return True
    if painted:
        # Painted text arrives a line (or a formatting run) at a time, so a note that wraps
        # comes in pieces: a piece of data counts as data.
        return all(_inside_data(run, known) for run in _plain_runs(_plain(text)))
    return False


def _plain(text: str) -> str:
    if QtGuiNamespace.mightBeRichText(text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    text = _ENTITY.sub(" ", text).replace("\u200b", "")  # zero-width break points in paths
    # A mnemonic's "&" is not text; "&&" is a literal "&".
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _leftovers(text: str, known: list[str]) -> list[str]:
    for value in known:
        if value:
            text = text.replace(value, " ")
    return _ASCII_LETTERS.findall(_CODE.sub(" ", text))


def _plain_runs(text: str) -> list[str]:
    """Stretches of text with no pseudo-language letter in them that hold ASCII letters."""
    runs = re.split(r"[^\x00-\x7f]+|\[|\]", text)
    return [run.strip() for run in runs if _ASCII_LETTERS.search(run)]


def _inside_data(run: str, known: list[str]) -> bool:
    pattern = re.compile(r"(?<![A-Za-z])" + re.escape(run) + r"(?![A-Za-z])")
    return any(pattern.search(value) for value in known)


# --- where visible text comes from ---------------------------------------------------------


def _visible_texts(window: QWidget) -> Iterator[tuple[QWidget, str, str, bool]]:
    """(widget, where, text, painted) for all a person can see or hear in ``window``."""
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not window:
            continue
        name = _name(widget)
        if widget.isWindow():
            yield widget, name + " title", widget.windowTitle(), False
        for kind, text in _properties(widget):
            if text and text.strip():
                yield widget, f"{name} {kind}", text, False
        for text in _painted(widget):
            yield widget, f"{name} painted", text, True


def _module(widget: QWidget) -> str:
    """The module of the nearest class of the app's own, from ``widget`` up to its window."""
    current: QWidget | None = widget
    while current is not None:
        for cls in type(current).__mro__:
            if cls.__module__.startswith("coach."):
                return cls.__module__
        current = None if current.isWindow() else current.parentWidget()
    return ""


def _properties(widget: QWidget) -> Iterator[tuple[str, str]]:
    yield "tooltip", widget.toolTip()
    yield "accessible name", widget.accessibleName()
    yield "accessible description", widget.accessibleDescription()
    if isinstance(widget, QLabel):
        yield "text", widget.text()
    elif isinstance(widget, QAbstractButton):
        if not _qt_standard_button(widget):
            yield "text", widget.text()
    elif isinstance(widget, QGroupBox):
        yield "title", widget.title()
    elif isinstance(widget, QLineEdit):
        yield "placeholder", widget.placeholderText()  # what is typed is the patient's
        if widget.isReadOnly():
            yield "text", widget.text()
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        yield "placeholder", widget.placeholderText()
        if widget.isReadOnly():
            yield "text", widget.toPlainText()
    elif isinstance(widget, QComboBox):
        yield from _combo_items(widget)
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield f"tab {i}", widget.tabText(i)
            yield f"tab {i} tooltip", widget.tabToolTip(i)
    elif isinstance(widget, QSpinBox | QDoubleSpinBox):
        yield "prefix", widget.prefix()
        yield "suffix", widget.suffix()
    if isinstance(widget, QAbstractSpinBox):
        yield "special value", widget.specialValueText()
    if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        yield from _item_view_texts(widget)


def _combo_items(combo: QComboBox) -> Iterator[tuple[str, str]]:
    """All items: the list drops down with every one of them."""
    edit = combo.lineEdit()
    if edit is not None:
        yield "placeholder", edit.placeholderText()
    for i in range(combo.count()):
        yield f"item {i}", combo.itemText(i)
        tip = combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
        if isinstance(tip, str):
            yield f"item {i} tooltip", tip


def _qt_standard_button(button: QAbstractButton) -> bool:
    """A button box's own OK, Cancel, Close ... with Qt's words (Qt's catalogue translates
    those); one the code renamed ("Save plan") is ours."""
    parent = button.parentWidget()
    while parent is not None and not isinstance(parent, QDialogButtonBox):
        parent = parent.parentWidget() if not parent.isWindow() else None
    if parent is None:
        return False
    which = parent.standardButton(button)
    if which == QDialogButtonBox.StandardButton.NoButton:
        return False
    return button.text() == _qt_button_text(which)


_qt_words: dict[QDialogButtonBox.StandardButton, str] = {}


def _qt_button_text(which: QDialogButtonBox.StandardButton) -> str:
    if which not in _qt_words:
        box = QDialogButtonBox(which)
        made = box.button(which)
        _qt_words[which] = made.text() if made is not None else ""
        box.deleteLater()
    return _qt_words[which]


_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)


def _item_view_texts(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    """Header sections shown and the cells inside the visible part of the view."""
    model = view.model()
    if model is None:
        return
    for header in view.findChildren(QHeaderView):
        if header.isVisible() and header.parentWidget() is view:
            for section in range(header.count()):
                if not header.isSectionHidden(section):
                    for role in _ROLES[:2]:
                        text = model.headerData(section, header.orientation(), role)
                        if isinstance(text, str):
                            yield f"header {section}", text
    area = view.viewport().rect()
    for index in _indexes(model, QModelIndex()):
        if not view.visualRect(index).intersects(area):
            continue
        for role in _ROLES:
            text = model.data(index, role)
            if isinstance(text, str):
                yield f"cell {index.row()},{index.column()}", text


def _indexes(model: QAbstractItemModel, parent: QModelIndex) -> Iterator[QModelIndex]:
    # List and table models hide columnCount / hasChildren (private in C++): they are flat.
    flat = isinstance(model, QAbstractListModel | QAbstractTableModel)
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            yield index
            if column == 0 and not flat and model.hasChildren(index):
                yield from _indexes(model, index)


# --- painted text ----------------------------------------------------------------------------


def _painted(widget: QWidget) -> list[str]:
    """Text a widget draws itself (not through a label): charts on a graphics view, custom
    painting, item delegates that paint. Rendered, without children, into a recorder."""
    target: QWidget | None = None
    if isinstance(widget, QHeaderView):
        return []
    if isinstance(widget, QGraphicsView | QAbstractItemView):
        if isinstance(widget, QGraphicsView) or _custom(type(widget.itemDelegate()), "paint"):
            target = widget.viewport()
    elif not isinstance(widget, QLabel | QAbstractButton) and _custom(type(widget), "paintEvent"):
        target = widget
    if target is None or target.width() <= 0 or target.height() <= 0:
        return []
    device = _Recorder(target.width(), target.height())
    target.render(device, QPoint(), renderFlags=QWidget.RenderFlag.DrawWindowBackground)
    return [t for t in device.engine.texts if t.strip()]


def _custom(kind: type, method: str) -> bool:
    """Does a class of ours (or a library's, like pyqtgraph) override Qt's ``method``?"""
    return any(
        method in vars(cls)
        for cls in kind.__mro__
        if not cls.__module__.startswith(("PySide6", "shiboken6", "builtins"))
    )


class _Engine(QPaintEngine):
    """Draws nothing; keeps every piece of text it is asked to draw."""

    def __init__(self) -> None:
        super().__init__(QPaintEngine.PaintEngineFeature.AllFeatures)
        self.texts: list[str] = []

    def begin(self, pdev: QPaintDevice) -> bool:
        return True

    def end(self) -> bool:
        return True

    def updateState(self, state: QPaintEngineState) -> None:
        pass

    def drawPixmap(self, *args: object) -> None:
        pass

    def drawImage(self, *args: object) -> None:
        pass

    def drawPolygon(self, *args: object) -> None:
        pass

    def drawRects(self, *args: object) -> None:
        pass

    def drawPath(self, *args: object) -> None:
        pass

    def drawTextItem(self, p: object, item: QTextItem) -> None:
        self.texts.append(item.text())

    def type(self) -> QPaintEngine.Type:
        return QPaintEngine.Type.User


class _Recorder(QPaintDevice):
    """A paint device of a window's size and resolution whose engine records text."""

    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self._image = QImage(width, height, QImage.Format.Format_ARGB32)
        self.engine = _Engine()

    def paintEngine(self) -> QPaintEngine:
        return self.engine

    def metric(self, metric: QPaintDevice.PaintDeviceMetric) -> int:
        return self._image.metric(metric)


def _name(widget: QWidget) -> str:
    name = widget.objectName() or widget.accessibleName()
    kind = type(widget).__name__
    return f"{kind} {name!r}" if name else kind


def describe(found: Iterable[Untranslated], prefix: str = "") -> list[str]:
    """One line each, for a problem list."""
    return [f"{prefix}{item}" for item in found]
