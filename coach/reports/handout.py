"""The printed handout: a large-print PDF of the plan for the phase a patient is in today.

Per routine, each exercise with its picture, dose and steps; the phase's goals and precautions;
the walking goal; the therapist's note; the warning signs, each tier on its own with its own
action (REFERENCE section 3: emergency signs never under "call your surgeon"). All text is at
least 14 pt. Text from
files and people is escaped, so markup prints as the characters typed. Blocks are laid out one
by one and never split across pages, and the file is written atomically.

Why one module over 300 lines: the handout's words and its page layout are read together
when a printed page looks wrong; the shared page painter is in ``reports.paged``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)
from PySide6.QtSvg import QSvgRenderer

from coach.domain import formats
from coach.domain.catalogue import Catalogue, Exercise, tag_label
from coach.domain.content import Content
from coach.domain.i18n import _, ngettext, pgettext
from coach.domain.plan import Plan
from coach.domain.plan_file import figure_file
from coach.domain.profile import Profile
from coach.domain.profile_plan import ProfilePlan
from coach.domain.protocol import Phase, Prescription, Routine
from coach.domain.safety import RedFlagScreen
from coach.domain.schedule import (
    next_phase,
    phase_on,
    phase_span_text,
    phase_start,
    walking_goal,
)
from coach.domain.warning_signs import stop_if_lines, tier_statements
from coach.reports.atomic import ExportError, atomic_write_bytes
from coach.system.paths import assets_dir

BODY_PT = 14  # the smallest text anywhere on the handout
NAME_PT = 18
HEADING_PT = 22
TITLE_PT = 28
FONT_SIZES = (BODY_PT, NAME_PT, HEADING_PT, TITLE_PT)
DPI = 300
MARGIN_MM = 16
FIGURE_MAX_MM = 42  # the tallest a picture gets (wide pictures are lower)
GAP_PX = 40


@dataclass(frozen=True)
class HandoutInput:
    """Everything the handout shows; made by ``handout_input`` from what the store read."""

    profile: Profile
    plan: Plan
    catalogue: Catalogue
    today: date
    therapist: str = ""
    version: int | None = None
    red_flags: RedFlagScreen | None = None  # the warning signs and each stop-if's actions
    figures: Mapping[str, Path] | None = None  # exercise id -> SVG file


def figure_paths(
    catalogue: Catalogue, assets: Path, custom: Mapping[str, str] | None = None
) -> dict[str, Path]:
    """The SVG of each exercise: the app's own figures/<id>.svg, or one named by a plan file
    (only ever inside the app's assets)."""
    found: dict[str, Path] = {}
    for exercise in catalogue:
        relative = (custom or {}).get(exercise.id, f"figures/{exercise.id}.svg")
        path = figure_file(assets, relative)
        if path is not None:
            found[exercise.id] = path
    return found


def _esc(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _items(lines: Iterable[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    body = "".join(f"<li>{_esc(line)}</li>" for line in lines)
    return f'<{tag} style="margin-top:0; margin-left:0">{body}</{tag}>'


def _day(value: date) -> str:
    """'2 March 2026', '2 de marzo de 2026'."""
    return formats.day_month_year(value)


def _intro_html(data: HandoutInput, phase: Phase) -> str:
    profile = data.profile
    start = phase_start(data.plan, profile.surgery_date, phase.number)
    upcoming = next_phase(data.plan, profile.surgery_date, data.today)
    walk = walking_goal(data.plan, profile.surgery_date, data.today)
    sentences = [
        _("After your {surgery} on {day}.").format(
            surgery=profile.surgery.label, day=_day(profile.surgery_date)
        )
    ]
    if data.version and data.therapist:
        sentences.append(
            _("Plan version {version} by {therapist}.").format(
                version=data.version, therapist=data.therapist
            )
        )
    elif data.version:
        sentences.append(_("Plan version {version}.").format(version=data.version))
    sentences.append(_("Printed on {day}.").format(day=_day(data.today)))
    span = phase_span_text(data.plan, profile.surgery_date, phase.number)
    started = (
        _("This phase started on {day} ({span}).")
        if start <= data.today
        else _("This phase starts on {day} ({span}).")
    ).format(day=_day(start), span=span)
    if upcoming:
        started += " " + _("The next phase starts on {day}.").format(day=_day(upcoming[1]))
    walking = ngettext(
        "<b>Walking:</b> about {minutes} minutes a day, in {count} walk of about {each} minutes.",
        "<b>Walking:</b> about {minutes} minutes a day, in {count} walks of about {each} minutes.",
        walk.walks_per_day,
    ).format(minutes=walk.minutes_per_day, count=walk.walks_per_day, each=walk.minutes_per_walk)
    parts = [
        f'<p style="font-size:{TITLE_PT}pt; font-weight:600">{_esc(_plan_title(profile))}</p>',
        f"<p>{_esc(' '.join(sentences))}</p>",
        f'<p style="font-size:{HEADING_PT}pt; font-weight:600">{_esc(phase.title)}</p>',
        f"<p>{_esc(started)}</p>",
        f"<p>{walking}</p>",
        "<p><b>" + _esc(_("Goals")) + "</b></p>" + _items(phase.goals),
    ]
    if phase.precautions:
        parts.append("<p><b>" + _esc(_("Be careful")) + "</b></p>" + _items(phase.precautions))
    limits = frozenset(profile.extra_restrictions) | data.plan.extra_restrictions
    if limits:
        words = _(", ").join(tag_label(tag) for tag in sorted(limits))
        parts.append(
            "<p>"
            + _("<b>Your surgeon also asked you to avoid:</b> {movements}.").format(
                movements=_esc(words)
            )
            + "</p>"
        )
    if data.plan.note:
        parts.append(
            "<p><b>"
            + _esc(_("A note from your therapist"))
            + "</b><br>"
            + _esc(data.plan.note)
            + "</p>"
        )
    return "".join(parts)


def _plan_title(profile: Profile) -> str:
    """'Exercise plan for Sam' (the first line and the PDF's title)."""
    return _("Exercise plan for {name}").format(name=profile.nickname)


def _stop_if_html(exercise: Exercise, data: HandoutInput | None) -> str:
    """'Stop if: ...', then each warning sign it names with its tier's action."""
    if data is None or data.red_flags is None:
        lines = [exercise.stop_if]
    else:
        lines = stop_if_lines(exercise, data.red_flags, data.profile.emergency_number)
    first = lines[0].strip()
    # Translators: exactly how the exercises' stop-if texts begin ("Pare si" in Spanish); the
    # handout prints it as a heading and the rest of the sentence after it.
    opening = _("Stop if") + " "
    if first.startswith(opening):
        head, first = _("Stop if:"), first.removeprefix(opening)
    else:  # "Stop and rest if ..." reads wrongly after "Stop if:"
        head = _("When to stop:")
    rest = "".join(f"<br>{_esc(line)}" for line in lines[1:])
    return f"<p><b>{_esc(head)}</b> {_esc(first)}{rest}</p>"


def _exercise_html(exercise: Exercise, item: Prescription, data: HandoutInput | None = None) -> str:
    dose = item.dosage.describe(exercise.per_side)
    rest = item.dosage.rest_s
    sets = (
        " "
        + _esc(
            ngettext(
                "Rest {count} second between sets.", "Rest {count} seconds between sets.", rest
            ).format(count=rest)
        )
        if item.dosage.sets > 1
        else ""
    )
    reason = (
        "<p><b>" + _esc(_("Your therapist added this:")) + "</b> " + _esc(item.reason) + "</p>"
        if item.reason
        else ""
    )
    floor = exercise.floor_advice
    floor_html = (
        "<p><b>" + _esc(_("Getting down and up:")) + "</b> " + _esc(floor) + "</p>" if floor else ""
    )
    return (
        f'<p style="font-size:{NAME_PT}pt; font-weight:600">{_esc(exercise.name)}</p>'
        f"<p><b>{_esc(dose)}.</b>{sets}</p>"
        f"{_items(exercise.steps, ordered=True)}"
        f"{floor_html}"
        f"{_stop_if_html(exercise, data)}"
        f"{reason}"
    )


def _routine_html(routine: Routine) -> str:
    times = routine.times_per_day
    often = (
        _("once a day")
        if times == 1
        else ngettext("{count} time a day", "{count} times a day", times).format(count=times)
    )
    week = routine.days_per_week
    days = (
        _("every day")
        if week == 7
        else ngettext("on {count} day a week", "on {count} days a week", week).format(count=week)
    )
    # Translators: "Do this twice a day, every day." {often} and {days} are phrases above.
    text = _("Do this {often}, {days}.").format(often=often, days=days)
    return (
        f'<p style="font-size:{HEADING_PT}pt; font-weight:600">{_esc(routine.name)}</p>'
        f"<p>{_esc(text)}</p>"
    )


def _help_blocks(data: HandoutInput) -> list[str]:
    """The three tiers one after the other, each a statement, its signs and its action (one
    block each, so a tier is never split across pages)."""
    if data.red_flags is None:
        return []
    blocks = []
    for tier in tier_statements(data.red_flags, data.profile.emergency_number):
        blocks.append(
            f'<p style="font-size:{NAME_PT}pt; font-weight:600">{_esc(tier.statement)}</p>'
            f"{_items(tier.signs)}<p><b>{_esc(tier.action)}</b></p>"
        )
    blocks[0] = (
        f'<p style="font-size:{HEADING_PT}pt; font-weight:600">'
        + _esc(pgettext("heading", "Warning signs"))
        + "</p>"
        + blocks[0]
    )
    blocks[-1] += (
        "<p>"
        + _esc(
            _(
                "Rehab Coach informs and coaches; it never diagnoses. Your surgeon's advice "
                "comes first."
            )
        )
        + "</p>"
    )
    return blocks


class _Pages:
    """Places blocks top to bottom, starting a new page when a block does not fit."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer = writer
        self.painter = painter
        rect = writer.pageLayout().paintRectPixels(DPI)
        self.width = float(rect.width())
        self.height = float(rect.height()) - self._footer_height()
        self.y = 0.0
        self.page = 1
        self._footer()

    def document(self, body: str) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.writer)
        font = QFont("DejaVu Sans")
        font.setPointSizeF(BODY_PT)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setHtml(body)
        doc.setTextWidth(self.width)
        return doc

    def _footer_height(self) -> float:
        return BODY_PT / 72 * DPI * 2

    def _footer(self) -> None:
        footer = _("Rehab Coach · page {number}").format(number=self.page)
        doc = self.document(f'<p style="color:#444">{_esc(footer)}</p>')
        self.painter.save()
        self.painter.translate(0, self.height + self._footer_height() / 2)
        doc.drawContents(self.painter)
        self.painter.restore()

    def ensure(self, height: float) -> None:
        if self.y > 0 and self.y + height > self.height:
            self.writer.newPage()
            self.page += 1
            self.y = 0.0
            self._footer()

    def text(self, body: str) -> None:
        doc = self.document(body)
        height = doc.size().height()
        self.ensure(height)
        self.painter.save()
        self.painter.translate(0, self.y)
        doc.drawContents(self.painter)
        self.painter.restore()
        self.y += height + GAP_PX

    def exercise(self, figure: Path | None, body: str, lead: str = "") -> None:
        """One exercise: a rule, its picture, then its text; ``lead`` (a routine's heading)
        goes first and always stays on the same page as the exercise."""
        head = self.document(lead) if lead else None
        lead_height = head.size().height() + GAP_PX if head is not None else 0.0
        doc = self.document(body)
        renderer = QSvgRenderer(str(figure)) if figure is not None else None
        box = QRectF()
        if renderer is not None and renderer.isValid():
            view = renderer.viewBoxF()
            max_h = FIGURE_MAX_MM / 25.4 * DPI
            scale = min(self.width / max(view.width(), 1), max_h / max(view.height(), 1))
            size = QSizeF(view.width() * scale, view.height() * scale)
            box = QRectF((self.width - size.width()) / 2, 0, size.width(), size.height())
        pad = GAP_PX / 2
        height = box.height() + (pad if box.height() else 0) + doc.size().height() + 2 * pad
        self.ensure(lead_height + height)
        self.painter.save()
        self.painter.translate(0, self.y)
        if head is not None:
            head.drawContents(self.painter)
            self.painter.translate(0, lead_height)
        self.painter.setPen(QPen(QColor("#888888"), 4))
        self.painter.drawLine(0, 0, int(self.width), 0)
        self.painter.translate(0, pad)
        if renderer is not None and box.height():
            renderer.render(self.painter, box)
            self.painter.translate(0, box.height() + pad)
        doc.drawContents(self.painter)
        self.painter.restore()
        self.y += lead_height + height + GAP_PX / 2


def render_handout(data: HandoutInput) -> bytes:
    """The handout as PDF bytes (A4, at least 14 pt everywhere)."""
    phase = phase_on(data.plan, data.profile.surgery_date, data.today)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(_plan_title(data.profile))
    writer.setCreator("Rehab Coach")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter(writer)
    try:
        pages = _Pages(writer, painter)
        pages.text(_intro_html(data, phase))
        for routine in phase.routines:
            lead = _routine_html(routine)
            for item in routine.items:
                exercise = data.catalogue[item.exercise_id]
                figure = (data.figures or {}).get(exercise.id)
                pages.exercise(figure, _exercise_html(exercise, item, data), lead)
                lead = ""
        for block in _help_blocks(data):
            pages.text(block)
    finally:
        painter.end()
    buffer.close()
    return bytes(QByteArray(buffer.data()).data())


def write_handout(path: Path, data: HandoutInput, *, data_folder: Path) -> None:
    """Render and write atomically: the old file stays whole if anything fails."""
    atomic_write_bytes(path, render_handout(data), data_folder=data_folder)


def handout_input(
    current: ProfilePlan,
    content: Content,
    today: date,
    custom_figures: Mapping[str, str] | None = None,
) -> HandoutInput:
    """The handout of a profile's current plan (as the store resolved it), with its author and
    pictures (``custom_figures``: exercise id -> a figure named by the plan file). Only a stored
    plan is printed: never the standard plan put in place of an unreadable one."""
    profile = current.profile
    if current.problem:
        raise ExportError(
            _("The plan of {name} could not be read, so there is nothing to print.").format(
                name=profile.nickname
            )
        )
    if current.version is None:
        raise ExportError(
            _("{name} has no plan yet, so there is nothing to print.").format(name=profile.nickname)
        )
    return HandoutInput(
        profile=profile,
        plan=current.plan,
        catalogue=current.catalogue,
        today=today,
        therapist=current.therapist,
        version=current.version,
        red_flags=content.red_flags,
        figures=figure_paths(current.catalogue, assets_dir(), custom_figures),
    )
