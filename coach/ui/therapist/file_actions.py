"""The editor's file actions: export a plan file, import one (after showing what changes),
and print the large-print handout. Nothing is written to the database by a bad file."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLayout, QProgressDialog, QPushButton, QWidget

from coach.domain import formats
from coach.domain.i18n import _
from coach.domain.plan_diff import summarise_changes
from coach.domain.plan_file import SUFFIX, PlanFile, dump_plan_file
from coach.domain.profile import Profile
from coach.reports.atomic import ExportError, atomic_write_bytes
from coach.reports.handout import handout_input, write_handout
from coach.store import StoreError
from coach.store.plans import resolve_plan
from coach.store.therapist import TherapistStore
from coach.ui.common.dialogs import Dialogs
from coach.ui.common.widgets import button
from coach.ui.context import AppContext
from coach.ui.therapist.dialogs import confirm_import
from coach.ui.therapist.editor_port import EditorPort
from coach.ui.therapist.import_summary import ImportPreview
from coach.ui.therapist.plan_reader import PlanReadTask, ReadResult

log = logging.getLogger(__name__)


def _safe_name(nickname: str) -> str:
    cleaned = "".join(ch if ch.isalnum() else "-" for ch in nickname.strip().lower())
    return "-".join(part for part in cleaned.split("-") if part) or "patient"


def made_when(at: datetime) -> str:
    """When a plan file was made, as the import question says it: '2 March 2026, 10:15'."""
    # Translators: when a plan file was made: "24 November 2026, 09:16".
    day = formats.day_month_year(at.date())
    return _("{date}, {time}").format(date=day, time=formats.clock(at))


class FileActions(QObject):
    """Export, import and print for the editor's profile."""

    import_finished = Signal(bool)  # True when a plan was imported; after every import try

    def __init__(
        self,
        ctx: AppContext,
        store: TherapistStore,
        editor: EditorPort,
        dialogs: Dialogs,
    ) -> None:
        super().__init__(editor.widget())
        self.reading: PlanReadTask | None = None
        self._ctx = ctx
        self._store = store
        self._editor = editor
        self._dialogs = dialogs

    def buttons(self, row: QLayout) -> tuple[QPushButton, QPushButton, QPushButton]:
        """Export, import and print buttons for the editor's title row."""
        made = []
        for caption, name, action in (
            (_("Export plan…"), _("Export the saved plan to a plan file"), self.export_plan),
            (_("Import plan…"), _("Import a plan file"), self.import_plan),
            (_("Print handout…"), _("Save a large-print handout to print"), self.print_handout),
        ):
            widget = button(caption, self._editor.widget())
            widget.setAccessibleName(name)
            widget.setToolTip(name)
            widget.clicked.connect(action)
            row.addWidget(widget)
            made.append(widget)
        return made[0], made[1], made[2]

    @property
    def _parent(self) -> QWidget:
        return self._editor.widget()

    def _saved_first(self, question: str) -> bool:
        """Files and handouts show the saved plan; offer to save changes first (``question``
        says which)."""
        if not self._editor.is_dirty():
            return True
        if self._dialogs.confirm(
            self._parent,
            _("Save your changes first?"),
            question,
            default_no=True,
        ):
            return self._editor.save() is not None
        return True

    def export_plan(self) -> Path | None:
        profile = self._editor.profile
        if (
            profile is None
            or profile.id is None
            or not self._saved_first(
                _("The plan file shows the saved plan. Save your changes as a new version first?")
            )
        ):
            return None
        suggested = Path.home() / f"{_safe_name(profile.nickname)}-plan{SUFFIX}"
        target = self._dialogs.save_path(
            self._parent,
            _("Export the plan"),
            suggested,
            _("Rehab Coach plans ({patterns})").format(patterns=f"*{SUFFIX} *.json"),
        )
        if target is None:
            return None
        try:
            current = resolve_plan(self._ctx.db, self._ctx.content, profile)
            plan_file = self._store.plan_file_for(current, self._ctx.clock.now())
            atomic_write_bytes(target, dump_plan_file(plan_file), data_folder=self._ctx.paths.root)
        except (ExportError, StoreError) as exc:
            self._dialogs.inform(self._parent, _("The plan was not exported"), str(exc))
            return None
        log.info("plan exported")
        self._dialogs.inform(
            self._parent,
            _("Plan exported"),
            _("The plan was saved to\n{path}").format(path=target),
        )
        return target

    def import_plan(self) -> bool:
        """Choose a file and start reading it on a worker thread (with progress and a cancel);
        the rest follows in ``_on_read``. False when nothing was started."""
        profile = self._editor.profile
        if profile is None or profile.id is None or self.reading is not None:
            return False
        if self._editor.is_dirty() and not self._dialogs.confirm(
            self._parent,
            _("Import over your changes?"),
            _("You have changes that are not saved. Importing a plan drops them. Go on?"),
            default_no=True,
        ):
            return False
        source = self._dialogs.open_path(
            self._parent,
            _("Import a plan"),
            Path.home(),
            _("Rehab Coach plans ({patterns})").format(patterns=f"*{SUFFIX} *.json"),
        )
        if source is None:
            return False
        content = self._ctx.content
        task = PlanReadTask(source, content.catalogue, profile, self, content.red_flags)
        self.reading = task
        progress = self._dialogs.progress(self._parent, _("Reading the plan file…"))
        task.progressed.connect(progress.setValue)
        progress.canceled.connect(task.cancel)
        task.finished.connect(lambda result: self._on_read(result, profile, progress))
        task.start()
        return True

    def _on_read(self, result: ReadResult, profile: Profile, progress: QProgressDialog) -> None:
        self.reading = None
        progress.canceled.disconnect()
        progress.close()
        progress.deleteLater()
        imported = False
        if result.error:
            self._dialogs.inform(self._parent, _("Nothing was changed"), result.error)
        elif result.cancelled:
            self._editor.show_message(_("The import was cancelled. Nothing was changed."))
        elif result.plan_file is not None and profile == self._editor.profile:
            imported = self._confirm_and_import(profile, result.plan_file)
        self.import_finished.emit(imported)

    def _confirm_and_import(self, profile: Profile, plan_file: PlanFile) -> bool:
        assert profile.id is not None
        catalogue = plan_file.catalogue(self._editor.catalogue)
        current = self._editor.stored
        preview = ImportPreview(
            nickname=profile.nickname,
            therapist=plan_file.therapist,
            created=made_when(plan_file.created_at),
            changes=summarise_changes(
                current.plan if current else None, plan_file.plan, catalogue, profile.surgery_date
            ),
            current_version=current.version if current else None,
        )
        if not confirm_import(self._dialogs, self._parent, preview):
            return False
        try:
            self._store.import_plan(profile.id, plan_file, self._ctx.clock.now())
        except StoreError as exc:
            self._dialogs.inform(self._parent, _("The plan was not imported"), str(exc))
            return False
        log.info("plan imported")
        self._editor.reload()
        stored = self._editor.stored
        version = stored.version if stored else "?"
        self._editor.show_message(
            _("The imported plan is now version {version}. Earlier versions are kept.").format(
                version=version
            )
        )
        return True

    def print_handout(self) -> Path | None:
        profile = self._editor.profile
        if profile is None or not self._saved_first(
            _("The handout shows the saved plan. Save your changes as a new version first?")
        ):
            return None
        suggested = Path.home() / f"{_safe_name(profile.nickname)}-exercises.pdf"
        target = self._dialogs.save_path(
            self._parent, _("Save the handout"), suggested, _("PDF (*.pdf)")
        )
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            assert profile.id is not None
            with self._ctx.report_language(profile) as content:  # the patient's language
                data = handout_input(
                    resolve_plan(self._ctx.db, content, profile),
                    content,
                    self._ctx.clock.now().date(),
                    self._store.custom_figures(profile.id),
                )
                write_handout(target, data, data_folder=self._ctx.paths.root)
        except ExportError as exc:
            self._dialogs.inform(self._parent, _("The handout was not saved"), str(exc))
            return None
        log.info("handout written")
        self._dialogs.inform(
            self._parent,
            _("Handout saved"),
            _("The handout was saved to\n{path}\nPrint it from there.").format(path=target),
        )
        return target
