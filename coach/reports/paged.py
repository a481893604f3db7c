"""Laying a long QTextDocument out on PDF pages, each with a footer line and "Page N of M".

Shared by the clinic report and the printed Learn topics, so both page the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPainter, QPdfWriter, QTextDocument

from coach.domain.i18n import _


def paint_pages(
    painter: QPainter,
    writer: QPdfWriter,
    doc: QTextDocument,
    *,
    page: QRect,
    footer_height: int,
    footer_font: QFont,
    footer_text: str,
) -> None:
    """Draw ``doc`` (already sized to the page minus the footer) page by page."""
    body = QSizeF(page.width(), page.height() - footer_height)
    pages = doc.pageCount()
    for number in range(pages):
        if number:
            writer.newPage()
        painter.save()
        painter.translate(0, -number * body.height())
        doc.drawContents(painter, QRectF(0, number * body.height(), body.width(), body.height()))
        painter.restore()
        painter.setFont(footer_font)
        painter.setPen(Qt.GlobalColor.black)
        footer = QRectF(0, page.height() - footer_height, page.width(), footer_height)
        bottom = Qt.AlignmentFlag.AlignBottom
        painter.drawText(footer, int(Qt.AlignmentFlag.AlignLeft | bottom), footer_text)
        painter.drawText(
            footer,
            int(Qt.AlignmentFlag.AlignRight | bottom),
            _("Page {number} of {count}").format(number=number + 1, count=pages),
        )
