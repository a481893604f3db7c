"""The screen-awake keeper the session and the coping tools use (see coach.platform.awake)."""

from __future__ import annotations

from collections.abc import Callable

from coach.domain.i18n import _
from coach.platform.awake import AwakeKeeper, Inhibitor, platform_inhibitor

# Tests replace this (conftest) so that no test ever talks to the desktop.
make_inhibitor: Callable[[], Inhibitor] = platform_inhibitor


def new_keeper(reason: str = "") -> AwakeKeeper:
    """``reason`` is what the desktop may show while the screen is kept on (translated)."""
    return AwakeKeeper(make_inhibitor(), reason or _("Exercises in progress"))
