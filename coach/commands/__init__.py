"""Headless subcommands, one module per area. Each module exposes ``COMMANDS``."""

from __future__ import annotations

from coach.commands.base import Command


def all_commands() -> list[Command]:
    """Every subcommand, in the order --help lists them."""
    from coach.commands import calendar, data, learn, library, plan, progress, routine, screenshot

    return [
        *routine.COMMANDS,
        *library.COMMANDS,
        *learn.COMMANDS,
        *data.COMMANDS,
        *plan.COMMANDS,
        *progress.COMMANDS,
        *calendar.COMMANDS,
        *screenshot.COMMANDS,
    ]
