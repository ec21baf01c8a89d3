"""Alarm-level arithmetic for water-level stations (Decision 05/2020/QĐ-TTg levels)."""

from __future__ import annotations


def alarm_level(value: float | None, levels: tuple[float, float, float] | None) -> int:
    """0 = below BĐ1, 1..3 = highest alarm level reached (value >= level)."""
    if value is None or levels is None:
        return 0
    reached = 0
    for i, level in enumerate(levels, start=1):
        if value >= level:
            reached = i
    return reached
