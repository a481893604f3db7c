"""The calendar file: a real RFC 5545 parser reads it, its repeat rules give back exactly the
days Today shows, and a second export keeps every UID (so a re-import updates, not duplicates)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from dateutil.rrule import rruleset, rrulestr
from icalendar import Calendar

from coach.cli import run
from coach.domain.calendar_plan import CalendarInput, calendar_events
from coach.domain.content import Content
from coach.domain.plan import plan_from_protocol
from coach.domain.profile import Surgery
from coach.domain.today import build_today
from coach.reports.ical import calendar_bytes

STAMP = datetime(2026, 3, 2, 8, 0).astimezone()


def source(content: Content, surgery: Surgery, today: date, **kw: object) -> CalendarInput:
    return CalendarInput(
        profile_id=7,
        plan=plan_from_protocol(content.protocols[surgery]),
        surgery_date=date(2026, 2, 2),
        catalogue=content.catalogue,
        today=today,
        **kw,  # type: ignore[arg-type]
    )


def expand(data: bytes) -> dict[str, list[datetime | date]]:
    """Every event's occurrences as a calendar app computes them, by UID."""
    cal = Calendar.from_ical(data)
    out: dict[str, list[datetime | date]] = {}
    for event in cal.walk("VEVENT"):
        start = event.decoded("DTSTART")
        if "RRULE" not in event:
            out[str(event["UID"])] = [start]
            continue
        rules = rruleset()
        rules.rrule(rrulestr(event["RRULE"].to_ical().decode(), dtstart=start))  # type: ignore[arg-type]
        exdates = event.get("EXDATE", [])
        for group in exdates if isinstance(exdates, list) else [exdates]:
            for ex in group.dts:
                rules.exdate(ex.dt)
        out[str(event["UID"])] = list(rules)
    return out


def expected(src: CalendarInput) -> set[tuple[date, time, str]]:
    """Day by day, what Today would show: each startable routine at its default times."""
    from coach.domain.reminder_times import default_times

    want = set()
    for n in range(src.weeks * 7):
        day = src.today + timedelta(days=n)
        plan = build_today(src.plan, src.surgery_date, day, src.catalogue)
        for routine in plan.routines:
            if routine.can_start:
                for at in default_times(routine.times_due):
                    want.add((day, at, routine.routine.name))
    return want


@pytest.mark.parametrize("surgery", list(Surgery))
@pytest.mark.parametrize("today", [date(2026, 2, 1), date(2026, 2, 20), date(2026, 5, 1)])
def test_the_file_parses_and_round_trips_the_schedule(
    content: Content, surgery: Surgery, today: date
) -> None:
    src = source(content, surgery, today, weeks=8)
    data = calendar_bytes(calendar_events(src), STAMP, "Rehab Coach: Ann")
    cal = Calendar.from_ical(data)
    assert cal["VERSION"] == "2.0"
    assert cal["PRODID"]
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines), "lines are folded at 75 octets"
    assert b"\n" not in data.replace(b"\r\n", b"")
    summaries = {str(e["UID"]): str(e["SUMMARY"]) for e in cal.walk("VEVENT")}
    got = set()
    for uid, moments in expand(data).items():
        if "-walk-" in uid or "-phase-" in uid:
            continue
        for moment in moments:
            assert isinstance(moment, datetime)
            got.add((moment.date(), moment.time(), summaries[uid]))
    assert got == expected(src)
    # every timed event has an alarm at its start; phase starts are all-day
    for event in cal.walk("VEVENT"):
        if "-phase-" in str(event["UID"]):
            assert type(event.decoded("DTSTART")) is date
        else:
            alarms = event.walk("VALARM")
            assert [str(a["ACTION"]) for a in alarms] == ["DISPLAY"]


def test_the_day_of_surgery_has_walks_but_no_exercises(content: Content) -> None:
    src = source(content, Surgery.FUSION, date(2026, 1, 30), weeks=1)
    data = calendar_bytes(calendar_events(src), STAMP, "x")
    by_day: dict[date, set[str]] = {}
    for uid, moments in expand(data).items():
        kind = "phase" if "-phase-" in uid else "walk" if "-walk-" in uid else "routine"
        for m in moments:
            day = m.date() if isinstance(m, datetime) else m
            by_day.setdefault(day, set()).add(kind)
    assert by_day[date(2026, 2, 2)] == {"walk", "phase"}  # phase 1 starts on the surgery day
    assert by_day[date(2026, 2, 1)] == {"walk", "routine"}  # practice before surgery
    assert by_day[date(2026, 2, 3)] == {"walk", "routine"}


def test_walks_and_phase_changes(content: Content) -> None:
    src = source(content, Surgery.DISCECTOMY, date(2026, 2, 10), weeks=6)
    events = calendar_events(src)
    phases = [e for e in events if e.at is None]
    plan = src.plan
    assert next(e.summary for e in phases) == f"{plan.phases[0].title} starts"
    assert len(phases) >= 2  # the current phase and at least the next one in six weeks
    walks = [e for e in events if "walk" in e.uid]
    assert walks and all(e.summary.startswith("Walk, about") and e.alarm for e in walks)
    assert all(e.daily for e in walks if e.until and (e.until - e.start).days >= 6)


def test_picked_times_are_used(content: Content) -> None:
    src = source(content, Surgery.FUSION, date(2026, 2, 10), weeks=1)
    routine = content.protocols[Surgery.FUSION].phases[0].routines[0]
    picked = source(
        content,
        Surgery.FUSION,
        date(2026, 2, 10),
        weeks=1,
        times={routine.id: (time(7, 15), time(20, 0))},
    )
    before = {e.at for e in calendar_events(src) if e.summary == routine.name}
    after = {e.at for e in calendar_events(picked) if e.summary == routine.name}
    assert before == {time(9, 0), time(18, 0)}
    assert after == {time(7, 15), time(20, 0)}


def test_text_is_escaped_and_long_lines_fold_inside_no_character(content: Content) -> None:
    from coach.domain.calendar_plan import CalendarEvent

    summary = "Ann's; routine, with \\ and ünïcödé " * 5
    event = CalendarEvent("u@x", summary, "line one\nline two", date(2026, 3, 1), time(9, 0))
    data = calendar_bytes([event], STAMP, "é" * 80)
    data.decode("utf-8")  # folding never splits a character
    parsed = next(iter(Calendar.from_ical(data).walk("VEVENT")))
    assert str(parsed["SUMMARY"]) == summary
    assert str(parsed["DESCRIPTION"]) == "line one\nline two"


def test_the_command_writes_a_file_whose_uids_survive_a_re_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    assert run(["--data-dir", data, "seed-demo", "--weeks", "3", "--profile", "Ann"]) == 0
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert run(["--data-dir", data, "calendar", "--out", str(first)]) == 0
    assert run(["--data-dir", data, "calendar", "--profile", "ann", "--out", str(second)]) == 0
    assert f"Wrote {second}." in capsys.readouterr().out
    uids_a = [str(e["UID"]) for e in Calendar.from_ical(first.read_bytes()).walk("VEVENT")]
    uids_b = [str(e["UID"]) for e in Calendar.from_ical(second.read_bytes()).walk("VEVENT")]
    assert uids_a == uids_b
    assert len(set(uids_a)) == len(uids_a) > 3
    assert (first.stat().st_mode & 0o777) == 0o600


def test_uids_stay_the_same_when_exported_on_a_later_day(content: Content) -> None:
    monday = calendar_events(source(content, Surgery.FUSION, date(2026, 3, 2), weeks=2))
    tuesday = calendar_events(source(content, Surgery.FUSION, date(2026, 3, 3), weeks=2))
    assert {e.uid for e in monday if e.until and e.until > date(2026, 3, 3)} <= {
        e.uid for e in tuesday
    }


def test_bad_weeks_are_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--data-dir", str(tmp_path), "calendar", "--out", "x.ics", "--weeks", "99"]) == 2
    assert "weeks must be from 1 to 26" in capsys.readouterr().err
