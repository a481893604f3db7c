"""routine: what the default plan says for one day after a given surgery, as text or JSON.

The JSON shape is documented in the README ("routine --json"); its keys are stable.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from coach.commands.base import EXIT_OK, Command, CommandError
from coach.domain import i18n
from coach.domain.clock import SystemClock
from coach.domain.content import load_content
from coach.domain.i18n import N_, _
from coach.domain.plan import plan_from_protocol
from coach.domain.plan_diff import week_days_text
from coach.domain.profile import Surgery
from coach.domain.schedule import phase_span_text
from coach.domain.today import TodayPlan, build_today
from coach.domain.words import localised_number
from coach.system.paths import DataPaths, exercises_dir

JSON_VERSION = 1
LB_PER_KG = 2.20462
MAX_DAYS_BEFORE = 366  # a date up to a year before surgery still shows phase 1 (practice)


def _system_today() -> date:
    return SystemClock().now().date()


# Tests replace this to fix "today" (the default --date and the check on the surgery date).
today: Callable[[], date] = _system_today


def configure_day(parser: argparse.ArgumentParser) -> None:
    """--surgery, --surgery-date, --date and --json (shared with ``library``)."""
    names = ", ".join(s.value for s in Surgery)
    parser.add_argument(
        "--surgery",
        required=True,
        metavar="{" + ",".join(s.value for s in Surgery) + "}",
        help=_("the kind of operation: {names}").format(names=names),
    )
    parser.add_argument(
        "--surgery-date", required=True, metavar="YYYY-MM-DD", help=_("the day of the operation")
    )
    parser.add_argument("--date", metavar="YYYY-MM-DD", help=_("the day to show (default: today)"))
    parser.add_argument("--json", action="store_true", help=_("print JSON (see the README)"))


def _parse_date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        message = (
            _("The surgery date '{text}' is not a date; write it as YYYY-MM-DD, like 2025-03-14.")
            if what == "surgery date"
            else _("The date '{text}' is not a date; write it as YYYY-MM-DD, like 2025-03-14.")
        )
        raise CommandError(message.format(text=text)) from None


def _surgery(text: str) -> Surgery:
    try:
        return Surgery(text.strip().lower())
    except ValueError:
        names = ", ".join(s.value for s in Surgery)
        raise CommandError(
            _("Unknown surgery type '{text}': use one of {names}.").format(text=text, names=names)
        ) from None


def read_day(args: argparse.Namespace) -> tuple[Surgery, date, date]:
    """The surgery, its date and the day to show, checked (shared with ``library``)."""
    surgery = _surgery(args.surgery)
    surgery_date = _parse_date(args.surgery_date, "surgery date")
    now = today()
    day = _parse_date(args.date, "date") if args.date else now
    if surgery_date > now:
        raise CommandError(
            _(
                "The surgery date {day} is in the future; give the day the operation took place."
            ).format(day=surgery_date.isoformat())
        )
    if day < surgery_date - timedelta(days=MAX_DAYS_BEFORE):
        raise CommandError(
            _(
                "The date {day} is more than a year before the surgery ({surgery_date}); there "
                "is no plan for it."
            ).format(day=day.isoformat(), surgery_date=surgery_date.isoformat())
        )
    return surgery, surgery_date, day


def _routine(args: argparse.Namespace, paths: DataPaths) -> int:
    del paths  # reads only the shipped protocols, never the user's data
    surgery, surgery_date, day = read_day(args)
    content = load_content(exercises_dir(), i18n.current().code)
    plan = plan_from_protocol(content.protocols[surgery])
    result = build_today(plan, surgery_date, day, content.catalogue)
    if args.json:
        print(json.dumps(routine_json(result), indent=2, ensure_ascii=False))
    else:
        print(routine_text(result))
    return EXIT_OK


def routine_json(today_plan: TodayPlan) -> dict[str, Any]:
    """The stable JSON shape (documented in the README)."""
    phase = today_plan.phase
    walking = today_plan.walking
    upcoming = today_plan.next_phase
    return {
        "version": JSON_VERSION,
        "date": today_plan.day.isoformat(),
        "surgery": today_plan.surgery.value,
        "surgery_date": today_plan.surgery_date.isoformat(),
        "days_since_surgery": today_plan.days_since_surgery,
        "week": today_plan.week,
        "phase": {
            "number": phase.number,
            "name": phase.name,
            "weeks_from": phase.weeks_from,
            "weeks_to": phase.weeks_to,
            "goals": list(phase.goals),
            "precautions": list(phase.precautions),
            "restricted": sorted(phase.restricted),
            "lift_limit_kg": phase.lift_limit_kg,
        },
        "routines": [
            {
                "id": r.routine.id,
                "name": r.routine.name,
                "times_per_day": r.routine.times_per_day,
                "days_per_week": r.routine.days_per_week,
                "about_minutes": r.minutes,
                "exercises": [
                    {
                        "id": item.exercise.id,
                        "name": item.exercise.name,
                        "sets": item.dosage.sets,
                        "reps": item.dosage.reps,
                        "hold_s": item.dosage.hold_s,
                        "rest_s": item.dosage.rest_s,
                        "tempo_s": item.dosage.tempo_s,
                        "minutes": item.dosage.minutes,
                        "per_side": item.exercise.per_side,
                        "dose": item.dose_text,
                        "full_from": None if item.full_from is None else item.full_from.isoformat(),
                    }
                    for item in r.items
                ],
            }
            for r in today_plan.routines
        ],
        "walking": {
            "minutes_per_day": walking.goal_minutes,
            "walks_per_day": walking.walks_per_day,
            "minutes_per_walk": walking.minutes_per_walk,
        },
        "next_phase": None
        if upcoming is None or today_plan.next_start is None
        else {
            "number": upcoming.number,
            "name": upcoming.name,
            "starts": today_plan.next_start.isoformat(),
        },
    }


def routine_text(today_plan: TodayPlan) -> str:
    """The same for people: headings, lists and one line per exercise."""
    phase = today_plan.phase
    span = phase_span_text(today_plan.plan, today_plan.surgery_date, phase.number)
    lines = [
        f"{today_plan.heading} ({today_plan.day.isoformat()}): {today_plan.position}",
        f"{phase.title}: {span}",
        "",
        _("Goals:"),
        *(f"  - {goal}" for goal in phase.goals),
    ]
    if phase.precautions:
        lines += ["", _("Precautions:"), *(f"  - {p}" for p in phase.precautions)]
    if phase.lift_limit_kg is not None:
        kg = phase.lift_limit_kg
        limit = _("Lifting limit: {kg} kg ({lb} lb)").format(
            kg=localised_number(f"{kg:g}"), lb=f"{kg * LB_PER_KG:.0f}"
        )
        lines.append(f"  - {limit}")
    walking = today_plan.walking
    lines += [
        "",
        # Translators: a plain-text listing; "(s)" keeps one wording for one or more walks.
        _("Walking: {minutes} minutes a day, in {count} walk(s) of about {each} minutes").format(
            minutes=walking.goal_minutes,
            count=walking.walks_per_day,
            each=walking.minutes_per_walk,
        ),
    ]
    for routine in today_plan.routines:
        r = routine.routine
        often = week_days_text(r.days_per_week)
        lines += [
            "",
            _("{name} [{id}]: {count} time(s) a day, {often}, about {minutes} minutes").format(
                name=r.name,
                id=r.id,
                count=r.times_per_day,
                often=often,
                minutes=routine.minutes,
            ),
            f"  {'exercise':<26} {'name':<32} sets reps hold_s rest_s per_side minutes",
        ]
        for item in routine.items:
            d = item.dosage
            lines.append(
                f"  {item.exercise.id:<26} {item.exercise.name:<32} {d.sets:>4} {d.reps:>4} "
                f"{d.hold_s:>6} {d.rest_s:>6} {'yes' if item.exercise.per_side else 'no':>8} "
                f"{d.minutes:>7}"
            )
    lines += ["", _("Next: {text}").format(text=today_plan.next_text)]
    return "\n".join(lines)


COMMANDS = [
    Command(
        "routine",
        N_(
            "print the default plan for one day after surgery (phase, precautions, routines, "
            "walking); --json for machines"
        ),
        configure_day,
        _routine,
    )
]
