"""The words the database stores for sessions, exercise ratings and warning-sign checks.

One definition each: the store checks writes against these tuples and its CHECK lists are
generated from them (``coach.store.check_lists``), and the screens name them from here. A new
value needs a new migration that calls ``sync_check_lists`` (tests/store/test_check_lists.py).
"""

from __future__ import annotations

from typing import Literal

from coach.domain.i18n import N_

# -- session statuses ----------------------------------------------------------------------------
IN_PROGRESS = "in-progress"  # started, not ended (the app was closed or killed): offered to resume
DONE = "done"  # ran to the end with every exercise done
PARTIAL = "partial"  # stopped early, or some exercises skipped
DISCARDED = "discarded"  # the patient threw an unfinished session away
BLOCKED = "blocked"  # a warning sign stopped it
SKIPPED = "skipped"  # no exercise was done (every one skipped)
SESSION_STATUSES = (IN_PROGRESS, DONE, PARTIAL, DISCARDED, BLOCKED, SKIPPED)
# Statuses that mean exercises were done (adherence, Today and hints count these).
FINISHED_STATUSES = frozenset({DONE, PARTIAL})

# -- how an exercise felt, asked after a session -------------------------------------------------
RATINGS = ("too-easy", "about-right", "too-hard")
RATING_WORDS = {  # marked for translation; shown with _()
    "too-easy": N_("Too easy"),
    "about-right": N_("About right"),
    "too-hard": N_("Too hard"),
}

# -- warning-sign checks -------------------------------------------------------------------------
TIERS = ("emergency", "surgeon-today", "call-24h")  # most severe first (REFERENCE section 3)
CLEAR = "clear"  # every answer "no"
CHECK_OUTCOMES = (CLEAR, *TIERS)

# -- pain scores ---------------------------------------------------------------------------------
Moment = Literal["before", "after"]
PAIN_MOMENTS: tuple[Moment, Moment] = ("before", "after")
