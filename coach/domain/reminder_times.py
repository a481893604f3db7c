"""When a routine or a walk is meant to happen in the day: the patient's own times, or defaults
from the plan (morning and evening for a twice-daily routine).

The reminders, the Today card and the calendar file all take their times from here, so a time
the patient picks is the same everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import time

# Morning first; evening last. More goes in between, spread over the waking day.
_DEFAULTS: dict[int, tuple[time, ...]] = {
    1: (time(9, 0),),
    2: (time(9, 0), time(18, 0)),
    3: (time(9, 0), time(13, 0), time(18, 0)),
}
_WALK_DEFAULTS: dict[int, tuple[time, ...]] = {
    1: (time(11, 0),),
    2: (time(11, 0), time(16, 0)),
    3: (time(10, 30), time(14, 30), time(19, 0)),
}
FIRST_HOUR = 8
LAST_HOUR = 20
MAX_TIMES = 8
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def spread(count: int) -> tuple[time, ...]:
    """``count`` times spread evenly from 8:00 to 20:00 (to the quarter hour)."""
    if count <= 1:
        return (time(FIRST_HOUR, 0),)
    step = (LAST_HOUR - FIRST_HOUR) * 60 / (count - 1)
    out = []
    for i in range(count):
        minutes = round(FIRST_HOUR * 60 + i * step)
        minutes -= minutes % 15
        out.append(time(minutes // 60, minutes % 60))
    return tuple(out)


def default_times(times_per_day: int) -> tuple[time, ...]:
    """The plan's default times for a routine done ``times_per_day`` times a day."""
    count = max(1, min(MAX_TIMES, times_per_day))
    return _DEFAULTS.get(count) or spread(count)


def default_walk_times(walks_per_day: int) -> tuple[time, ...]:
    count = max(1, min(MAX_TIMES, walks_per_day))
    return _WALK_DEFAULTS.get(count) or spread(count)


def routine_times(
    routine_id: str, times_per_day: int, chosen: Mapping[str, Sequence[time]]
) -> tuple[time, ...]:
    """The patient's times for this routine when they picked some, else the defaults; sorted,
    without repeats."""
    picked = chosen.get(routine_id)
    if picked:
        return tuple(sorted(set(picked)))
    return default_times(times_per_day)


def parse_time(text: str) -> time:
    """'7:30' or '07:30' (24-hour clock); raises ValueError with a plain sentence."""
    match = _TIME.match(text.strip())
    if match is None:
        raise ValueError(f"{text.strip()[:20]!r} is not a time; write it like 07:30 or 18:00.")
    return time(int(match.group(1)), int(match.group(2)))


def time_text(at: time) -> str:
    """'07:30': the 24-hour clock, the same on every desktop language."""
    return f"{at.hour:02d}:{at.minute:02d}"
