"""The Learn screen: pick a topic and read it in plain text, search, next/previous, print a
topic (a real PDF, saved atomically), and the Warning signs link from the main window."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Profile, Surgery
from coach.ui.common.appearance import apply_appearance
from coach.ui.context import AppContext
from coach.ui.learn.screen import LearnScreen
from coach.ui.main_window import MainWindow, ScreenEntry
from tests.scripted_dialogs import ScriptedDialogs

TODAY = date(2026, 1, 5)


def add_patient(ctx: AppContext, number: str = "999") -> None:
    surgery_day = TODAY - timedelta(days=20)
    profile = Profile("Ann", Surgery.DISCECTOMY, surgery_day, emergency_number=number)
    plan = plan_from_protocol(ctx.content.protocols[Surgery.DISCECTOMY])
    ctx.active.set(ctx.repo.add_profile(profile, ctx.clock.now(), plan=plan))


def make_screen(qtbot: QtBot, ctx: AppContext) -> LearnScreen:
    screen = LearnScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    with qtbot.waitExposed(screen):
        screen.show()
    return screen


def page_texts(screen: LearnScreen) -> list[str]:
    page = screen.page
    QApplication.processEvents()  # new labels are shown by a queued call, as in the app
    return [w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page)]


def test_lists_every_topic_with_its_summary_and_opens_one(qtbot: QtBot, ctx: AppContext) -> None:
    add_patient(ctx)
    screen = make_screen(qtbot, ctx)
    assert screen.listed_ids() == [t.id for t in ctx.content.learn]
    first = screen.list.item(0)
    assert first.text() == "Why does my leg still hurt?\n" + ctx.content.learn.topics[0].summary
    screen.list.setCurrentRow(2)
    texts = page_texts(screen)
    assert texts[0] == "Your operation"
    assert any(t.startswith("Laminectomy. Each bone") for t in texts)
    assert "•  Check that your profile names the right operation." in texts
    assert "What you can do" in texts and "When to get help" in texts
    for widget in screen.page.findChildren(QLabel):  # topic text is never read as markup
        assert widget.textFormat() == Qt.TextFormat.PlainText


def test_the_mood_topic_gives_the_patients_own_emergency_number(
    qtbot: QtBot, ctx: AppContext
) -> None:
    add_patient(ctx, number="911")
    screen = make_screen(qtbot, ctx)
    screen.show_topic("mood-and-worry")
    assert any("call 911 or a crisis line now" in t for t in page_texts(screen))


def test_search_narrows_the_list_and_says_when_nothing_matches(
    qtbot: QtBot, ctx: AppContext
) -> None:
    add_patient(ctx)
    screen = make_screen(qtbot, ctx)
    qtbot.keyClicks(screen.search, "opioid")
    assert screen.listed_ids() == ["pain-medicines"]
    assert screen.count.text() == f"1 of {len(ctx.content.learn.topics)} pages"
    screen.list.setCurrentRow(0)
    assert page_texts(screen)[0] == "Medicines for pain"
    screen.search.setText("zebra")
    assert screen.listed_ids() == []
    assert screen.count.text() == "No page matches. Try another word."
    assert page_texts(screen)[0] == "Medicines for pain"  # the open page stays
    screen.search.clear()
    assert len(screen.listed_ids()) == 12


def test_next_and_previous_walk_the_topics_and_stop_at_the_ends(
    qtbot: QtBot, ctx: AppContext
) -> None:
    add_patient(ctx)
    screen = make_screen(qtbot, ctx)
    assert not screen.previous.isEnabled()
    qtbot.mouseClick(screen.next, Qt.MouseButton.LeftButton)
    assert page_texts(screen)[0] == "Nerves and scar tissue"
    assert screen.list.currentRow() == 1
    qtbot.mouseClick(screen.previous, Qt.MouseButton.LeftButton)
    assert page_texts(screen)[0] == "Why does my leg still hurt?"
    screen.show_topic("tests-and-treatments")
    assert not screen.next.isEnabled() and screen.previous.isEnabled()


def test_a_related_link_opens_that_topic(qtbot: QtBot, ctx: AppContext) -> None:
    add_patient(ctx)
    screen = make_screen(qtbot, ctx)
    link = screen.page.related_buttons["coping-with-pain"]
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert screen.current_topic() is not None
    assert screen.current_topic().id == "coping-with-pain"  # type: ignore[union-attr]


def test_read_aloud_is_hidden_until_there_is_a_voice(qtbot: QtBot, ctx: AppContext) -> None:
    screen = make_screen(qtbot, ctx)
    assert not screen.read_aloud.isVisible()


def test_print_this_topic_writes_a_pdf_of_that_topic(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, dialogs: ScriptedDialogs
) -> None:
    add_patient(ctx)
    screen = make_screen(qtbot, ctx)
    screen.show_topic("pain-medicines")
    dialogs.path = tmp_path / "medicines"  # no suffix: .pdf is added
    with qtbot.waitSignal(screen.printed) as signal:
        qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    pdf = tmp_path / "medicines.pdf"
    assert signal.args == [str(pdf)]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5_000
    assert dialogs.informed[-1][0] == "Saved"


def test_print_that_cannot_be_written_says_so_and_keeps_the_old_file(
    qtbot: QtBot,
    ctx: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialogs: ScriptedDialogs,
) -> None:
    screen = make_screen(qtbot, ctx)
    dialogs.path = tmp_path / "missing" / "topic.pdf"
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    assert dialogs.informed[-1][0] == "Not saved"
    assert "does not exist" in dialogs.informed[-1][1]
    dialogs.path = None  # cancelled: nothing happens
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    assert len(dialogs.informed) == 1


def test_when_to_get_help_opens_the_warning_signs_page_when_the_window_has_one(
    qtbot: QtBot, ctx: AppContext
) -> None:
    add_patient(ctx)
    window = MainWindow(
        [
            ScreenEntry("learn", "Learn", lambda: LearnScreen(ctx)),
            ScreenEntry("warning-signs", "Warning signs", lambda: QLabel("signs")),
        ]
    )
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    screen = window.screen_widget("learn")
    assert isinstance(screen, LearnScreen)
    assert screen.page.warning_signs.isVisible()
    qtbot.mouseClick(screen.page.warning_signs, Qt.MouseButton.LeftButton)
    assert window.current_key() == "warning-signs"


def test_without_a_warning_signs_page_the_button_is_hidden(qtbot: QtBot, ctx: AppContext) -> None:
    screen = make_screen(qtbot, ctx)
    assert not screen.page.warning_signs.isVisible()


def test_topic_text_follows_the_text_size(
    qtbot: QtBot, ctx: AppContext, qapp: QApplication
) -> None:
    screen = make_screen(qtbot, ctx)
    paragraph = next(w for w in screen.page.findChildren(QLabel) if w.property("role") == "reading")
    apply_appearance(qapp, 100, "light")
    normal = paragraph.fontInfo().pointSizeF()
    apply_appearance(qapp, 200, "dark")
    assert paragraph.fontInfo().pointSizeF() >= normal * 1.8
