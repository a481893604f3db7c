"""Clinical content in another language: translation files laid over the English ones.

The English files in exercises/ hold everything (ids, numbers, tags, words); a translation in
exercises/<language>/ mirrors a file and holds only the words a person reads, plus the ids that
match them. ``Overlay`` reads an English file, checks its translation strictly against it (same
ids in the same order, same fields, lists of the same length, braced fields kept) and returns
the English table with the translated words put in, so the SAME parser then validates the
translated text as it validates the English (lengths, control characters, the stop-if keyword
rule). A missing file, field, entry or question is an error, never an English fallback: a
patient must not meet an English warning sign in the middle of a Spanish check, nor a list of
precautions that silently lost one.

The pseudo-language ``qps`` (tests) has no files: its overlay is made from the English, every
text through ``i18n.pseudo`` and every keyword through ``i18n.accent``, so the pseudo screen
test sees content as translated and the stop-if keyword rule still works.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from coach.domain import i18n
from coach.domain.fields import MISSING, NOT_A_TABLE, DataError
from coach.domain.i18n import _, ngettext, pgettext


def read_toml(path: Path, source: str) -> dict[str, object]:
    import tomllib  # only when files are parsed: a usual start reads the content cache

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(source, "", _("is not valid TOML ({error})").format(error=exc)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(source, "", _("could not be read ({error})").format(error=exc)) from exc


class Reader(Protocol):
    """How a loader reads one content file: the table to parse and the name to report it by."""

    def __call__(self, path: Path, source: str) -> tuple[dict[str, object], str]: ...


def read_english(path: Path, source: str) -> tuple[dict[str, object], str]:
    """The English file as it is (the loaders' default)."""
    return read_toml(path, source), source


# --- what a translation holds, per kind of file ------------------------------------------------

TEXT = "text"  # one text, braced fields kept
SAME_LIST = "same-list"  # a list of texts with as many entries as the English
FREE_LIST = "free-list"  # a list of texts, at least one (its own words, e.g. keywords)
MATCH = "match"  # an id that must equal the English one


@dataclass(frozen=True)
class Table:
    """A table with these translated fields."""

    fields: Mapping[str, Rule]


@dataclass(frozen=True)
class Tables:
    """An array of tables, the same count and order as the English, matched by ``key``."""

    key: str
    fields: Mapping[str, Rule]


@dataclass(frozen=True)
class Named:
    """A table of tables with the same names as the English (safety tiers)."""

    fields: Mapping[str, Rule]


Rule = str | Table | Tables | Named

CATALOGUE = Table(
    {
        "id": MATCH,
        "name": TEXT,
        "summary": TEXT,
        "steps": SAME_LIST,
        "cues": SAME_LIST,
        "stop_if": TEXT,
    }
)
PROTOCOL = Table(
    {
        "surgery": MATCH,
        "name": TEXT,
        "phases": Tables(
            "number",
            {
                "number": MATCH,
                "name": TEXT,
                "goals": SAME_LIST,
                "precautions": SAME_LIST,
                "routines": Tables("id", {"id": MATCH, "name": TEXT}),
            },
        ),
    }
)
LEARN = Table(
    {
        "id": MATCH,
        "title": TEXT,
        "summary": TEXT,
        "paragraphs": SAME_LIST,
        "what_you_can_do": SAME_LIST,
        "when_to_get_help": TEXT,
    }
)
SAFETY = Table(
    {
        "check": Table({"ask": TEXT, "recheck": TEXT}),
        "tiers": Named(
            {
                "title": TEXT,
                "statement": TEXT,
                "message": TEXT,
                "action": TEXT,
                "stop_action": TEXT,
            }
        ),
        "questions": Tables(
            "id",
            {"id": MATCH, "text": TEXT, "sign": TEXT, "keywords": FREE_LIST, "reminder": TEXT},
        ),
    }
)
COPING = Table(
    {
        "breathing": Table(
            {
                "title": TEXT,
                "breathe_in": TEXT,
                "breathe_in_text": TEXT,
                "breathe_out": TEXT,
                "breathe_out_text": TEXT,
            }
        ),
        "body_scan": Table(
            {"title": TEXT, "parts": Tables("id", {"id": MATCH, "title": TEXT, "text": TEXT})}
        ),
        "journal": Table({"prompts": SAME_LIST}),
    }
)
# The kind of file by where it is under exercises/ (folder, or file name at the top).
SPECS: dict[str, Table] = {
    "catalogue": CATALOGUE,
    "protocols": PROTOCOL,
    "learn": LEARN,
    "safety.toml": SAFETY,
    "coping.toml": COPING,
}

_BRACED = re.compile(r"\{[^{}]*\}")


def braced(text: str) -> list[str]:
    """The braced fields of ``text``, sorted: ``{emergency_number}``, ``{when}``."""
    return sorted(_BRACED.findall(text))


# --- laying a translation over the English ----------------------------------------------------


def _where(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def merge(english: object, translated: object, spec: Table, source: str, path: str = "") -> object:
    """``english`` with the words of ``translated`` put in; DataError(source, field, why) when
    the translation does not match the English exactly. Never changes either argument.

    Where the English itself is malformed the English value is kept, so the parser reports the
    English file's own error."""
    if not isinstance(english, Mapping):
        return english
    if not isinstance(translated, Mapping):
        raise DataError(source, path, NOT_A_TABLE)
    for key in translated:
        if key not in spec.fields:
            raise DataError(
                source,
                _where(path, key),
                _("is not a field a translation has (only the words a person reads)"),
            )
    result = dict(english)
    for key, rule in spec.fields.items():
        where = _where(path, key)
        if key not in english:
            if key in translated:
                raise DataError(source, where, _("is not in the English file"))
            continue
        if key not in translated:
            raise DataError(source, where, MISSING)
        result[key] = _merge_value(english[key], translated[key], rule, source, where)
    return result


def _merge_value(
    english: object, translated: object, rule: Rule, source: str, where: str
) -> object:
    if isinstance(rule, Table):
        return merge(english, translated, rule, source, where)
    if isinstance(rule, Named):
        return _merge_named(english, translated, rule, source, where)
    if isinstance(rule, Tables):
        return _merge_tables(english, translated, rule, source, where)
    if rule == MATCH:
        if translated != english:
            raise DataError(
                source, where, _("must be {value}, as in the English file").format(value=english)
            )
        return english
    if rule == TEXT:
        _check_braces(english, translated, source, where)
        return translated
    if not isinstance(translated, list):
        raise DataError(source, where, _("must be a list"))
    if rule == SAME_LIST:
        if isinstance(english, list) and len(translated) != len(english):
            raise DataError(
                source,
                where,
                ngettext(
                    "must have {count} entry, as in the English file",
                    "must have {count} entries, as in the English file",
                    len(english),
                ).format(count=len(english)),
            )
        for index, item in enumerate(translated):
            text = english[index] if isinstance(english, list) else None
            _check_braces(text, item, source, f"{where}[{index}]")
    elif not translated:  # FREE_LIST
        raise DataError(source, where, _("must have at least one entry"))
    return translated


def _check_braces(english: object, translated: object, source: str, where: str) -> None:
    if isinstance(english, str) and isinstance(translated, str):
        wanted = braced(english)
        if braced(translated) != wanted:
            # Translators: shown in "must keep the braced fields of the English exactly (none)".
            fields = ", ".join(wanted) or pgettext("braced fields", "none")
            raise DataError(
                source,
                where,
                _("must keep the braced fields of the English exactly ({fields})").format(
                    fields=fields
                ),
            )


def _merge_named(
    english: object, translated: object, rule: Named, source: str, where: str
) -> object:
    if not isinstance(english, Mapping):
        return english
    if not isinstance(translated, Mapping):
        raise DataError(source, where, NOT_A_TABLE)
    for name in translated:
        if name not in english:
            raise DataError(source, _where(where, name), _("is not in the English file"))
    table = Table(rule.fields)
    result = dict(english)
    for name, value in english.items():
        if name not in translated:
            raise DataError(source, _where(where, name), MISSING)
        result[name] = merge(value, translated[name], table, source, _where(where, name))
    return result


def _merge_tables(
    english: object, translated: object, rule: Tables, source: str, where: str
) -> object:
    if not isinstance(english, list):
        return english
    if not isinstance(translated, list):
        raise DataError(source, where, _("must be a list of tables"))
    if len(translated) != len(english):
        raise DataError(
            source,
            where,
            ngettext(
                "must have {count} entry, in the same order as the English file",
                "must have {count} entries, in the same order as the English file",
                len(english),
            ).format(count=len(english)),
        )
    table = Table(rule.fields)
    return [
        merge(en_item, tr_item, table, source, f"{where}[{index}]")
        for index, (en_item, tr_item) in enumerate(zip(english, translated, strict=True))
    ]


# --- the pseudo-language ----------------------------------------------------------------------


def pseudo_translation(english: object, spec: Table) -> object:
    """What a translator would write in ``qps``: every text of ``spec`` through ``i18n.pseudo``,
    keywords through ``i18n.accent`` (so they still find the pseudo stop-if texts)."""
    if not isinstance(english, Mapping):
        return english
    out: dict[str, object] = {}
    for key, rule in spec.fields.items():
        if key in english:
            out[key] = _pseudo_value(english[key], rule)
    return out


def _pseudo_value(value: object, rule: Rule) -> object:
    if isinstance(rule, Table):
        return pseudo_translation(value, rule)
    if isinstance(rule, Named):
        if not isinstance(value, Mapping):
            return value
        return {name: pseudo_translation(v, Table(rule.fields)) for name, v in value.items()}
    if isinstance(rule, Tables):
        if not isinstance(value, list):
            return value
        return [pseudo_translation(item, Table(rule.fields)) for item in value]
    if rule == MATCH:
        return value
    if isinstance(value, str):
        return i18n.pseudo(value)
    if isinstance(value, list):
        change = i18n.accent if rule == FREE_LIST else i18n.pseudo
        return [change(v) if isinstance(v, str) else v for v in value]
    return value


# --- the reader the loaders use for a language -------------------------------------------------


def shipped_content_languages() -> tuple[str, ...]:
    """Every language the content must load in: the shipped ones and the pseudo-language."""
    return (*i18n.LANGUAGES, i18n.PSEUDO)


@dataclass
class Overlay:
    """A ``Reader`` for ``language``: English files with that language's words laid over them.

    ``check_complete`` (after loading) refuses a translation file that has no English file, so
    a misnamed file cannot hide a missing one."""

    exercises: Path
    language: str
    used: set[Path] = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.language not in shipped_content_languages():
            raise i18n.LanguageError(
                f"{self.language!r} is not a language Rehab Coach has; use one of {i18n.codes()}"
            )

    def __call__(self, path: Path, source: str) -> tuple[dict[str, object], str]:
        english = read_toml(path, source)
        if self.language == i18n.SOURCE:
            return english, source
        relative = path.relative_to(self.exercises)
        spec = SPECS[relative.parts[0]]
        if self.language == i18n.PSEUDO:
            translated = pseudo_translation(english, spec)
            where = self.name(source)
        else:
            translated_path = self.exercises / self.language / relative
            where = f"{self.language}/{relative.as_posix()}"
            if not translated_path.is_file():
                raise DataError(
                    where,
                    "",
                    _("is missing: every content file needs its translation in each language"),
                )
            self.used.add(translated_path)
            translated = read_toml(translated_path, where)
        merged = merge(english, translated, spec, where)
        assert isinstance(merged, dict)
        return merged, self.name(relative.as_posix())

    def name(self, relative: str) -> str:
        """How an error names a file read in this language: the English file and, for a
        translation, its file too ("safety.toml + es/safety.toml"), since either may be wrong.
        (An error the overlay finds itself names the translation file alone.)"""
        if self.language == i18n.SOURCE:
            return relative
        if self.language == i18n.PSEUDO:
            return f"{relative} ({self.language})"
        return f"{relative} + {self.language}/{relative}"

    def files(self) -> list[Path]:
        """The translation files of this language (none for English and the pseudo-language)."""
        folder = self.exercises / self.language
        if self.language in (i18n.SOURCE, i18n.PSEUDO) or not folder.is_dir():
            return []
        return sorted(folder.rglob("*.toml"))

    def check_complete(self) -> None:
        """Every translation file was laid over an English one."""
        for path in self.files():
            if path not in self.used:
                relative = path.relative_to(self.exercises / self.language).as_posix()
                raise DataError(
                    f"{self.language}/{relative}",
                    "",
                    _("has no English file {name} to translate").format(name=relative),
                )
