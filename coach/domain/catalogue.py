"""The exercise catalogue: one validated ``Exercise`` per file in exercises/catalogue/.

Why one module over 300 lines: the fields of an exercise file and their checks are read
together when a file is refused; the shared checks are in ``domain.fields``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from pathlib import Path

from coach.domain.fields import DataError, Fields
from coach.domain.i18n import N_, _, ngettext
from coach.domain.overlay import Reader, read_english
from coach.domain.profile import Surgery
from coach.domain.words import minutes_text

CATEGORIES = ("strengthening", "stretching", "mobility", "aerobic", "neural", "relaxation")
POSITIONS = ("supine", "prone", "side-lying", "quadruped", "sitting", "standing", "kneeling")
MOVEMENT_TAGS = (
    "lumbar-flexion",
    "lumbar-extension",
    "lumbar-rotation",
    "lumbar-side-bend",
    "end-range",
    "loaded-lift",
    "impact",
    "prone-lying",
    "neural-tension",
    "floor",
    "wound-water",
)
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

CATEGORY_LABELS = {
    "strengthening": N_("Strength"),
    "stretching": N_("Stretch"),
    "mobility": N_("Gentle movement"),
    "aerobic": N_("Walking and fitness"),
    "neural": N_("Nerve glide"),
    "relaxation": N_("Relaxation"),
}
POSITION_LABELS = {
    "supine": N_("Lying on your back"),
    "prone": N_("Lying on your front"),
    "side-lying": N_("Lying on your side"),
    "quadruped": N_("On hands and knees"),
    "sitting": N_("Sitting"),
    "standing": N_("Standing"),
    "kneeling": N_("Kneeling"),
}
# Marked for translation: shown through category_label, position_label and tag_label.
TAG_LABELS = {
    "lumbar-flexion": N_("bending forward"),
    "lumbar-extension": N_("arching back"),
    "lumbar-rotation": N_("twisting"),
    "lumbar-side-bend": N_("bending sideways"),
    "end-range": N_("moving to the very end of the range"),
    "loaded-lift": N_("lifting a weight"),
    "impact": N_("running or jumping"),
    "prone-lying": N_("lying on your front"),
    "neural-tension": N_("stretching the nerve"),
    "floor": N_("getting down to the floor"),
    "wound-water": N_("going in water"),
}


def category_label(category: str) -> str:
    """'Strength', 'Fuerza': a category as the patient reads it."""
    return _(CATEGORY_LABELS[category])


def position_label(position: str) -> str:
    """'Lying on your back' in the active language."""
    return _(POSITION_LABELS[position])


def tag_label(tag: str) -> str:
    """'bending forward' in the active language (the tag itself when unknown)."""
    return _(TAG_LABELS[tag]) if tag in TAG_LABELS else tag


# REFERENCE section 2: floor exercises say how to get down and up safely (or use a firm bed).
FLOOR_ADVICE = N_(
    "Getting down: stand by a sturdy chair, hold it, and kneel down one knee at a time. "
    "Put your hands down, then move into position. "
    "Getting up: come onto your hands and knees, hold the chair, put one foot flat in front "
    "and push up with your legs, not your back. "
    "If getting down is hard, do it on a firm bed instead."
)


# Limits for a dose, shared by the catalogue, protocols and plan files.
DOSAGE_LIMITS = {
    "sets": (1, 10),
    "reps": (1, 100),
    "hold_s": (0, 300),
    "rest_s": (0, 600),
    "minutes": (0, 120),
    "tempo_s": (1, 20),
}


@dataclass(frozen=True)
class Dosage:
    """How much: sets x reps, each held ``hold_s`` (or done at ``tempo_s``), or ``minutes``."""

    sets: int = 1
    reps: int = 10
    hold_s: int = 0
    rest_s: int = 30
    minutes: int = 0
    tempo_s: int = 3

    @property
    def timed(self) -> bool:
        """Done for a number of minutes (walking, cycling) rather than in reps."""
        return self.minutes > 0

    def describe(self, per_side: bool) -> str:
        """Plain words: '10 times, hold 5 seconds, each side' or '20 minutes'."""
        if self.timed:
            return minutes_text(self.minutes)
        times = (
            _("once")
            if self.reps == 1
            else ngettext("{count} time", "{count} times", self.reps).format(count=self.reps)
        )
        if self.sets > 1:
            # Translators: "2 sets of 10 times"; {times} is "10 times" or "once".
            times = ngettext("{count} set of {times}", "{count} sets of {times}", self.sets).format(
                count=self.sets, times=times
            )
        parts = [times]
        if self.hold_s:
            parts.append(
                ngettext("hold {count} second", "hold {count} seconds", self.hold_s).format(
                    count=self.hold_s
                )
            )
        if per_side:
            parts.append(_("each side"))
        # Translators: between the parts of a dose: "10 times, hold 5 seconds, each side".
        return _(", ").join(parts)

    def seconds(self, per_side: bool) -> int:
        """About how long it takes, rests included (for 'about 12 minutes')."""
        if self.timed:
            return self.minutes * 60
        per_rep = self.hold_s + 2 if self.hold_s else self.tempo_s
        sides = 2 if per_side else 1
        return self.sets * self.reps * per_rep * sides + (self.sets - 1) * self.rest_s + 10


def read_dosage(table: Fields | None, base: Dosage) -> Dosage:
    """Read dose fields from ``table`` over ``base`` (any field may be left out)."""
    if table is None:
        return base
    values = {
        f.name: table.integer(
            f.name, *DOSAGE_LIMITS[f.name], required=False, default=getattr(base, f.name)
        )
        for f in fields(Dosage)
    }
    return replace(base, **values)


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    category: str
    position: str
    summary: str
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    stop_if: str
    movements: frozenset[str]
    per_side: bool
    therapist_only: bool
    dosage: Dosage
    easier: str | None
    harder: str | None
    sources: tuple[str, ...]
    # REFERENCE section 2, "earliest": whole weeks after surgery before it may be done, per
    # surgery (0 = from the day after surgery). A surgery in ``avoid`` never has it without a
    # therapist's written reason. Custom exercises from plan files may leave both out.
    earliest_weeks: tuple[tuple[Surgery, int], ...] = ()
    avoid: frozenset[Surgery] = frozenset()
    # Warning signs (safety.toml question ids) that ``stop_if`` names: the app adds each one's
    # action in its tier's words ("stop and call emergency services now"), REFERENCE 2 and 3.
    stop_if_signs: tuple[str, ...] = ()

    def earliest_week(self, surgery: Surgery) -> int:
        """Whole weeks after ``surgery`` before this exercise may start (0 when not given)."""
        return dict(self.earliest_weeks).get(surgery, 0)

    @property
    def floor_advice(self) -> str | None:
        """How to get down to the floor and up again, for exercises done there."""
        return _(FLOOR_ADVICE) if "floor" in self.movements else None

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS[self.category]

    @property
    def position_label(self) -> str:
        return POSITION_LABELS[self.position]


def name_key(name: str) -> str:
    """Alphabetical order ignoring case and accents, so a Spanish "Ángulo" sorts with the As
    and not after Z."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


class Catalogue:
    """All exercises by id, in name order."""

    def __init__(self, exercises: dict[str, Exercise]) -> None:
        self._by_id = dict(sorted(exercises.items(), key=lambda kv: name_key(kv[1].name)))

    def __getitem__(self, exercise_id: str) -> Exercise:
        return self._by_id[exercise_id]

    def get(self, exercise_id: str) -> Exercise | None:
        return self._by_id.get(exercise_id)

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._by_id

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def ids(self) -> list[str]:
        return list(self._by_id)

    def extended(self, extra: tuple[Exercise, ...]) -> Catalogue:
        """This catalogue plus ``extra`` (a plan's own exercises win over shipped ones)."""
        if not extra:
            return self
        merged = dict(self._by_id)
        merged.update({exercise.id: exercise for exercise in extra})
        return Catalogue(merged)


def parse_exercise(data: object, source: str) -> Exercise:
    """One exercise from an already-parsed table (also used for exercises embedded in plans)."""
    f = Fields(data, source)
    exercise_id = f.text("id", max_len=60)
    if not ID_PATTERN.match(exercise_id):
        raise f.error("id", "must be lowercase letters, digits and dashes")
    earliest, avoid = _read_timing(f)
    exercise = Exercise(
        id=exercise_id,
        name=f.text("name", max_len=60),
        category=f.choice("category", CATEGORIES),
        position=f.choice("position", POSITIONS),
        summary=f.text("summary", max_len=200),
        steps=f.text_list("steps", min_items=2, max_items=6, max_len=300),
        cues=f.text_list("cues", min_items=2, max_items=4, max_len=60),
        stop_if=f.text("stop_if", max_len=300),
        stop_if_signs=f.text_list(
            "stop_if_signs", max_items=10, max_len=40, required=False, unique=True
        ),
        movements=frozenset(f.text_list("movements", choices=MOVEMENT_TAGS, unique=True)),
        per_side=f.boolean("per_side"),
        therapist_only=f.boolean("therapist_only", required=False),
        dosage=read_dosage(f.table("dosage"), Dosage()),
        easier=f.text("easier", max_len=60, required=False) or None,
        harder=f.text("harder", max_len=60, required=False) or None,
        sources=f.text_list("sources", min_items=1, max_items=20, max_len=200),
        earliest_weeks=earliest,
        avoid=avoid,
    )
    f.finish()
    return exercise


MAX_EARLIEST_WEEKS = 104


def _read_timing(f: Fields) -> tuple[tuple[tuple[Surgery, int], ...], frozenset[Surgery]]:
    """``earliest_weeks`` (a table: surgery = weeks) and ``avoid`` (a list of surgeries).

    A surgery may be in one or the other, never both: an avoided exercise has no start week.
    """
    names = [s.value for s in Surgery]
    avoid = frozenset(
        Surgery(v) for v in f.text_list("avoid", choices=names, unique=True, required=False)
    )
    table = f.table("earliest_weeks", required=False)
    earliest: list[tuple[Surgery, int]] = []
    if table is not None:
        for surgery in Surgery:
            if table.has(surgery.value):
                if surgery in avoid:
                    raise table.error(surgery.value, "must be left out: it is in 'avoid'")
                earliest.append((surgery, table.integer(surgery.value, 0, MAX_EARLIEST_WEEKS)))
        table.finish()
    return tuple(earliest), avoid


def load_catalogue(folder: Path, read: Reader = read_english) -> Catalogue:
    """Load and check every exercises/catalogue/*.toml; raises DataError naming file and field.

    ``read`` lays a translation over each file (``overlay.Overlay``) before it is checked."""
    exercises: dict[str, Exercise] = {}
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise DataError(str(folder), "", "holds no exercise files")
    for path in files:
        data, source = read(path, f"{folder.name}/{path.name}")
        exercise = parse_exercise(data, source)
        if exercise.id != path.stem:
            raise DataError(source, "id", f"must match the file name ({path.stem})")
        missing = [
            s.value
            for s in Surgery
            if s not in exercise.avoid and s not in dict(exercise.earliest_weeks)
        ]
        if missing:
            raise DataError(
                source, "earliest_weeks", f"needs a week (or 'avoid') for {', '.join(missing)}"
            )
        exercises[exercise.id] = exercise
    catalogue = Catalogue(exercises)
    check_links(catalogue)
    return catalogue


def check_links(catalogue: Catalogue) -> None:
    """Every easier/harder link must name an exercise that exists."""
    for exercise in catalogue:
        for key in ("easier", "harder"):
            target = getattr(exercise, key)
            if target is not None and target not in catalogue:
                raise DataError(
                    f"catalogue/{exercise.id}.toml",
                    key,
                    f"points to {target!r}, which is not in the catalogue",
                )
