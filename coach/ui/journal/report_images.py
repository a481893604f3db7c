"""The clinic report's body-map picture: how often each place was marked, drawn on the same
figure the patient taps (white background, print colours)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from coach.ui.journal.body_paint import Look, intensity_colour, layout_for, paint_body

PRINT = Look(QColor("#eeeeee"), QColor("#555555"), QColor("#000000"), QColor("#0b6e99"))


def body_summary_image(counts: Mapping[str, int], width: int = 1100, text_px: int = 28) -> QImage:
    """Each marked region shaded by how often it was marked (darker = more often) with the
    number of entries written in it."""
    height = round(width * 0.8)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    most = max(counts.values(), default=0)
    fills = {r: intensity_colour(round(10 * n / most)) for r, n in counts.items() if n and most}
    texts = {r: str(n) for r, n in counts.items() if n}
    painter = QPainter(image)
    try:
        font = QFont("DejaVu Sans")
        font.setPixelSize(text_px)
        painter.setFont(font)
        rect = QRectF(0, 0, width, height).adjusted(8, 8, -8, -8)
        paint_body(painter, layout_for(rect, text_px), PRINT, fills, texts=texts)
    finally:
        painter.end()
    return image
