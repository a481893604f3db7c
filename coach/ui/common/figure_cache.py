"""Exercise figures for the screens, loaded on first use and kept, plus small still pictures
of them for lists.

Kept apart from the session launcher so Today and the Library (on the startup path) need only
this light module.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QWidget

from coach.domain.figure import Figure, load_figure
from coach.system.paths import exercises_dir
from coach.ui.common.figure_view import FigureView

log = logging.getLogger(__name__)


class FigureCache:
    """Figures by exercise id; None when an exercise has none (or its file is broken: a
    picture must never stop a screen from showing)."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder or exercises_dir() / "figures"
        self._loaded: dict[str, Figure | None] = {}

    def __call__(self, exercise_id: str) -> Figure | None:
        if exercise_id not in self._loaded:
            path = self._folder / f"{exercise_id}.toml"
            try:
                self._loaded[exercise_id] = load_figure(path) if path.exists() else None
            except ValueError as exc:  # FigureError and any other bad value
                log.warning("figure %s not shown: %s", exercise_id, exc)
                self._loaded[exercise_id] = None
        return self._loaded[exercise_id]


class FigureStills:
    """Still pictures of exercise figures in the key pose that says most (``Figure.thumbnail``),
    drawn once with the palette of ``owner`` by a hidden FigureView that belongs to it: list
    icons in the Library, small pictures on Today's cards (a picture paints faster than a live
    figure)."""

    def __init__(
        self, figures: Callable[[str], Figure | None], owner: QWidget, size: QSize
    ) -> None:
        self._figures = figures
        self._size = size
        self._stamp = FigureView(owner)
        self._stamp.hide()
        self._stamp.set_arrows_visible(False)
        self._pixmaps: dict[str, QPixmap | None] = {}
        self._palette_key = self._stamp.palette().cacheKey()

    def pixmap(self, exercise_id: str) -> QPixmap | None:
        """The still in the owner's current colours (after a theme change, drawn again)."""
        palette_key = self._stamp.palette().cacheKey()
        if palette_key != self._palette_key:
            self._pixmaps.clear()
            self._palette_key = palette_key
        if exercise_id not in self._pixmaps:
            self._pixmaps[exercise_id] = self._draw(exercise_id)
        return self._pixmaps[exercise_id]

    def icon(self, exercise_id: str) -> QIcon | None:
        pixmap = self.pixmap(exercise_id)
        return QIcon(pixmap) if pixmap is not None else None

    def clear(self) -> None:
        """Forget drawn pictures (after a theme change, so they are redrawn in its colours)."""
        self._pixmaps.clear()

    def _draw(self, exercise_id: str) -> QPixmap | None:
        figure = self._figures(exercise_id)
        if figure is None:
            return None
        self._stamp.resize(self._size)
        self._stamp.set_figure(figure)
        self._stamp.set_phase(figure.thumbnail_phase)
        pixmap = QPixmap(self._size)
        pixmap.fill(Qt.GlobalColor.transparent)
        self._stamp.render(pixmap)
        return pixmap
