"""The content cache gives the same content as parsing, and notices edits."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from coach.content_cache import load_content_cached
from coach.domain.content import Content
from coach.domain.fields import DataError
from coach.paths import exercises_dir


@pytest.fixture
def exercises(tmp_path: Path) -> Path:
    copy = tmp_path / "exercises"
    shutil.copytree(exercises_dir(), copy)
    return copy


def test_cached_content_equals_parsed_content(
    exercises: Path, tmp_path: Path, content: Content
) -> None:
    first = load_content_cached(exercises, tmp_path / "cache")
    assert list((tmp_path / "cache").glob("content-*.pickle"))
    second = load_content_cached(exercises, tmp_path / "cache")
    for loaded in (first, second):
        assert loaded.catalogue.ids() == content.catalogue.ids()
        assert loaded.protocols == content.protocols
        assert loaded.red_flags == content.red_flags


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
    for path in (tmp_path / "cache").glob("content-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert len(load_content_cached(exercises, tmp_path / "cache").catalogue) >= 36
