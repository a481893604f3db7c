"""What the editor's action helpers need from the plan editor.

The file and item actions talk to this protocol, not to ``PlanEditor`` itself, so the editor
imports its helpers and the helpers never import the editor (no import circle).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QWidget

from coach.domain.catalogue import Catalogue
from coach.domain.plan import Plan
from coach.domain.profile import Profile
from coach.domain.profile_plan import ProfilePlan


class EditorPort(Protocol):
    """The editor's state and the few things an action may ask of it."""

    @property
    def draft(self) -> Plan | None: ...

    @property
    def profile(self) -> Profile | None: ...

    @property
    def stored(self) -> ProfilePlan | None: ...

    @property
    def catalogue(self) -> Catalogue: ...

    @property
    def phase_number(self) -> int: ...

    @property
    def profile_limits(self) -> frozenset[str]: ...

    def widget(self) -> QWidget:
        """The editor as the parent of the dialogs an action opens."""
        ...

    def is_dirty(self) -> bool: ...

    def reload(self) -> None: ...

    def apply(self, change: Callable[[Plan], Plan], rebuild: bool = True) -> bool: ...

    def show_message(self, text: str) -> None: ...

    def save(self) -> int | None: ...
