"""PySide6 6.12.0 leaks a reference to None on every Qt call returning None and then aborts
("Fatal Python error: none_dealloc"). This guards the pinned version."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_qt_calls_returning_none_do_not_leak_none() -> None:
    obj = QObject()
    before = sys.getrefcount(None)
    for i in range(1000):
        obj.setObjectName(f"n{i}")
    assert abs(sys.getrefcount(None) - before) < 50
