"""What the journal means, in plain sentences (REFERENCE section 8).

- Pain that retreats up the leg toward the back is a good sign; pain that reaches further down
  than in the 7 days before, or further than some weeks ago, says "tell your therapist".
- Leg pain 2 or more points above its baseline on 3 days in a row says "tell your therapist".
- New or worse numbness or weakness opens the warning-signs check. This module only says *that*
  the check should open; what the answers mean is decided by the one safety rule
  (``RedFlagScreen.outcome`` and ``warning_signs.day_safety``), never here.

Sentences describe; they never name a cause.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from coach.domain.i18n import N_, _
from coach.domain.journal import NERVE_SIGNS, DayExtent, JournalEntry

WINDOW_DAYS = 7
RISE_POINTS = 2  # leg pain this far above baseline ...
RISE_DAYS = 3  # ... on this many days in a row
WORSE_POINTS = 2  # numbness or weakness this much stronger counts as worse
BASELINE_DAYS = 3

TELL = N_("Tell your therapist.")
GOOD = N_("That is a good sign.")

# Clauses of the trend sentence ("Your left leg pain {now}; {when} {then}."), marked for
# translation and translated where the sentence is made.
_NOW = {
    0: N_("has gone for now"),
    1: N_("now stops at the buttock"),
    2: N_("now stops above the knee"),
    3: N_("now reaches below the knee"),
    4: N_("now reaches your foot"),
}
_THEN = {
    0: N_("you marked no pain in it"),
    1: N_("it stopped at the buttock"),
    2: N_("it stopped above the knee"),
    3: N_("it reached below the knee"),
    4: N_("it reached your foot"),
}
_REACHES = {1: N_("the buttock"), 2: N_("the thigh"), 3: N_("below the knee"), 4: N_("your foot")}
_WHEN = ((21, N_("three weeks ago")), (14, N_("two weeks ago")), (7, N_("last week")))


@dataclass(frozen=True)
class JournalNote:
    """One sentence for the patient. ``kind``: 'good', 'tell' (tell your therapist) or
    'info'."""

    text: str
    kind: str


def _max_between(days: Sequence[DayExtent], side: str, first: date, last: date) -> int | None:
    values = [d.on(side) for d in days if first <= d.day <= last]
    return max(values) if values else None


def spreading(days: Sequence[DayExtent], side: str, today: date) -> JournalNote | None:
    """The latest day's pain reaches further down ``side`` than any day in the 7 days before
    it. Only a latest day in the last 7 days counts (an old flare is not news)."""
    recent = [d for d in days if today - timedelta(days=WINDOW_DAYS - 1) <= d.day <= today]
    if not recent:
        return None
    latest = recent[-1]
    before = _max_between(
        days, side, latest.day - timedelta(days=WINDOW_DAYS), latest.day - timedelta(days=1)
    )
    now = latest.on(side)
    if before is None or now <= before:
        return None
    if side == "left":
        text = _(
            "Your left leg pain reaches further down than in the 7 days before: now to {place}."
        )
    else:
        text = _(
            "Your right leg pain reaches further down than in the 7 days before: now to {place}."
        )
    return JournalNote(f"{text.format(place=_(_REACHES[now]))} {_(TELL)}", "tell")


def trend(days: Sequence[DayExtent], side: str, today: date) -> JournalNote | None:
    """This week's furthest reach against the earliest of three, two or one weeks ago."""
    now = _max_between(days, side, today - timedelta(days=WINDOW_DAYS - 1), today)
    if now is None:
        return None
    earlier = (
        (words, _max_between(days, side, day - timedelta(days=WINDOW_DAYS - 1), day))
        for back, words in _WHEN
        if (day := today - timedelta(days=back))
    )
    found = next(((w, t) for w, t in earlier if t is not None), None)
    if found is None:
        return None
    words, then = found
    fields = {"now": _(_NOW[now]), "when": _(words), "then": _(_THEN[then])}
    # Translators: {now} is "now stops above the knee"; {when} {then} is "last week it reached
    # your foot".
    compared = (
        _("Your left leg pain {now}; {when} {then}.")
        if side == "left"
        else _("Your right leg pain {now}; {when} {then}.")
    ).format(**fields)
    if now < then:
        return JournalNote(f"{compared} {_(GOOD)}", "good")
    if now > then:
        return JournalNote(f"{compared} {_(TELL)}", "tell")
    if now == 0:
        return None  # no pain in that leg now or then: nothing to say
    same = (
        _("Your left leg pain reaches {place}, as it did {when}.")
        if side == "left"
        else _("Your right leg pain reaches {place}, as it did {when}.")
    )
    return JournalNote(same.format(place=_(_REACHES[now]), when=_(words)), "info")


def daily_leg_pain(entries: Iterable[JournalEntry]) -> dict[date, float]:
    """Each day's mean leg pain over the entries that marked a leg region."""
    values: dict[date, list[int]] = {}
    for entry in entries:
        if not entry.draft and entry.leg_pain is not None:
            values.setdefault(entry.day, []).append(entry.leg_pain)
    return {d: sum(v) / len(v) for d, v in sorted(values.items())}


def journal_baseline(entries: Iterable[JournalEntry]) -> float | None:
    """Without a session or therapist baseline: the mean of the first three days' leg pain."""
    days = list(daily_leg_pain(entries).values())[:BASELINE_DAYS]
    return sum(days) / len(days) if len(days) == BASELINE_DAYS else None


def leg_baseline(session_baseline: float | None, entries: Iterable[JournalEntry]) -> float | None:
    """The leg pain baseline for the journal's rule: the one Progress uses (the therapist's,
    or the first three sessions'), else the journal's own first three days."""
    return session_baseline if session_baseline is not None else journal_baseline(entries)


def raised_pain(
    entries: Iterable[JournalEntry], baseline: float | None, today: date
) -> JournalNote | None:
    """Leg pain 2+ points above baseline on 3 days in a row, within the last 7 days."""
    if baseline is None:
        return None
    daily = daily_leg_pain(entries)
    run = 0
    for offset in range(WINDOW_DAYS - 1, -1, -1):
        value = daily.get(today - timedelta(days=offset))
        run = run + 1 if value is not None and value >= baseline + RISE_POINTS else 0
        if run >= RISE_DAYS:
            return JournalNote(
                _(
                    "Your leg pain has been {points} or more points above your usual level for "
                    "{days} days in a row."
                ).format(points=RISE_POINTS, days=RISE_DAYS)
                + f" {_(TELL)}",
                "tell",
            )
    return None


def extent_notes(
    days: Sequence[DayExtent],
    entries: Iterable[JournalEntry],
    baseline: float | None,
    today: date,
) -> list[JournalNote]:
    """Every sentence for the chart, 'tell your therapist' ones first, right leg then left."""
    notes: list[JournalNote] = []
    for side in ("right", "left"):
        spread = spreading(days, side, today)
        if spread is not None:
            notes.append(spread)
        moved = trend(days, side, today)
        if moved is not None and not (spread is not None and moved.kind == "tell"):
            notes.append(moved)
    rise = raised_pain(entries, baseline, today)
    if rise is not None:
        notes.append(rise)
    order = {"tell": 0, "good": 1, "info": 2}
    return sorted(notes, key=lambda n: order[n.kind])


@dataclass(frozen=True)
class NerveChange:
    """Numbness or weakness that is new or worse on one side, in words."""

    sign: str
    side: str
    words: str


def nerve_changes(entry: JournalEntry, earlier: Iterable[JournalEntry]) -> list[NerveChange]:
    """Numbness or weakness in ``entry`` that is new (not marked on that side in the 7 days
    before) or worse (further down the leg, or 2+ points stronger). Any change means the
    warning-signs check opens."""
    since = entry.at - timedelta(days=WINDOW_DAYS)
    before = [
        e
        for e in earlier
        if not e.draft and (entry.id is None or e.id != entry.id) and since <= e.at < entry.at
    ]
    changes: list[NerveChange] = []
    for sign in NERVE_SIGNS:
        for side in ("left", "right", "centre"):
            now = [m for m in entry.marks if m.side == side and sign in m.qualities]
            if not now:
                continue
            old = [m for e in before for m in e.marks if m.side == side and sign in m.qualities]
            if not old:
                changes.append(NerveChange(sign, side, _(_NERVE_WORDS["new", sign, side])))
            elif (
                max(m.level for m in now) > max(m.level for m in old)
                or max(m.intensity for m in now) >= max(m.intensity for m in old) + WORSE_POINTS
            ):
                changes.append(NerveChange(sign, side, _(_NERVE_WORDS["worse", sign, side])))
    return changes


# What changed, as the check's prompt names it: whole phrases, one per sign, side and kind.
_NERVE_WORDS = {
    ("new", "numbness", "left"): N_("new numbness in your left leg"),
    ("new", "numbness", "right"): N_("new numbness in your right leg"),
    ("new", "numbness", "centre"): N_("new numbness in your lower back"),
    ("new", "weakness", "left"): N_("new weakness in your left leg"),
    ("new", "weakness", "right"): N_("new weakness in your right leg"),
    ("new", "weakness", "centre"): N_("new weakness in your lower back"),
    ("worse", "numbness", "left"): N_("worse numbness in your left leg"),
    ("worse", "numbness", "right"): N_("worse numbness in your right leg"),
    ("worse", "numbness", "centre"): N_("worse numbness in your lower back"),
    ("worse", "weakness", "left"): N_("worse weakness in your left leg"),
    ("worse", "weakness", "right"): N_("worse weakness in your right leg"),
    ("worse", "weakness", "centre"): N_("worse weakness in your lower back"),
}


def check_prompt(changes: Sequence[NerveChange]) -> str:
    """Why the warning-signs check opens, in one sentence."""
    # Translators: joins the changes in "You marked new numbness in ... and worse weakness ...".
    words = _(" and ").join(c.words for c in changes)
    return _("You marked {changes}. Please answer the warning-sign questions now.").format(
        changes=words
    )
