"""The coping tools' timing and words (REFERENCE section 10), as steps for the session timer.

Paced breathing is about six breaths a minute (in for 4 s, out for 6 s) for 2-5 minutes; the
body scan moves through the body one part at a time for 3-10 minutes. Both are plain
``coach.domain.timer.Step`` lists, so the same ``Session`` state machine times them. The timing
is here; the words are data (exercises/coping.toml, translated like the other content), so a
patient hears and reads them in their language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from coach.domain import formats
from coach.domain.catalogue import ID_PATTERN
from coach.domain.fields import DataError, Fields
from coach.domain.i18n import _, ngettext
from coach.domain.overlay import Reader, braced, read_english
from coach.domain.steps import Step, StepKind

BREATHE_IN_S = 4.0
BREATHE_OUT_S = 6.0
BREATHING_MINUTES = (2, 3, 4, 5)
BODY_SCAN_MINUTES = (3, 5, 10)


@dataclass(frozen=True)
class BodyScanPart:
    id: str
    title: str  # "Your feet"
    text: str  # "Notice your feet. Let them go heavy and loose."


@dataclass(frozen=True)
class CopingScripts:
    """The words of the coping tools in one language (exercises/coping.toml)."""

    breathing_title: str
    breathe_in: str
    breathe_in_text: str
    breathe_out: str
    breathe_out_text: str
    body_scan_title: str
    body_scan_parts: tuple[BodyScanPart, ...]  # from the feet up, then the whole body
    journal_prompts: tuple[str, ...]


def load_coping(path: Path, read: Reader = read_english) -> CopingScripts:
    """Read and check exercises/coping.toml; raises DataError naming file and field."""
    data, source = read(path, path.name)
    f = Fields(data, source)
    breathing = f.table("breathing")
    assert breathing is not None
    words = {
        key: breathing.text(
            key, max_len=60 if key in ("title", "breathe_in", "breathe_out") else 120
        )
        for key in ("title", "breathe_in", "breathe_in_text", "breathe_out", "breathe_out_text")
    }
    breathing.finish()
    scan = f.table("body_scan")
    assert scan is not None
    scan_title = scan.text("title", max_len=60)
    parts = []
    for part in scan.tables("parts", min_items=3, max_items=15):
        part_id = part.text("id", max_len=40)
        if not ID_PATTERN.match(part_id):
            raise part.error("id", "must be lowercase letters, digits and '-'")
        parts.append(BodyScanPart(part_id, part.text("title", max_len=60), part.text("text")))
        part.finish()
    scan.finish()
    journal = f.table("journal")
    assert journal is not None
    prompts = journal.text_list("prompts", min_items=1, max_items=6, max_len=120)
    journal.finish()
    f.finish()
    if len({p.id for p in parts}) != len(parts):
        raise DataError(source, "body_scan.parts", "must not repeat a part id")
    texts = [*words.values(), scan_title, *prompts, *(t for p in parts for t in (p.title, p.text))]
    if any(braced(text) for text in texts):
        raise DataError(source, "", "must not contain braces: nothing is filled in here")
    return CopingScripts(
        breathing_title=words["title"],
        breathe_in=words["breathe_in"],
        breathe_in_text=words["breathe_in_text"],
        breathe_out=words["breathe_out"],
        breathe_out_text=words["breathe_out_text"],
        body_scan_title=scan_title,
        body_scan_parts=tuple(parts),
        journal_prompts=prompts,
    )


def breathing_steps(minutes: int, words: CopingScripts) -> tuple[Step, ...]:
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
                words.breathing_title,
                words.breathe_in,
                words.breathe_in_text,
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
                words.breathing_title,
                words.breathe_out,
                words.breathe_out_text,
                rep=breath,
                reps=breaths,
            )
        )
    return tuple(steps)


def body_scan_steps(minutes: int, words: CopingScripts) -> tuple[Step, ...]:
    """The body scan's parts, each shown for an equal share of ``minutes`` (3, 5 or 10)."""
    if minutes not in BODY_SCAN_MINUTES:
        raise ValueError(f"the body scan lasts 3, 5 or 10 minutes, not {minutes}")
    parts = words.body_scan_parts
    each = minutes * 60 / len(parts)
    return tuple(
        Step(
            StepKind.REP,
            each,
            0,
            "body-scan",
            words.body_scan_title,
            part.title,
            part.text,
            rep=i,
            reps=len(parts),
        )
        for i, part in enumerate(parts, start=1)
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
