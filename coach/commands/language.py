"""Reports on the command line in the patient's language: the profile's, or ``--lang``'s for
this run. The messages around them stay in the language of the run (``--lang`` or the
environment's), like the app's window around a report it prints."""

from __future__ import annotations

import argparse

from coach.domain.content import Content, load_content
from coach.domain.i18n import current
from coach.domain.profile import Profile
from coach.system.paths import exercises_dir


def report_language(args: argparse.Namespace, profile: Profile | None) -> str:
    """``--lang`` when given, else the profile's language, else the language of the run."""
    wanted: str | None = getattr(args, "lang", None)
    return wanted or (profile.language if profile is not None else current().code)


def content_in(language: str) -> Content:
    """The clinical content in ``language``."""
    return load_content(exercises_dir(), language)
