"""The command line in Spanish: the text listing, its dates and plurals, and a mistake said in
one Spanish sentence (the words come from the catalogue, not from the code)."""

from __future__ import annotations

from datetime import date

import pytest

from coach.cli import run
from coach.commands import routine as routine_command
from coach.domain.i18n import in_language


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(routine_command, "today", lambda: date(2027, 6, 1))


def test_routine_text_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "routine",
        "--surgery",
        "fusion",
        "--surgery-date",
        "2025-03-03",
        "--date",
        "2025-03-20",
    ]
    with in_language("es"):
        assert run(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "Semana 3 después de su fusión de columna (2025-03-20): "
        "Día 17 después de la operación, semana 3, fase 1 (desde el día 0)\n"
    )
    assert "Límite para levantar peso: 4,5 kg (10 lb)" in out
    assert "Caminar: 20 minutos al día, en 3 caminata(s) de unos 7 minutos" in out
    assert "Objetivos:" in out and "Precauciones:" in out
    assert "empieza el 14 de abril (dentro de unas 4 semanas)." in out
    assert "Goals:" not in out and "April" not in out


def test_a_mistake_is_one_spanish_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["routine", "--surgery", "fusion", "--surgery-date", "2025-13-03"]
    with in_language("es"):
        assert run(argv) != 0
    err = capsys.readouterr().err.strip()
    assert err == (
        "rehab-coach: La fecha de la operación '2025-13-03' no es una fecha; escríbala como "
        "AAAA-MM-DD, por ejemplo 2025-03-14."
    )
