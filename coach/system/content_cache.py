"""A cache of the validated clinical content, so a usual start skips parsing 40 TOML files.

The cache is plain JSON that can only describe our own content types: it is decoded against a
fixed list of the domain's dataclasses and enums, so a file crafted into the data folder can
at worst be refused (and rebuilt), never run code. (It used to be a pickle, which runs whatever
a crafted file asks; old ``*.pickle`` files are deleted unread.) It is keyed by the size and
modification time of every content file and of the modules that validate them, so any edit to
the data or the rules rebuilds it. A missing, stale or unreadable cache is simply rebuilt.
There is one cache per language: its key covers the English files and that language's
translation files (exercises/<language>/), so an edited translation rebuilds it too.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import hashlib
import json
import logging
import re
from pathlib import Path
from typing import Any

from coach import __version__
from coach.domain import catalogue, content, coping, learn, profile, protocol, safety
from coach.domain.catalogue import Catalogue
from coach.domain.content import Content, load_content
from coach.domain.i18n import LANGUAGES, SOURCE

log = logging.getLogger(__name__)
_LEGACY = re.compile(r"content-[0-9a-f]{32}\.json")

_RULE_MODULES = (
    "catalogue",
    "protocol",
    "safety",
    "fields",
    "content",
    "profile",
    "plan",
    "learn",
    "records",
    "emergency",
    "pain",
    "coping",
    "overlay",
    "plan_language",
    "i18n",
)
FORMAT = 3


def _key(exercises: Path, language: str) -> str:
    digest = hashlib.sha256(f"{__version__}:{FORMAT}:{language}".encode())
    domain = Path(__file__).resolve().parent.parent / "domain"
    files = [domain / f"{name}.py" for name in _RULE_MODULES]
    files += sorted(exercises.glob("catalogue/*.toml"))
    files += sorted(exercises.glob("protocols/*.toml"))
    files += sorted(exercises.glob("learn/*.toml"))
    files.append(exercises / "safety.toml")
    files.append(exercises / "coping.toml")
    if language in LANGUAGES and language != SOURCE:
        translated = sorted((exercises / language).rglob("*.toml"))
        if not translated:
            raise FileNotFoundError(exercises / language)  # the loader names what is missing
        files += translated
    for path in files:
        stat = path.stat()
        name = (
            path.relative_to(exercises).as_posix() if path.is_relative_to(exercises) else path.name
        )
        digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:32]


def _allowed_types() -> dict[str, type]:
    """The only types a cache file may name: the content's dataclasses and enums."""
    allowed: dict[str, type] = {}
    for module in (catalogue, content, coping, learn, profile, protocol, safety):
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and value.__module__ == module.__name__
                and (dataclasses.is_dataclass(value) or issubclass(value, enum.Enum))
            ):
                allowed[value.__name__] = value
    return allowed


class _NotCacheableError(Exception):
    """The content holds something this format cannot write: then there is no cache."""


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, enum.Enum):
        return {"e": type(value).__name__, "v": _encode(value.value)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [_encode(getattr(value, f.name)) for f in dataclasses.fields(value)]
        return {"d": type(value).__name__, "f": fields}
    if isinstance(value, Catalogue):
        return {"catalogue": [_encode(exercise) for exercise in value]}
    if isinstance(value, tuple):
        return {"t": [_encode(v) for v in value]}
    if isinstance(value, frozenset):
        return {"s": [_encode(v) for v in value]}
    if isinstance(value, list):
        return {"l": [_encode(v) for v in value]}
    if isinstance(value, dict):
        return {"m": [[_encode(k), _encode(v)] for k, v in value.items()]}
    raise _NotCacheableError(type(value).__name__)


def _decoder(allowed: dict[str, type]) -> Any:
    """A json ``object_hook``: every JSON object in a cache file is one tagged node (plain
    dicts are written as "m" lists), decoded bottom-up as json builds it. Only the allowed
    types can be named; anything else raises ValueError or KeyError."""

    def node(data: dict[str, Any]) -> Any:
        keys = data.keys()
        if keys == {"d", "f"}:
            kind = allowed[data["d"]]
            if not dataclasses.is_dataclass(kind):
                raise ValueError("not a dataclass of ours")
            names = [f.name for f in dataclasses.fields(kind)]
            if len(names) != len(data["f"]):
                raise ValueError("not the fields of this version")
            return kind(**dict(zip(names, data["f"], strict=True)))
        if keys == {"e", "v"}:
            kind = allowed[data["e"]]
            if not issubclass(kind, enum.Enum):
                raise ValueError("not an enum of ours")
            return kind(data["v"])
        if len(data) == 1:
            (tag, items), *_ = data.items()
            if isinstance(items, list):
                if tag == "catalogue":
                    return Catalogue({exercise.id: exercise for exercise in items})
                if tag == "m":
                    return dict(items)
                return {"t": tuple, "s": frozenset, "l": list}[tag](items)
        raise ValueError("not a cache node")

    return node


def read_cache(path: Path) -> Content | None:
    """The cached content, or None for a missing, damaged or foreign file (never runs code)."""
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError, RecursionError):
        data = json.loads(path.read_text(encoding="utf-8"), object_hook=_decoder(_allowed_types()))
        if isinstance(data, list) and len(data) == 2 and data[0] == FORMAT:
            cached = data[1]
            if isinstance(cached, Content):
                return cached
    return None


def load_content_cached(exercises: Path, cache_dir: Path, language: str = SOURCE) -> Content:
    """The same Content as ``load_content(exercises, language)``; raises its DataError for
    bad files (and LanguageError for a language we do not ship)."""
    try:
        key = _key(exercises, language)
    except OSError:
        return load_content(exercises, language)  # the loader says which file is missing
    path = cache_dir / f"content-{language}-{key}.json"
    cached = read_cache(path)
    if cached is not None and cached.language == language:
        return cached
    loaded = load_content(exercises, language)
    try:
        text = json.dumps([FORMAT, _encode(loaded)], ensure_ascii=False)
    except _NotCacheableError as exc:
        log.warning("the content cannot be cached (%s)", exc)
        return loaded
    try:
        cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        stale = [
            *cache_dir.glob(f"content-{language}-*.json"),
            *(p for p in cache_dir.glob("content-*.json") if _LEGACY.fullmatch(p.name)),
            *cache_dir.glob("content-*.pickle"),
        ]
        for old in stale:  # this language's older caches, and those from before languages
            old.unlink(missing_ok=True)
        tmp = path.with_suffix(".partial")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:  # a full or read-only disk must not stop the app
        log.warning("could not write the content cache: %s", exc.strerror)
    return loaded
