"""PySide6 widgets: thin screens built in code, one module per screen."""
