"""Every word a person reads goes through here: gettext catalogues, one language at a time.

Screens, domain sentences, CLI messages and reports all call ``_``, ``ngettext``, ``pgettext``
or ``npgettext`` (the names Babel extracts), so there is one system and it works in the pure
domain (the standard library's ``gettext``, no Qt). Constants defined at import time are marked
with ``N_`` and translated where they are shown, so a language chosen later still applies.

The active language is process-wide (``use``); ``in_language`` switches it for one block in this
thread only (a report printed in the profile's language while the window stays in another).
English is the source language: its "catalogue" is the msgids themselves. ``qps`` is the
pseudo-language of the tests: every string accented, bracketed and about 35% longer, so text
that was never wrapped, or that does not fit, shows at a glance.
"""

from __future__ import annotations

import gettext as _gettext
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

DOMAIN = "coach"
SOURCE = "en"
PSEUDO = "qps"
# Shipped languages, each named in its own language (how a person looks for theirs).
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
# The CLDR locale Babel formats dates and numbers with: English keeps "14 March" (day first).
_FORMAT_LOCALES = {"en": "en_GB", "es": "es", PSEUDO: "en_GB"}
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


class LanguageError(ValueError):
    """A language code we do not ship (from --lang, a setting or a file)."""


@dataclass(frozen=True)
class Language:
    code: str
    translations: _gettext.NullTranslations

    @property
    def format_locale(self) -> str:
        """The Babel locale for dates and numbers in this language."""
        return _FORMAT_LOCALES[self.code]

    @property
    def pseudo(self) -> bool:
        return self.code == PSEUDO


_cache: dict[str, Language] = {}


def load(code: str, locale_dir: Path = LOCALE_DIR) -> Language:
    """The language ``code`` with its compiled catalogue; LanguageError if we do not ship it."""
    if code in _cache and locale_dir == LOCALE_DIR:
        return _cache[code]
    translations: _gettext.NullTranslations
    if code == SOURCE:
        translations = _gettext.NullTranslations()
    elif code == PSEUDO:
        translations = PseudoTranslations()
    elif code in LANGUAGES:
        path = locale_dir / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
        try:
            with path.open("rb") as handle:
                translations = _gettext.GNUTranslations(handle)
        except OSError as exc:
            raise LanguageError(f"the {LANGUAGES[code]} words are missing ({path})") from exc
    else:
        raise LanguageError(f"{code!r} is not a language Rehab Coach has; use one of {codes()}")
    language = Language(code, translations)
    if locale_dir == LOCALE_DIR:
        _cache[code] = language
    return language


def codes() -> str:
    """The shipped language codes, for messages: 'en, es'."""
    return ", ".join(LANGUAGES)


def pick(preferred: list[str]) -> str:
    """The first shipped language among ``preferred`` (like 'es_MX', 'en-US'), else English."""
    for wanted in preferred:
        base = re.split(r"[-_.@]", wanted.strip(), maxsplit=1)[0].lower()
        if base in LANGUAGES:
            return base
    return SOURCE


_active: Language = load(SOURCE)
_here: ContextVar[Language | None] = ContextVar("language", default=None)


def use(code: str) -> Language:
    """Make ``code`` the language of the whole app from now on."""
    global _active  # noqa: PLW0603 - the one process-wide setting, by design
    _active = load(code)
    return _active


def current() -> Language:
    return _here.get() or _active


@contextmanager
def in_language(code: str) -> Iterator[Language]:
    """Words and dates in ``code`` inside the block (this thread only), e.g. for a report."""
    token = _here.set(load(code))
    try:
        yield current()
    finally:
        _here.reset(token)


def _(message: str) -> str:
    return current().translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return current().translations.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    return current().translations.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, count: int) -> str:
    return current().translations.npgettext(context, singular, plural, count)


def N_(message: str) -> str:
    """Marks a constant for extraction; translate it with ``_`` where it is shown."""
    return message


# --- the pseudo-language ---------------------------------------------------------------------

_ACCENTED = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
        strict=True,
    )
)
# Left exactly as written: {fields}, %(name)s / %s, <tags>, &entities; and &-mnemonics' "&".
_KEEP = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sd]|%[sd]|<[^<>]*>|&[a-z]+;|&#\d+;")
PSEUDO_MARKS = frozenset(_ACCENTED.values())


def accent(text: str) -> str:
    """Every letter accented, nothing added: 'fall' -> 'ƒåļļ' (pseudo keywords of a content
    file, which must still be found inside the pseudo text)."""
    return "".join(_ACCENTED.get(c, c) for c in text)


def pseudo(text: str) -> str:
    """'Start' -> '[Šţåŕţ ẋẋ]': accented, bracketed, about 35% longer, fields kept."""
    if not text.strip():
        return text
    out: list[str] = []
    last = 0
    for match in _KEEP.finditer(text):
        out.append(accent(text[last : match.start()]))
        out.append(match.group())
        last = match.end()
    out.append(accent(text[last:]))
    body = "".join(out)
    extra = max(1, round(len(_KEEP.sub("", text)) * 0.35) - 2)
    # Padding as short words, so wrapping behaves as it would with longer words of a language.
    padding = " ".join("ẋ" * min(5, extra - i) for i in range(0, extra, 6))
    return f"[{body} {padding}]"


class PseudoTranslations(_gettext.NullTranslations):
    """Every message of the extracted template comes back in the pseudo-language; a message
    that is not in it (built at run time, so no translator could ever see it) stays English,
    so the pseudo-language test finds it."""

    def __init__(self, template: Path | None = None) -> None:
        super().__init__()
        self.known = _template_ids(template or LOCALE_DIR / f"{DOMAIN}.pot")

    def _say(self, message: str) -> str:
        return pseudo(message) if message in self.known else message

    def gettext(self, message: str) -> str:
        return self._say(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self._say(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return self._say(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self._say(msgid1 if n == 1 else msgid2)


def _template_ids(template: Path) -> frozenset[str]:
    """Every msgid and msgid_plural in the .pot (read with Babel: tests only)."""
    from babel.messages.pofile import read_po

    with template.open("rb") as handle:
        catalog = read_po(handle)
    ids: set[str] = set()
    for message in catalog:
        ids.update(message.id if isinstance(message.id, tuple | list) else (message.id,))
    return frozenset(ids)
