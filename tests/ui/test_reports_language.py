"""Reports, handouts and printed topics are made in the profile's language, with its content,
while the window stays in its own language; the CSV keeps English column names, ids and
numbers, so the same history gives the same file in any language."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coach.demo.history import seed_history
from coach.domain.clock import FakeClock
from coach.domain.content import Content
from coach.domain.i18n import current
from coach.ui.context import AppContext
from coach.ui.progress import report_export
from coach.ui.progress.screen import ProgressScreen
from tests.scripted_dialogs import ScriptedDialogs
from tests.ui.test_learn_screen import add_patient, make_screen


def _spanish_content(ctx: AppContext) -> tuple[Content, list[str]]:
    """A content object standing for the Spanish one, and the languages asked of the loader."""
    spanish = dataclasses.replace(ctx.content)
    asked: list[str] = []

    def load(language: str) -> Content:
        asked.append(language)
        return spanish

    object.__setattr__(ctx, "content_loader", load)
    return spanish, asked


def _to_spanish(ctx: AppContext) -> None:
    profile = ctx.active.require()
    assert profile.id is not None
    ctx.active.refresh_record(ctx.repo.set_language(profile.id, "es"))


def _recording(seen: list[tuple[str, Any]], real: Callable[..., Any]) -> Callable[..., Any]:
    def record(*args: Any, **kwargs: Any) -> Any:
        seen.append((current().code, args))
        return real(*args, **kwargs)

    return record


def test_content_in_another_language_is_loaded_once(ctx: AppContext) -> None:
    spanish, asked = _spanish_content(ctx)
    assert ctx.content_in("en") is ctx.content  # the language shown: what the screens use
    assert ctx.content_in("es") is spanish
    assert ctx.content_in("es") is spanish
    assert asked == ["es"]


@pytest.fixture
def seeded(ctx: AppContext, clock: FakeClock) -> AppContext:
    ctx.active.set(seed_history(ctx.db, ctx.content, clock.now(), weeks=4).profile)
    return ctx


def test_the_clinic_report_is_in_the_profiles_language(
    qtbot: QtBot,
    seeded: AppContext,
    tmp_path: Path,
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = seeded
    _to_spanish(ctx)
    _spanish, asked = _spanish_content(ctx)
    seen: list[tuple[str, Any]] = []
    monkeypatch.setattr(report_export, "write_pdf", _recording(seen, report_export.write_pdf))
    screen = ProgressScreen(ctx)
    qtbot.addWidget(screen)
    dialogs.path = tmp_path / "report.pdf"
    screen.pdf_button.click()
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    [(language, _args)] = seen
    assert language == "es" and asked == ["es"]
    assert current().code == "en"  # the window stays as it was
    assert dialogs.informed[-1][0] == "Saved"


def test_the_csv_is_the_same_file_in_any_language(
    qtbot: QtBot, seeded: AppContext, tmp_path: Path, dialogs: ScriptedDialogs
) -> None:
    ctx = seeded
    screen = ProgressScreen(ctx)
    qtbot.addWidget(screen)
    dialogs.path = tmp_path / "en.csv"
    screen.csv_button.click()
    _to_spanish(ctx)
    dialogs.path = tmp_path / "es.csv"
    screen.csv_button.click()
    english, spanish = (tmp_path / "en.csv").read_bytes(), (tmp_path / "es.csv").read_bytes()
    assert english.decode("utf-8-sig").startswith("date,start_time,routine,status,")
    assert spanish == english  # column names, ids, statuses and numbers stay English


def test_a_printed_topic_is_in_the_profiles_language(
    qtbot: QtBot,
    ctx: AppContext,
    tmp_path: Path,
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from coach.reports import learn_pdf

    add_patient(ctx)
    _to_spanish(ctx)
    spanish, asked = _spanish_content(ctx)
    seen: list[tuple[str, Any]] = []
    monkeypatch.setattr(learn_pdf, "write_topics", _recording(seen, learn_pdf.write_topics))
    screen = make_screen(qtbot, ctx)
    screen.show_topic("pain-medicines")
    dialogs.path = tmp_path / "topic.pdf"
    with qtbot.waitSignal(screen.printed):
        qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    [(language, args)] = seen
    assert language == "es" and asked == ["es"]
    assert args[1] == [spanish.learn.get("pain-medicines")]  # the topic from that content
    assert current().code == "en"
