"""The journal entry's parts besides the map: the checklist of body parts (the keyboard's and
screen readers' way to the map's regions), the editor for one marked region (how strong, what
it feels like) and the helped / made-worse ticks."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.domain.i18n import N_, _
from coach.domain.journal import FACTORS, MAX_INTENSITY, QUALITIES, REGION_BY_ID, REGIONS
from coach.ui.common.flow_layout import FlowLayout
from coach.ui.common.widgets import label

REGION_ROLE = Qt.ItemDataRole.UserRole + 1
_GROUPS = (("back", N_("Back of the body")), ("front", N_("Front of the body")))


class RegionChecklist(QListWidget):
    """Every region as a checkable line: arrows move, Space ticks. Ticking marks the region;
    the line with the focus is the one the editor below shows."""

    region_toggled = Signal(str, bool)
    region_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Where it hurts: body parts, tick each one"))
        # Big targets: each line about 40 px high at 100% text, the tick box 22 px.
        self.setStyleSheet(
            "QListWidget::item { padding: 7px 4px; }"
            " QListWidget::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
            " QListWidget::indicator { width: 22px; height: 22px; }"
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumWidth(240)
        self._items: dict[str, QListWidgetItem] = {}
        for view, heading in _GROUPS:
            head = QListWidgetItem(_(heading), self)
            head.setFlags(Qt.ItemFlag.NoItemFlags)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            for region in (r for r in REGIONS if r.view == view):
                item = QListWidgetItem(_(region.name), self)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsSelectable
                )
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setData(REGION_ROLE, region.id)
                self._items[region.id] = item
        self._quiet = False
        self.itemChanged.connect(self._on_item_changed)
        self.currentItemChanged.connect(self._on_current_changed)

    def show_marked(self, marked: Iterable[str], current: str | None) -> None:
        self._quiet = True
        try:
            chosen = set(marked)
            for region_id, item in self._items.items():
                state = Qt.CheckState.Checked if region_id in chosen else Qt.CheckState.Unchecked
                if item.checkState() != state:
                    item.setCheckState(state)
            if current is not None and self.currentItem() is not self._items[current]:
                self.setCurrentItem(self._items[current])
        finally:
            self._quiet = False

    def item_for(self, region_id: str) -> QListWidgetItem:
        return self._items[region_id]

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        region = item.data(REGION_ROLE)
        if not self._quiet and region:
            self.region_toggled.emit(str(region), item.checkState() == Qt.CheckState.Checked)

    def _on_current_changed(self, item: QListWidgetItem | None, _old: object) -> None:
        region = item.data(REGION_ROLE) if item is not None else None
        if not self._quiet and region:
            self.region_chosen.emit(str(region))


class RegionEditor(QWidget):
    """How strong (0-10, big buttons) and what it feels like, for the region being edited."""

    intensity_chosen = Signal(int)
    qualities_changed = Signal(frozenset)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(
            "QPushButton:checked { background: palette(highlight);"
            " color: palette(highlighted-text); font-weight: 600; }"
        )
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.title = label(_("Tap a place on the body, or tick it in the list."), "heading", self)
        self.title.setObjectName("region-title")
        column.addWidget(self.title)
        self.scale_hint = label(
            _("How strong? 0 = no pain, 10 = worst pain imaginable."), None, self
        )
        column.addWidget(self.scale_hint)
        numbers = FlowLayout(spacing=6)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.number_buttons: list[QPushButton] = []
        for value in range(MAX_INTENSITY + 1):
            number = QPushButton(str(value), self)
            number.setCheckable(True)
            number.setMinimumSize(52, 52)
            number.setAccessibleName(_("Pain {score} of 10").format(score=value))
            number.setObjectName(f"pain-{value}")
            self.group.addButton(number, value)
            numbers.addWidget(number)
            self.number_buttons.append(number)
        self.group.idClicked.connect(self.intensity_chosen)
        column.addLayout(numbers)
        column.addWidget(label(_("What does it feel like?"), None, self))
        feels = FlowLayout(spacing=8)
        self.quality_boxes: dict[str, QCheckBox] = {}
        for key, words in QUALITIES.items():
            box = QCheckBox(_(words), self)
            box.setMinimumHeight(40)
            box.toggled.connect(self._on_quality_toggled)
            feels.addWidget(box)
            self.quality_boxes[key] = box
        column.addLayout(feels)
        self._quiet = False
        self.show_region(None, 0, frozenset())

    def show_region(self, region_id: str | None, intensity: int, qualities: frozenset[str]) -> None:
        self._quiet = True
        try:
            enabled = region_id is not None
            if region_id is None:
                self.title.setText(_("Tap a place on the body, or tick it in the list."))
            else:
                self.title.setText(_(REGION_BY_ID[region_id].name))
            for value, number in enumerate(self.number_buttons):
                number.setEnabled(enabled)
                number.setChecked(enabled and value == intensity)
            for key, box in self.quality_boxes.items():
                box.setEnabled(enabled)
                box.setChecked(enabled and key in qualities)
        finally:
            self._quiet = False

    def _on_quality_toggled(self, _checked: bool) -> None:
        if not self._quiet:
            chosen = frozenset(k for k, b in self.quality_boxes.items() if b.isChecked())
            self.qualities_changed.emit(chosen)


class FactorTicks(QWidget):
    """'What helped?' and 'What made it worse?' as two rows of ticks."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, dict[str, QCheckBox]] = {}
        headings = (
            ("helped", _("What helped?"), _("What helped? {factor}")),
            ("worse", _("What made it worse?"), _("What made it worse? {factor}")),
        )
        for effect, heading, spoken in headings:
            column.addWidget(label(heading, None, self))
            row = FlowLayout(spacing=8)
            self.boxes[effect] = {}
            for key, words in FACTORS.items():
                box = QCheckBox(_(words), self)
                box.setMinimumHeight(40)
                box.setAccessibleName(spoken.format(factor=_(words)))
                box.toggled.connect(lambda _on: self.changed.emit())
                row.addWidget(box)
                self.boxes[effect][key] = box
            column.addLayout(row)

    def chosen(self, effect: str) -> frozenset[str]:
        return frozenset(k for k, b in self.boxes[effect].items() if b.isChecked())

    def show_chosen(self, helped: frozenset[str], worse: frozenset[str]) -> None:
        for effect, chosen in (("helped", helped), ("worse", worse)):
            for key, box in self.boxes[effect].items():
                box.blockSignals(True)
                box.setChecked(key in chosen)
                box.blockSignals(False)
