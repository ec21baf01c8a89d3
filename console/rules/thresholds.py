"""Level crossings with hysteresis, so a noisy gauge does not flap.

A level is reached on the way up as soon as the value touches it; on the way down it
is only left once the value is below the level minus `hysteresis`. Pure and
thread-agnostic; the rules engine calls it on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence


def hysteretic_level(
    value: float | None, levels: Sequence[float] | None, current: int, hysteresis: float
) -> int:
    """New level (0 = below the first) given the current one.

    Rising: the highest level with value >= level. Falling: the highest level with
    value >= level - hysteresis, but never above the current one."""
    if value is None or not levels:
        return current if value is None else 0
    raw = sum(1 for lv in levels if value >= lv)
    if raw >= current:
        return raw
    sticky = sum(1 for lv in levels if value >= lv - hysteresis)
    return min(current, sticky)


class LevelTracker:
    """Current level per key (station id); `update` returns (old, new) levels."""

    def __init__(self, hysteresis: float) -> None:
        self.hysteresis = hysteresis
        self._levels: dict[str, int] = {}

    def level(self, key: str) -> int:
        return self._levels.get(key, 0)

    def set_level(self, key: str, level: int) -> None:
        """Hold `level` for `key` (a judge resuming a state it stored)."""
        self._levels[key] = level

    def update(
        self, key: str, value: float | None, levels: Sequence[float] | None
    ) -> tuple[int, int]:
        old = self._levels.get(key, 0)
        new = hysteretic_level(value, levels, old, self.hysteresis)
        self._levels[key] = new
        return old, new
