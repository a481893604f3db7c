"""One Learn topic, large and plain, and how the topic list draws a title over its summary
(kept apart from the Learn screen, which lays them out and handles search, print and links)."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from coach.domain.i18n import _
from coach.domain.learn import LearnLibrary, Topic, tool_label
from coach.ui.common.flow_layout import FlowLayout
from coach.ui.common.widgets import button, label

TOPIC_ROLE = Qt.ItemDataRole.UserRole


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
        title, _sep, summary = str(index.data()).partition("\n")
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
        column.addWidget(label(_("What you can do"), "heading", self))
        self._todo = QVBoxLayout()
        self._todo.setSpacing(6)
        column.addLayout(self._todo)
        column.addWidget(label(_("When to get help"), "heading", self))
        self.help_text = label("", "reading", self)
        column.addWidget(self.help_text)
        self.warning_signs = button(_("Open Warning signs"), self)
        self.warning_signs.setAccessibleName(_("Open the Warning signs page"))
        self.warning_signs.clicked.connect(self.warning_signs_requested)
        row = QHBoxLayout()
        row.addWidget(self.warning_signs)
        row.addStretch(1)
        column.addLayout(row)
        self.related_heading = label(_("Read next"), "heading", self)
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
            words = tool_label(tool)
            tool_button = button(words, self)
            tool_button.setAccessibleName(_("Open the {tool} tool").format(tool=words.lower()))
            tool_button.clicked.connect(lambda _=False, t=tool: self.tool_requested.emit(t))
            self._tools.addWidget(tool_button)
            self.tool_buttons[tool] = tool_button
        self.related_buttons = {}
        for other_id in topic.related:
            other = library.get(other_id)
            link = button(other.title, self, wrap=True)  # a long title wraps
            link.setAccessibleName(_("Read: {title}").format(title=other.title))
            link.clicked.connect(lambda _=False, i=other_id: self.topic_chosen.emit(i))
            self._related.addWidget(link)
            self.related_buttons[other_id] = link
        self.related_heading.setVisible(bool(topic.related))
        self.sources.setText(
            _("Sources, for your therapist: {sources}").format(sources=", ".join(topic.sources))
        )

    def tools_enabled(self, enabled: bool) -> None:
        for tool_button in self.tool_buttons.values():
            tool_button.setVisible(enabled)
