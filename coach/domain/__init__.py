"""Pure-Python domain: no Qt, no SQLite. Frozen dataclasses and functions."""
