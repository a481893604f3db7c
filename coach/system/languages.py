"""Which language to show: ``--lang``, else the profile's, else the system's.

The command line asks the environment the way gettext does (LANGUAGE, a list, then LC_ALL,
LC_MESSAGES, LANG); the app asks Qt (``QLocale.system().uiLanguages()``, which also knows the
Windows and macOS settings) and passes the list to ``i18n.pick``. A code given on the command
line must be one we ship: anything else is refused in one sentence that lists the choices,
never quietly replaced by English.
"""

from __future__ import annotations

from collections.abc import Mapping

from coach.domain.errors import UserError
from coach.domain.i18n import LANGUAGES, PSEUDO, SOURCE, _, current, pick

# Set by "Restart now" for the new process: the profile that was open, so it opens again
# (and with it the language just chosen). Read once and removed at start.
RESTART_PROFILE_ENV = "COACH_RESTART_PROFILE"


class UnknownLanguageError(UserError, ValueError):
    """A --lang code we do not ship."""


def env_languages(environ: Mapping[str, str]) -> list[str]:
    """The languages the environment asks for, most wanted first ('C' and 'POSIX' say
    nothing about a language)."""
    wanted = [part for part in environ.get("LANGUAGE", "").split(":") if part]
    wanted += [environ.get(name, "") for name in ("LC_ALL", "LC_MESSAGES", "LANG")]
    return [w for w in wanted if w and w.split(".")[0] not in {"C", "POSIX"}]


def system_language(environ: Mapping[str, str]) -> str:
    """The shipped language closest to what the environment asks for (English if none)."""
    return pick(env_languages(environ))


def choices() -> str:
    """'en (English), es (Español)': the codes --lang takes, each with its language's name."""
    return ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())


def checked_code(code: str) -> str:
    """``code`` when we ship it (or it is the tests' pseudo-language), else one sentence."""
    if code in LANGUAGES or code == PSEUDO:
        return code
    raise UnknownLanguageError(
        _("“{code}” is not a language Rehab Coach has; choose one of: {choices}.").format(
            code=code, choices=choices()
        )
    )


def shown_language() -> str:
    """The shipped language the app is showing now, for a new profile (the tests'
    pseudo-language is English underneath)."""
    code = current().code
    return code if code in LANGUAGES else SOURCE
