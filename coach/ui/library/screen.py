"""Exercises: browse the whole catalogue with pictures, filter it, and read one in full.

"Allowed in my current phase" is on by default, so a patient sees first what their plan allows
now; switched off, the other exercises show greyed, and the detail says why they are not
allowed (in safety's words).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QHideEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QLineEdit,
    QListView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coach.domain.allowed import PatientDay
from coach.domain.catalogue import CATEGORIES, CATEGORY_LABELS, POSITION_LABELS, POSITIONS, Exercise
from coach.domain.emergency import FALLBACK
from coach.domain.figure import Figure
from coach.domain.i18n import _, ngettext
from coach.domain.warning_signs import stop_if_lines
from coach.ui.active_plan import load_active_plan
from coach.ui.common.figure_cache import FigureCache, FigureStills
from coach.ui.common.screen_stack import guarded_refresh
from coach.ui.common.widgets import label, scroll_area
from coach.ui.common.wrapping import WrapCheckBox
from coach.ui.context import AppContext
from coach.ui.library.exercise_detail import ExerciseDetail
from coach.ui.library.exercise_list_model import ExerciseFilterModel, ExerciseListModel

ICON_SIZE = QSize(96, 72)
NARROW_CHARS = 110  # below this many average characters across, the filters stack


class LibraryScreen(QWidget):
    """The list (with filters) on the left, the chosen exercise on the right."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        figures: Callable[[str], Figure | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._day: date | None = None
        self._phase_title = ""
        self._figures = figures or FigureCache()
        self._stills = FigureStills(self._figures, self, ICON_SIZE)
        self._catalogue = ctx.content.catalogue  # the profile's own exercises are added later
        self.model = ExerciseListModel(self._catalogue, self, self._stills.icon)
        self.filter = ExerciseFilterModel(self)
        self.filter.setSourceModel(self.model)

        self._filter_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # filled below
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter = splitter
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_list_side(splitter))
        self.detail = ExerciseDetail(
            ctx.content.catalogue,
            self._figures,
            self,
            why_not=self._why_not,
            stop_if=self._stop_if_text,
        )
        self.detail.exercise_chosen.connect(self.show_exercise)
        scroll = scroll_area(splitter)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # wrap
        holder = QWidget(scroll)
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(24, 28, 32, 28)
        holder_layout.addWidget(self.detail)
        scroll.setWidget(holder)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)
        self._detail_scroll = scroll

        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self.search.setFocus)
        ctx.active.changed.connect(self.refresh)
        ctx.active.data_changed.connect(self.refresh)
        self.refresh()
        self._select_first()

    def _build_list_side(self, parent: QWidget) -> QWidget:
        side = QWidget(parent)
        column = QVBoxLayout(side)
        column.setContentsMargins(32, 28, 16, 28)
        column.setSpacing(10)
        column.addWidget(label(_("Exercises"), "title", side))
        self.search = QLineEdit(side)
        self.search.setPlaceholderText(_("Search, for example: bridge, stretch, chair"))
        self.search.setAccessibleName(_("Search exercises"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_filters_changed)
        column.addWidget(self.search)

        row = self._filter_row
        self.category = QComboBox(side)
        self.category.setAccessibleName(_("Kind of exercise"))
        self.category.addItem(_("All kinds"), "")
        for category in CATEGORIES:
            self.category.addItem(_(CATEGORY_LABELS[category]), category)
        self.position = QComboBox(side)
        self.position.setAccessibleName(_("Position"))
        self.position.addItem(_("Any position"), "")
        for position in POSITIONS:
            self.position.addItem(_(POSITION_LABELS[position]), position)
        for combo in (self.category, self.position):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
            combo.currentIndexChanged.connect(self._on_filters_changed)
            row.addWidget(combo, 1)
        column.addLayout(row)

        self.allowed_only = WrapCheckBox(_("Allowed for me now"), side)
        self.allowed_only.setAccessibleName(_("Show only exercises allowed in my current phase"))
        self.allowed_only.setChecked(True)
        self.allowed_only.toggled.connect(self._on_filters_changed)
        column.addWidget(self.allowed_only)
        self.count = label("", "hint", side)
        column.addWidget(self.count)

        self.list = QListView(side)
        self.list.setModel(self.filter)
        self.list.setIconSize(ICON_SIZE)
        self.list.setSpacing(4)
        self.list.setUniformItemSizes(False)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(_("Exercises"))
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        selection = self.list.selectionModel()
        selection.currentChanged.connect(self._on_current_changed)
        column.addWidget(self.list, 1)
        self.empty = label(_("No exercise matches. Try fewer words or another kind."), None, side)
        column.addWidget(self.empty)
        return side

    # -- state ---------------------------------------------------------------------------------
    @guarded_refresh
    def refresh(self) -> None:
        """Take the rules of the active profile's phase today (and the surgeon's own)."""
        self._day = self._ctx.clock.now().date()
        active = load_active_plan(self._ctx)
        catalogue = self._ctx.content.catalogue if active is None else active.catalogue
        if catalogue is not self._catalogue:  # the therapist's own exercises are listed too
            self._catalogue = catalogue
            self.model.set_catalogue(catalogue)
            self.detail.set_catalogue(catalogue)
        if active is None:
            self.filter.set_rules(None)
            self._phase_title = ""
        else:
            when = PatientDay(
                active.plan,
                active.profile.surgery_date,
                self._day,
                frozenset(active.profile.extra_restrictions),
            )
            self.filter.set_rules(when)
            self._phase_title = when.phase.title
        self._on_filters_changed()
        current = self.detail.exercise()
        if current is not None:
            self.detail.show_exercise(current, self.filter.why_not_allowed(current))

    def _why_not(self, exercise: Exercise) -> str | None:
        return self.filter.why_not_allowed(exercise)

    def _on_filters_changed(self) -> None:
        self.filter.set_search(self.search.text())
        self.filter.set_category(str(self.category.currentData() or ""))
        self.filter.set_position(str(self.position.currentData() or ""))
        self.filter.set_allowed_only(self.allowed_only.isChecked())
        shown = self.filter.rowCount()
        if self.allowed_only.isChecked() and self._phase_title:
            words = ngettext(
                "{count} exercise allowed in {phase}", "{count} exercises allowed in {phase}", shown
            ).format(count=shown, phase=self._phase_title)
        else:
            words = ngettext("{count} exercise", "{count} exercises", shown).format(count=shown)
        self.count.setText(words)
        self.empty.setVisible(shown == 0)
        self.list.setVisible(shown > 0)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        exercise = self.filter.exercise_at(current)
        if exercise is not None:
            self.detail.show_exercise(exercise, self.filter.why_not_allowed(exercise))
            self._detail_scroll.verticalScrollBar().setValue(0)

    def _select_first(self) -> None:
        if self.filter.rowCount():
            self.list.setCurrentIndex(self.filter.index(0, 0))

    def _stop_if_text(self, exercise: Exercise) -> str:
        """The stop-if with each warning sign it names and that sign's action (REFERENCE 2)."""
        profile = self._ctx.active.profile
        number = profile.emergency_number if profile is not None else FALLBACK
        return "\n".join(stop_if_lines(exercise, self._ctx.content.red_flags, number))

    def show_exercise(self, exercise_id: str) -> None:
        """Show ``exercise_id`` (an easier/harder link); select it in the list if it is there."""
        if exercise_id not in self._catalogue:
            return
        exercise = self._catalogue[exercise_id]
        index = self.filter.index_of(exercise_id)
        if index.isValid():
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)
        else:
            self.list.selectionModel().setCurrentIndex(
                QModelIndex(), QItemSelectionModel.SelectionFlag.Clear
            )
        self.detail.show_exercise(exercise, self.filter.why_not_allowed(exercise))

    # -- visibility: the figure moves only while the screen is shown --------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._day != self._ctx.clock.now().date():
            self.refresh()
        self.detail.set_active(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.detail.set_active(False)

    def changeEvent(self, event: QEvent) -> None:
        """A new theme: redraw the list's pictures in its colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._stills.clear()
            self.model.refresh_icons()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """With big text on a small screen, put the filters under each other and give the
        exercise more of the width, so its text and buttons are not cut off."""
        super().resizeEvent(event)
        narrow = self.width() < NARROW_CHARS * self.fontMetrics().averageCharWidth()
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self._filter_row.direction() != direction:
            self._filter_row.setDirection(direction)
        share = 3 if narrow else 5 / 2  # the list gets a third (narrow) or two fifths
        self._splitter.setSizes([int(self.width() / share), int(self.width() * (1 - 1 / share))])
