"""A cache of the validated clinical content, so a usual start skips parsing 40 TOML files.

The cache is a pickle in the data folder (private to the user, 0700), keyed by the size and
modification time of every content file and of the modules that validate them, so any edit to
the data or the rules rebuilds it. A missing, stale or unreadable cache is simply rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import pickle
from pathlib import Path

from coach import __version__
from coach.domain.content import Content, load_content

log = logging.getLogger(__name__)

_RULE_MODULES = ("catalogue", "protocol", "safety", "fields", "content", "profile", "plan")


def _key(exercises: Path) -> str:
    digest = hashlib.sha256(__version__.encode())
    domain = Path(__file__).resolve().parent / "domain"
    files = [domain / f"{name}.py" for name in _RULE_MODULES]
    files += sorted(exercises.glob("catalogue/*.toml"))
    files += sorted(exercises.glob("protocols/*.toml"))
    files.append(exercises / "safety.toml")
    for path in files:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:32]


def load_content_cached(exercises: Path, cache_dir: Path) -> Content:
    """The same Content as ``load_content``; raises its DataError for bad files."""
    try:
        key = _key(exercises)
    except OSError:
        return load_content(exercises)  # the loader says which file is missing
    path = cache_dir / f"content-{key}.pickle"
    with contextlib.suppress(
        OSError,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        TypeError,
        ValueError,
    ):
        with path.open("rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, Content):
            return cached
    content = load_content(exercises)
    try:
        cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        for old in cache_dir.glob("content-*.pickle"):
            old.unlink(missing_ok=True)
        tmp = path.with_suffix(".partial")
        with tmp.open("wb") as handle:
            pickle.dump(content, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError as exc:  # a full or read-only disk must not stop the app
        log.warning("could not write the content cache: %s", exc.strerror)
    return content
