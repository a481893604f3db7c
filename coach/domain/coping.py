"""The coping tools' timing and words (REFERENCE section 10), as steps for the session timer.

Paced breathing is about six breaths a minute (in for 4 s, out for 6 s) for 2-5 minutes; the
body scan moves through the body one part at a time for 3-10 minutes. Both are plain
``coach.domain.timer.Step`` lists, so the same ``Session`` state machine times them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from coach.domain import formats
from coach.domain.i18n import _, ngettext
from coach.domain.steps import Step, StepKind

BREATHE_IN_S = 4.0
BREATHE_OUT_S = 6.0
BREATHING_MINUTES = (2, 3, 4, 5)
BODY_SCAN_MINUTES = (3, 5, 10)
JOURNAL_PROMPTS = (
    "What went well today?",
    "What made the pain better or worse?",
    "What is one small thing you want to do tomorrow?",
)
# One part of the body at a time, from the feet up, then the whole body.
BODY_SCAN_PARTS = (
    ("Get comfortable", "Sit or lie down. Close your eyes if you like. Breathe slowly."),
    ("Your feet", "Notice your feet. Let them go heavy and loose."),
    ("Your legs", "Notice your calves and thighs. Let them sink down and soften."),
    ("Your hips", "Notice your hips and buttocks. Let them go loose."),
    ("Your back", "Notice your back. Let it rest on the chair or bed. Do not push."),
    ("Your tummy", "Feel your tummy rise as you breathe in, and fall as you breathe out."),
    ("Your hands and arms", "Let your hands go loose. Let your arms feel heavy."),
    ("Your shoulders", "Let your shoulders drop away from your ears."),
    ("Your face", "Soften your jaw, your eyes and your forehead."),
    ("Your whole body", "Feel your whole body resting. Breathe slowly. Stay as long as you like."),
)


def breathing_steps(minutes: int) -> tuple[Step, ...]:
    """Breaths in and out for ``minutes`` (2-5): six breaths a minute."""
    if minutes not in BREATHING_MINUTES:
        raise ValueError(f"breathing lasts 2 to 5 minutes, not {minutes}")
    breaths = round(minutes * 60 / (BREATHE_IN_S + BREATHE_OUT_S))
    steps: list[Step] = []
    for breath in range(1, breaths + 1):
        steps.append(
            Step(
                StepKind.BREATHE_IN,
                BREATHE_IN_S,
                0,
                "breathing",
                "Slow breathing",
                "Breathe in",
                "Slowly, through your nose.",
                rep=breath,
                reps=breaths,
            )
        )
        steps.append(
            Step(
                StepKind.BREATHE_OUT,
                BREATHE_OUT_S,
                0,
                "breathing",
                "Slow breathing",
                "Breathe out",
                "Slowly, and let go.",
                rep=breath,
                reps=breaths,
            )
        )
    return tuple(steps)


def body_scan_steps(minutes: int) -> tuple[Step, ...]:
    """The body scan's parts, each shown for an equal share of ``minutes`` (3, 5 or 10)."""
    if minutes not in BODY_SCAN_MINUTES:
        raise ValueError(f"the body scan lasts 3, 5 or 10 minutes, not {minutes}")
    each = minutes * 60 / len(BODY_SCAN_PARTS)
    return tuple(
        Step(
            StepKind.REP,
            each,
            0,
            "body-scan",
            "Relax your body",
            title,
            text,
            rep=i,
            reps=len(BODY_SCAN_PARTS),
        )
        for i, (title, text) in enumerate(BODY_SCAN_PARTS, start=1)
    )


def breath_size(step: Step, elapsed: float) -> float:
    """How full the breathing guide's circle is, 0 (empty) to 1 (full): it fills as the
    patient breathes in and empties as they breathe out, eased so it starts and ends gently."""
    if step.kind not in (StepKind.BREATHE_IN, StepKind.BREATHE_OUT):
        return 0.0
    x = min(1.0, max(0.0, elapsed / step.seconds))
    eased = x * x * (3 - 2 * x)
    return eased if step.kind == StepKind.BREATHE_IN else 1.0 - eased


def coping_summary(uses: Sequence[tuple[str, int, date]], labels: Mapping[str, str]) -> str:
    """One line for History: each tool used, how often, how many minutes; the last day.

    ``uses`` are (tool, minutes, day), oldest first; empty gives an empty string."""
    if not uses:
        return ""
    parts = []
    for tool, tool_label in labels.items():
        mine = [u for u in uses if u[0] == tool]
        if mine:
            minutes = sum(u[1] for u in mine)
            # Translators: "Slow breathing 3 times (15 min)"; one tool in the History line.
            parts.append(
                ngettext(
                    "{tool} once ({minutes} min)", "{tool} {count} times ({minutes} min)", len(mine)
                ).format(tool=tool_label, count=len(mine), minutes=minutes)
            )
    last = uses[-1][2]
    return _("Calm tools: {tools}. Last used {day}.").format(
        tools=_("; ").join(parts), day=formats.day_month(last)
    )
