"""With Spanish chosen, what a patient reads on Today, in a session (the warning-sign check, the
pain page and the player) and in onboarding is Spanish, dates included; English comes back
unchanged when English is chosen again.

Only the words of the screens are asserted here: sentences built in the domain and the clinical
content (exercise names, safety questions) are translated by their own modules and tested there.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from coach.domain import i18n
from coach.domain.catalogue import Dosage
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Profile, Surgery
from coach.domain.protocol import Prescription
from coach.store.sessions import SessionRecord
from coach.ui.common.date_ticks import date_ticks
from coach.ui.context import AppContext
from coach.ui.onboarding.wizard import OnboardingWizard
from coach.ui.session.resume import ResumeDialog
from coach.ui.session.session_flow import SessionFlow
from coach.ui.session.setup import SessionSetup
from coach.ui.session.sounds import CuePlayer
from coach.ui.today.screen import TodayScreen

TODAY = date(2026, 1, 5)  # the FakeClock's day: a Monday
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def spanish() -> Iterator[None]:
    """Spanish for the test; English again afterwards, whatever happens."""
    i18n.use("es")
    try:
        yield
    finally:
        i18n.use("en")


def words(widget: QWidget) -> list[str]:
    """Every label and button text a patient can see on ``widget``."""
    shown: list[str] = []
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        if child.isVisibleTo(widget) and child.text():
            shown.append(child.text())
    return shown


class QuietBackend:
    """A sound player that plays nothing (so the player shows its keys line, not "no sound")."""

    available = True

    def play(self, path: object) -> None:
        del path


def add_patient(ctx: AppContext, days_ago: int = 16) -> Profile:
    plan = plan_from_protocol(ctx.content.protocols[Surgery.FUSION])
    profile = Profile("Ana", Surgery.FUSION, TODAY - timedelta(days=days_ago))
    saved = ctx.repo.add_profile(profile, ctx.clock.now(), plan=plan)
    ctx.active.set(saved)
    return saved


def show(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    with qtbot.waitExposed(widget):
        widget.show()


# -- Today -----------------------------------------------------------------------------------
def test_today_in_spanish_greets_with_a_spanish_date(
    qtbot: QtBot, ctx: AppContext, spanish: None
) -> None:
    add_patient(ctx)
    screen = TodayScreen(ctx)
    show(qtbot, screen)
    assert screen.greeting.text() == "Hola, Ana. Hoy es lunes, 5 de enero."
    shown = words(screen)
    assert "Caminar" in shown  # the walking card's heading
    assert "Caminé:" in shown
    assert "+5 min" in shown
    assert "Deshacer la última" in shown
    card = screen.routine_cards()[0]
    assert card.start_button.text() == "Empezar"
    assert card.start_button.accessibleName().startswith("Empezar ")
    assert card.status.text() == "Aún sin hacer"
    assert card.about.text().startswith("Unos ")
    assert "ejercicios" in card.about.text()
    assert "Lo que viene después" in shown


def test_today_in_english_is_unchanged_after_spanish(qtbot: QtBot, ctx: AppContext) -> None:
    i18n.use("es")
    i18n.use("en")
    add_patient(ctx)
    screen = TodayScreen(ctx)
    show(qtbot, screen)
    assert screen.greeting.text() == "Hello, Ana. Today is Monday 5 January."
    assert screen.routine_cards()[0].start_button.text() == "Start"


def test_walking_messages_in_spanish(qtbot: QtBot, ctx: AppContext, spanish: None) -> None:
    add_patient(ctx)
    screen = TodayScreen(ctx)
    show(qtbot, screen)
    qtbot.mouseClick(screen.walking.add_buttons[1], LEFT)  # +10 min
    added = screen.walking.message.text()  # "10 minutos" comes from the domain's words
    assert added.startswith("Se añadieron 10 ") and added.endswith(" de caminata. ¡Muy bien!")
    qtbot.mouseClick(screen.walking.undo_button, LEFT)
    assert screen.walking.message.text().startswith("Se quitó la última caminata (10 ")


# -- a session ---------------------------------------------------------------------------------
def make_flow(qtbot: QtBot, ctx: AppContext) -> SessionFlow:
    profile = add_patient(ctx)
    assert profile.id is not None
    setup = SessionSetup(
        profile.id,
        profile.emergency_number,
        None,
        "daily",
        "Daily exercises",
        (Prescription("bridge", Dosage(sets=1, reps=2, hold_s=4, rest_s=0)),),
        (Prescription("diaphragmatic-breathing", Dosage(reps=1, tempo_s=4)),),
        ctx.content.catalogue,
    )
    flow = SessionFlow(ctx, setup, CuePlayer(ctx.prefs, QuietBackend()), lambda _id: None)
    show(qtbot, flow)
    return flow


def test_a_session_in_spanish_check_pain_and_player(
    qtbot: QtBot, ctx: AppContext, spanish: None
) -> None:
    flow = make_flow(qtbot, ctx)
    flow.start()
    check = flow.red_flags
    assert "Antes de empezar: señales de alarma" in words(check)
    assert check.count.text() == "Parte 1 de 3"
    assert check.no_button.text() == "Ninguna de estas"
    assert check.yes_button.text() == "Sí, alguna de estas"
    assert check.no_button.accessibleName() == "Ninguna de estas (tecla N)"
    assert check.cancel_button.text() == "Ahora no"
    for _ in range(3):
        check.read_to_end()
        qtbot.mouseClick(check.no_button, LEFT)

    pain = flow.pain_before
    assert flow.current_page() is pain
    shown = words(pain)
    assert "¿Cuánto dolor tiene ahora?" in shown
    assert "Dolor en la espalda" in shown
    assert "Dolor en la pierna o las piernas" in shown
    assert "0: Sin dolor" in shown
    assert "10: El peor dolor imaginable" in shown
    assert pain.next_button.text() == "Siguiente"
    qtbot.mouseClick(pain.back.group.button(2), LEFT)
    assert pain.back.accessibleDescription() == "Dolor en la espalda: 2"
    qtbot.mouseClick(pain.leg.group.button(1), LEFT)
    qtbot.mouseClick(pain.next_button, LEFT)

    player = flow.player
    assert player is not None and flow.current_page() is player
    assert player.pause_button.text() == "Pausa"
    assert player.stop_button.text() == "Parar"
    assert player.skip_button.text() == "Más fácil o saltar  ▶"
    assert player.how_button.text() == "Cómo se hace"
    assert player.sound_notice.text().startswith("Teclas: Espacio pausa")
    qtbot.mouseClick(player.pause_button, LEFT)
    assert player.pause_button.text() == "Continuar"


def test_the_resume_offer_says_when_in_spanish(
    qtbot: QtBot, ctx: AppContext, spanish: None
) -> None:
    started = datetime(2026, 1, 3, 17, 45, tzinfo=UTC)
    record = SessionRecord(
        id=1,
        profile_id=1,
        plan_id=None,
        routine_id="daily",
        routine_name="Rutina diaria",
        started_at=started.isoformat(),
        local_date=started.date(),
        ended_at=None,
        status="",
        note="",
        gentle=False,
        pain_before=None,
        pain_after=None,
    )
    dialog = ResumeDialog(record)
    qtbot.addWidget(dialog)
    local = started.astimezone()
    expected_day = "sábado 3 de enero" if local.day == 3 else "domingo 4 de enero"
    sentence = next(t for t in words(dialog) if t.startswith("Empezó"))
    assert f"“Rutina diaria” el {expected_day} a las {local:%H:%M}" in sentence
    assert dialog.buttons[None].text() == "Decidir más tarde"


# -- onboarding --------------------------------------------------------------------------------
def test_onboarding_in_spanish(qtbot: QtBot, ctx: AppContext, spanish: None) -> None:
    wizard = OnboardingWizard(ctx, locale=QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))
    show(qtbot, wizard)
    assert wizard.step.text() == "Paso 1 de 8"
    assert wizard.title.text() == "Le damos la bienvenida a Rehab Coach"
    assert wizard.next_button.text() == "Empecemos"
    assert "Recuerde" in words(wizard.welcome)
    wizard.next_button.click()
    assert wizard.title.text() == "¿Cómo quiere que le llamemos?"
    assert wizard.back_button.text() == "Atrás"
    wizard.next_button.click()  # no name: the problem is said in Spanish
    assert wizard.error.text() == "Escriba un nombre, por ejemplo Sam."
    qtbot.keyClicks(wizard.name.edit, "Ana")
    wizard.next_button.click()
    assert wizard.title.text() == "¿Qué operación le hicieron?"
    wizard.surgery.buttons["fusion"].click()
    assert wizard.surgery.buttons["fusion"].text() == "Fusión de columna"
    wizard.next_button.click()
    assert wizard.title.text() == "¿Cuándo fue su operación?"
    wizard.date.set_surgery_date(TODAY - timedelta(days=20))
    assert wizard.date.edit.text() == "16 de diciembre de 2025"
    for _ in range(4):  # date, approach, rules, emergency number
        wizard.next_button.click()
        assert not wizard.error_box.isVisibleTo(wizard), wizard.error.text()
    assert wizard.title.text() == "¿Es correcto?"
    assert wizard.next_button.text() == "Crear mi plan"
    summary = words(wizard.summary)
    assert "Fecha" in summary and "Operación" in summary
    assert any(t.startswith("16 de diciembre de 2025. ") for t in summary)
    assert "Ninguna" in summary  # no extra rules


def test_chart_dates_in_spanish(spanish: None) -> None:
    def noon(day: date) -> float:
        return datetime(day.year, day.month, day.day, 12).timestamp()

    days = [label for _, label in date_ticks(noon(date(2026, 11, 1)), noon(date(2026, 11, 3)), 5)]
    assert days == ["1 nov", "2 nov", "3 nov"]
    months = date_ticks(noon(date(2026, 1, 1)), noon(date(2026, 6, 30)), 3, 6)
    assert [label for _, label in months][:2] == ["ene 2026", "feb 2026"]
