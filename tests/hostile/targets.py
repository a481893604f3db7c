"""Hostile write targets, built in the tests: names a writer must refuse, each with what it
would have clobbered. Add one whenever a new way to make a writer replace something is found.

A builder takes the data folder (with a live database in it) and a scratch folder outside it,
and returns the target to offer and the phrase the refusal must contain.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

VICTIM_TEXT = "someone else's file\n"


def victim(scratch: Path) -> Path:
    path = scratch / "precious.txt"
    if not path.exists():
        path.write_text(VICTIM_TEXT, encoding="utf-8")
    return path


def link_to_a_file(data: Path, scratch: Path) -> Path:
    link = scratch / "report.out"
    link.symlink_to(victim(scratch))
    return link


def dangling_link(data: Path, scratch: Path) -> Path:
    link = scratch / "dangling.out"
    link.symlink_to(scratch / "nowhere" / "x")
    return link


def link_to_the_database(data: Path, scratch: Path) -> Path:
    link = scratch / "innocent.out"
    link.symlink_to(data / "coach.db")
    return link


def fifo(data: Path, scratch: Path) -> Path:
    path = scratch / "pipe.out"
    os.mkfifo(path)
    return path


def device(data: Path, scratch: Path) -> Path:
    return Path("/dev/null")


def folder(data: Path, scratch: Path) -> Path:
    path = scratch / "a-folder.out"
    path.mkdir()
    (path / "inside.txt").write_text("keep", encoding="utf-8")
    return path


def the_live_database(data: Path, scratch: Path) -> Path:
    return data / "coach.db"


def inside_the_data_folder(data: Path, scratch: Path) -> Path:
    return data / "backups" / "report.out"


def through_a_folder_link(data: Path, scratch: Path) -> Path:
    link = scratch / "looks-outside"
    link.symlink_to(data, target_is_directory=True)
    return link / "report.out"


INSIDE = "inside Rehab Coach's data folder"

# (name, builder, phrase, also for backup: a folder is a place to put a backup in)
HOSTILE_TARGETS: list[tuple[str, Callable[[Path, Path], Path], str, bool]] = [
    ("link-to-a-file", link_to_a_file, "is a link", True),
    ("dangling-link", dangling_link, "is a link", True),
    ("link-to-the-database", link_to_the_database, "is a link", True),
    ("fifo", fifo, "not a normal file", True),
    ("device", device, "not a normal file", True),
    ("folder", folder, "is a folder", False),
    ("the-live-database", the_live_database, INSIDE, True),
    ("inside-the-data-folder", inside_the_data_folder, INSIDE, True),
    ("through-a-folder-link", through_a_folder_link, INSIDE, True),
]


def state(path: Path) -> object:
    """What is at ``path`` now, without following links: to prove a writer left it alone."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    if path.is_symlink():
        return ("link", str(path.readlink()))
    if path.is_dir():
        return ("folder", sorted(p.name for p in path.iterdir()), info.st_mode)
    if path.is_file():
        return ("file", path.read_bytes(), info.st_mode)
    return ("special", info.st_mode, info.st_rdev)
