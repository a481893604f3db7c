"""Reminders on this computer: the tray notification, the card on Today, and their settings."""
