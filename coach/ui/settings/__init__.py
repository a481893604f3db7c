"""Settings: text size, theme, data folder, backups, and patient profiles."""
