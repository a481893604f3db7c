"""The handout and the clinic report in Spanish: every heading, sentence, date and page footer
the reports write comes from the catalogue, and English stays as it was."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from coach.demo.history import seed_history
from coach.domain.content import Content
from coach.domain.i18n import in_language
from coach.domain.plan import plan_from_protocol
from coach.domain.plan_edit import add_exercise, set_note
from coach.domain.profile import Profile, Surgery
from coach.reports.handout import HandoutInput, figure_paths, render_handout
from coach.reports.pdf_report import render_pdf
from coach.store import open_db
from coach.store.plans import resolve_plan
from coach.store.progress_data import ProgressData
from coach.system.paths import assets_dir
from coach.ui.progress.report_export import report_data

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)
NOW = datetime(2026, 6, 1, 18, 0, tzinfo=UTC)


def _text(pdf: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return " ".join(unicodedata.normalize("NFKC", out).split())  # ligatures, line breaks


def _handout(content: Content) -> HandoutInput:
    plan = plan_from_protocol(content.protocols[Surgery.FUSION])
    plan = add_exercise(plan, content.catalogue, 2, "stretches", "prone-press-up", reason="Why")
    return HandoutInput(
        profile=Profile("Sam", Surgery.FUSION, date(2026, 1, 5), extra_restrictions=("floor",)),
        plan=set_note(plan, "Walk after lunch."),
        catalogue=content.catalogue,
        today=date(2026, 3, 2),
        therapist="Alex Moreno",
        version=3,
        red_flags=content.red_flags,
        figures=figure_paths(content.catalogue, assets_dir()),
    )


def test_the_handout_prints_in_spanish(
    qapp: QApplication, content: Content, tmp_path: Path
) -> None:
    with in_language("es"):
        spanish = _text(render_handout(_handout(content)), tmp_path, "es")
    english = _text(render_handout(_handout(content)), tmp_path, "en")
    for words in (
        "Plan de ejercicios de Sam",
        "Después de su fusión de columna del 5 de enero de 2026.",
        "Plan versión 3, de Alex Moreno. Impreso el 2 de marzo de 2026.",
        "Esta fase empezó el 16 de febrero de 2026",
        "en 2 caminatas de unos 18 minutos",
        "Tenga cuidado",
        "Su cirujano también le pidió que evite: bajar al suelo.",
        "Haga esto una vez al día, todos los días.",
        "10 veces, mantenga 10 segundos.",
        "Su fisioterapeuta añadió esto: Why",
        "Rehab Coach · página 1",
        "Rehab Coach informa y acompaña; nunca diagnostica.",
    ):
        assert words in spanish
    for words in ("Exercise plan for", "Printed on", "Be careful", "page 1", "March 2026"):
        assert words not in spanish
    assert "Exercise plan for Sam" in english and "Printed on 2 March 2026." in english
    del qapp


def test_the_clinic_report_prints_in_spanish(
    qapp: QApplication, content: Content, tmp_path: Path
) -> None:
    db = open_db(tmp_path / "coach.db")
    profile = seed_history(db, content, NOW, weeks=8).profile
    data = ProgressData(db).history(resolve_plan(db, content, profile), NOW.date())
    db.close()
    with in_language("es"):
        spanish = _text(
            render_pdf(report_data(profile, data, content), QLocale("de_DE")), tmp_path, "es"
        )
    for words in (
        "Informe de Rehab Coach: Sam",
        "Hecho el 1 jun 2026. Operación: fusión de columna el",
        "Resumen",
        "El dolor de pierna antes de las sesiones ha bajado",
        "Un cambio cuenta como significativo cuando es de al menos 2 puntos",
        "El dolor va de 0 (nada) a 10 (el peor).",
        "Dolor y actividad por semana (últimas 12 semanas, la más reciente primero)",
        "Puntuaciones de resultados",
        "Señales de alarma comunicadas",
        "Diario de dolor",
        "Página 1 de",
    ):
        assert words in spanish
    for words in ("Made on", "Summary", "Pain journal", "Page 1 of", "Outcome scores"):
        assert words not in spanish
    del qapp
