"""Per-station cache of fetched readings: what is held, and what is still missing.

A chart asks ``missing(station, t0, t1)`` for the ranges it must fetch, fetches only
those on a worker, and ``put``s each answer. Covered ranges are merged, readings are
kept sorted and unique by time, and the cache is bounded by a total point count:
the least recently used stations are evicted first (never the one being written).
Not thread-safe: owned and called by the GUI thread only (workers return arrays).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

Range = tuple[float, float]


@dataclass
class _Entry:
    t: np.ndarray = field(default_factory=lambda: np.empty(0))
    v: np.ndarray = field(default_factory=lambda: np.empty(0))
    covered: list[Range] = field(default_factory=list)
    version: int = 0  # bumped whenever readings change (charts skip redraws otherwise)


def _merge(ranges: list[Range], tolerance: float) -> list[Range]:
    out: list[Range] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1] + tolerance:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _merged(
    old_t: np.ndarray, old_v: np.ndarray, t: np.ndarray, v: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Sorted, unique-by-time union; the newer answer wins for an instant seen twice.
    Appending after the end (live tail) or before the start (panning back) is a plain
    concatenation, so a live reading does not re-sort millions of cached points."""
    sorted_new = len(t) < 2 or bool(np.all(np.diff(t) > 0))
    if sorted_new and (len(old_t) == 0 or t[0] > old_t[-1]):
        return np.concatenate([old_t, t]), np.concatenate([old_v, v])
    if sorted_new and t[-1] >= old_t[-1]:  # a tail that overlaps: the new answer wins
        cut = int(np.searchsorted(old_t, t[0]))
        return np.concatenate([old_t[:cut], t]), np.concatenate([old_v[:cut], v])
    if sorted_new and t[-1] < old_t[0]:
        return np.concatenate([t, old_t]), np.concatenate([v, old_v])
    all_t = np.concatenate([old_t, t])
    all_v = np.concatenate([old_v, v])
    _, first_in_rev = np.unique(all_t[::-1], return_index=True)
    keep = len(all_t) - 1 - first_in_rev
    return all_t[keep], all_v[keep]


class SeriesCache:
    """``max_points`` bounds memory (2 x 8 bytes a point); ``step_s`` is the reading
    interval: holes shorter than one step are not worth a request."""

    def __init__(self, max_points: int = 5_000_000, step_s: float = 600.0) -> None:
        self.max_points = max_points
        self.step_s = step_s
        self._entries: OrderedDict[str, _Entry] = OrderedDict()

    def __contains__(self, station_id: str) -> bool:
        return station_id in self._entries

    @property
    def points(self) -> int:
        return sum(len(e.t) for e in self._entries.values())

    def version(self, station_id: str) -> int:
        entry = self._entries.get(station_id)
        return entry.version if entry else 0

    def covered(self, station_id: str) -> list[Range]:
        entry = self._entries.get(station_id)
        return list(entry.covered) if entry else []

    def missing(self, station_id: str, t0: float, t1: float) -> list[Range]:
        """Parts of [t0, t1] not yet fetched, oldest first."""
        gaps: list[Range] = []
        cursor = t0
        for a, b in self.covered(station_id):
            if b < cursor:
                continue
            if a > t1:
                break
            if a - cursor >= self.step_s:
                gaps.append((cursor, a))
            cursor = max(cursor, b)
        if t1 - cursor >= self.step_s:
            gaps.append((cursor, t1))
        return gaps

    def put(self, station_id: str, t0: float, t1: float, t: np.ndarray, v: np.ndarray) -> None:
        """Store readings fetched for [t0, t1] (the range counts as covered even where the
        backend had no reading: an empty night is an answer, not a reason to refetch)."""
        entry = self._entries.setdefault(station_id, _Entry())
        t = np.asarray(t, dtype=np.float64)
        v = np.asarray(v, dtype=np.float64)
        if len(t):
            entry.t, entry.v = _merged(entry.t, entry.v, t, v)
            entry.version += 1
        entry.covered = _merge([*entry.covered, (t0, t1)], self.step_s / 2)
        self._entries.move_to_end(station_id)
        self._evict(keep_id=station_id)

    def get(self, station_id: str, t0: float, t1: float) -> tuple[np.ndarray, np.ndarray]:
        """Cached readings in [t0, t1] (views; do not modify)."""
        entry = self._entries.get(station_id)
        if entry is None:
            return np.empty(0), np.empty(0)
        self._entries.move_to_end(station_id)
        i0 = np.searchsorted(entry.t, t0, side="left")
        i1 = np.searchsorted(entry.t, t1, side="right")
        return entry.t[i0:i1], entry.v[i0:i1]

    def drop(self, station_id: str) -> None:
        self._entries.pop(station_id, None)

    def _evict(self, keep_id: str) -> None:
        total = self.points
        for sid in list(self._entries):
            if total <= self.max_points:
                break
            if sid == keep_id:
                continue
            total -= len(self._entries.pop(sid).t)
