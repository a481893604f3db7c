"""Text size and light/dark theme, applied to the whole app at once.

Sizes are set through the application font and one generated style sheet, so every screen
scales together; screens mark text with a ``role`` property instead of setting sizes.

This module runs before the first paint, so it stays off PySide6's ``Qt`` namespace: loading
it builds some 150 enum classes, about 15 ms of a cold start.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 12.0
ACCENT = "#0b6e99"  # blue with good contrast on white and (lightened) on dark

# "countdown": the session player's seconds, read from 2 m away.
ROLE_SIZES = {
    "title": 1.8,
    "heading": 1.35,
    "big": 1.6,
    "huge": 4.0,
    "countdown": 7.0,
    "hint": 0.9,
    "reading": 1.2,  # Learn topics: long text, read at arm's length
}
LIGHT_TEXT, DARK_TEXT = "#1a1a1a", "#eeeeee"
BOLD_ROLES = ("title", "heading", "big", "huge", "countdown")
SYSTEM_DARK_PROPERTY = "coach-system-dark"


def apply_appearance(app: QApplication, text_scale: int, theme: str) -> None:
    """Apply a text scale in percent (100-200) and a theme ('system', 'light', 'dark').

    The style is Fusion, set when the application is made (``make_application``).
    """
    system_dark = _system_is_dark(app)  # read at the first call, before our palette is set
    dark = theme == "dark" or (theme == "system" and system_dark)
    app.setPalette(_palette(dark=dark))
    font = QFont(app.font())
    points = BASE_POINT_SIZE * text_scale / 100
    font.setPointSizeF(points)
    app.setFont(font)
    app.setStyleSheet(style_sheet(points, dark=dark))


def style_sheet(points: float, *, dark: bool) -> str:
    accent = "#5cb8e6" if dark else ACCENT
    # The keyboard focus ring: the text colour (on a blue button always the dark one), at
    # least 3:1 against what is around it in both themes (tests/ui/test_contrast.py).
    ring = DARK_TEXT if dark else LIGHT_TEXT
    roles = "\n".join(
        f'QLabel[role="{role}"] {{ font-size: {points * factor:.1f}pt;'
        f" {'font-weight: 600;' if role in BOLD_ROLES else ''} }}"
        for role, factor in ROLE_SIZES.items()
    )
    return f"""
{roles}
QPushButton, QToolButton, QComboBox, QLineEdit, QSpinBox, QDateEdit {{ min-height: 44px; }}
QPushButton {{ padding: 6px 18px; }}
QPushButton[role="primary"] {{ background: {accent}; color: {"#000" if dark else "#fff"};
    font-weight: 600; border-radius: 6px; padding: 10px 28px; }}
QPushButton[role="primary"]:disabled {{ background: palette(mid); }}
QPushButton[role="nav"] {{ text-align: left; padding: 6px 18px; border: none;
    border-radius: 8px; min-height: 50px; font-size: {points * 1.1:.1f}pt; }}
QPushButton[role="nav"]:checked {{ background: {accent}; color: {"#000" if dark else "#fff"}; }}
QPushButton:focus {{ border: 3px solid {ring}; border-radius: 6px; padding: 3px 15px;
    background: palette(button); }}
QPushButton[role="primary"]:focus, QPushButton[role="nav"]:checked:focus {{
    border: 3px solid {LIGHT_TEXT}; background: {accent}; }}
QPushButton[role="nav"]:focus {{ padding: 3px 15px; }}
QPushButton[role="primary"]:focus {{ padding: 7px 25px; }}
QRadioButton:focus, QCheckBox:focus {{ border: 3px solid {ring}; border-radius: 6px; }}
QLineEdit:focus, QSpinBox:focus, QDateEdit:focus, QComboBox:focus, QPlainTextEdit:focus,
QAbstractItemView:focus {{ border: 3px solid {ring}; }}
QFrame[role="card"] {{ border: 1px solid palette(mid); border-radius: 10px;
    background: palette(base); }}
QFrame[role="rail"] {{ background: palette(alternate-base); }}
QProgressBar {{ border: 1px solid palette(mid); border-radius: 6px;
    background: palette(alternate-base); }}
QProgressBar::chunk {{ background: {accent}; border-radius: 5px; }}
QRadioButton, QCheckBox {{ min-height: 44px; spacing: 12px; }}
QRadioButton::indicator, QCheckBox::indicator {{ width: 24px; height: 24px; }}
"""


def _system_is_dark(app: QApplication) -> bool:
    """Whether the desktop is in dark mode, judged from the palette Qt took from the platform
    (read once, before ours replaces it). ``styleHints().colorScheme()`` would say the same
    but returns a ``Qt`` enum, which loads the whole namespace."""
    dark = app.property(SYSTEM_DARK_PROPERTY)
    if dark is None:
        dark = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
        app.setProperty(SYSTEM_DARK_PROPERTY, dark)
    return bool(dark)


def _palette(*, dark: bool) -> QPalette:
    if dark:
        return _make_palette("#1e1f22", "#2b2d31", DARK_TEXT, "#5cb8e6", "#35373c")
    return _make_palette("#f4f4f2", "#ffffff", LIGHT_TEXT, ACCENT, "#e6e6e3")


def _make_palette(window: str, base: str, text: str, accent: str, alternate: str) -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: alternate,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: alternate,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.Highlight: accent,
        QPalette.ColorRole.HighlightedText: "#ffffff" if window != "#1e1f22" else "#000000",
        QPalette.ColorRole.ToolTipBase: base,
        QPalette.ColorRole.ToolTipText: text,
        # WCAG AA (4.5:1) on the field's background: tests/ui/test_contrast.py measures it.
        QPalette.ColorRole.PlaceholderText: "#a0a0a0" if window == "#1e1f22" else "#6b6b6b",
        QPalette.ColorRole.Link: accent,
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#888888"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#888888"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#888888"))
    return p
