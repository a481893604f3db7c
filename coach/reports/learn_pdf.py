"""Learn topics printed large: one topic a page or more, every letter 14 pt or bigger.

Text comes from data files, so it is escaped: markup prints as the characters typed. Each topic
starts on a new page; the file is written atomically like every other export.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPainter, QPdfWriter, QTextDocument

from coach.domain.i18n import N_, _, pgettext
from coach.domain.learn import Topic
from coach.reports.atomic import ExportError, atomic_write_bytes
from coach.reports.paged import paint_pages
from coach.reports.pdf_report import page_size_for

BODY_PT = 15  # the smallest text in a printed topic (the footer too)
HEADING_PT = 20
TITLE_PT = 26
FONT_SIZES = (BODY_PT, HEADING_PT, TITLE_PT)
RESOLUTION = 300
HELP_PAGE_LINE = N_("The Warning signs page in Rehab Coach lists them all.")


def _esc(text: str) -> str:
    return html.escape(text)


def topic_html(topic: Topic, emergency_number: str, *, first: bool) -> str:
    """One topic as escaped HTML; every topic after the first starts a new page."""
    brk = "" if first else "page-break-before: always;"
    parts = [
        f'<p style="{brk} font-size:{TITLE_PT}pt; font-weight:600">{_esc(topic.title)}</p>',
        f'<p style="font-style:italic">{_esc(topic.summary)}</p>',
    ]
    parts += [f"<p>{_esc(p)}</p>" for p in topic.body(emergency_number)]
    heading = f'<p style="font-size:{HEADING_PT}pt; font-weight:600">'
    parts.append(heading + _esc(_("What you can do")) + "</p>")
    items = "".join(f"<li>{_esc(line)}</li>" for line in topic.what_you_can_do)
    parts.append(f"<ul>{items}</ul>")
    parts.append(heading + _esc(_("When to get help")) + "</p>")
    parts.append(f"<p>{_esc(topic.when_to_get_help)} {_esc(_(HELP_PAGE_LINE))}</p>")
    return "\n".join(parts)


def render_topics(
    topics: Sequence[Topic], emergency_number: str, locale: QLocale | None = None
) -> bytes:
    """The topics as PDF bytes (needs a QGuiApplication for fonts)."""
    if not topics:
        raise ExportError(_("Choose at least one topic to print."))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            page_size_for(locale or QLocale.system()),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 18, 20, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(
        _("Rehab Coach: {title}").format(
            title=topics[0].title if len(topics) == 1 else pgettext("screen", "Learn")
        )
    )
    writer.setCreator("Rehab Coach")
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(_("Could not start the PDF."))
    try:
        _paint(painter, writer, topics, emergency_number)
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data().data())


def _paint(
    painter: QPainter, writer: QPdfWriter, topics: Sequence[Topic], emergency_number: str
) -> None:
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    font = QFont("DejaVu Sans")
    font.setPointSizeF(BODY_PT)
    footer_h = int(writer.resolution() * 0.45)
    body = QSizeF(page.width(), page.height() - footer_h)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(f"p, li {{ font-size: {BODY_PT}pt; }} p {{ margin-bottom: 10px; }}")
    doc.setHtml(
        "\n".join(topic_html(t, emergency_number, first=i == 0) for i, t in enumerate(topics))
    )
    doc.setPageSize(body)
    paint_pages(
        painter,
        writer,
        doc,
        page=page,
        footer_height=footer_h,
        footer_font=font,
        footer_text=_("Rehab Coach: information, not a diagnosis"),
    )


def write_topics(
    path: Path,
    topics: Sequence[Topic],
    emergency_number: str,
    *,
    data_folder: Path,
    locale: QLocale | None = None,
) -> None:
    """Print ``topics`` to ``path`` atomically (never into ``data_folder``); raises
    ExportError with a plain sentence."""
    atomic_write_bytes(
        path, render_topics(topics, emergency_number, locale), data_folder=data_folder
    )
