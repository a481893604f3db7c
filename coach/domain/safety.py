"""Safety rules: movement restrictions per phase, and the red-flag check before a session.

The therapist's editor and Today both ask this module whether an exercise is allowed; the
red-flag questions and their wording come from exercises/safety.toml (REFERENCE section 3).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from coach.domain.catalogue import TAG_LABELS, Exercise, read_toml
from coach.domain.fields import DataError, Fields
from coach.domain.protocol import Phase

TIERS = ("emergency", "surgeon-today", "call-24h")  # most severe first
ALLOWS = ("none", "gentle", "all")
GENTLE_CATEGORIES = frozenset({"aerobic", "relaxation"})  # walking and breathing


def blocked_movements(
    exercise: Exercise, phase: Phase, extra_restrictions: frozenset[str] = frozenset()
) -> frozenset[str]:
    """The exercise's movements that this phase (or the surgeon) restricts; empty = allowed."""
    return exercise.movements & (phase.restricted | extra_restrictions)


def explain_block(exercise: Exercise, blocked: frozenset[str]) -> str:
    """Plain words for why an exercise is not allowed now."""
    words = ", ".join(TAG_LABELS[t] for t in sorted(blocked))
    return f"{exercise.name} involves {words}, which is not allowed in this phase."


@dataclass(frozen=True)
class Tier:
    id: str
    title: str
    message: str
    action: str
    allows: str  # 'none': no session today; 'gentle': walking and breathing only

    def action_text(self, emergency_number: str) -> str:
        return self.action.replace("{emergency_number}", emergency_number)


@dataclass(frozen=True)
class Question:
    id: str
    tier: str
    text: str


@dataclass(frozen=True)
class RedFlagScreen:
    tiers: Mapping[str, Tier]
    questions: tuple[Question, ...]

    def outcome(self, answers: Mapping[str, bool]) -> Tier | None:
        """The most severe tier with a 'yes' answer, or None when all answers are 'no'."""
        hit = {q.tier for q in self.questions if answers.get(q.id)}
        for tier in TIERS:
            if tier in hit:
                return self.tiers[tier]
        return None


def load_red_flags(path: Path) -> RedFlagScreen:
    source = path.name
    f = Fields(read_toml(path, source), source)
    tiers_table = f.table("tiers")
    assert tiers_table is not None
    tiers: dict[str, Tier] = {}
    for tier_id in TIERS:
        t = tiers_table.table(tier_id)
        assert t is not None
        tiers[tier_id] = Tier(
            id=tier_id,
            title=t.text("title", max_len=80),
            message=t.text("message", max_len=300),
            action=t.text("action", max_len=200),
            allows=t.choice("allows", ALLOWS),
        )
        t.finish()
    tiers_table.finish()
    questions = []
    for q in f.tables("questions", min_items=1, max_items=30):
        questions.append(
            Question(q.text("id", max_len=40), q.choice("tier", TIERS), q.text("text", max_len=300))
        )
        q.text_list("sources", min_items=1)
        q.finish()
    f.finish()
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):
        raise DataError(source, "questions", "must not repeat a question id")
    if tiers["emergency"].action.find("{emergency_number}") < 0:
        raise DataError(source, "tiers.emergency.action", "must contain {emergency_number}")
    return RedFlagScreen(tiers, tuple(questions))
