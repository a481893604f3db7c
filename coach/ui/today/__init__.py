"""Today: the first screen, its routine and walking cards and side sections."""
