"""Progress: is it getting better? Plain-words summary first, then the charts (or the same
numbers as a table), a range choice, and the reports for the clinic.

The charts module (pyqtgraph) is imported when this screen is first built, never at start.
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coach.domain.i18n import N_, _
from coach.domain.progress import Progress, build_progress, weekly_rows
from coach.domain.progress_text import day_readout, meaning_hint, summary_sentences
from coach.reports.atomic import ExportError
from coach.store.plans import resolve_plan
from coach.ui.common.flow_layout import FlowLayout
from coach.ui.common.screen_stack import guarded_refresh
from coach.ui.common.widgets import button, card, label, scroll_page
from coach.ui.context import AppContext
from coach.ui.progress.table import ProgressTableModel

log = logging.getLogger(__name__)

RANGES = ((N_("&4 weeks"), 4), (N_("1&2 weeks"), 12), (N_("&All"), None))
DEFAULT_WEEKS = 12


class ProgressScreen(QWidget):
    """Summary, charts or table, range buttons, and exports."""

    exported = Signal(str)  # the path written

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from coach.ui.progress.charts import ProgressCharts  # pyqtgraph: only now

        self._ctx = ctx
        self._dialogs = ctx.dialogs
        self._progress: Progress | None = None
        self._weeks: int | None = DEFAULT_WEEKS
        self._stale = False
        self.charts = ProgressCharts(None)
        self.charts.hovered.connect(self._on_chart_hovered)
        scroll = self._build_body()

        self.readout = label(_("Point at a chart to see the numbers of that day."), "hint", self)
        self.readout.setObjectName("readout")
        self.readout.setContentsMargins(32, 6, 32, 10)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.readout)

        ctx.active.changed.connect(self._on_data_changed)
        ctx.active.data_changed.connect(self._on_data_changed)
        self.reload()

    # -- building ------------------------------------------------------------------------------
    def _build_body(self) -> QScrollArea:
        scroll, body, column = scroll_page(self, spacing=18)
        column.addWidget(label(_("Progress"), "title", body))
        self.empty = label("", "big", body)
        column.addWidget(self.empty)
        self.notice = label("", None, body)  # the plan could not be read (as on Today)
        self.notice.hide()
        column.addWidget(self.notice)

        summary_card, summary = card(body)
        summary.addWidget(label(_("How you are doing"), "heading", summary_card))
        self.summary_layout = QVBoxLayout()
        summary.addLayout(self.summary_layout)
        summary.addWidget(label(meaning_hint(), "hint", summary_card))
        self.summary_card = summary_card
        column.addWidget(summary_card)

        column.addWidget(self._controls(body))

        self.stack = QStackedWidget(body)
        self.charts.setParent(self.stack)
        self.table = QTableView(self.stack)
        self.table_model = ProgressTableModel(self.table)
        self.table.setModel(self.table_model)
        self.table.setAccessibleName(_("Progress by week"))
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(400)
        self.stack.addWidget(self.charts)
        self.stack.addWidget(self.table)
        column.addWidget(self.stack, 1)
        column.addWidget(self._outcomes_row(body))
        scroll.setWidget(body)
        return scroll

    def _controls(self, parent: QWidget) -> QWidget:
        """Range, table or charts, and exports: one row that wraps at large text sizes."""
        box = QWidget(parent)
        flow = FlowLayout(box, spacing=10)
        flow.addWidget(label(_("Show:"), None, box, wrap=False))
        self.range_group = QButtonGroup(self)
        self.range_buttons: dict[int | None, QPushButton] = {}
        for text, weeks in RANGES:
            choice = button(_(text), box)
            choice.setCheckable(True)
            choice.setChecked(weeks == DEFAULT_WEEKS)
            choice.setObjectName(f"range-{weeks or 'all'}")
            self.range_group.addButton(choice)
            self.range_buttons[weeks] = choice
            choice.clicked.connect(lambda _=False, w=weeks: self._on_range_clicked(w))
            flow.addWidget(choice)
        self.view_button = button(_("Show numbers as a table"), box)
        self.view_button.setCheckable(True)
        self.view_button.toggled.connect(self._on_view_toggled)
        self.csv_button = button(_("Export &CSV…"), box)
        self.csv_button.setAccessibleName(_("Export all sessions as a CSV file"))
        self.pdf_button = button(_("Export &PDF report…"), box)
        self.pdf_button.setAccessibleName(_("Export a PDF report for your clinic visit"))
        self.csv_button.clicked.connect(self._on_csv_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_clicked)
        for widget in (self.view_button, self.csv_button, self.pdf_button):
            flow.addWidget(widget)
        return box

    def _outcomes_row(self, parent: QWidget) -> QWidget:
        from coach.ui.progress.outcomes import OutcomeButtons

        box = QWidget(parent)
        flow = FlowLayout(box, spacing=10)
        flow.addWidget(label(_("Outcome scores:"), None, box, wrap=False))
        self.outcome_buttons = OutcomeButtons(self._ctx, box)
        flow.addWidget(self.outcome_buttons)
        return box

    # -- data ----------------------------------------------------------------------------------
    @guarded_refresh
    def reload(self) -> None:
        """Read the active profile's records again and redraw."""
        from coach.ui.progress.chart_data import chart_series

        self._stale = False
        profile = self._ctx.active.profile
        has_data = profile is not None
        problem = ""
        if profile is not None:
            data = self._ctx.stores.progress
            current = resolve_plan(self._ctx.db, self._ctx.content, profile)
            problem = current.problem
            today = self._ctx.clock.now().date()
            self._progress = build_progress(data.progress_input(profile, current.plan, today))
            series = chart_series(self._progress)
            self._apply_range()  # first: the charts then prepare only what is shown
            self.charts.set_series(series)
            self._show_summary(summary_sentences(self._progress, self._ctx.content.medicine_sign))
        self.empty.setVisible(not has_data)
        self.empty.setText(
            "" if has_data else _("Your progress shows here once you have a profile.")
        )
        self.notice.setText(problem)
        self.notice.setVisible(bool(problem))
        for widget in (self.summary_card, self.stack, self.csv_button, self.pdf_button):
            widget.setEnabled(has_data)

    def _show_summary(self, sentences: list[str]) -> None:
        while self.summary_layout.count():
            item = self.summary_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for sentence in sentences:
            line = label(f"•  {sentence}", None, self.summary_card)
            line.setAccessibleName(sentence)
            self.summary_layout.addWidget(line)

    def visible_range(self) -> tuple[date, date] | None:
        if self._progress is None:
            return None
        last = self._progress.end
        first = self._progress.start
        if self._weeks is not None:
            first = max(first, last - timedelta(weeks=self._weeks) + timedelta(days=1))
        return first, last

    def _apply_range(self) -> None:
        shown = self.visible_range()
        if shown is None or self._progress is None:
            return
        first, last = shown
        self.charts.set_range(first, last)
        self.table_model.set_rows(self._progress, weekly_rows(self._progress, since=first))
        if self.stack.currentWidget() is self.table:
            self.table.resizeColumnsToContents()

    # -- handlers ------------------------------------------------------------------------------
    def _on_range_clicked(self, weeks: int | None) -> None:
        self._weeks = weeks
        self._apply_range()

    def _on_view_toggled(self, table: bool) -> None:
        self.stack.setCurrentIndex(1 if table else 0)
        if table:
            self.table.resizeColumnsToContents()
        self.view_button.setText(_("Show charts") if table else _("Show numbers as a table"))

    def _on_chart_hovered(self, day: object) -> None:
        if isinstance(day, date) and self._progress is not None:
            self.readout.setText(day_readout(self._progress, day))

    def _on_data_changed(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._progress is not None:
            self._apply_range()

    # -- exports -------------------------------------------------------------------------------
    def _suggested(self, suffix: str) -> Path:
        profile = self._ctx.active.require()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = re.sub(r"[^A-Za-z0-9]+", "-", profile.nickname).strip("-").lower() or "patient"
        today = self._ctx.clock.now().date().isoformat()
        return Path(folder or Path.home()) / f"rehab-coach-{name}-{today}.{suffix}"

    def _on_csv_clicked(self) -> None:
        self._export("csv", _("Save all sessions as CSV"), _("CSV files (*.csv)"))

    def _on_pdf_clicked(self) -> None:
        self._export("pdf", _("Save the report for your clinic"), _("PDF files (*.pdf)"))

    def _export(self, kind: str, title: str, pattern: str) -> None:
        from coach.ui.progress.report_export import export_csv, export_pdf

        profile = self._ctx.active.profile
        if profile is None:
            return
        path = self._dialogs.save_path(self, title, self._suggested(kind), pattern)
        if path is None:
            return
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        try:
            with self._ctx.report_language(profile) as content:  # the patient's language
                current = resolve_plan(self._ctx.db, content, profile)
                history = self._ctx.stores.progress.history(current, self._ctx.clock.now().date())
                if kind == "csv":
                    export_csv(path, profile, history, data_folder=self._ctx.paths.root)
                else:
                    export_pdf(path, profile, history, content, data_folder=self._ctx.paths.root)
        except ExportError as exc:
            self._dialogs.inform(self, _("Not saved"), str(exc))
            return
        log.info("exported a %s report", kind)
        self.exported.emit(str(path))
        self._dialogs.inform(self, _("Saved"), _("Saved to:\n{path}").format(path=path))
