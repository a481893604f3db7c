"""Printed Learn topics: large print, escaped text, one topic a page, written atomically."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from coach.domain.content import Content
from coach.reports.atomic import ExportError
from coach.reports.learn_pdf import FONT_SIZES, render_topics, topic_html, write_topics

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def test_every_text_style_is_at_least_14_point() -> None:
    assert min(FONT_SIZES) >= 14


def test_text_from_files_is_escaped(content: Content) -> None:
    topic = replace(content.learn.topics[0], title="Pain <b>now</b> & later")
    html = topic_html(topic, "999", first=True)
    assert "Pain &lt;b&gt;now&lt;/b&gt; &amp; later" in html
    assert "<b>now" not in html


def test_nothing_to_print_is_refused(qapp: QApplication) -> None:
    with pytest.raises(ExportError, match="at least one topic"):
        render_topics([], "999")


@needs_poppler
def test_all_topics_print_large_each_from_a_new_page(
    qapp: QApplication, content: Content, tmp_path: Path
) -> None:
    pdf = tmp_path / "learn.pdf"
    write_topics(pdf, content.learn.topics, "999", data_folder=tmp_path / "data")
    out = tmp_path / "learn.txt"
    subprocess.run(["pdftotext", str(pdf), str(out)], check=True, timeout=60)
    pages = unicodedata.normalize("NFKC", out.read_text(encoding="utf-8")).split("\f")
    starts = [" ".join(page.split())[:60] for page in pages]
    for topic in content.learn:  # each title opens a page
        assert any(s.startswith(topic.title) for s in starts), topic.title
    text = " ".join(" ".join(pages).split())
    assert "call 999 or a crisis line now" in text
    boxes = tmp_path / "learn.html"
    subprocess.run(["pdftotext", "-bbox", str(pdf), str(boxes)], check=True, timeout=60)
    heights = [
        float(y_max) - float(y_min)
        for y_min, y_max in re.findall(
            r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', boxes.read_text(encoding="utf-8")
        )
    ]
    assert len(heights) > 1000
    assert min(heights) >= 16.0  # DejaVu Sans boxes are 1.16 em: 14 pt text gives 16.2 pt


def test_a_failed_write_keeps_the_old_file(
    qapp: QApplication, content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = tmp_path / "topic.pdf"
    pdf.write_bytes(b"old")

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", broken)
    with pytest.raises(ExportError, match="previous file is unchanged"):
        write_topics(pdf, content.learn.topics[:1], "999", data_folder=tmp_path / "data")
    assert pdf.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["topic.pdf"]
