"""The details of one past session, in plain words: what was done and skipped, pain, the
warning-sign answers, how the exercises felt."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from coach.domain.catalogue import Catalogue
from coach.domain.pain import FLARE_POINTS, flared
from coach.domain.progress import ExerciseTally
from coach.domain.records import RATING_WORDS
from coach.domain.safety import RedFlagScreen
from coach.domain.timer import SKIP_REASON_WORDS
from coach.domain.words import minutes_text
from coach.store.sessions import SessionRecord
from coach.ui.history.model import pain_text, result_text

FEELING_WORDS = {rating: words.lower() for rating, words in RATING_WORDS.items()}


@dataclass(frozen=True)
class Detail:
    title: str
    text: str


def _names(ids: tuple[str, ...], catalogue: Catalogue) -> str:
    names = [catalogue[i].name if i in catalogue else i for i in ids]
    return ", ".join(names) if names else "none"


def _name(exercise_id: str, catalogue: Catalogue) -> str:
    return catalogue[exercise_id].name if exercise_id in catalogue else exercise_id


def skip_reasons_text(tally: ExerciseTally, catalogue: Catalogue) -> str:
    """'Bridge (pain); Clamshell (too tired)'."""
    return "; ".join(
        f"{_name(e, catalogue)} ({SKIP_REASON_WORDS.get(r, r)})" for e, r in tally.skip_reasons
    )


def swaps_text(tally: ExerciseTally, catalogue: Catalogue) -> str:
    """'Bridge -> Buttock squeezes'."""
    return "; ".join(f"{_name(a, catalogue)} → {_name(b, catalogue)}" for a, b in tally.swaps)


def _minutes(session: SessionRecord) -> str | None:
    if not session.ended_at:
        return None
    start = datetime.fromisoformat(session.started_at)
    end = datetime.fromisoformat(session.ended_at)
    return minutes_text(max(0, round((end - start).total_seconds() / 60)))


def session_details(
    session: SessionRecord,
    tally: ExerciseTally,
    *,
    answers: Mapping[str, bool] | None,
    feedback: Mapping[str, str],
    catalogue: Catalogue,
    red_flags: RedFlagScreen,
) -> list[Detail]:
    """Title/text pairs, in the order a patient would tell the story."""
    result = result_text(session)
    took = _minutes(session)
    details = [
        Detail("Result", f"{result}, {took}" if took else result),
        Detail("Pain before", pain_text(session.pain_before)),
        Detail("Pain after", pain_text(session.pain_after)),
    ]
    before, after = session.pain_before, session.pain_after
    if before and after and flared(before, after):
        note = f"Pain was {FLARE_POINTS} or more points higher after this session than before."
        details.append(Detail("Note", note))
    planned = f" of {len(tally.planned)}" if tally.planned else ""
    details.append(
        Detail(f"Exercises done ({len(tally.done)}{planned})", _names(tally.done, catalogue))
    )
    if tally.skipped:
        details.append(Detail("Skipped", _names(tally.skipped, catalogue)))
    if tally.skip_reasons:
        details.append(Detail("Skipped, and why", skip_reasons_text(tally, catalogue)))
    if tally.swaps:
        details.append(Detail("Did the easier version", swaps_text(tally, catalogue)))
    if answers is None:
        details.append(Detail("Warning-sign check", "not recorded"))
    else:
        yes = [q.text for q in red_flags.questions if answers.get(q.id)]
        text = "All answers were no." if not yes else "Answered yes: " + " ".join(yes)
        details.append(Detail("Warning-sign check", text))
    if feedback:
        felt = "; ".join(
            f"{catalogue[e].name if e in catalogue else e}: {FEELING_WORDS.get(r, r)}"
            for e, r in feedback.items()
        )
        details.append(Detail("How the exercises felt", felt))
    return details
