"""Strict reading of untrusted tables (TOML data files, plan files) with exact error places.

Every loader reads through ``Fields`` so that a bad value is reported the same way everywhere:
``<source>: <path> <reason>``, e.g. ``plan file: phases[2].routines[0].items[3].reps must be a
whole number from 1 to 100``. Unknown keys are errors too (typos must not pass silently).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from coach.domain.errors import UserError
from coach.domain.i18n import N_, _

# Characters that hide, reorder or garble text, found in one linear scan (a character class
# never backtracks): C0 and C1 controls other than newline and tab, lone surrogates, bidi
# controls (they can make text read backwards), zero-width characters and the BOM.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVISIBLE = "\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff"
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_SURROGATES = "\ud800-\udfff"
_LINE_BREAKS = "\n\t\u2028\u2029"  # also refused in a one-line field (\r, \x85 are controls)
_UNSAFE = re.compile(f"[{_CONTROLS}{_SURROGATES}{_BIDI}{_INVISIBLE}]")
_UNSAFE_ONE_LINE = re.compile(f"[{_CONTROLS}{_SURROGATES}{_BIDI}{_INVISIBLE}{_LINE_BREAKS}]")
CONTROL_CHARS = _UNSAFE  # for callers that only ask "is anything unsafe in here?"


def text_problem(value: str, *, one_line: bool = True) -> str | None:
    """Why ``value`` cannot be shown as plain text (a phrase after the field's name), or None.
    Linear in the length of ``value``."""
    found = (_UNSAFE_ONE_LINE if one_line else _UNSAFE).search(value)
    if found is None:
        return None
    ch = found.group()
    where = _("(U+{code} at character {position})").format(
        code=f"{ord(ch):04X}", position=found.start() + 1
    )
    if ch in "\n\t\u2028\u2029":
        return _("must be on one line: it has a line break or tab {where}").format(where=where)
    if re.fullmatch(f"[{_SURROGATES}]", ch):
        return _("must not contain a broken character (a lone surrogate) {where}").format(
            where=where
        )
    if re.fullmatch(f"[{_BIDI}]", ch):
        return _("must not contain a character that changes the text direction {where}").format(
            where=where
        )
    if re.fullmatch(f"[{_INVISIBLE}]", ch):
        return _("must not contain an invisible character {where}").format(where=where)
    return _("must not contain control characters {where}").format(where=where)


def integer_problem(value: object, lo: int, hi: int) -> str | None:
    """Why ``value`` is not a whole number from ``lo`` to ``hi`` (a phrase), or None."""
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        return _("must be a whole number from {lo} to {hi}").format(lo=lo, hi=hi)
    return None


# The phrases below are the one wording of each rule, for the ``Fields`` reader and for readers
# and editors that walk their data another way (the figure loader, the plan editor).
MISSING = N_("is missing")
NOT_A_TABLE = N_("must be a table of named fields")
UNKNOWN_KEY = N_("is not a known field (check the spelling)")


def number_problem(value: object, lo: float, hi: float) -> str | None:
    """Why ``value`` is not a finite number from ``lo`` to ``hi`` (a phrase), or None."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not lo <= value <= hi
    ):
        return _("must be a number from {lo} to {hi}").format(lo=f"{lo:g}", hi=f"{hi:g}")
    return None


def choice_problem(value: object, options: Iterable[str]) -> str | None:
    """Why ``value`` is not one of ``options`` (a phrase), or None."""
    choices = list(options)
    if value in choices:
        return None
    return _("must be one of: {choices}").format(choices=", ".join(choices))


def list_problem(value: object, min_items: int = 0, max_items: int | None = None) -> str | None:
    """Why ``value`` is not a list of ``min_items`` to ``max_items`` entries, or None."""
    if not isinstance(value, list):
        return _("must be a list")
    if max_items is not None and not min_items <= len(value) <= max_items:
        return _("must have {min_items} to {max_items} entries").format(
            min_items=min_items, max_items=max_items
        )
    return None


def text_value_problem(
    value: object, max_len: int, *, allow_empty: bool = False, multiline: bool = False
) -> str | None:
    """Why ``value`` cannot be accepted as text of at most ``max_len`` characters (a phrase
    after the field's name), or None. The one text rule for files and for editors alike."""
    if not isinstance(value, str):
        return _("must be text")
    if not allow_empty and not value.strip():
        return _("must not be empty")
    if len(value) > max_len:
        return _("must be at most {count} characters").format(count=max_len)
    return text_problem(value, one_line=not multiline)


# Translations run longer than English (Spanish about a quarter, the pseudo-language a third plus
# its marks). While content in another language is read, the text limits of ``Fields`` stretch
# by this factor, so a limit set for the English layout does not refuse a good translation.
_TEXT_STRETCH: ContextVar[float] = ContextVar("text_stretch", default=1.0)


@contextmanager
def longer_text(factor: float) -> Iterator[None]:
    """Inside the block, ``Fields`` text limits are ``factor`` times longer (this thread)."""
    token = _TEXT_STRETCH.set(factor)
    try:
        yield
    finally:
        _TEXT_STRETCH.reset(token)


class DataError(UserError, ValueError):
    """A data file or plan file that cannot be accepted, in one sentence."""

    def __init__(self, source: str, path: str, reason: str) -> None:
        self.source = source
        self.path = path
        self.reason = reason
        where = f"{path} " if path else ""
        super().__init__(f"{source}: {where}{reason}")


class Fields:
    """One table being read. Call ``finish()`` after reading to refuse unknown keys."""

    def __init__(self, data: object, source: str, path: str = "") -> None:
        if not isinstance(data, Mapping):
            raise DataError(source, path, _(NOT_A_TABLE))
        self._data: Mapping[str, Any] = data
        self._source = source
        self._path = path
        self._seen: set[str] = set()

    # -- helpers -------------------------------------------------------------------------------
    def where(self, key: str) -> str:
        return f"{self._path}.{key}" if self._path else key

    def error(self, key: str, reason: str) -> DataError:
        return DataError(self._source, self.where(key), reason)

    def has(self, key: str) -> bool:
        return key in self._data

    def _get(self, key: str, required: bool) -> Any:
        self._seen.add(key)
        if key not in self._data:
            if required:
                raise self.error(key, _(MISSING))
            return None
        return self._data[key]

    def finish(self) -> None:
        unknown = sorted(set(self._data) - self._seen)
        if unknown:
            raise DataError(self._source, self.where(unknown[0]), _(UNKNOWN_KEY))

    # -- scalars -------------------------------------------------------------------------------
    def text(
        self,
        key: str,
        *,
        max_len: int = 200,
        required: bool = True,
        default: str = "",
        allow_empty: bool = False,
        multiline: bool = False,
    ) -> str:
        """Text on one line unless ``multiline`` (then newlines and tabs are allowed)."""
        value = self._get(key, required)
        if value is None:
            return default
        return self._check_text(key, value, max_len, allow_empty, multiline)

    def _check_text(
        self, key: str, value: object, max_len: int, allow_empty: bool, multiline: bool = False
    ) -> str:
        limit = round(max_len * _TEXT_STRETCH.get())
        problem = text_value_problem(value, limit, allow_empty=allow_empty, multiline=multiline)
        if problem is not None:
            raise self.error(key, problem)
        assert isinstance(value, str)
        return value

    def choice(
        self, key: str, choices: Iterable[str], *, required: bool = True, default: str | None = None
    ) -> str:
        options = list(choices)
        value = self._get(key, required)
        if value is None:
            assert default is not None
            return default
        problem = choice_problem(value, options)
        if problem is not None:
            raise self.error(key, problem)
        return str(value)

    def integer(
        self, key: str, lo: int, hi: int, *, required: bool = True, default: int | None = None
    ) -> int:
        value = self._get(key, required)
        if value is None:
            assert default is not None
            return default
        problem = integer_problem(value, lo, hi)
        if problem is not None:
            raise self.error(key, problem)
        assert isinstance(value, int)
        return value

    def number(
        self, key: str, lo: float, hi: float, *, required: bool = True, default: float | None = None
    ) -> float | None:
        value = self._get(key, required)
        if value is None:
            return default
        problem = number_problem(value, lo, hi)
        if problem is not None:
            raise self.error(key, problem)
        assert isinstance(value, int | float)
        return float(value)

    def boolean(self, key: str, *, required: bool = True, default: bool = False) -> bool:
        value = self._get(key, required)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(key, _("must be true or false"))
        return value

    # -- lists and tables ----------------------------------------------------------------------
    def text_list(
        self,
        key: str,
        *,
        min_items: int = 0,
        max_items: int = 50,
        max_len: int = 200,
        choices: Iterable[str] | None = None,
        required: bool = True,
        unique: bool = False,
    ) -> tuple[str, ...]:
        value = self._get(key, required)
        if value is None:
            return ()
        problem = list_problem(value, min_items, max_items)
        if problem is not None:
            raise self.error(key, problem)
        assert isinstance(value, list)
        options = set(choices) if choices is not None else None
        result = []
        for index, item in enumerate(value):
            text = self._check_text(f"{key}[{index}]", item, max_len, False)
            if options is not None and text not in options:
                raise self.error(
                    f"{key}[{index}]",
                    _("must be one of: {choices}").format(choices=", ".join(sorted(options))),
                )
            result.append(text)
        if unique and len(set(result)) != len(result):
            raise self.error(key, _("must not repeat an entry"))
        return tuple(result)

    def table(self, key: str, *, required: bool = True) -> Fields | None:
        value = self._get(key, required)
        if value is None:
            return None
        return Fields(value, self._source, self.where(key))

    def tables(
        self, key: str, *, min_items: int = 0, max_items: int = 100, required: bool = True
    ) -> list[Fields]:
        value = self._get(key, required)
        if value is None:
            return []
        problem = list_problem(value, min_items, max_items)
        if problem is not None:
            raise self.error(key, problem)
        assert isinstance(value, list)
        return [
            Fields(item, self._source, f"{self.where(key)}[{i}]") for i, item in enumerate(value)
        ]
