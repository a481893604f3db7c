"""The progress charts as pictures for the clinic PDF: each chart the definition puts in the
report (``Chart.in_report``), with its title and legend, drawn on white without a window."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from coach.domain.progress import Progress
from coach.reports import progress_charts
from coach.reports.chart_spec import Chart
from coach.ui.progress.chart_data import LIGHT, chart_series
from coach.ui.progress.chart_plot import scaled
from coach.ui.progress.charts import ProgressCharts


def render_chart_images(
    progress: Progress,
    first: date,
    last: date,
    *,
    width: int = 1100,
    text_px: int = 28,
    charts: Sequence[Chart] | None = None,
) -> list[tuple[str, QImage]]:
    """Each chart with its legend on a white background, for the PDF report (no window is
    shown). At 1100 px across an A4 text column, 28 px text prints at about 12 pt."""
    specs = tuple(progress_charts.CHARTS if charts is None else charts)
    view = ProgressCharts(None, LIGHT, specs)
    font = QFont(view.font())
    font.setPixelSize(text_px)
    view.setFont(font)
    view.text_font = font
    wanted = [spec.id for spec in specs if spec.in_report(progress)]
    images: list[tuple[str, QImage]] = []
    try:
        for key in wanted:
            frame = view.frames[key]
            frame.setParent(None)  # drawn on its own, at the report's size
            frame.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
            frame.setFont(font)
            frame.title.setFont(scaled(font, 1.25))
            frame.title.setStyleSheet(f"font-size: {round(text_px * 1.25)}px; font-weight: 600;")
            frame.resize(width, text_px * 16)
            palette = frame.palette()
            palette.setColor(QPalette.ColorRole.Window, QColor("white"))
            frame.setPalette(palette)
            frame.setAutoFillBackground(True)
            frame.show()
        view.apply_theme()
        for plot in view.plots:  # room under the dates for letters that hang down ("Jul")
            plot.item.getAxis("bottom").setHeight(round(text_px * 2.1))
        view.set_series(chart_series(progress, specs))
        view.set_range(first, last)
        for key in wanted:
            frame = view.frames[key]
            layout = frame.layout()
            if layout is not None:
                layout.activate()
            view.place_labels()
            _render(frame)  # the first paint sizes the axes to their text ...
            QApplication.processEvents()  # ... and the layout takes it into account
            images.append((frame.title.text(), _render(frame)))
        return images
    finally:
        for frame in view.frames.values():
            frame.hide()
            frame.deleteLater()
        view.deleteLater()


def _render(widget: QWidget) -> QImage:
    image = QImage(widget.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    widget.render(image)
    return image
