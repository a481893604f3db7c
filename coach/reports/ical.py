"""Calendar events as an iCalendar file (RFC 5545) that any calendar, a phone's included, imports.

Written by hand (about a hundred lines) rather than with a library: the app needs one small,
fixed subset (VEVENT with RRULE/EXDATE and a DISPLAY VALARM), and every rule of that subset is
here and tested against a real parser (``icalendar``, a test-only dependency). Times are
"floating" local times, so 09:00 stays 09:00 in the patient's own time zone and after a clock
change; the repeat ends (UNTIL) are floating too, as RFC 5545 requires with a floating start.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from coach import __version__
from coach.domain.calendar_plan import CalendarEvent

_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_LINE_OCTETS = 75


def calendar_bytes(events: Iterable[CalendarEvent], stamp: datetime, name: str) -> bytes:
    """The whole file: CRLF line ends, long lines folded, text escaped, UTF-8."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Rehab Coach//Rehab Coach {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_text(name)}",
    ]
    utc_stamp = stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    for event in events:
        lines += _event_lines(event, utc_stamp)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines).encode("utf-8")


def _event_lines(event: CalendarEvent, stamp: str) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{stamp}"]
    if event.at is None:
        lines += [
            f"DTSTART;VALUE=DATE:{_date(event.start)}",
            f"DTEND;VALUE=DATE:{_date(event.start + timedelta(days=1))}",
            "TRANSP:TRANSPARENT",
        ]
    else:
        start = datetime.combine(event.start, event.at)
        lines += [
            f"DTSTART:{_local(start)}",
            f"DURATION:PT{max(1, event.minutes)}M",
        ]
        if event.weekdays and event.until is not None and event.until > event.start:
            until = _local(datetime.combine(event.until, event.at))
            if event.daily:
                lines.append(f"RRULE:FREQ=DAILY;UNTIL={until}")
            else:
                days = ",".join(_DAYS[d] for d in sorted(event.weekdays))
                lines.append(f"RRULE:FREQ=WEEKLY;UNTIL={until};BYDAY={days};WKST=MO")
            lines += [f"EXDATE:{_local(datetime.combine(d, event.at))}" for d in event.excluded]
    lines += [f"SUMMARY:{_text(event.summary)}", f"DESCRIPTION:{_text(event.description)}"]
    if event.alarm and event.at is not None:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "TRIGGER:PT0S",
            f"DESCRIPTION:{_text(event.summary)}",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines


def _date(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _local(moment: datetime) -> str:
    return f"{_date(moment.date())}T{moment.hour:02d}{moment.minute:02d}00"


def _text(value: str) -> str:
    """RFC 5545 3.3.11: backslash, semicolon and comma escaped; line breaks as \\n; other
    control characters (never valid in a content line) dropped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return "".join(ch for ch in value if ch == "\t" or (ord(ch) >= 32 and ord(ch) != 127))


def _fold(line: str) -> str:
    """Fold at 75 octets (3.1), never inside a UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = _LINE_OCTETS
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = "", 0, _LINE_OCTETS - 1  # continuation lines start with " "
        current += ch
        size += width
    out.append(current)
    return "\r\n ".join(out)
