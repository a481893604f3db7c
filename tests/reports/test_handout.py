"""The printed handout: large print, the phase's exercises with pictures, doses and steps,
the precautions, the therapist's note and reasons, written atomically."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from coach.domain.content import Content
from coach.domain.plan import Plan, plan_from_protocol
from coach.domain.plan_edit import add_exercise, set_note
from coach.domain.profile import Profile, Surgery
from coach.reports.atomic import ExportError
from coach.reports.handout import (
    FONT_SIZES,
    HandoutInput,
    figure_paths,
    render_handout,
    write_handout,
)
from coach.system.paths import assets_dir

DATA = Path("/nonexistent-rehab-coach-data")  # no writer here aims inside it
PHASE_2_DAY = date(2026, 3, 2)  # eight weeks after surgery: fusion phase 2
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


@pytest.fixture
def plan(content: Content) -> Plan:
    plan = plan_from_protocol(content.protocols[Surgery.FUSION])
    plan = add_exercise(
        plan, content.catalogue, 2, "stretches", "prone-press-up", reason="Eases <i>leg</i> pain"
    )
    return set_note(plan, "Walk after lunch.\nCall me if unsure. <b>x</b>")


def handout(content: Content, plan: Plan) -> HandoutInput:
    return HandoutInput(
        profile=Profile(
            "Sam",
            Surgery.FUSION,
            date(2026, 1, 5),
            extra_restrictions=("floor",),
            emergency_number="999",
        ),
        plan=plan,
        catalogue=content.catalogue,
        today=PHASE_2_DAY,
        therapist="Alex Moreno",
        version=3,
        red_flags=content.red_flags,
        figures=figure_paths(content.catalogue, assets_dir()),
    )


def pdf_text(pdf: Path, *extra: str) -> str:
    out = pdf.with_suffix(".txt" if not extra else ".html")
    subprocess.run(["pdftotext", *extra, str(pdf), str(out)], check=True, timeout=60)
    return out.read_text(encoding="utf-8")


def test_every_text_style_is_at_least_14_point() -> None:
    assert min(FONT_SIZES) >= 14


def test_renders_a_pdf(qapp: QApplication, content: Content, plan: Plan) -> None:
    data = render_handout(handout(content, plan))
    assert data.startswith(b"%PDF")
    assert len(data) > 10_000


@needs_poppler
def test_shows_the_phase_exercises_doses_steps_precautions_note_and_reasons(
    qapp: QApplication, content: Content, plan: Plan, tmp_path: Path
) -> None:
    pdf = tmp_path / "handout.pdf"
    write_handout(pdf, handout(content, plan), data_folder=DATA)
    text = " ".join(unicodedata.normalize("NFKC", pdf_text(pdf)).split())  # ligatures
    assert "Exercise plan for Sam" in text
    assert "Phase 2: Early mobility" in text
    assert "Plan version 3 by Alex Moreno" in text
    for routine in plan.phase(2).routines:
        assert routine.name in text
        for item in routine.items:
            exercise = content.catalogue[item.exercise_id]
            assert exercise.name in text
            assert item.dosage.describe(exercise.per_side) in text
            assert " ".join(exercise.steps[0].split()) in text
    for precaution in plan.phase(2).precautions:
        assert " ".join(precaution.split()) in text
    assert "Phase 1" not in text  # only today's phase
    assert "Walk after lunch. Call me if unsure. <b>x</b>" in text  # markup shown as typed
    assert "Your therapist added this: Eases <i>leg</i> pain" in text
    assert "Call emergency services now: 999" in text
    assert "Your surgeon also asked you to avoid: getting down to the floor." in text


def section(text: str, start: str, end: str) -> str:
    assert start in text and end in text
    return text[text.index(start) : text.index(end)]


@needs_poppler
def test_the_warning_signs_are_three_tiers_each_with_its_own_action(
    qapp: QApplication, content: Content, plan: Plan, tmp_path: Path
) -> None:
    pdf = tmp_path / "handout.pdf"
    write_handout(pdf, handout(content, plan), data_folder=DATA)
    text = " ".join(unicodedata.normalize("NFKC", pdf_text(pdf)).split())
    text = re.sub(r" ?Rehab Coach · page \d+", "", text)  # page footers may fall in between
    signs = text[text.index("Warning signs Call emergency services now if") :]
    emergency = section(
        signs, "Call emergency services now if", "Call your surgeon's office today if"
    )
    surgeon = section(
        signs, "Call your surgeon's office today if", "Call your therapist or surgeon within"
    )
    call = section(
        signs, "Call your therapist or surgeon within 24 hours if", "Rehab Coach informs"
    )
    screen = content.red_flags
    for tier, words in (("emergency", emergency), ("surgeon-today", surgeon), ("call-24h", call)):
        for question in screen.questions:
            assert (question.sign in words) == (question.tier == tier), (tier, question.id)
    assert emergency.rstrip().endswith("Call emergency services now: 999")
    assert "Call your surgeon's office today. If it is closed" in surgeon
    assert "999" not in surgeon + call  # nothing of the emergency tier under "call your surgeon"
    assert call.rstrip().endswith("Call your therapist or surgeon within 24 hours.")


@needs_poppler
def test_a_stop_if_prints_its_signs_action(
    qapp: QApplication, content: Content, tmp_path: Path
) -> None:
    plan = plan_from_protocol(content.protocols[Surgery.FUSION])
    routine = plan.phase(2).routines[0].id
    plan = add_exercise(plan, content.catalogue, 2, routine, "walking")
    data = handout(content, plan)
    pdf = tmp_path / "handout.pdf"
    write_handout(pdf, data, data_folder=DATA)
    text = " ".join(unicodedata.normalize("NFKC", pdf_text(pdf)).split())
    assert (
        "Chest pain or sudden shortness of breath: stop and call emergency services now (999)."
        in text
    )
    assert (
        "Numbness or tingling that is new or getting worse: stop and call your surgeon today."
        in text
    )


@needs_poppler
def test_the_printed_text_is_large(
    qapp: QApplication, content: Content, plan: Plan, tmp_path: Path
) -> None:
    pdf = tmp_path / "handout.pdf"
    write_handout(pdf, handout(content, plan), data_folder=DATA)
    boxes = pdf_text(pdf, "-bbox")
    heights = [
        float(y_max) - float(y_min)
        for y_min, y_max in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', boxes)
    ]
    assert len(heights) > 500
    # DejaVu Sans lines are 1.16 em high: 14 pt text gives 16.2 pt boxes, 12 pt only 13.9
    assert min(heights) >= 16.0


def test_pictures_come_only_from_the_apps_own_figures(content: Content, tmp_path: Path) -> None:
    found = figure_paths(content.catalogue, assets_dir())
    assert found["bridge"] == (assets_dir() / "figures" / "bridge.svg").resolve()
    custom = figure_paths(content.catalogue, assets_dir(), {"bridge": "../../secret.svg"})
    assert "bridge" not in custom


def test_writing_is_atomic(
    qapp: QApplication,
    content: Content,
    plan: Plan,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pdf = tmp_path / "handout.pdf"
    pdf.write_bytes(b"the old handout")

    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", broken)
    with pytest.raises(ExportError, match="previous file is unchanged"):
        write_handout(pdf, handout(content, plan), data_folder=DATA)
    assert pdf.read_bytes() == b"the old handout"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]
    with pytest.raises(ExportError, match="does not exist"):
        write_handout(tmp_path / "missing" / "x.pdf", handout(content, plan), data_folder=DATA)


def test_floor_exercises_say_how_to_get_down_and_up(content: Content) -> None:
    from coach.domain.protocol import Prescription
    from coach.reports.handout import _exercise_html

    bird = content.catalogue["bird-dog"]
    html = _exercise_html(bird, Prescription("bird-dog", bird.dosage))
    assert "Getting down and up:" in html and "firm bed" in html
    bridge = content.catalogue["bridge"]  # on a bed or the floor: no floor advice needed
    assert "Getting down" not in _exercise_html(bridge, Prescription("bridge", bridge.dosage))
