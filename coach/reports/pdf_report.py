"""The PDF report for a clinic visit: who and which surgery, the current phase, the plain-words
summary, the charts (as images on white), a weekly pain table, PSFS and ODI, warning signs and
the patient's notes. A4 or Letter by the locale, 11 pt text or larger, page numbers.

Qt's QTextDocument lays out simple HTML, and each page is painted onto a QPdfWriter with its
footer; the PDF is made in memory and written atomically, so a failure never leaves a broken
or half-written report where the old one was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import (
    QBuffer,
    QIODevice,
    QLocale,
    QMarginsF,
    QSizeF,
    QUrl,
)
from PySide6.QtGui import (
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from coach.domain.i18n import _, pgettext
from coach.domain.learn import TOOLS as COPING_TOOLS
from coach.domain.learn import tool_label
from coach.domain.profile import Profile, Surgery
from coach.domain.progress import (
    OUTCOME_WORDS,
    REGIONS,
    REGISTRY_MCID,
    Progress,
    weekly_rows,
)
from coach.domain.progress_text import long_date, meaning_hint, summary_sentences
from coach.domain.schedule import week_number
from coach.domain.warning_signs import TierStatement
from coach.domain.words import localised_number, one_decimal
from coach.reports import progress_charts
from coach.reports.atomic import ExportError, atomic_write_bytes
from coach.reports.chart_spec import table_cells, table_headers
from coach.reports.html_table import html_table as _table
from coach.reports.journal_report import JournalSection, journal_html
from coach.reports.paged import paint_pages

BODY_PT = 11.5
FOOTER_PT = 11.0
RESOLUTION = 300  # dots per inch of the PDF's layout
TABLE_WEEKS = 12
NOTES_SHOWN = 30


class CopingUse(Protocol):
    """A use of a coping tool, as the store read it (``coach.store.coping.CopingUse``)."""

    @property
    def tool(self) -> str: ...
    @property
    def local_date(self) -> date: ...
    @property
    def minutes(self) -> int: ...
    @property
    def note(self) -> str: ...
    @property
    def in_report(self) -> bool: ...


@dataclass(frozen=True)
class ReportNote:
    day: date
    routine: str
    text: str


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows; built by the caller from the store."""

    profile: Profile
    progress: Progress
    charts: Sequence[tuple[str, QImage]]
    chart_span: str  # e.g. "since surgery" or "the last 52 weeks"
    notes: Sequence[ReportNote]
    question_texts: dict[str, str]  # red-flag question id -> its words
    made_on: date
    medicine_sign: str  # safety.toml's reminder for high pain (Content.medicine_sign)
    changes: Sequence[ReportNote] = ()  # exercises made easier or skipped in sessions
    coping: Sequence[CopingUse] = ()  # coping tools used; journal text only when shared
    warning_tiers: Sequence[TierStatement] = ()  # what each tier's signs mean, most severe first
    journal: JournalSection | None = None  # pain journal and medicines (REFERENCE 8, 9)


def page_size_for(locale: QLocale) -> QPageSize:
    """Letter where the locale uses US paper, A4 everywhere else."""
    if locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def _week_rows(progress: Progress) -> list[list[str]]:
    """The last weeks, newest first, with every chart's report columns."""
    charts = progress_charts.CHARTS
    rows = weekly_rows(progress)[-TABLE_WEEKS:]
    return [table_cells(charts, progress, r, pdf=True) for r in reversed(rows)]


def _registry(profile: Profile) -> str:
    """The registry's meaningful-change figures come from disc surgery (O5): quoted for a
    discectomy only, never for a fusion or a laminectomy, where they do not apply."""
    if profile.surgery is not Surgery.DISCECTOMY:
        return ""
    text = _(
        "For reference, registry figures after disc surgery are {back} points for back pain "
        "and {leg} for leg pain (O5)."
    ).format(
        back=localised_number(str(REGISTRY_MCID["back"])),
        leg=localised_number(str(REGISTRY_MCID["leg"])),
    )
    return f" {text}"


def _tiers_html(tiers: Sequence[TierStatement]) -> list[str]:
    """The three tiers apart, each a statement with its own signs and action (REFERENCE 3)."""
    if not tiers:
        return []
    parts = ["<h2>" + escape(_("Warning signs: what the patient was told to do")) + "</h2>"]
    for tier in tiers:
        parts.append(f"<h3>{escape(tier.statement)}</h3><ul>")
        parts += [f"<li>{escape(sign)}</li>" for sign in tier.signs]
        parts.append(f"</ul><p><b>{escape(tier.action)}</b></p>")
    return parts


def report_html(data: ReportData) -> str:
    """The report's body as the simple HTML QTextDocument understands."""
    p, profile = data.progress, data.profile
    days_since = (data.made_on - profile.surgery_date).days
    week = week_number(profile.surgery_date, data.made_on)
    parts = [
        f"<h1>{escape(_title(profile))}</h1>",
        "<p>"
        + escape(
            _(
                "Made on {made}. Surgery: {surgery} on {surgery_date} (day {day} after surgery, "
                "week {week}). Current phase: {phase}."
            ).format(
                made=long_date(data.made_on),
                surgery=profile.surgery.label,
                surgery_date=long_date(profile.surgery_date),
                day=days_since,
                week=week,
                phase=p.current_phase,
            )
        )
        + "</p>",
        "<p><i>"
        + escape(
            _(
                "Rehab Coach records and coaches; it does not diagnose. The numbers below are "
                "what the patient entered."
            )
        )
        + "</i></p>",
        "<h2>" + escape(_("Summary")) + "</h2><ul>",
        *(f"<li>{escape(s)}</li>" for s in summary_sentences(p, data.medicine_sign)),
        "</ul><p>"
        + escape(meaning_hint())
        + " "
        + escape(_("Pain is 0 (none) to 10 (worst)."))
        + escape(_registry(profile))
        + "</p>",
    ]
    for base_region in REGIONS:
        base = p.baselines[base_region]
        if base is not None:
            parts.append(f"<p>{escape(_baseline_text(base_region, base.source, base.value))}</p>")
    parts.append("<h2>" + escape(_("Charts ({span})").format(span=data.chart_span)) + "</h2>")
    for index in range(len(data.charts)):
        parts.append(f'<p><img src="chart{index}.png" width="{{W}}"></p>')
    parts += journal_html(data.journal)
    parts += [
        "<h2>"
        + escape(
            _("Pain and activity by week (last {count} weeks, newest first)").format(
                count=TABLE_WEEKS
            )
        )
        + "</h2>",
        "<p>"
        + escape(
            _(
                "Pain: the mean of the scores that week (0 = none, 10 = worst), before and after "
                "sessions. Walking: minutes on the days a walk was logged."
            )
        )
        + "</p>",
        _table(table_headers(progress_charts.CHARTS, pdf=True), _week_rows(p)),
        "<h2>" + escape(_("Outcome scores")) + "</h2>",
    ]
    if p.psfs:
        names = [n for n, _ in p.psfs[-1].ratings]
        rows = []
        for entry in p.psfs:
            ratings = dict(entry.ratings)
            rows.append(
                [
                    long_date(entry.day),
                    *(str(ratings.get(n, "–")) for n in names),
                    one_decimal(entry.score),
                ]
            )
        parts.append(
            "<h3>"
            + escape(_("Patient-Specific Functional Scale (0 = cannot do, 10 = as before)"))
            + "</h3>"
        )
        parts.append(_table([_DATE(), *names, _("Score")], rows))
    else:
        parts.append("<p>" + escape(_("No PSFS ratings yet.")) + "</p>")
    if p.odi:
        parts.append(
            "<h3>"
            + escape(_("Oswestry Disability Index (total 0-100, entered by the therapist)"))
            + "</h3>"
        )
        parts.append(
            _table([_DATE(), _("Total")], [[long_date(e.day), str(e.total)] for e in p.odi])
        )
    else:
        parts.append("<p>" + escape(_("No ODI score recorded.")) + "</p>")
    parts += _tiers_html(data.warning_tiers)
    parts.append("<h2>" + escape(_("Warning signs reported")) + "</h2>")
    if p.red_flags:
        rows = [
            [
                long_date(e.day),
                _(OUTCOME_WORDS[e.outcome]) if e.outcome in OUTCOME_WORDS else e.outcome,
                "; ".join(data.question_texts.get(q, q) for q in e.questions),
            ]
            for e in p.red_flags
        ]
        parts.append(_table([_DATE(), _("Advice given"), _("Answered yes to")], rows))
    else:
        parts.append(_none())
    parts.append("<h2>" + escape(_("Exercises made easier or skipped by the patient")) + "</h2>")
    if data.changes:
        changes = list(data.changes)[-NOTES_SHOWN:]
        parts.append(
            _table(
                [_DATE(), _ROUTINE(), _("What the patient did")],
                [[long_date(c.day), c.routine, c.text] for c in reversed(changes)],
            )
        )
    else:
        parts.append(_none())
    parts += _coping_html(data.coping)
    parts.append("<h2>" + escape(pgettext("report heading", "Notes")) + "</h2>")
    if data.notes:
        notes = list(data.notes)[-NOTES_SHOWN:]
        parts.append(
            _table(
                [_DATE(), _ROUTINE(), pgettext("table header", "Note")],
                [[long_date(n.day), n.routine, n.text] for n in reversed(notes)],
            )
        )
    else:
        parts.append("<p>" + escape(_("No notes.")) + "</p>")
    return "\n".join(parts)


def _title(profile: Profile) -> str:
    """'Rehab Coach report: Sam' (the heading, the PDF's title and its footer)."""
    return _("Rehab Coach report: {name}").format(name=profile.nickname)


def _DATE() -> str:
    return pgettext("table header", "Date")


def _ROUTINE() -> str:
    return pgettext("table header", "Routine")


def _none() -> str:
    # Translators: under a report heading when there is nothing to list.
    return "<p>" + escape(pgettext("nothing to list", "None.")) + "</p>"


def _baseline_text(region: str, source: str, value: float) -> str:
    """'Starting back pain: 5.3 (entered by the therapist).' and its three kin, whole."""
    score = one_decimal(value)
    if source == "therapist":
        text = (
            _("Starting back pain: {score} (entered by the therapist).")
            if region == "back"
            else _("Starting leg pain: {score} (entered by the therapist).")
        )
    elif region == "back":
        text = _("Starting back pain: {score} (mean of the first three before-session scores).")
    else:
        text = _("Starting leg pain: {score} (mean of the first three before-session scores).")
    return text.format(score=score)


def coping_rows(uses: Sequence[CopingUse]) -> list[list[str]]:
    """Per tool: how often, how many minutes in all, and when last (tools never used left out)."""
    rows = []
    for tool in COPING_TOOLS:
        mine = [u for u in uses if u.tool == tool]
        if mine:
            minutes = sum(u.minutes for u in mine)
            rows.append(
                [tool_label(tool), str(len(mine)), str(minutes), long_date(mine[-1].local_date)]
            )
    return rows


def _coping_html(uses: Sequence[CopingUse]) -> list[str]:
    parts = ["<h2>" + escape(_("Coping tools used by the patient")) + "</h2>"]
    rows = coping_rows(uses)
    if not rows:
        return [*parts, _none()]
    parts.append(_table([_("Tool"), _("Times used"), _("Minutes in all"), _("Last used")], rows))
    shared = [u for u in uses if u.tool == "journal" and u.in_report and u.note.strip()]
    if shared:
        parts.append("<h3>" + escape(_("Journal entries the patient chose to share")) + "</h3>")
        recent = shared[-NOTES_SHOWN:]
        parts.append(
            _table(
                [_DATE(), _("Entry")],
                [[long_date(u.local_date), u.note] for u in reversed(recent)],
            )
        )
    return parts


def render_pdf(data: ReportData, locale: QLocale | None = None) -> bytes:
    """The whole report as PDF bytes."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            page_size_for(locale or QLocale.system()),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 16, 18, 16),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(_title(data.profile))
    writer.setCreator("Rehab Coach")
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(_("Could not start the PDF."))
    try:
        _paint(painter, writer, data)
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data().data())


def _paint(painter: QPainter, writer: QPdfWriter, data: ReportData) -> None:
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    font = QFont("DejaVu Sans")
    font.setPointSizeF(BODY_PT)
    footer_font = QFont(font)
    footer_font.setPointSizeF(FOOTER_PT)
    footer_h = int(writer.resolution() * 0.35)  # about 9 mm
    body = QSizeF(page.width(), page.height() - footer_h)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(
        f"h1 {{ font-size: {BODY_PT * 1.8:.0f}pt; }} h2 {{ font-size: {BODY_PT * 1.4:.0f}pt; "
        f"margin-top: 14px; }} h3 {{ font-size: {BODY_PT * 1.15:.0f}pt; }} "
        f"th {{ background-color: #eeeeee; }} td, th {{ font-size: {BODY_PT:.1f}pt; }}"
    )
    for index, (_title, image) in enumerate(data.charts):
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart{index}.png"), image)
    for index, (_title, image) in enumerate(data.journal.images if data.journal else ()):
        doc.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(f"journal{index}.png"), image
        )
    # Image widths are in 96-dpi pixels, scaled by the layout to the writer's resolution.
    image_width = body.width() * 96 / writer.resolution()
    doc.setHtml(report_html(data).replace("{W}", str(int(image_width))))
    doc.setPageSize(body)
    paint_pages(
        painter,
        writer,
        doc,
        page=page,
        footer_height=footer_h,
        footer_font=footer_font,
        footer_text=_("Rehab Coach report: {name}, {day}").format(
            name=data.profile.nickname, day=long_date(data.made_on)
        ),
    )


def write_pdf(
    path: Path, data: ReportData, *, data_folder: Path, locale: QLocale | None = None
) -> None:
    atomic_write_bytes(path, render_pdf(data, locale), data_folder=data_folder)
