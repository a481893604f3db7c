"""Platform services behind small interfaces: speech, keeping the screen awake, notifications
and starting at login. Each has a fake backend for tests."""
