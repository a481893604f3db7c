"""The machine the app runs on: where files live, the log, the one-writer lock, the
content cache, where exports may write, and the app's launcher entry and icons."""
