"""Safety rules: movement restrictions per phase, and the red-flag check before a session.

The therapist's editor and Today both ask this module whether an exercise is allowed; the
red-flag questions and their wording come from exercises/safety.toml (REFERENCE section 3).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from coach.domain.catalogue import Exercise
from coach.domain.fields import DataError, Fields
from coach.domain.overlay import Reader, read_english
from coach.domain.protocol import Phase
from coach.domain.records import TIERS

ALLOWS = ("none", "gentle", "all")
GENTLE_CATEGORIES = frozenset({"aerobic", "relaxation"})  # walking and breathing


def blocked_movements(
    exercise: Exercise, phase: Phase, extra_restrictions: frozenset[str] = frozenset()
) -> frozenset[str]:
    """The exercise's movements that this phase (or the surgeon) restricts; empty = allowed."""
    return exercise.movements & (phase.restricted | extra_restrictions)


@dataclass(frozen=True)
class Tier:
    id: str
    title: str
    statement: str  # "Call emergency services now if you have any of these:"
    message: str
    action: str
    stop_action: str  # after a stop-if sign: "stop and call emergency services now (999)"
    allows: str  # 'none': no session today; 'gentle': walking and breathing only

    def action_text(self, emergency_number: str) -> str:
        return self.action.replace("{emergency_number}", emergency_number)

    def stop_action_text(self, emergency_number: str) -> str:
        return self.stop_action.replace("{emergency_number}", emergency_number)


@dataclass(frozen=True)
class Question:
    id: str
    tier: str
    text: str  # the whole question, "Right now or in the last 24 hours, ...?"
    sign: str = ""  # the sign in a few plain words, for lists and print
    keywords: tuple[str, ...] = ()  # words that name this sign in a stop-if text
    reminder: str = ""  # a sentence that points to this sign where pain rules speak of it


@dataclass(frozen=True)
class RedFlagScreen:
    tiers: Mapping[str, Tier]
    questions: tuple[Question, ...]
    ask: str = "Right now or in the last 24 hours, have you had any of these?"
    recheck: str = "Has anything new or worse happened since your check {when}?"

    def outcome(self, answers: Mapping[str, bool]) -> Tier | None:
        """The most severe tier with a 'yes' answer, or None when all answers are 'no'.

        The order of the questions in the file plays no part: tiers are ranked by ``TIERS``."""
        hit = {q.tier for q in self.questions if answers.get(q.id) is True}
        for tier in TIERS:
            if tier in hit:
                return self.tiers[tier]
        return None

    def screens(self) -> tuple[tuple[Tier, tuple[Question, ...]], ...]:
        """One screen per tier that has questions, most severe first (the check's order)."""
        return tuple(
            (self.tiers[tier], tuple(q for q in self.questions if q.tier == tier))
            for tier in TIERS
            if any(q.tier == tier for q in self.questions)
        )

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def reminder(self, question_id: str) -> str:
        """The question's reminder sentence; KeyError when it has none."""
        question = self.question(question_id)
        if question is None or not question.reminder:
            raise KeyError(question_id)
        return question.reminder

    def signs_named(self, text: str) -> tuple[Question, ...]:
        """The questions whose keywords ``text`` uses (case does not matter)."""
        return tuple(q for q in self.questions if any(_mentions(text, k) for k in q.keywords))


def _mentions(text: str, keyword: str) -> bool:
    """``keyword`` starts a word in ``text`` ("fall" in "a fall", not in "rainfall")."""
    lowered, word = text.lower(), keyword.lower()
    start = lowered.find(word)
    while start >= 0:
        if start == 0 or not lowered[start - 1].isalpha():
            return True
        start = lowered.find(word, start + 1)
    return False


def check_stop_if_signs(exercise: Exercise, screen: RedFlagScreen) -> str | None:
    """Why ``exercise``'s stop-if breaks the tier rule (REFERENCE 2), or None when it is right.

    Every sign it names must be a known question, and a stop-if that uses a sign's words must
    name that sign, so the app can add the sign's action in its tier's words."""
    known = {q.id for q in screen.questions}
    for sign in exercise.stop_if_signs:
        if sign not in known:
            return f"names {sign!r}, which is not a question in safety.toml"
    for question in screen.signs_named(exercise.stop_if):
        if question.id not in exercise.stop_if_signs:
            return f"must name {question.id!r}: the stop-if text mentions {question.sign.lower()}"
    return None


def load_red_flags(path: Path, read: Reader = read_english) -> RedFlagScreen:
    data, source = read(path, path.name)
    f = Fields(data, source)
    check = f.table("check")
    assert check is not None
    ask = check.text("ask", max_len=120)
    recheck = check.text("recheck", max_len=120)
    check.finish()
    tiers_table = f.table("tiers")
    assert tiers_table is not None
    tiers: dict[str, Tier] = {}
    for tier_id in TIERS:
        t = tiers_table.table(tier_id)
        assert t is not None
        tiers[tier_id] = Tier(
            id=tier_id,
            title=t.text("title", max_len=80),
            statement=t.text("statement", max_len=120),
            message=t.text("message", max_len=300),
            action=t.text("action", max_len=200),
            stop_action=t.text("stop_action", max_len=120),
            allows=t.choice("allows", ALLOWS),
        )
        t.finish()
    tiers_table.finish()
    questions = []
    for q in f.tables("questions", min_items=1, max_items=30):
        questions.append(
            Question(
                q.text("id", max_len=40),
                q.choice("tier", TIERS),
                q.text("text", max_len=300),
                q.text("sign", max_len=100),
                tuple(k.lower() for k in q.text_list("keywords", max_items=12, max_len=40)),
                q.text("reminder", max_len=200, required=False),
            )
        )
        q.text_list("sources", min_items=1)
        q.finish()
    f.finish()
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):
        raise DataError(source, "questions", "must not repeat a question id")
    for tier_id in TIERS:
        if tier_id not in {q.tier for q in questions}:
            raise DataError(source, "questions", f"must include a question for {tier_id}")
    for key in ("action", "stop_action"):
        if getattr(tiers["emergency"], key).find("{emergency_number}") < 0:
            raise DataError(source, f"tiers.emergency.{key}", "must contain {emergency_number}")
    if "{when}" not in recheck:
        raise DataError(source, "check.recheck", "must contain {when}")
    return RedFlagScreen(tiers, tuple(questions), ask, recheck)
