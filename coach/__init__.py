"""Rehab Coach: an offline coach for rehabilitation after lumbar back surgery."""

__version__ = "0.1.0"
