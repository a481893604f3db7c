"""The machine the app runs on: where files live, the log, the one-writer lock, the
content cache, and where exports may write."""
