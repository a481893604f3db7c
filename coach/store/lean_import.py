"""Import sqlite-utils without the numpy and pandas it loads whenever they are installed.

sqlite-utils imports both at import time only to map their scalar types to column types. The
store never writes numpy or pandas values, and numpy (installed for pyqtgraph's charts) costs
about 60 ms, a fifth of a cold start. Hiding them while sqlite-utils loads keeps them off the
startup path; the charts import numpy as usual when Progress is first opened.

Checked on sqlite-utils 4 (hence the upper bound in pyproject.toml): tests/store/
test_lean_import.py fails when a new version no longer needs this or defeats it.
"""

from __future__ import annotations

import sys

OPTIONAL_EXTRAS = ("numpy", "pandas")


def import_sqlite_utils() -> None:
    """Load sqlite-utils once, with numpy and pandas unimportable only while it loads."""
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in OPTIONAL_EXTRAS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import name" now fails
    try:
        import sqlite_utils
    except ImportError:  # something it loads needs numpy after all: load it the usual way
        _unhide(hidden)
        import sqlite_utils  # noqa: F401
    finally:
        _unhide(hidden)


def _unhide(names: list[str]) -> None:
    for name in names:
        if name in sys.modules and sys.modules[name] is None:
            del sys.modules[name]


import_sqlite_utils()
