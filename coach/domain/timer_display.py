"""How the player shows a step: the time left as text and where the exercise figure is."""

from __future__ import annotations

import math

from coach.domain.steps import Step, StepKind


def figure_phase(step: Step, elapsed: float, key_steps: int = 1) -> float:
    """Where the exercise figure should be (0 start pose, 1 end pose) this far into a step.
    ``key_steps``: moves between the figure's key poses; while getting ready each one gets
    its own 4 seconds, so a four-pose log roll is shown at a pace a patient can follow."""
    fraction = min(1.0, max(0.0, elapsed / step.seconds))
    if step.kind == StepKind.HOLD:
        return _ease(min(1.0, elapsed / min(1.5, step.seconds / 2)))
    if step.kind == StepKind.RELAX:
        return 1.0 - _ease(min(1.0, elapsed / min(1.5, step.seconds)))
    if step.kind == StepKind.REP:
        return (1 - math.cos(2 * math.pi * fraction)) / 2
    if step.kind == StepKind.BREATHE_IN:
        return _ease(fraction)
    if step.kind == StepKind.BREATHE_OUT:
        return 1.0 - _ease(fraction)
    if step.kind in (StepKind.READY, StepKind.WALK):
        # show the movement / keep stepping
        period = 4.0 * max(1, key_steps) if step.kind == StepKind.READY else 1.6
        return (1 - math.cos(2 * math.pi * (elapsed % period) / period)) / 2
    return 0.0


def _ease(x: float) -> float:
    return (1 - math.cos(math.pi * x)) / 2


def format_seconds(seconds: float) -> str:
    """'7' for short waits, '9:05' from a minute up (rounded up: 0.2 s left shows '1')."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return str(whole) if whole < 60 else f"{whole // 60}:{whole % 60:02d}"
