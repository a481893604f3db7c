"""Learn: short topics about leg pain after back surgery, to read, search and print.

Everything is plain text in labels (topic files are data, never markup), in the "reading" size
that follows the patient's text size and theme. "When to get help" opens the Warning signs page
when the main window has one; a topic's coping tools open from its page.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPalette,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from coach.domain.learn import TOOL_LABELS, WARNING_SIGNS_KEY, LearnLibrary, Topic
from coach.reports.atomic import ExportError
from coach.ui.context import AppContext
from coach.ui.flow_layout import FlowLayout
from coach.ui.screen_stack import guarded_refresh
from coach.ui.widgets import button, label, scroll_area

log = logging.getLogger(__name__)
TOPIC_ROLE = Qt.ItemDataRole.UserRole


class Dialogs:
    """The questions this screen asks; tests replace these to answer without a person."""

    @staticmethod
    def save_path(parent: QWidget, title: str, suggested: Path, pattern: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), pattern)
        return Path(name) if name else None

    @staticmethod
    def inform(parent: QWidget, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)


def _clear(layout: QVBoxLayout | QHBoxLayout | FlowLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()


class TopicDelegate(QStyledItemDelegate):
    """A list row: the topic's title in bold, its one-line summary under it (plain text)."""

    PAD = 8

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    def _parts(self, index: QModelIndex | QPersistentModelIndex) -> tuple[str, str]:
        title, _, summary = str(index.data()).partition("\n")
        return title, summary

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setBold(True)
        return bold, QFont(option.font)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = max(80, self._view.viewport().width() - 2 * self._view.spacing()) - 2 * self.PAD
        height = 2 * self.PAD
        for font, text in zip(self._fonts(option), self._parts(index), strict=True):
            rect = QFontMetrics(font).boundingRect(
                QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text
            )
            height += rect.height()
        return QSize(width, height + 4)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        rect = opt.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        for font, text in zip(self._fonts(opt), self._parts(index), strict=True):
            painter.setFont(font)
            bounds = painter.boundingRect(rect, int(Qt.TextFlag.TextWordWrap), text)
            painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), text)
            rect.setTop(rect.top() + bounds.height())
        painter.restore()


class TopicPage(QWidget):
    """One topic: title, summary, paragraphs, what you can do, when to get help, links."""

    topic_chosen = Signal(str)
    tool_requested = Signal(str)
    warning_signs_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(14)
        self.title = label("", "title", self)
        self.summary = label("", None, self)
        column.addWidget(self.title)
        column.addWidget(self.summary)
        self._tools = FlowLayout(None)  # the coping tools first: one tap, no scrolling
        column.addLayout(self._tools)
        self._body = QVBoxLayout()
        self._body.setSpacing(12)
        column.addLayout(self._body)
        column.addWidget(label("What you can do", "heading", self))
        self._todo = QVBoxLayout()
        self._todo.setSpacing(6)
        column.addLayout(self._todo)
        column.addWidget(label("When to get help", "heading", self))
        self.help_text = label("", "reading", self)
        column.addWidget(self.help_text)
        self.warning_signs = button("Open Warning signs", self)
        self.warning_signs.setAccessibleName("Open the Warning signs page")
        self.warning_signs.clicked.connect(self.warning_signs_requested)
        row = QHBoxLayout()
        row.addWidget(self.warning_signs)
        row.addStretch(1)
        column.addLayout(row)
        self.related_heading = label("Read next", "heading", self)
        column.addWidget(self.related_heading)
        self._related = QVBoxLayout()
        column.addLayout(self._related)
        self.sources = label("", "hint", self)
        column.addWidget(self.sources)
        column.addStretch(1)
        self.tool_buttons: dict[str, QPushButton] = {}
        self.related_buttons: dict[str, QPushButton] = {}

    def show_topic(self, topic: Topic, library: LearnLibrary, emergency_number: str) -> None:
        self.title.setText(topic.title)
        self.summary.setText(topic.summary)
        for layout in (self._body, self._todo, self._tools, self._related):
            _clear(layout)
        for paragraph in topic.body(emergency_number):
            self._body.addWidget(label(paragraph, "reading", self))
        for item in topic.what_you_can_do:
            self._todo.addWidget(label(f"•  {item}", "reading", self))
        self.help_text.setText(topic.when_to_get_help)
        self.tool_buttons = {}
        for tool in topic.tools:
            tool_button = button(TOOL_LABELS[tool], self)
            tool_button.setAccessibleName(f"Open the {TOOL_LABELS[tool].lower()} tool")
            tool_button.clicked.connect(lambda _=False, t=tool: self.tool_requested.emit(t))
            self._tools.addWidget(tool_button)
            self.tool_buttons[tool] = tool_button
        self.related_buttons = {}
        for other_id in topic.related:
            other = library.get(other_id)
            link = button(other.title, self)
            link.setAccessibleName(f"Read: {other.title}")
            link.clicked.connect(lambda _=False, i=other_id: self.topic_chosen.emit(i))
            self._related.addWidget(link)
            self.related_buttons[other_id] = link
        self.related_heading.setVisible(bool(topic.related))
        self.sources.setText("Sources, for your therapist: " + ", ".join(topic.sources))

    def tools_enabled(self, enabled: bool) -> None:
        for tool_button in self.tool_buttons.values():
            tool_button.setVisible(enabled)


class LearnScreen(QWidget):
    """The topic list with search on the left; the chosen topic, large, on the right."""

    tool_requested = Signal(str)
    printed = Signal(str)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, dialogs: type[Dialogs] = Dialogs
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._dialogs = dialogs
        self._library = ctx.content.learn
        self._current: Topic | None = None
        self._tools_on = False

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_list_side(splitter))
        scroll = scroll_area(splitter)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget(scroll)
        column = QVBoxLayout(holder)
        column.setContentsMargins(24, 28, 32, 28)
        column.setSpacing(16)
        column.addLayout(self._build_buttons(holder))
        self.page = TopicPage(holder)
        self.page.topic_chosen.connect(self.show_topic)
        self.page.tool_requested.connect(self.tool_requested)
        self.page.warning_signs_requested.connect(self._open_warning_signs)
        column.addWidget(self.page)
        scroll.setWidget(holder)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self._scroll = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)

        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self.search.setFocus)
        ctx.active.changed.connect(self.refresh)
        self.refresh()
        if self._library.topics:
            self.show_topic(self._library.topics[0].id)

    def _build_list_side(self, parent: QWidget) -> QWidget:
        side = QWidget(parent)
        column = QVBoxLayout(side)
        column.setContentsMargins(32, 28, 16, 28)
        column.setSpacing(10)
        column.addWidget(label("Learn", "title", side))
        column.addWidget(label("Short pages about leg pain after back surgery.", "hint", side))
        self.search = QLineEdit(side)
        self.search.setPlaceholderText("Search, for example: nerve, sleep, medicine")
        self.search.setAccessibleName("Search the Learn pages")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill_list)
        column.addWidget(self.search)
        self.count = label("", "hint", side)
        column.addWidget(self.count)
        self.list = QListWidget(side)
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setAccessibleName("Learn pages")
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)  # re-wrap when the width changes
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setItemDelegate(TopicDelegate(self.list))
        self.list.currentItemChanged.connect(self._on_current_changed)
        column.addWidget(self.list, 1)
        return side

    def _build_buttons(self, parent: QWidget) -> FlowLayout:
        row = FlowLayout(None)  # wraps at 200% text instead of widening the page
        self.previous = button("← Previous", parent)
        self.previous.setAccessibleName("Previous page")
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next = button("Next →", parent)
        self.next.setAccessibleName("Next page")
        self.next.clicked.connect(lambda: self._step(1))
        self.print_button = button("Print this topic", parent)
        self.print_button.setAccessibleName("Print this topic as a PDF")
        self.print_button.clicked.connect(self._on_print)
        self.read_aloud = button("Read aloud", parent)
        self.read_aloud.setVisible(False)  # no voice in the app yet (the session-voice issue)
        for widget in (self.previous, self.next, self.print_button, self.read_aloud):
            row.addWidget(widget)
        return row

    # -- the list ------------------------------------------------------------------------------
    @guarded_refresh
    def refresh(self) -> None:
        self._fill_list()
        if self._current is not None:
            self.show_topic(self._current.id)

    def _fill_list(self) -> None:
        found = self._library.search(self.search.text())
        keep = self._current.id if self._current else None
        self.list.blockSignals(True)
        self.list.clear()
        for topic in found:
            item = QListWidgetItem(f"{topic.title}\n{topic.summary}")
            item.setData(TOPIC_ROLE, topic.id)
            item.setToolTip(topic.summary)
            self.list.addItem(item)
            if topic.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        total = len(self._library)
        if not found:
            self.count.setText("No page matches. Try another word.")
        elif len(found) == total:
            self.count.setText(f"{total} pages")
        else:
            self.count.setText(f"{len(found)} of {total} pages")

    def _on_current_changed(self, item: QListWidgetItem | None, _old: object) -> None:
        if item is not None:
            self.show_topic(str(item.data(TOPIC_ROLE)))

    def listed_ids(self) -> list[str]:
        return [str(self.list.item(i).data(TOPIC_ROLE)) for i in range(self.list.count())]

    # -- one topic -----------------------------------------------------------------------------
    def show_topic(self, topic_id: str) -> None:
        """Show one topic (from the list, a link, next/previous or another screen)."""
        topic = self._library.get(topic_id)
        self._current = topic
        profile = self._ctx.active.profile
        number = profile.emergency_number if profile else "your emergency number"
        self.page.show_topic(topic, self._library, number)
        self.page.tools_enabled(self._tools_on)
        self.page.warning_signs.setVisible(self._warning_signs_available())
        before, after = self._library.neighbours(topic_id)
        self.previous.setEnabled(before is not None)
        self.next.setEnabled(after is not None)
        self.previous.setToolTip(before.title if before else "")
        self.next.setToolTip(after.title if after else "")
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(TOPIC_ROLE) == topic_id and self.list.currentItem() is not item:
                self.list.blockSignals(True)
                self.list.setCurrentItem(item)
                self.list.blockSignals(False)
        self._scroll.verticalScrollBar().setValue(0)

    def current_topic(self) -> Topic | None:
        return self._current

    def enable_tools(self, enabled: bool = True) -> None:
        """Show the topic's coping-tool buttons (when the window can open the tools)."""
        self._tools_on = enabled
        self.page.tools_enabled(enabled)

    def _step(self, delta: int) -> None:
        if self._current is None:
            return
        before, after = self._library.neighbours(self._current.id)
        target = before if delta < 0 else after
        if target is not None:
            self.show_topic(target.id)

    # -- links out -----------------------------------------------------------------------------
    def _main_window(self) -> QWidget | None:
        from coach.ui.main_window import MainWindow

        window = self.window()
        return window if isinstance(window, MainWindow) else None

    def _warning_signs_available(self) -> bool:
        from coach.ui.main_window import MainWindow

        window = self._main_window()
        return isinstance(window, MainWindow) and WARNING_SIGNS_KEY in window.screen_keys

    def _open_warning_signs(self) -> None:
        from coach.ui.main_window import MainWindow

        window = self._main_window()
        if isinstance(window, MainWindow) and WARNING_SIGNS_KEY in window.screen_keys:
            window.show_screen(WARNING_SIGNS_KEY)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._current is not None:  # the window is known only once shown
            self.page.warning_signs.setVisible(self._warning_signs_available())

    # -- printing ------------------------------------------------------------------------------
    def _on_print(self) -> None:
        from coach.reports.learn_pdf import write_topics

        topic = self._current
        if topic is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder or Path.home()) / f"rehab-coach-{topic.id}.pdf"
        path = self._dialogs.save_path(self, "Save this topic as a PDF", suggested, "PDF (*.pdf)")
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        profile = self._ctx.active.profile
        number = profile.emergency_number if profile else "your emergency number"
        try:
            write_topics(path, [topic], number, data_folder=self._ctx.paths.root)
        except ExportError as exc:
            self._dialogs.inform(self, "Not saved", str(exc))
            return
        log.info("printed a Learn topic")
        self.printed.emit(str(path))
        self._dialogs.inform(self, "Saved", f"Saved to:\n{path}\n\nOpen it to print it.")
