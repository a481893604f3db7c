"""The exercise Library: list with pictures, filters (kind, position, words, allowed now), and a
detail with a moving figure, numbered steps, cues, stop-if, dose, easier/harder links and why
an exercise is not allowed now."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coach.domain.allowed import PatientDay
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Profile, Surgery
from coach.ui.common.appearance import apply_appearance
from coach.ui.context import AppContext
from coach.ui.library.exercise_list_model import (
    ID_ROLE,
    NAME_ROLE,
    ExerciseFilterModel,
    ExerciseListModel,
)
from coach.ui.library.screen import LibraryScreen

TODAY = date(2026, 1, 5)


def add_patient(
    ctx: AppContext,
    *,
    days_ago: int = 10,
    surgery: Surgery = Surgery.FUSION,
    rules: tuple[str, ...] = (),
) -> None:
    profile = Profile("Ann", surgery, TODAY - timedelta(days=days_ago), extra_restrictions=rules)
    plan = plan_from_protocol(ctx.content.protocols[surgery])
    ctx.active.set(ctx.repo.add_profile(profile, ctx.clock.now(), plan=plan))


def make_screen(qtbot: QtBot, ctx: AppContext) -> LibraryScreen:
    screen = LibraryScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1200, 900)
    with qtbot.waitExposed(screen):
        screen.show()
    return screen


def listed(screen: LibraryScreen) -> list[str]:
    model = screen.filter
    return [str(model.data(model.index(row, 0), ID_ROLE)) for row in range(model.rowCount())]


def detail_texts(screen: LibraryScreen) -> list[str]:
    detail = screen.detail
    return [w.text() for w in detail.findChildren(QLabel) if w.isVisibleTo(detail)]


def test_allowed_now_is_the_default_and_hides_what_the_phase_restricts(
    qtbot: QtBot, ctx: AppContext
) -> None:
    add_patient(ctx)  # fusion phase 1: no bending, arching, twisting, lying on the front
    screen = make_screen(qtbot, ctx)
    assert screen.allowed_only.isChecked()
    shown = listed(screen)
    for hidden in ("cat-camel", "single-knee-to-chest", "front-plank-modified", "pool-walking"):
        assert hidden not in shown
    assert "prone-press-up" not in shown  # therapist only
    assert "bridge" not in shown  # not before 6 weeks after a fusion
    assert {"ankle-pumps", "heel-slides", "walking"} <= set(shown)
    assert screen.count.text() == f"{len(shown)} exercises allowed in Phase 1: Protect"
    assert screen.detail.exercise() is not None  # the first one is shown at once

    screen.allowed_only.setChecked(False)
    assert len(listed(screen)) == len(ctx.content.catalogue)
    index = screen.filter.index_of("cat-camel")
    assert screen.filter.data(index).endswith("\nNot allowed now")
    assert screen.filter.data(index, Qt.ItemDataRole.ForegroundRole) is not None
    screen.list.setCurrentIndex(index)
    assert screen.detail.not_now.isVisibleTo(screen.detail)
    assert screen.detail.not_now_text.text() == (
        "Cat and camel is not done after a spinal fusion, unless your therapist adds it."
    )


def test_surgeons_rules_count_too(qtbot: QtBot, ctx: AppContext) -> None:
    add_patient(ctx, days_ago=7 * 30, rules=("floor",))  # fusion phase 4
    screen = make_screen(qtbot, ctx)
    assert "bird-dog" not in listed(screen)
    screen.allowed_only.setChecked(False)
    screen.show_exercise("bird-dog")
    assert "getting down to the floor" in screen.detail.not_now_text.text()


def test_filters_by_kind_position_and_words(qtbot: QtBot, ctx: AppContext) -> None:
    screen = make_screen(qtbot, ctx)  # no profile: no phase rules
    screen.category.setCurrentIndex(screen.category.findData("stretching"))
    stretches = listed(screen)
    assert stretches and all(ctx.content.catalogue[i].category == "stretching" for i in stretches)
    screen.position.setCurrentIndex(screen.position.findData("standing"))
    assert set(listed(screen)) == {
        i for i in stretches if ctx.content.catalogue[i].position == "standing"
    }
    screen.category.setCurrentIndex(0)
    screen.position.setCurrentIndex(0)
    qtbot.keyClicks(screen.search, "knee chest")
    assert listed(screen) == ["double-knee-to-chest", "single-knee-to-chest"]
    screen.search.setText("zzz")
    assert listed(screen) == []
    assert screen.empty.isVisibleTo(screen) and not screen.list.isVisibleTo(screen)
    assert screen.count.text() == "0 exercises"


def test_detail_explains_the_exercise(qtbot: QtBot, ctx: AppContext) -> None:
    add_patient(ctx, days_ago=100)
    screen = make_screen(qtbot, ctx)
    screen.show_exercise("bridge")
    bridge = ctx.content.catalogue["bridge"]
    qtbot.waitUntil(lambda: bridge.steps[0] in detail_texts(screen))  # new lines show on idle
    shown = detail_texts(screen)
    assert screen.detail.name.text() == "Bridge"
    assert "1." in shown and bridge.steps[0] in shown
    assert f"•  {bridge.cues[0]}" in shown
    assert screen.detail.stop_if.text().splitlines() == [
        bridge.stop_if,
        "Numbness or tingling that is new or getting worse: stop and call your surgeon today.",
    ]
    assert "10 times, hold 5 seconds" in shown
    assert not screen.detail.not_now.isVisibleTo(screen.detail)
    assert screen.detail.figure.figure() is not None
    assert screen.detail.figure.accessibleName() == "Drawing of Bridge"


def test_a_stop_if_sign_shows_its_tiers_action_with_the_patients_number(
    qtbot: QtBot, ctx: AppContext
) -> None:
    add_patient(ctx, days_ago=100)
    screen = make_screen(qtbot, ctx)
    screen.show_exercise("walking")
    number = ctx.active.require().emergency_number
    assert (
        "Chest pain or sudden shortness of breath: stop and call emergency services now "
        f"({number})."
    ) in screen.detail.stop_if.text().splitlines()


def test_easier_and_harder_links_navigate(qtbot: QtBot, ctx: AppContext) -> None:
    screen = make_screen(qtbot, ctx)
    screen.show_exercise("bridge")
    easier = screen.detail.easier_button
    assert easier.isVisibleTo(screen.detail) and easier.text() == "Easier: Buttock squeezes"
    assert not screen.detail.harder_button.isVisibleTo(screen.detail)  # bridge has none
    easier.click()
    assert screen.detail.name.text() == "Buttock squeezes"
    current = screen.list.currentIndex()
    assert screen.filter.data(current, ID_ROLE) == "glute-sets"
    screen.detail.harder_button.click()
    assert screen.detail.name.text() == "Bridge"


def test_figure_moves_only_while_shown_and_can_be_paused(qtbot: QtBot, ctx: AppContext) -> None:
    screen = make_screen(qtbot, ctx)
    screen.show_exercise("bridge")
    figure = screen.detail.figure
    assert figure.is_animating()
    screen.hide()
    assert not figure.is_animating()
    screen.show()
    assert figure.is_animating()
    screen.detail.motion_button.click()
    assert not figure.is_animating()
    assert screen.detail.motion_button.text() == "Move the drawing"
    screen.detail.motion_button.click()
    assert figure.is_animating()


def test_keyboard_moves_through_the_list(qtbot: QtBot, ctx: AppContext) -> None:
    screen = make_screen(qtbot, ctx)
    names = [screen.filter.index(row, 0).data(NAME_ROLE) for row in range(2)]
    assert screen.detail.name.text() == names[0]
    screen.list.setFocus()
    qtbot.keyClick(screen.list, Qt.Key.Key_Down)
    assert screen.detail.name.text() == names[1]  # the next exercise in the list
    with qtbot.waitActive(screen):
        screen.activateWindow()
    qtbot.keyClick(screen.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert screen.search.hasFocus()


def test_list_has_pictures_and_the_models_behave(qtbot: QtBot, ctx: AppContext) -> None:
    screen = make_screen(qtbot, ctx)
    icon = screen.filter.data(screen.filter.index(0, 0), Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon) and not icon.isNull()
    model = ExerciseListModel(ctx.content.catalogue, screen)
    proxy = ExerciseFilterModel(screen, therapist_only_allowed=True)
    proxy.setSourceModel(model)
    fusion = plan_from_protocol(ctx.content.protocols[Surgery.FUSION])
    proxy.set_rules(PatientDay(fusion, date(2025, 3, 3), date(2025, 3, 10)))
    proxy.set_allowed_only(True)
    ModelTester(qtbot._request.config).check(model)  # type: ignore[attr-defined]
    assert "prone-press-up" not in listed_model(proxy)  # lying on the front in phase 1
    discectomy = plan_from_protocol(ctx.content.protocols[Surgery.DISCECTOMY])
    proxy.set_rules(PatientDay(discectomy, date(2025, 3, 3), date(2025, 7, 1)))
    assert "prone-press-up" in listed_model(proxy)  # the plan editor may add it


def listed_model(proxy: ExerciseFilterModel) -> list[str]:
    return [str(proxy.data(proxy.index(r, 0), ID_ROLE)) for r in range(proxy.rowCount())]


def test_big_targets_and_text_at_200_percent(
    qtbot: QtBot, ctx: AppContext, qapp: QApplication
) -> None:
    screen = make_screen(qtbot, ctx)
    before = screen.detail.name.fontInfo().pixelSize()
    apply_appearance(qapp, 200, "light")
    qtbot.waitUntil(lambda: screen.detail.name.fontInfo().pixelSize() > before * 1.6)
    for widget in [screen.search, screen.category, screen.position, screen.allowed_only]:
        assert widget.height() >= 44 or widget.sizeHint().height() >= 44
    for b in screen.detail.findChildren(QAbstractButton):
        if b.isVisibleTo(screen.detail):
            assert b.sizeHint().height() >= 44 and b.text()
    assert screen.search.accessibleName() == "Search exercises"
    assert screen.category.accessibleName() and screen.position.accessibleName()


def test_pictures_follow_the_theme(qtbot: QtBot, ctx: AppContext, qapp: QApplication) -> None:
    screen = make_screen(qtbot, ctx)
    index = screen.filter.index(0, 0)
    light = screen.filter.data(index, Qt.ItemDataRole.DecorationRole)
    assert isinstance(light, QIcon)
    apply_appearance(qapp, 100, "dark")
    qtbot.waitUntil(
        lambda: (
            screen.filter.data(index, Qt.ItemDataRole.DecorationRole).cacheKey() != light.cacheKey()
        )
    )


def test_floor_exercises_say_how_to_get_down_and_up(qtbot: QtBot, ctx: AppContext) -> None:
    from coach.ui.session.player import how_text

    add_patient(ctx, days_ago=200, surgery=Surgery.DISCECTOMY)
    screen = make_screen(qtbot, ctx)
    screen.show_exercise("bird-dog")
    assert screen.detail.floor_box.isVisibleTo(screen.detail)
    assert "kneel down one knee at a time" in screen.detail.floor_advice.text()
    screen.show_exercise("bridge")
    assert not screen.detail.floor_box.isVisibleTo(screen.detail)
    assert "firm bed" in how_text(ctx.content.catalogue["bird-dog"])
    assert "firm bed" not in how_text(ctx.content.catalogue["ankle-pumps"])


def test_a_link_to_a_harder_variant_says_when_it_is_not_allowed(
    qtbot: QtBot, ctx: AppContext
) -> None:
    add_patient(ctx)  # fusion, day 10
    screen = make_screen(qtbot, ctx)
    screen.allowed_only.setChecked(False)
    screen.show_exercise("glute-sets")
    assert screen.detail.harder_button.text().endswith("(not allowed now)")
