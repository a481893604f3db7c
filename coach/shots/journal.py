"""Screenshots of the pain journal for ``rehab-coach screenshot DIR``: the entry with an empty
and a filled body map, the medicine dialog, a History day with journal entries, and (with the
long pictures) the clinic report's pages, drawn by poppler's ``pdftoppm`` when it is installed.

The filled entry is thrown away afterwards, so the demo data stay as they were.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt

from coach.domain.journal import JournalEntry
from coach.shots.compose import save_grab
from coach.store.plans import resolve_plan
from coach.ui.context import AppContext
from coach.ui.history.screen import HistoryScreen
from coach.ui.journal.entry_dialog import JournalEntryDialog
from coach.ui.journal.medicine_dialog import MedicineDialog
from coach.ui.main_window import MainWindow

FILLED = (("calf-right", 6, "tingling"), ("buttock-right", 4, ""), ("lower-back-centre", 3, ""))
PDF_DPI = 130  # an A4 page about 1075 px wide, as wide as the screen pictures


def render_journal_screens(
    ctx: AppContext,
    window: MainWindow,
    out_dir: Path,
    settle: Callable[[], None],
    *,
    long: bool = True,
) -> list[Path]:
    profile = ctx.active.profile
    if profile is None or profile.id is None:
        return []
    written = _entry_pictures(ctx, profile.id, window, out_dir, settle)
    medicine = MedicineDialog(ctx, profile.id, None, window)
    medicine.resize(window.size())  # as big as the window, like the other pictures
    medicine.show()
    settle()
    written.append(save_grab(medicine, out_dir / "journal-medicine.png"))
    medicine.close()
    medicine.deleteLater()
    written.append(_history_day(window, out_dir, settle))
    written.append(_extent_chart(window, out_dir, settle))
    if long:
        written += _report_pages(ctx, out_dir)
    return written


def _entry_pictures(
    ctx: AppContext, pid: int, window: MainWindow, out_dir: Path, settle: Callable[[], None]
) -> list[Path]:
    dialog = JournalEntryDialog(ctx, pid, None, window)
    dialog.resize(window.size())
    dialog.show()
    settle()
    written = [save_grab(dialog, out_dir / "journal-entry-empty.png")]
    for region, score, feels in FILLED:
        dialog.checklist.item_for(region).setCheckState(Qt.CheckState.Checked)
        dialog.editor.number_buttons[score].click()
        if feels:
            dialog.editor.quality_boxes[feels].click()
    dialog.checklist.item_for("calf-right").setSelected(True)
    dialog.checklist.setCurrentItem(dialog.checklist.item_for("calf-right"))
    settle()
    written.append(save_grab(dialog, out_dir / "journal-entry-filled.png"))
    dialog.cancel_button.click()  # "Throw away": the demo keeps no draft
    dialog.deleteLater()
    return written


def _history_day(window: MainWindow, out_dir: Path, settle: Callable[[], None]) -> Path:
    """History with the newest pain journal entry chosen (sessions and medicines around it)."""
    window.show_screen("history")
    screen = window.screen_widget("history")
    if isinstance(screen, HistoryScreen):
        rows = range(screen.model.rowCount())
        row = next((r for r in rows if isinstance(screen.model.item_at(r), JournalEntry)), 0)
        screen.table.selectRow(row)
    settle()
    return save_grab(window, out_dir / "history-journal.png")


def _extent_chart(window: MainWindow, out_dir: Path, settle: Callable[[], None]) -> Path:
    """Progress scrolled to the leg pain reach chart, its sentences at the top."""
    from PySide6.QtWidgets import QScrollArea

    from coach.ui.progress.screen import ProgressScreen

    window.show_screen("progress")
    screen = window.screen_widget("progress")
    settle()
    if isinstance(screen, ProgressScreen):
        frame = screen.charts.frames["extent"]
        scroll = screen.findChild(QScrollArea)
        body = scroll.widget() if scroll is not None else None
        if scroll is not None and body is not None:
            top = frame.mapTo(body, frame.rect().topLeft()).y()
            scroll.verticalScrollBar().setValue(top - 12)
    settle()
    return save_grab(window, out_dir / "progress-extent.png")


def _report_pages(ctx: AppContext, out_dir: Path) -> list[Path]:
    """The clinic PDF's pages as pictures (report-page-1.png, ...), if pdftoppm is there."""
    from coach.reports.pdf_report import render_pdf
    from coach.ui.progress.report_export import report_data

    pdftoppm = shutil.which("pdftoppm")
    profile = ctx.active.profile
    if pdftoppm is None or profile is None:
        return []
    current = resolve_plan(ctx.db, ctx.content, profile)
    history = ctx.stores.progress.history(current, ctx.clock.now().date())
    pdf = render_pdf(report_data(profile, history, ctx.content))
    with tempfile.TemporaryDirectory(prefix="rehab-coach-report-") as tmp:
        source = Path(tmp) / "report.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            [pdftoppm, "-r", str(PDF_DPI), "-png", str(source), str(out_dir / "report-page")],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return sorted(out_dir.glob("report-page-*.png"))
