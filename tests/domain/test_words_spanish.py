"""The domain's sentences in Spanish: whole translated sentences, plurals chosen by the count
(1 against many), dates by Babel ("14 de marzo"), decimal commas; and English unchanged."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coach.domain.catalogue import Dosage
from coach.domain.content import Content
from coach.domain.dates import date_text, when_text
from coach.domain.fields import DataError
from coach.domain.i18n import in_language
from coach.domain.pain import Pain, PastSession, after_session_response
from coach.domain.pin import describe_wait
from coach.domain.plan_file import read_plan_file
from coach.domain.progress import Baseline, Change
from coach.domain.progress_text import meaning_hint, pain_sentence, points_text
from coach.domain.session_result import result_words
from coach.domain.session_text import duration_words, position_text
from coach.domain.steps import Step, StepKind
from coach.domain.words import minutes_text

TODAY = date(2026, 3, 1)


def test_counts_take_the_spanish_singular_or_plural() -> None:
    with in_language("es"):
        assert minutes_text(1) == "1 minuto"
        assert minutes_text(5) == "5 minutos"
        assert duration_words(1) == "1 segundo"
        assert duration_words(30) == "30 segundos"
        assert describe_wait(1) == "Espere 1 segundo antes de volver a intentarlo."
        assert describe_wait(120) == "Espere 2 minutos antes de volver a intentarlo."
    assert minutes_text(1) == "1 minute" and minutes_text(5) == "5 minutes"


def test_dates_and_relative_days_are_spanish() -> None:
    with in_language("es"):
        assert date_text(date(2026, 3, 14), TODAY) == "14 de marzo"
        assert date_text(date(2027, 1, 2), TODAY) == "2 de enero de 2027"
        assert when_text(TODAY, TODAY) == "hoy"
        assert when_text(TODAY, TODAY + timedelta(days=1)) == "mañana"
        assert when_text(TODAY, TODAY + timedelta(days=5)) == "dentro de 5 días"
        assert when_text(TODAY, TODAY - timedelta(days=3)) == "hace 3 días"
        assert when_text(TODAY, TODAY + timedelta(days=21)) == "dentro de 3 semanas"
        assert when_text(TODAY, TODAY - timedelta(days=14)) == "hace 2 semanas"
    # English stays day-first, as the app always wrote it
    assert date_text(date(2026, 3, 14), TODAY) == "14 March"


def test_a_dose_reads_in_spanish_with_its_plurals() -> None:
    once = Dosage(sets=1, reps=1, hold_s=1)
    many = Dosage(sets=2, reps=10, hold_s=5)
    with in_language("es"):
        assert once.describe(per_side=False) == "una vez, mantenga 1 segundo"
        assert many.describe(per_side=True) == (
            "2 series de 10 veces, mantenga 5 segundos, cada lado"
        )
    assert many.describe(per_side=True) == "2 sets of 10 times, hold 5 seconds, each side"


def test_the_player_line_names_rep_set_and_side_in_spanish() -> None:
    step = Step(StepKind.HOLD, 5, 0, "x", "X", "Hold", "", rep=3, reps=10, set=1, sets=2)
    left = Step(StepKind.HOLD, 5, 0, "x", "X", "Hold", "", rep=1, reps=1, side="left")
    with in_language("es"):
        assert position_text(step) == "Repetición 3 de 10  ·  Serie 1 de 2"
        assert position_text(left) == "Repetición 1 de 1  ·  Lado izquierdo"
    assert position_text(left) == "Rep 1 of 1  ·  Left side"


def test_progress_sentences_are_whole_spanish_sentences_with_decimal_commas() -> None:
    baseline = Baseline(6.5, "sessions")
    down = Change(6.5, 3.7, -2.8, -43, "better", meaningful=True)
    one = Change(5.0, 6.0, 1.0, 20, "worse", meaningful=False)
    with in_language("es"):
        assert pain_sentence("leg", baseline, 3.7, down) == (
            "El dolor de pierna antes de las sesiones ha bajado 2,8 puntos (-43 %) desde sus "
            "primeras sesiones: una mejora significativa."
        )
        assert points_text(1.0) == "1,0 punto"
        assert points_text(2.5) == "2,5 puntos"
        assert "30 %" in meaning_hint()
        worse = pain_sentence("back", baseline, 6.0, one)
        assert worse.startswith("El dolor de espalda antes de las sesiones ha subido 1,0 punto")
    assert pain_sentence("leg", baseline, 3.7, down) == (
        "Leg pain before sessions is down 2.8 points (-43%) since your first sessions: "
        "a meaningful improvement."
    )


def test_after_session_advice_in_spanish() -> None:
    flare = after_session_response(Pain(2, 2), Pain(5, 2), None)
    with in_language("es"):
        spanish = after_session_response(Pain(2, 2), Pain(5, 5), PastSession(TODAY, None, None))
        fine = after_session_response(Pain(4, 4), Pain(2, 2), None)
    assert spanish.title == "Esta sesión le aumentó el dolor"
    assert spanish.lines[0] == (
        "Su dolor de espalda y de pierna subió 2 puntos o más en esta sesión."
    )
    assert fine.lines == ("Su dolor es más bajo que antes. Muy bien hecho.",)
    assert flare.lines[0] == "Your back pain went up by 2 points or more in this session."


def test_session_results_agree_with_la_sesion() -> None:
    with in_language("es"):
        assert [result_words(s) for s in ("done", "partial", "skipped")] == [
            "Hecha",
            "Hecha en parte",
            "Saltada",
        ]
    assert result_words("partial") == "Partly done"


def test_a_refused_plan_file_is_said_in_spanish(content: Content) -> None:
    with in_language("es"), pytest.raises(DataError) as empty:
        read_plan_file(b"", content.catalogue)
    with in_language("es"), pytest.raises(DataError) as twice:
        read_plan_file(b'{"format": "a", "format": "b"}', content.catalogue)
    assert str(empty.value) == "archivo de plan: está vacío"
    assert "tiene el campo 'format' dos veces" in str(twice.value)
    with pytest.raises(DataError) as english:
        read_plan_file(b"", content.catalogue)
    assert str(english.value) == "plan file: is empty"
