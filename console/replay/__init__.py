"""Offline review: one time cursor and the archive state at that time."""
