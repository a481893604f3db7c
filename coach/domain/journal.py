"""The leg-pain journal (REFERENCE section 8): where it hurts, what it feels like, how far down
each leg it reaches.

Regions, qualities and the helped/worse ticks are constants here; the store builds its CHECK
constraints from them, so a value the app does not know can never be saved. How far pain reaches
(``extent``) is always derived from the regions marked, never typed by the patient.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from coach.domain.i18n import N_, _

SIDES = ("left", "right")
VIEWS = ("front", "back")
MAX_INTENSITY = 10
MAX_NOTE = 2000

# How far down a leg (REFERENCE 8): 0 no leg symptoms, 1 buttock, 2 thigh, 3 below the knee,
# 4 foot.
EXTENT_WORDS = {
    0: N_("no leg pain"),
    1: N_("the buttock"),
    2: N_("the thigh"),
    3: N_("below the knee"),
    4: N_("the foot"),
}


@dataclass(frozen=True)
class Region:
    """One place on the body map. ``side`` is the patient's own left or right ('centre' for the
    middle of the lower back); ``level`` is how far down the leg it is (0 = not the leg)."""

    id: str
    name: str  # English, marked for translation: show it with ``label``
    view: str
    side: str
    level: int


def _leg(part: str, left: str, right: str, view: str, level: int) -> tuple[Region, Region]:
    return (
        Region(f"{part}-left", left, view, "left", level),
        Region(f"{part}-right", right, view, "right", level),
    )


# The groin is the top of the leg, level with the buttock: it counts as 1.
REGIONS: tuple[Region, ...] = (
    Region("lower-back-centre", N_("Lower back, middle"), "back", "centre", 0),
    Region("lower-back-left", N_("Lower back, left side"), "back", "left", 0),
    Region("lower-back-right", N_("Lower back, right side"), "back", "right", 0),
    *_leg("buttock", N_("Left buttock"), N_("Right buttock"), "back", 1),
    *_leg("thigh-back", N_("Left back of thigh"), N_("Right back of thigh"), "back", 2),
    *_leg("calf", N_("Left calf"), N_("Right calf"), "back", 3),
    *_leg("sole", N_("Left sole of foot"), N_("Right sole of foot"), "back", 4),
    *_leg("groin", N_("Left groin"), N_("Right groin"), "front", 1),
    *_leg("thigh-front", N_("Left front of thigh"), N_("Right front of thigh"), "front", 2),
    *_leg("shin", N_("Left shin"), N_("Right shin"), "front", 3),
    *_leg("foot-top", N_("Left top of foot"), N_("Right top of foot"), "front", 4),
)
REGION_BY_ID = {r.id: r for r in REGIONS}


def region_label(region: Region) -> str:
    """'Left calf', 'Pantorrilla izquierda': a place on the body map as the patient reads it."""
    return _(region.name)


REGION_IDS = tuple(r.id for r in REGIONS)

QUALITIES: dict[str, str] = {
    "aching": N_("Aching"),
    "sharp": N_("Sharp or stabbing"),
    "shooting": N_("Shooting or electric"),
    "burning": N_("Burning"),
    "tingling": N_("Tingling or pins and needles"),
    "numbness": N_("Numbness"),
    "weakness": N_("Weakness"),
}
NERVE_SIGNS = ("numbness", "weakness")  # new or worse: the warning-signs check opens

FACTORS: dict[str, str] = {
    "walking": N_("Walking"),
    "sitting": N_("Sitting"),
    "lying": N_("Lying down"),
    "medicine": N_("Medicine"),
    "exercise": N_("Exercise"),
    "heat-cold": N_("Heat or cold"),
}


class JournalError(ValueError):
    """A journal value the app cannot store, said in one plain sentence."""


@dataclass(frozen=True)
class RegionMark:
    """One marked region: how strong (0-10) and what it feels like."""

    region: str
    intensity: int
    qualities: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.region not in REGION_BY_ID:
            raise JournalError(
                _("'{region}' is not a place on the body map.").format(region=self.region)
            )
        if isinstance(self.intensity, bool) or not 0 <= self.intensity <= MAX_INTENSITY:
            raise JournalError(_("Pain is a whole number from 0 to 10."))
        unknown = self.qualities - QUALITIES.keys()
        if unknown:
            raise JournalError(
                _("'{quality}' is not a way pain can feel here.").format(quality=sorted(unknown)[0])
            )

    @property
    def side(self) -> str:
        return REGION_BY_ID[self.region].side

    @property
    def level(self) -> int:
        return REGION_BY_ID[self.region].level


@dataclass(frozen=True)
class JournalEntry:
    """One journal entry. ``at`` is timezone-aware; ``day`` is the patient's own date."""

    at: datetime
    day: date
    marks: tuple[RegionMark, ...] = ()
    helped: frozenset[str] = frozenset()
    worse: frozenset[str] = frozenset()
    note: str = ""
    id: int | None = None
    draft: bool = False

    def __post_init__(self) -> None:
        regions = [m.region for m in self.marks]
        if len(set(regions)) != len(regions):
            raise JournalError(_("Each place on the body map can be marked only once."))
        for ticks in (self.helped, self.worse):
            unknown = ticks - FACTORS.keys()
            if unknown:
                raise JournalError(
                    _("'{choice}' is not one of the choices.").format(choice=sorted(unknown)[0])
                )
        if len(self.note) > MAX_NOTE:
            raise JournalError(
                _("The note is too long (at most {count} characters).").format(count=MAX_NOTE)
            )

    def mark(self, region: str) -> RegionMark | None:
        return next((m for m in self.marks if m.region == region), None)

    def extent(self, side: str) -> int:
        return extent(self.marks, side)

    @property
    def leg_pain(self) -> int | None:
        """The strongest leg region's intensity; ``None`` when no leg region is marked."""
        values = [m.intensity for m in self.marks if m.level > 0]
        return max(values) if values else None


def extent(marks: Iterable[RegionMark], side: str) -> int:
    """How far down the ``side`` leg the marked regions reach: 0 none ... 4 foot. Any marked
    region counts (numbness may have no pain score)."""
    return max((m.level for m in marks if m.side == side), default=0)


def with_region(entry: JournalEntry, mark: RegionMark) -> JournalEntry:
    """The entry with ``mark`` added or replacing the mark on the same region."""
    marks = (*(m for m in entry.marks if m.region != mark.region), mark)
    return _replace(entry, marks=_ordered(marks))


def without_region(entry: JournalEntry, region: str) -> JournalEntry:
    return _replace(entry, marks=tuple(m for m in entry.marks if m.region != region))


def _ordered(marks: tuple[RegionMark, ...]) -> tuple[RegionMark, ...]:
    return tuple(sorted(marks, key=lambda m: REGION_IDS.index(m.region)))


def _replace(entry: JournalEntry, **changes: object) -> JournalEntry:
    from dataclasses import replace

    return replace(entry, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class DayExtent:
    """The furthest the pain reached on one day, per leg (the chart's points)."""

    day: date
    left: int
    right: int
    entries: int = field(default=1, compare=False)

    def on(self, side: str) -> int:
        return self.left if side == "left" else self.right


def daily_extent(entries: Iterable[JournalEntry]) -> list[DayExtent]:
    """One point per day with entries, oldest first: the furthest each leg reached that day.
    Days without entries are gaps, never zeros."""
    days: dict[date, tuple[int, int, int]] = {}
    for entry in entries:
        if entry.draft:
            continue
        left, right, count = days.get(entry.day, (0, 0, 0))
        days[entry.day] = (
            max(left, entry.extent("left")),
            max(right, entry.extent("right")),
            count + 1,
        )
    return [DayExtent(d, left, right, n) for d, (left, right, n) in sorted(days.items())]


def region_counts(entries: Iterable[JournalEntry]) -> dict[str, int]:
    """How many entries marked each region (for the report's body-map summary)."""
    counts = dict.fromkeys(REGION_IDS, 0)
    for entry in entries:
        if entry.draft:
            continue
        for mark in entry.marks:
            counts[mark.region] += 1
    return counts
