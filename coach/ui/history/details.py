"""The details of one past session, in plain words: what was done and skipped, pain, the
warning-sign answers, how the exercises felt."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from coach.domain.catalogue import Catalogue
from coach.domain.i18n import _, ngettext
from coach.domain.pain import FLARE_POINTS, flared
from coach.domain.progress import ExerciseTally
from coach.domain.records import RATING_WORDS
from coach.domain.safety import RedFlagScreen
from coach.domain.timer import SKIP_REASON_WORDS
from coach.domain.words import minutes_text
from coach.store.sessions import SessionRecord
from coach.ui.history.model import pain_text, result_text


def feeling_words(rating: str) -> str:
    """'too easy': how an exercise felt, inside a line."""
    return _(RATING_WORDS[rating]).lower() if rating in RATING_WORDS else rating


@dataclass(frozen=True)
class Detail:
    title: str
    text: str


def _names(ids: tuple[str, ...], catalogue: Catalogue) -> str:
    names = [catalogue[i].name if i in catalogue else i for i in ids]
    return ", ".join(names) if names else _("none")


def _name(exercise_id: str, catalogue: Catalogue) -> str:
    return catalogue[exercise_id].name if exercise_id in catalogue else exercise_id


def skip_reasons_text(tally: ExerciseTally, catalogue: Catalogue) -> str:
    """'Bridge (pain); Clamshell (too tired)'."""
    return "; ".join(
        _("{exercise} ({reason})").format(
            exercise=_name(e, catalogue), reason=_(SKIP_REASON_WORDS.get(r, r))
        )
        for e, r in tally.skip_reasons
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
        Detail(
            _("Result"),
            # Translators: a session's result and how long it took: "Done, 12 minutes".
            _("{result}, {duration}").format(result=result, duration=took) if took else result,
        ),
        Detail(_("Pain before"), pain_text(session.pain_before)),
        Detail(_("Pain after"), pain_text(session.pain_after)),
    ]
    before, after = session.pain_before, session.pain_after
    if before and after and flared(before, after):
        note = ngettext(
            "Pain was {count} or more point higher after this session than before.",
            "Pain was {count} or more points higher after this session than before.",
            FLARE_POINTS,
        ).format(count=FLARE_POINTS)
        details.append(Detail(_("Note"), note))
    done = len(tally.done)
    if tally.planned:
        heading = _("Exercises done ({done} of {planned})").format(
            done=done, planned=len(tally.planned)
        )
    else:
        heading = _("Exercises done ({done})").format(done=done)
    details.append(Detail(heading, _names(tally.done, catalogue)))
    if tally.skipped:
        details.append(Detail(_("Skipped"), _names(tally.skipped, catalogue)))
    if tally.skip_reasons:
        details.append(Detail(_("Skipped, and why"), skip_reasons_text(tally, catalogue)))
    if tally.swaps:
        details.append(Detail(_("Did the easier version"), swaps_text(tally, catalogue)))
    if answers is None:
        details.append(Detail(_("Warning-sign check"), _("not recorded")))
    else:
        yes = [q.text for q in red_flags.questions if answers.get(q.id)]
        text = (
            _("All answers were no.")
            if not yes
            else _("Answered yes: {questions}").format(questions=" ".join(yes))
        )
        details.append(Detail(_("Warning-sign check"), text))
    if feedback:
        felt = "; ".join(
            _("{exercise}: {feeling}").format(
                exercise=catalogue[e].name if e in catalogue else e, feeling=feeling_words(r)
            )
            for e, r in feedback.items()
        )
        details.append(Detail(_("How the exercises felt"), felt))
    return details
