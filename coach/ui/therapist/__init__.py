"""Therapist mode: the PIN gate, the plan editor, plan files and the handout."""
