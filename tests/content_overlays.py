"""Content trees for the translation tests: a copy of exercises/ whose Spanish is complete.

The shipped Spanish files are used as they are; an English file that has no Spanish yet (while
the catalogue and Learn translations are merged from their branches) gets a stand-in made the
way the pseudo-language is, so a test of the overlay rules never depends on another branch.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from collections.abc import Mapping
from pathlib import Path

from coach.domain.overlay import SPECS, pseudo_translation
from coach.system.paths import exercises_dir

ENGLISH_FILES = (
    "catalogue/*.toml",
    "protocols/*.toml",
    "learn/*.toml",
    "safety.toml",
    "coping.toml",
)


def toml_value(value: object) -> str:
    """One TOML value on one line (inline tables and arrays; JSON strings are TOML strings)."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def toml_text(data: Mapping[str, object]) -> str:
    return "".join(f"{key} = {toml_value(value)}\n" for key, value in data.items())


def english_files(exercises: Path) -> list[Path]:
    return sorted(path for pattern in ENGLISH_FILES for path in exercises.glob(pattern))


def complete_tree(base: Path, language: str = "es") -> Path:
    """A copy of the shipped exercises/ in which every English file has a ``language`` file."""
    folder = base / "exercises"
    shutil.copytree(exercises_dir(), folder)
    for path in english_files(folder):
        relative = path.relative_to(folder)
        translated = folder / language / relative
        if not translated.exists():
            english = tomllib.loads(path.read_text(encoding="utf-8"))
            stand_in = pseudo_translation(english, SPECS[relative.parts[0]])
            assert isinstance(stand_in, dict)
            translated.parent.mkdir(parents=True, exist_ok=True)
            translated.write_text(toml_text(stand_in), encoding="utf-8")
    return folder


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must be there, once) by ``new`` in a file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")
