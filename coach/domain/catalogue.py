"""The exercise catalogue: one validated ``Exercise`` per file in exercises/catalogue/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from pathlib import Path

from coach.domain.fields import DataError, Fields

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
    "strengthening": "Strength",
    "stretching": "Stretch",
    "mobility": "Gentle movement",
    "aerobic": "Walking and fitness",
    "neural": "Nerve glide",
    "relaxation": "Relaxation",
}
POSITION_LABELS = {
    "supine": "Lying on your back",
    "prone": "Lying on your front",
    "side-lying": "Lying on your side",
    "quadruped": "On hands and knees",
    "sitting": "Sitting",
    "standing": "Standing",
    "kneeling": "Kneeling",
}
TAG_LABELS = {
    "lumbar-flexion": "bending forward",
    "lumbar-extension": "arching back",
    "lumbar-rotation": "twisting",
    "lumbar-side-bend": "bending sideways",
    "end-range": "moving to the very end of the range",
    "loaded-lift": "lifting a weight",
    "impact": "running or jumping",
    "prone-lying": "lying on your front",
    "neural-tension": "stretching the nerve",
    "floor": "getting down to the floor",
    "wound-water": "going in water",
}

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
            return f"{self.minutes} minutes"
        parts = ["once" if self.reps == 1 else f"{self.reps} times"]
        if self.hold_s:
            parts.append(f"hold {self.hold_s} seconds")
        if self.sets > 1:
            parts.insert(0, f"{self.sets} sets of")
            parts = [f"{parts[0]} {parts[1]}", *parts[2:]]
        if per_side:
            parts.append("each side")
        return ", ".join(parts)

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

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS[self.category]

    @property
    def position_label(self) -> str:
        return POSITION_LABELS[self.position]


class Catalogue:
    """All exercises by id, in name order."""

    def __init__(self, exercises: dict[str, Exercise]) -> None:
        self._by_id = dict(sorted(exercises.items(), key=lambda kv: kv[1].name.lower()))

    def __getitem__(self, exercise_id: str) -> Exercise:
        return self._by_id[exercise_id]

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
    exercise = Exercise(
        id=exercise_id,
        name=f.text("name", max_len=60),
        category=f.choice("category", CATEGORIES),
        position=f.choice("position", POSITIONS),
        summary=f.text("summary", max_len=200),
        steps=f.text_list("steps", min_items=2, max_items=6, max_len=300),
        cues=f.text_list("cues", min_items=2, max_items=4, max_len=60),
        stop_if=f.text("stop_if", max_len=300),
        movements=frozenset(f.text_list("movements", choices=MOVEMENT_TAGS, unique=True)),
        per_side=f.boolean("per_side"),
        therapist_only=f.boolean("therapist_only", required=False),
        dosage=read_dosage(f.table("dosage"), Dosage()),
        easier=f.text("easier", max_len=60, required=False) or None,
        harder=f.text("harder", max_len=60, required=False) or None,
        sources=f.text_list("sources", min_items=1, max_items=20, max_len=200),
    )
    f.finish()
    return exercise


def load_catalogue(folder: Path) -> Catalogue:
    """Load and check every exercises/catalogue/*.toml; raises DataError naming file and field."""
    exercises: dict[str, Exercise] = {}
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise DataError(str(folder), "", "holds no exercise files")
    for path in files:
        source = f"{folder.name}/{path.name}"
        exercise = parse_exercise(read_toml(path, source), source)
        if exercise.id != path.stem:
            raise DataError(source, "id", f"must match the file name ({path.stem})")
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


def read_toml(path: Path, source: str) -> dict[str, object]:
    import tomllib  # only when files are parsed: a usual start reads the content cache

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(source, "", f"is not valid TOML ({exc})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(source, "", f"could not be read ({exc})") from exc
