"""Scripts that generate shipped assets from data (run by developers, not by the app)."""
