"""With Spanish chosen, Progress, History, the therapist's plan editor and the pain journal
read in Spanish: titles, buttons, chart titles, legends and axis labels, table headers, and
dates written the Spanish way ("lun, 5 ene", "5 de enero de 2026"). Each test chooses Spanish
through ``i18n.use`` and the fixture puts English back, so no other test sees Spanish."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from coach.demo.history import seed_history
from coach.domain import i18n
from coach.domain.clock import FakeClock
from coach.domain.journal import JournalEntry, RegionMark
from coach.domain.medicines import MedicineEntry
from coach.domain.pain import Pain
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Profile, Surgery
from coach.ui.context import AppContext
from coach.ui.history.screen import HistoryScreen
from coach.ui.journal.body_paint import view_title
from coach.ui.journal.journal_screen import JournalScreen
from coach.ui.progress.screen import ProgressScreen
from coach.ui.therapist.mode import TherapistMode
from coach.ui.therapist.screen import TherapistScreen


@pytest.fixture
def spanish() -> Iterator[None]:
    """Spanish for this test only; English again afterwards, whatever happens."""
    i18n.use("es")
    try:
        yield
    finally:
        i18n.use("en")


def texts(widget: QWidget) -> list[str]:
    """Every label and button text a person can see in ``widget``."""
    found = [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget)]
    found += [w.text() for w in widget.findChildren(QPushButton) if w.isVisibleTo(widget)]
    return found


def on_screen(qtbot: QtBot, widget: QWidget) -> QWidget:
    """``widget`` shown at a laptop's size, closed after the test."""
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    return widget


def headers(view_model: object, columns: int) -> list[str]:
    return [
        view_model.headerData(c, Qt.Orientation.Horizontal)  # type: ignore[attr-defined]
        for c in range(columns)
    ]


def test_progress_is_in_spanish(
    spanish: None, qtbot: QtBot, ctx: AppContext, clock: FakeClock
) -> None:
    stats = seed_history(ctx.db, ctx.content, clock.now(), weeks=12)
    ctx.active.set(stats.profile)
    screen = ProgressScreen(ctx)
    on_screen(qtbot, screen)
    shown = texts(screen)
    for words in ("Progreso", "Cómo le va", "Mostrar los números en una tabla", "&4 semanas"):
        assert words in shown
    assert "Show numbers as a table" not in shown
    # The charts: titles, legends and the value axis, as pyqtgraph draws them.
    frames = screen.charts.frames
    assert frames["back"].title.text() == "Dolor de espalda"
    assert frames["adherence"].title.text() == "Sesiones hechas cada semana"
    legend = [key.text for key in frames["back"].legend()]
    assert "Antes de las sesiones, media de 7 días" in legend
    assert "Su punto de partida" in legend
    assert screen.charts.plot_of["back"].y_label == "dolor 0-10"
    assert screen.charts.plot_of["back"].accessibleName() == "Gráfico del dolor de espalda"
    # The table: headers, a week's dates with Spanish months, decimals with a comma.
    model = screen.table_model
    assert headers(model, 4) == [
        "Semana",
        "Fechas",
        "Dolor de espalda antes",
        "Dolor de espalda después",
    ]
    newest = model.index(0, 1).data()
    assert newest.endswith("5 ene"), newest  # this week ends today, Monday 5 January 2026
    pain_cells = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert any("," in cell for cell in pain_cells if cell != "–"), pain_cells
    screen.view_button.click()
    assert screen.view_button.text() == "Mostrar gráficos"


@pytest.fixture
def ana(ctx: AppContext, clock: FakeClock) -> int:
    """A patient three weeks after a discectomy, chosen; her profile id."""
    profile = ctx.repo.add_profile(
        Profile("Ana", Surgery.DISCECTOMY, clock.now().date() - timedelta(weeks=3)), clock.now()
    )
    ctx.active.set(profile)
    assert profile.id is not None
    return profile.id


def test_history_is_in_spanish_with_spanish_dates(
    spanish: None, qtbot: QtBot, ctx: AppContext, clock: FakeClock, ana: int
) -> None:
    store = ctx.stores.sessions
    at = clock.now() - timedelta(days=1)  # Sunday 4 January 2026
    sid = store.start_session(ana, None, "daily", "Ejercicios diarios", at)
    store.record_pain(sid, "before", Pain(5, 6), at)
    store.record_pain(sid, "after", Pain(4, 8), at + timedelta(minutes=20))
    store.finish_session(sid, "done", at + timedelta(minutes=20))
    screen = HistoryScreen(ctx)
    on_screen(qtbot, screen)
    model = screen.model
    assert headers(model, 5) == ["Fecha", "Qué", "Resultado", "Espalda", "Pierna"]
    local = at.astimezone()
    assert model.index(0, 0).data() == f"{_es_weekday(local)}, {local.day} ene, {local:%-H:%M}"
    screen.table.selectRow(0)
    shown = texts(screen)
    assert "Historial" in shown
    assert "Guardar la nota" in shown
    assert any(text.startswith("Dolor antes: espalda 5, pierna 6") for text in shown), shown
    assert screen.details_title.text().startswith("Ejercicios diarios, dom, 4 ene")


def _es_weekday(day: datetime) -> str:
    return ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"][day.weekday()]


def test_the_therapist_editor_is_in_spanish(
    spanish: None, qtbot: QtBot, ctx: AppContext, clock: FakeClock
) -> None:
    surgery = clock.now().date() - timedelta(weeks=7)
    plan = plan_from_protocol(ctx.content.protocols[Surgery.FUSION])
    profile = ctx.repo.add_profile(Profile("Sam", Surgery.FUSION, surgery), clock.now(), plan)
    ctx.active.set(profile)
    mode = TherapistMode(ctx.stores.therapist, ctx.clock, check_ms=10)
    screen = TherapistScreen(ctx, mode=mode)
    on_screen(qtbot, screen)
    try:
        assert screen.unlock_button.text() == "Poner un PIN"
        assert "Fisioterapeuta" in texts(screen)
        mode.set_pin("2468")  # the first PIN opens the mode
        editor = screen.editor
        assert editor.title.text() == "Plan de Sam"
        assert editor.version.text() == "Versión 1, guardada el 5 de enero de 2026"
        assert editor.save_button.text() == "Guardar como versión nueva"
        shown = texts(editor)
        assert "Cuándo empieza esta fase" in shown
        assert "Meta de caminata" in shown
        # The walking sentence keeps its number boxes in the Spanish order of the words.
        assert editor.panel is not None
        assert [w for w in ("De", "a", "minutos al día, en", "caminatas") if w in shown] == [
            "De",
            "a",
            "minutos al día, en",
            "caminatas",
        ]
        start = editor.panel.findChild(QDateEdit, "phase-start")
        assert start is not None and start.text() == "29 de diciembre de 2025"
        assert (
            "Inicio habitual: 29 de diciembre de 2025 (día 42 después de la operación, semana 7)."
            " Adelántelo para avanzar la fase o atráselo para retrasarla."
        ) in shown
    finally:
        mode.lock()


def test_the_journal_is_in_spanish(
    spanish: None, qtbot: QtBot, ctx: AppContext, clock: FakeClock, ana: int
) -> None:
    taken = clock.now() - timedelta(minutes=30)
    ctx.stores.medicines.save(
        ana, MedicineEntry("Ibuprofeno", taken, taken.date(), "anti-inflammatory", "1")
    )
    entry_at = clock.now() - timedelta(minutes=10)
    ctx.stores.journal.save(
        ana,
        JournalEntry(entry_at, entry_at.date(), (RegionMark("calf-left", 6),)),
        entry_at,
    )
    screen = JournalScreen(ctx)
    on_screen(qtbot, screen)
    shown = texts(screen)
    for words in ("Diario de dolor", "Anotar el dolor", "Tomé un medicamento", "Hoy"):
        assert words in shown, shown
    assert "Tomé Ibuprofeno otra vez" in shown
    clock_text = taken.astimezone().strftime("%-H:%M")
    assert f"Medicamento: {clock_text}  Ibuprofeno, 1" in shown
    assert any(t.startswith("Dolor: ") for t in shown), shown
    # The body map's headings and sides say which way the figure faces.
    assert (view_title("back"), view_title("front")) == ("Espalda", "Frente")
    assert i18n.pgettext("body side", "Left") == "Izquierda"


def test_english_is_back_after_a_spanish_test(qtbot: QtBot, ctx: AppContext) -> None:
    """The fixture restored English: the English app is unchanged."""
    assert i18n.current().code == "en"
    assert view_title("back") == "Back"
