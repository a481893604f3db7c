"""Warning signs: the check's results for today, Today's banner, the Warning signs page."""
