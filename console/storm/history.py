"""Which of a storm's recorded bulletins was in force when (pure): the shift report
asks for a window, the replay for an instant.

A bulletin is in force from its issue until the next bulletin about the same storm, or
for its own `danger_hours` if none follows (the danger zone is published "for the next
24 hours")."""

from __future__ import annotations

from console.model.storm import StormBulletin

HOUR = 3600.0


def in_force(storms: list[StormBulletin], start: float, end: float
             ) -> list[tuple[StormBulletin, float, float]]:
    """(bulletin, from, until) of every bulletin in force at some time in [start, end],
    by issue time."""
    out = []
    ordered = sorted(storms, key=lambda b: (b.name, b.issued_at))
    for i, b in enumerate(ordered):
        until = b.issued_at + b.danger_hours * HOUR
        following = ordered[i + 1] if i + 1 < len(ordered) else None
        if following is not None and following.name == b.name:
            until = min(until, following.issued_at)
        if b.issued_at <= end and until > start:
            out.append((b, b.issued_at, until))
    out.sort(key=lambda item: item[1])
    return out


def at(storms: list[StormBulletin], t: float) -> StormBulletin | None:
    """The newest bulletin in force at `t` (None: no storm then)."""
    current = [b for b, t0, t1 in in_force(storms, t, t) if t0 <= t < t1]
    return current[-1] if current else None
