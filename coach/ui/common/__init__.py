"""Widgets, dialogs and helpers that every screen shares (no screen lives here)."""
