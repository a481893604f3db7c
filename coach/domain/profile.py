"""A patient profile: who, which surgery and when. Validated here, stored by the repository."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from coach.domain.emergency import FALLBACK
from coach.domain.errors import UserError
from coach.domain.i18n import LANGUAGES, SOURCE, _


class Surgery(StrEnum):
    DISCECTOMY = "discectomy"
    LAMINECTOMY = "laminectomy"
    FUSION = "fusion"

    @property
    def label(self) -> str:
        """'spinal fusion' in the active language, inside a sentence ("after your {surgery}")."""
        # Translators: surgery names used inside sentences ("Week 3 after your spinal fusion").
        return {
            Surgery.DISCECTOMY: _("discectomy"),
            Surgery.LAMINECTOMY: _("laminectomy"),
            Surgery.FUSION: _("spinal fusion"),
        }[self]


class Approach(StrEnum):
    OPEN = "open"
    MINIMALLY_INVASIVE = "minimally-invasive"
    UNKNOWN = "unknown"


MAX_NICKNAME = 40


class ProfileError(UserError, ValueError):
    """A profile field that cannot be accepted, in plain words."""


@dataclass(frozen=True)
class Profile:
    nickname: str
    surgery: Surgery
    surgery_date: date
    approach: Approach = Approach.UNKNOWN
    extra_restrictions: tuple[str, ...] = ()
    emergency_number: str = FALLBACK
    # The language of the app and of this patient's reports (a code of i18n.LANGUAGES).
    language: str = SOURCE
    id: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        name = self.nickname.strip()
        if not name or len(name) > MAX_NICKNAME:
            raise ProfileError(
                _("The name must be 1 to {count} characters.").format(count=MAX_NICKNAME)
            )
        if any(ord(ch) < 32 for ch in name):
            raise ProfileError(_("The name cannot contain control characters."))
        number = self.emergency_number.strip()
        if not number or len(number) > 15 or not all(ch.isdigit() or ch in "+ " for ch in number):
            raise ProfileError(_("The emergency number must be digits, like 911, 112 or 999."))
        if self.language not in LANGUAGES:
            raise ProfileError(
                _("The language must be one of: {choices}.").format(
                    choices=", ".join(LANGUAGES.values())
                )
            )
