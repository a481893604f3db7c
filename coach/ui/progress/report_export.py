"""Making the clinic report: the store's history, the charts drawn on white, then the PDF.

Shared by the Progress screen's button and ``rehab-coach export pdf``; the charts need Qt
widgets, so the command line creates an offscreen QApplication first.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from coach.domain.catalogue import Catalogue
from coach.domain.content import Content
from coach.domain.i18n import _, ngettext
from coach.domain.profile import Profile
from coach.domain.progress import ExerciseTally, Progress, build_progress
from coach.domain.timer import SKIP_REASON_WORDS
from coach.domain.warning_signs import tier_statements
from coach.reports.csv_export import csv_text, write_csv
from coach.reports.journal_report import JournalSection
from coach.reports.pdf_report import ReportData, ReportNote, render_pdf, write_pdf
from coach.store.progress_data import ProfileHistory

CHART_WEEKS = 52  # a longer history is summarised by its last year


def chart_window(progress: Progress) -> tuple[date, date, str]:
    """The days the report's charts show, and how to say it."""
    first = max(progress.start, progress.end - timedelta(weeks=CHART_WEEKS))
    # Translators: the report's charts heading says which days they show, in brackets.
    span = (
        _("since surgery")
        if first == progress.start
        else ngettext("the last {count} week", "the last {count} weeks", CHART_WEEKS).format(
            count=CHART_WEEKS
        )
    )
    return first, progress.end, span


def change_texts(tally: ExerciseTally, catalogue: Catalogue) -> list[str]:
    """'Bridge: did the easier version (Buttock squeezes)', 'Heel slides: skipped (pain)'."""

    def name(exercise_id: str) -> str:
        return catalogue[exercise_id].name if exercise_id in catalogue else exercise_id

    swaps = [
        _("{exercise}: did the easier version ({easier})").format(exercise=name(a), easier=name(b))
        for a, b in tally.swaps
    ]
    skips = [
        _("{exercise}: skipped ({reason})").format(
            exercise=name(e), reason=_(SKIP_REASON_WORDS.get(r, r))
        )
        for e, r in tally.skip_reasons
    ]
    return swaps + skips


def report_data(profile: Profile, history: ProfileHistory, content: Content) -> ReportData:
    from coach.ui.progress.chart_images import render_chart_images

    progress = build_progress(history.input)
    first, last, span = chart_window(progress)
    notes = [
        ReportNote(s.local_date, s.routine_name, s.note) for s in history.sessions if s.note.strip()
    ]
    changes = [
        ReportNote(s.local_date, s.routine_name, text)
        for s in history.sessions
        if s.id in history.exercises
        for text in change_texts(history.exercises[s.id], history.catalogue)
    ]
    return ReportData(
        profile=profile,
        progress=progress,
        charts=render_chart_images(progress, first, last),
        chart_span=span,
        notes=notes,
        question_texts={q.id: q.text for q in content.red_flags.questions},
        made_on=history.input.today,
        changes=changes,
        coping=history.coping,
        warning_tiers=tier_statements(content.red_flags, profile.emergency_number),
        medicine_sign=content.medicine_sign,
        journal=journal_section(history, progress, first),
    )


def journal_section(history: ProfileHistory, progress: Progress, first: date) -> JournalSection:
    """The journal's part of the report, over the same days as the charts."""
    from coach.domain.journal import daily_extent, region_counts
    from coach.domain.journal_rules import extent_notes, leg_baseline
    from coach.domain.medicines import weekly_table
    from coach.ui.journal.report_images import body_summary_image

    entries = [e for e in history.journal if e.day >= first]
    leg = progress.baselines["leg"]
    baseline = leg_baseline(leg.value if leg is not None else None, history.journal)
    notes = extent_notes(daily_extent(history.journal), history.journal, baseline, progress.end)
    counts = region_counts(entries)
    images = []
    if entries:
        images.append((_("Where pain was marked (number of entries)"), body_summary_image(counts)))
    medicines = [m for m in history.medicines if m.day >= first]
    return JournalSection(
        entries=len(entries),
        notes=[n.text for n in notes],
        region_counts=counts,
        medicine_weeks=weekly_table(medicines, history.input.surgery_date),
        images=images,
        medicines_taken=len(medicines),
    )


def export_pdf(
    path: Path, profile: Profile, history: ProfileHistory, content: Content, *, data_folder: Path
) -> None:
    """Write the report; raises ExportError (the old file is then unchanged)."""
    write_pdf(path, report_data(profile, history, content), data_folder=data_folder)


def export_csv(path: Path, profile: Profile, history: ProfileHistory, *, data_folder: Path) -> None:
    text = csv_text(history.sessions, history.exercises, history.input.plan, profile.surgery_date)
    write_csv(path, text, data_folder=data_folder)


def render_pdf_headless(profile: Profile, history: ProfileHistory, content: Content) -> bytes:
    """For the command line: the same report, with an offscreen QApplication if none exists."""
    from coach.ui.common.errors import route_qt_messages

    route_qt_messages()  # Qt's notes go to the log, not the terminal
    app = QApplication.instance() or QApplication([sys.argv[0], "-platform", "offscreen"])
    try:
        return render_pdf(report_data(profile, history, content))
    finally:
        del app
