"""Every screen and dialog in the pseudo-language ``qps`` (every string accented and about 35%
longer) at 1366x768 and 200% text: nothing cut off, and no visible text left in plain English.

The walk is the one ``rehab-coach screenshot`` takes (the rail's screens, therapist mode,
Progress, the Library's detail, the resume offer, every session and onboarding page, the
safety check, reminders, Learn and the journal, with their dialogs). At each picture
``fit_check`` looks for text that does not fit and ``untranslated`` for text that never went
through the catalogue (names and notes the demo typed are data and allowed). Dark, as the
pictures a patient with poor sight is most likely to use.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from coach.domain.i18n import current
from coach.shots.render import Look, render_screens
from coach.ui.common.appearance import apply_appearance
from coach.ui.common.untranslated import Untranslated

LOOK = Look((1366, 768), 200, "dark", long=False, lang="qps")


@pytest.fixture
def plain_look(qapp: QApplication) -> Iterator[None]:
    yield
    apply_appearance(qapp, 100, "light")


def test_every_screen_in_the_pseudo_language_fits_and_is_translated(
    tmp_path: Path, plain_look: None
) -> None:
    problems: list[str] = []
    untranslated: list[Untranslated] = []
    written = render_screens(tmp_path / "shots", tmp_path, LOOK, problems, untranslated)
    assert current().code == "en"  # the language is the app's again afterwards
    names = {p.name for p in written}
    for shot in ("today.png", "session-player.png", "onboarding-1-welcome.png", "history.png"):
        assert shot in names
    assert problems == []
    assert [str(item) for item in untranslated] == []
