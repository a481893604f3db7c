"""The guided session: red-flag check, pain before and after, the timer player, sounds."""
