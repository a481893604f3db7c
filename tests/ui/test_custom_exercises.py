"""A therapist's own exercise, brought by an imported plan file, reaches the patient: Today lists
it and a session can be set up with it (instead of falling back to the standard plan)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from coach.domain.plan import plan_from_protocol, plan_to_dict
from coach.domain.plan_file import exercise_to_dict, read_plan_file
from coach.domain.profile import Profile, Surgery
from coach.ui.context import AppContext
from coach.ui.session.setup import setup_for
from coach.ui.today.screen import TodayScreen


def import_plan_with_towel_squeeze(ctx: AppContext) -> None:
    now = ctx.clock.now()
    plan = plan_from_protocol(ctx.content.protocols[Surgery.FUSION])
    profile = ctx.repo.add_profile(
        Profile("Ann", Surgery.FUSION, now.date() - timedelta(days=10)), now, plan=plan
    )
    assert profile.id is not None
    custom = exercise_to_dict(ctx.content.catalogue["glute-sets"])
    custom.update(id="towel-squeeze", name="Towel squeeze")
    custom.pop("easier", None)
    custom.pop("harder", None)
    body = plan_to_dict(plan)
    for routine in body["phases"][0]["routines"]:
        routine["items"].append({"exercise": "towel-squeeze"})
    raw = {
        "format": "rehab-coach-plan",
        "schema_version": 1,
        "created_at": now.isoformat(),
        "therapist": "Alex",
        "plan": body,
        "custom_exercises": [custom],
    }
    plan_file = read_plan_file(json.dumps(raw).encode(), ctx.content.catalogue)
    ctx.stores.therapist.import_plan(profile.id, plan_file, now)
    ctx.active.set(replace(profile))


def test_today_shows_the_therapists_own_exercise(qtbot: QtBot, ctx: AppContext) -> None:
    import_plan_with_towel_squeeze(ctx)
    screen = TodayScreen(ctx)
    qtbot.addWidget(screen)
    texts = [w.text() for w in screen.findChildren(QLabel)]
    assert any("Towel squeeze" in t for t in texts)
    assert not any("could not be read" in t for t in texts)


def test_a_session_can_start_with_the_therapists_own_exercise(ctx: AppContext) -> None:
    import_plan_with_towel_squeeze(ctx)
    setup = setup_for(ctx, "daily")
    assert setup is not None
    assert "towel-squeeze" in [item.exercise_id for item in setup.items]
    assert "towel-squeeze" in setup.catalogue
