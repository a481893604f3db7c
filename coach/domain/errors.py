"""The one base class of the errors we raise for a person to read.

A ``UserError``'s message is one plain sentence that says what is wrong (and, where it can,
what to do). The command line prints it as it is; any other exception is a bug in Rehab Coach
and is logged with its traceback instead, so that a programming error is never passed off as
the user's mistake. Errors that are also a ``ValueError`` stay one, for callers that catch that.
"""

from __future__ import annotations


class UserError(Exception):
    """An error whose message is written for the person using the app."""
