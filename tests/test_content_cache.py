"""The content cache gives the same content as parsing, and notices edits."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from coach.domain.content import Content
from coach.domain.fields import DataError
from coach.system.content_cache import load_content_cached, read_cache
from coach.system.paths import exercises_dir


@pytest.fixture
def exercises(tmp_path: Path) -> Path:
    copy = tmp_path / "exercises"
    shutil.copytree(exercises_dir(), copy)
    return copy


def test_cached_content_equals_parsed_content(
    exercises: Path, tmp_path: Path, content: Content
) -> None:
    first = load_content_cached(exercises, tmp_path / "cache")
    assert list((tmp_path / "cache").glob("content-*.json"))
    second = load_content_cached(exercises, tmp_path / "cache")
    for loaded in (first, second):
        assert loaded.catalogue.ids() == content.catalogue.ids()
        assert loaded.protocols == content.protocols
        assert loaded.red_flags == content.red_flags
        assert loaded.learn == content.learn
    [cache] = (tmp_path / "cache").glob("content-*.json")
    cached = read_cache(cache)  # the Learn topics' types are allowed in the cache file
    assert cached is not None and cached.learn == content.learn


def test_an_edited_file_is_read_again(exercises: Path, tmp_path: Path) -> None:
    load_content_cached(exercises, tmp_path / "cache")
    bridge = exercises / "catalogue" / "bridge.toml"
    bridge.write_text(bridge.read_text().replace('name = "Bridge"', 'name = "Hip lift"'))
    os.utime(bridge, ns=(1, 1))
    assert load_content_cached(exercises, tmp_path / "cache").catalogue["bridge"].name == "Hip lift"


def test_a_broken_file_is_reported_even_when_a_cache_exists(
    exercises: Path, tmp_path: Path
) -> None:
    load_content_cached(exercises, tmp_path / "cache")
    (exercises / "catalogue" / "bridge.toml").write_text('id = "bridge"\nname = 3\n')
    with pytest.raises(DataError, match=r"bridge\.toml"):
        load_content_cached(exercises, tmp_path / "cache")


def test_a_damaged_cache_is_rebuilt(exercises: Path, tmp_path: Path) -> None:
    load_content_cached(exercises, tmp_path / "cache")
    for path in (tmp_path / "cache").glob("content-*.json"):
        path.write_bytes(b"not a cache")
    assert len(load_content_cached(exercises, tmp_path / "cache").catalogue) >= 36


# -- no code from the data folder ----------------------------------------------------------------
class _Planted:
    """What a crafted pickle would run on load: it touches a file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def test_a_crafted_pickle_in_the_cache_folder_runs_nothing(exercises: Path, tmp_path: Path) -> None:
    import pickle

    cache = tmp_path / "cache"
    load_content_cached(exercises, cache)
    marker = tmp_path / "ran"
    key = next(cache.glob("content-*.json")).stem.removeprefix("content-")
    for name in (f"content-{key}.pickle", "content-0.pickle"):
        (cache / name).write_bytes(pickle.dumps(_Planted(marker)))
    assert len(load_content_cached(exercises, cache).catalogue) >= 36
    assert not marker.exists()
    next(cache.glob("content-*.json")).unlink()  # a rebuild deletes old pickles unread
    assert len(load_content_cached(exercises, cache).catalogue) >= 36
    assert not marker.exists()
    assert not list(cache.glob("*.pickle"))


@pytest.mark.parametrize(
    "crafted",
    [
        '[2, {"d": "Popen", "f": [["touch", "x"]]}]',  # a class that is not ours
        '[2, {"e": "Exercise", "v": 1}]',  # ours, but not an enum
        '[2, {"d": "Dosage", "f": [1]}]',  # too few fields
        '[2, {"__class__": "os.system"}]',
        "[2, " + "[" * 100000 + "]" * 100000 + "]",  # deep nesting
        "not json at all",
    ],
)
def test_a_crafted_cache_file_is_refused_and_rebuilt(
    exercises: Path, tmp_path: Path, content: Content, crafted: str
) -> None:
    from coach.system.content_cache import read_cache

    cache = tmp_path / "cache"
    load_content_cached(exercises, cache)
    path = next(cache.glob("content-*.json"))
    path.write_text(crafted, encoding="utf-8")
    assert read_cache(path) is None
    loaded = load_content_cached(exercises, cache)
    assert loaded.protocols == content.protocols
    assert read_cache(path) is not None  # rebuilt


# -- one cache per language ------------------------------------------------------------------------


def test_each_language_has_its_own_cache_and_edits_to_its_words_are_read(
    tmp_path: Path, content: Content
) -> None:
    from tests.content_overlays import complete_tree, edit

    tree = complete_tree(tmp_path / "tree")
    cache = tmp_path / "cache"
    spanish = load_content_cached(tree, cache, "es")
    english = load_content_cached(tree, cache, "en")
    assert (
        spanish.red_flags.ask.startswith("Ahora mismo") and english.red_flags == content.red_flags
    )
    names = sorted(p.name.split("-")[1] for p in cache.glob("content-*.json"))
    assert names == ["en", "es"]  # switching language does not throw the other cache away
    cached = read_cache(next(cache.glob("content-es-*.json")))
    assert cached is not None and cached.red_flags == spanish.red_flags
    assert cached.coping == spanish.coping
    edit(
        tree / "es" / "safety.toml",
        'title = "Llame ahora para pedir ayuda"',
        'title = "Llame ya para pedir ayuda"',
    )
    os.utime(tree / "es" / "safety.toml", ns=(1, 1))
    again = load_content_cached(tree, cache, "es")
    assert again.red_flags.tiers["emergency"].title == "Llame ya para pedir ayuda"
    assert load_content_cached(tree, cache, "en").red_flags == content.red_flags
