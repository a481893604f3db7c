"""May this exercise be done on this day? The one answer every screen, print and command uses.

REFERENCE sections 1 and 2: an exercise is held back when the surgery says "avoid", when only a
therapist may add it, when it is earlier than its first week for this surgery, or when the
phase (or the surgeon) restricts one of its movements. Every rule that objects is collected and
the most severe one is the answer, so no screen can show "allowed" while a rule says no. A
therapist's written reason lets an exercise into a plan against any of these rules; the reason
is then shown to the patient.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from coach.domain.catalogue import Catalogue, Exercise, tag_label
from coach.domain.dates import date_text
from coach.domain.i18n import _, ngettext
from coach.domain.plan import Plan
from coach.domain.protocol import Phase
from coach.domain.restrictions import rule_text
from coach.domain.schedule import phase_on, phase_start


class Status(StrEnum):
    """What the library, the picker and ``rehab-coach library`` call each answer."""

    ALLOWED = "allowed"
    NOT_YET = "not-yet"
    RESTRICTED = "restricted"
    AVOID = "avoid"
    THERAPIST_ONLY = "therapist-only"


# Most severe first: the first of these that applies is the answer.
SEVERITY = (Status.AVOID, Status.THERAPIST_ONLY, Status.NOT_YET, Status.RESTRICTED)


@dataclass(frozen=True)
class PatientDay:
    """Whose plan, and which day: everything the rules need."""

    plan: Plan
    surgery_date: date
    day: date
    extra_restrictions: frozenset[str] = frozenset()  # the surgeon's, from the profile
    dated: bool = True  # False: a stand-in surgery date, so the words name no dates

    @property
    def phase(self) -> Phase:
        return phase_on(self.plan, self.surgery_date, self.day)

    @property
    def limits(self) -> frozenset[str]:
        """The surgeon's rules from the profile and the plan's own."""
        return self.extra_restrictions | self.plan.extra_restrictions

    def on(self, day: date) -> PatientDay:
        return PatientDay(self.plan, self.surgery_date, day, self.extra_restrictions, self.dated)


@dataclass(frozen=True)
class Verdict:
    """The answer for one exercise on one day, with every rule that objected."""

    exercise: Exercise
    status: Status
    objections: tuple[Status, ...]  # every rule that says no, most severe first
    movements: frozenset[str]  # the restricted movements it involves today
    by_surgeon: frozenset[str]  # of those, the ones the surgeon (not the phase) restricts
    starts: date | None  # the first day it is allowed under this plan; None: not under it
    text: str  # plain words: why not, and from when ("" when allowed)
    reason: str = ""  # the therapist's written reason that let it in anyway

    @property
    def allowed(self) -> bool:
        return self.status is Status.ALLOWED


def decide(
    exercise: Exercise, when: PatientDay, *, by_therapist: bool = False, reason: str = ""
) -> Verdict:
    """The one decision. ``by_therapist``: the therapist chose it (their picker, or their plan),
    so "only a therapist may add it" does not object. ``reason``: the therapist's written reason,
    which lets it in whatever objects (and is kept on the verdict to show the patient)."""
    objections, movements = _objections(exercise, when, by_therapist)
    by_surgeon = movements - when.phase.restricted
    if not objections:
        return Verdict(exercise, Status.ALLOWED, (), movements, by_surgeon, when.day, "")
    starts = first_allowed_day(exercise, when, by_therapist)
    reason = reason.strip()
    if reason:
        return Verdict(
            exercise, Status.ALLOWED, objections, movements, by_surgeon, starts, "", reason
        )
    verdict = Verdict(exercise, objections[0], objections, movements, by_surgeon, starts, "")
    return replace(verdict, text=_explain(verdict, when))


def _objections(
    exercise: Exercise, when: PatientDay, by_therapist: bool
) -> tuple[tuple[Status, ...], frozenset[str]]:
    surgery = when.plan.surgery
    found: set[Status] = set()
    if surgery in exercise.avoid:
        found.add(Status.AVOID)
    if exercise.therapist_only and not by_therapist:
        found.add(Status.THERAPIST_ONLY)
    weeks = exercise.earliest_week(surgery)
    practice = when.day < when.surgery_date and weeks == 0  # phase 1 moves, before surgery
    if not practice and when.day < earliest_day(exercise, when):
        found.add(Status.NOT_YET)
    movements = exercise.movements & (when.phase.restricted | when.limits)
    if movements:
        found.add(Status.RESTRICTED)
    return tuple(s for s in SEVERITY if s in found), movements


def earliest_day(exercise: Exercise, when: PatientDay) -> date:
    """The first day its surgery's earliest week allows (never the day of surgery itself:
    REFERENCE section 1, day 0 is walking with help only)."""
    weeks = exercise.earliest_week(when.plan.surgery)
    return when.surgery_date + timedelta(days=max(1, weeks * 7))


def first_allowed_day(exercise: Exercise, when: PatientDay, by_therapist: bool) -> date | None:
    """The first day on or after ``when.day`` on which nothing objects under this plan, or None
    (avoided, therapist-only, or restricted by the surgeon or every later phase)."""
    if when.plan.surgery in exercise.avoid or (exercise.therapist_only and not by_therapist):
        return None
    if exercise.movements & when.limits:
        return None
    candidates = [max(when.day, earliest_day(exercise, when))]
    candidates += [
        start
        for phase in when.plan.phases
        if (start := phase_start(when.plan, when.surgery_date, phase.number)) > when.day
    ]
    for day in sorted(candidates):
        if not _objections(exercise, when.on(day), by_therapist)[0]:
            return day
    return None


def _explain(verdict: Verdict, when: PatientDay) -> str:
    """The most severe objection in plain words, and when it will be allowed; a restricted
    movement is named too when it is not the main objection (the therapist must know)."""
    exercise, status, starts = verdict.exercise, verdict.status, verdict.starts
    name, surgery = exercise.name, when.plan.surgery.label
    if status is Status.AVOID:
        return _("{exercise} is not done after a {surgery}, unless your therapist adds it.").format(
            exercise=name, surgery=surgery
        )
    if status is Status.THERAPIST_ONLY:
        return _("{exercise} is only done if your therapist adds it to your plan.").format(
            exercise=name
        )
    if status is Status.NOT_YET:
        text = _not_yet(verdict, when)
        also = _movement_words(verdict, also=True)
        return f"{text} {also}" if also else text
    text = _movement_words(verdict, also=False)
    if starts is not None and when.dated:
        allowed = _("It is allowed from {day}.").format(day=date_text(starts, when.day))
        return f"{text} {allowed}"
    return text


def _not_yet(verdict: Verdict, when: PatientDay) -> str:
    """'Bridge starts 2 weeks after your discectomy, on 14 March.' and its kin, whole."""
    exercise, starts = verdict.exercise, verdict.starts
    weeks = exercise.earliest_week(when.plan.surgery)
    fields = {"exercise": exercise.name, "surgery": when.plan.surgery.label, "count": weeks}
    if starts is None:
        if weeks:
            text = ngettext(
                "{exercise} is not done before {count} week after your {surgery}, and then only "
                "if your therapist adds it.",
                "{exercise} is not done before {count} weeks after your {surgery}, and then only "
                "if your therapist adds it.",
                weeks,
            )
        else:
            text = _(
                "{exercise} is not done before the day after your {surgery}, and then only if "
                "your therapist adds it."
            )
        return text.format(**fields)
    if when.dated:
        fields["day"] = date_text(starts, when.day)
        if weeks:
            text = ngettext(
                "{exercise} starts {count} week after your {surgery}, on {day}.",
                "{exercise} starts {count} weeks after your {surgery}, on {day}.",
                weeks,
            )
        else:
            text = _("{exercise} starts the day after your {surgery}, on {day}.")
    elif weeks:
        text = ngettext(
            "{exercise} starts {count} week after your {surgery}.",
            "{exercise} starts {count} weeks after your {surgery}.",
            weeks,
        )
    else:
        text = _("{exercise} starts the day after your {surgery}.")
    return text.format(**fields)


def _movement_words(verdict: Verdict, *, also: bool) -> str:
    """'Bridge involves twisting, which is not allowed in this phase.' or the surgeon's rule;
    ``also``: the second sentence after a 'not yet' ('It also involves ...')."""
    by_phase = verdict.movements - verdict.by_surgeon
    name = verdict.exercise.name
    # Translators: between the movements or rules in a list ("twisting, bending forward").
    comma = _(", ")
    if by_phase:
        words = comma.join(tag_label(t) for t in sorted(by_phase))
        if also:
            return _("It also involves {movements}, which is not allowed in this phase.").format(
                movements=words
            )
        return _("{exercise} involves {movements}, which is not allowed in this phase.").format(
            exercise=name, movements=words
        )
    if verdict.by_surgeon:
        rules = comma.join(_lower_first(rule_text(tag)) for tag in sorted(verdict.by_surgeon))
        if also:
            return _("It also is left out, because your surgeon said: {rules}.").format(rules=rules)
        return _("{exercise} is left out, because your surgeon said: {rules}.").format(
            exercise=name, rules=rules
        )
    return ""


def _lower_first(text: str) -> str:
    """'no twisting' from 'No twisting', as the rule reads inside a sentence."""
    return text.lower()


# A stand-in surgery date for rules about a plan when no patient's date is known (a plan file).
NOMINAL_SURGERY = date(2001, 1, 1)


def phase_day(
    plan: Plan,
    number: int,
    surgery_date: date | None = None,
    extra_restrictions: frozenset[str] = frozenset(),
) -> PatientDay:
    """The first day an exercise added to phase ``number`` would be done (never the day of
    surgery). Without a surgery date, the phase's default start is used."""
    dated = surgery_date is not None
    if surgery_date is None:
        plan = replace(plan, phase_starts=())
        surgery_date = NOMINAL_SURGERY
    start = phase_start(plan, surgery_date, number)
    day = max(start, surgery_date + timedelta(days=1))
    return PatientDay(plan, surgery_date, day, extra_restrictions, dated)


def library_statuses(catalogue: Catalogue, when: PatientDay) -> list[Verdict]:
    """Every exercise's verdict for a patient on ``when.day``, in catalogue order."""
    return [decide(exercise, when) for exercise in catalogue]
