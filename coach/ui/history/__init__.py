"""History: past sessions, their details, notes and deleting."""
