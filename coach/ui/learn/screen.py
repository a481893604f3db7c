"""Learn: short topics about leg pain after back surgery, to read, search and print.

Everything is plain text in labels (topic files are data, never markup), in the "reading" size
that follows the patient's text size and theme. "When to get help" opens the Warning signs page
when the main window has one; a topic's coping tools open from its page.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coach.domain.i18n import _, ngettext
from coach.domain.learn import WARNING_SIGNS_KEY, Topic
from coach.reports.atomic import ExportError
from coach.ui.common.flow_layout import FlowLayout
from coach.ui.common.screen_stack import guarded_refresh
from coach.ui.common.widgets import button, label, scroll_area
from coach.ui.context import AppContext
from coach.ui.learn.topic import TOPIC_ROLE, TopicDelegate, TopicPage

log = logging.getLogger(__name__)


class LearnScreen(QWidget):
    """The topic list with search on the left; the chosen topic, large, on the right."""

    tool_requested = Signal(str)
    printed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._dialogs = ctx.dialogs
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
        column.addWidget(label(_("Learn"), "title", side))
        column.addWidget(label(_("Short pages about leg pain after back surgery."), "hint", side))
        self.search = QLineEdit(side)
        self.search.setPlaceholderText(_("Search, for example: nerve, sleep, medicine"))
        self.search.setAccessibleName(_("Search the Learn pages"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill_list)
        column.addWidget(self.search)
        self.count = label("", "hint", side)
        column.addWidget(self.count)
        self.list = QListWidget(side)
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setAccessibleName(_("Learn pages"))
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
        self.previous = button(_("← Previous"), parent)
        self.previous.setAccessibleName(_("Previous page"))
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next = button(_("Next →"), parent)
        self.next.setAccessibleName(_("Next page"))
        self.next.clicked.connect(lambda: self._step(1))
        self.print_button = button(_("Print this topic"), parent)
        self.print_button.setAccessibleName(_("Print this topic as a PDF"))
        self.print_button.clicked.connect(self._on_print)
        self.read_aloud = button(_("Read aloud"), parent)
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
            self.count.setText(_("No page matches. Try another word."))
        elif len(found) == total:
            self.count.setText(ngettext("{count} page", "{count} pages", total).format(count=total))
        else:
            self.count.setText(
                ngettext("{found} of {count} page", "{found} of {count} pages", total).format(
                    found=len(found), count=total
                )
            )

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
        number = profile.emergency_number if profile else _("your emergency number")
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
        path = self._dialogs.save_path(
            self, _("Save this topic as a PDF"), suggested, _("PDF (*.pdf)")
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        profile = self._ctx.active.profile
        number = profile.emergency_number if profile else _("your emergency number")
        try:
            if profile is None:
                write_topics(path, [topic], number, data_folder=self._ctx.paths.root)
            else:
                with self._ctx.report_language(profile) as content:  # the patient's language
                    printed = content.learn.get(topic.id)
                    write_topics(path, [printed], number, data_folder=self._ctx.paths.root)
        except ExportError as exc:
            self._dialogs.inform(self, _("Not saved"), str(exc))
            return
        log.info("printed a Learn topic")
        self.printed.emit(str(path))
        self._dialogs.inform(
            self, _("Saved"), _("Saved to:\n{path}\n\nOpen it to print it.").format(path=path)
        )
