"""Colours meet WCAG 2.1 AA in both themes: text at least 4.5:1 against what it is drawn on,
controls, the focus ring and the accent at least 3:1 (1.4.11), and a disabled button looks
disabled (its text is fainter than an enabled one's)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette

from coach.ui.common import appearance

Role = QPalette.ColorRole


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast(a: QColor | str, b: QColor | str) -> float:
    first, second = sorted((luminance(QColor(a)), luminance(QColor(b))), reverse=True)
    return (first + 0.05) / (second + 0.05)


def test_the_formula_matches_wcag_examples() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def _sheet_colour(sheet: str, selector: str, prop: str) -> str:
    block = sheet[sheet.index(selector) :]
    block = block[: block.index("}")]
    found = re.search(rf"(?<![-\w]){re.escape(prop)}\s*(#[0-9a-fA-F]{{3,6}})", block)
    assert found, (selector, prop)
    return found.group(1)


@pytest.mark.parametrize("dark", [False, True])
def test_text_and_controls_meet_wcag_aa(dark: bool) -> None:
    p = appearance._palette(dark=dark)
    sheet = appearance.style_sheet(12.0, dark=dark)
    c = p.color
    text_pairs = {
        "text on the window": (c(Role.WindowText), c(Role.Window)),
        "text on cards and fields": (c(Role.Text), c(Role.Base)),
        "text on the rail": (c(Role.WindowText), c(Role.AlternateBase)),
        "button text": (c(Role.ButtonText), c(Role.Button)),
        "selected text": (c(Role.HighlightedText), c(Role.Highlight)),
        "placeholder text": (c(Role.PlaceholderText), c(Role.Base)),
        "links": (c(Role.Link), c(Role.Base)),
        "primary button": (
            _sheet_colour(sheet, 'QPushButton[role="primary"] {', "color:"),
            _sheet_colour(sheet, 'QPushButton[role="primary"] {', "background:"),
        ),
    }
    for name, (fore, back) in text_pairs.items():
        assert contrast(fore, back) >= 4.5, f"{name}: {contrast(fore, back):.2f}"
    ring = _sheet_colour(sheet, "QPushButton:focus {", "border: 3px solid")
    accent = _sheet_colour(sheet, 'QPushButton[role="primary"] {', "background:")
    control_pairs = {
        "focus ring on the window": (ring, c(Role.Window)),
        "focus ring on a card": (ring, c(Role.Base)),
        "focus ring on a blue button": (
            _sheet_colour(sheet, 'QPushButton[role="primary"]:focus', "border: 3px solid"),
            accent,
        ),
        "blue button on the window": (accent, c(Role.Window)),
        "blue button on a card": (accent, c(Role.Base)),
    }
    for name, (fore, back) in control_pairs.items():
        assert contrast(fore, back) >= 3.0, f"{name}: {contrast(fore, back):.2f}"


@pytest.mark.parametrize("dark", [False, True])
def test_a_disabled_button_looks_disabled(dark: bool) -> None:
    p = appearance._palette(dark=dark)
    group = QPalette.ColorGroup
    enabled = contrast(p.color(Role.ButtonText), p.color(Role.Button))
    disabled = contrast(p.color(group.Disabled, Role.ButtonText), p.color(Role.Button))
    assert disabled < enabled / 2  # clearly fainter
    assert disabled >= 1.8  # but still readable
    sheet = appearance.style_sheet(12.0, dark=dark)
    assert 'QPushButton[role="primary"]:disabled' in sheet  # not blue when it cannot be used
