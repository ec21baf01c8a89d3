"""The fleet as numpy columns: latest fix per vessel, the sources it reports through, and
a bounded track tail per vessel.

Why apart from the Qt store (console/stores/vessels.py): the backend judges the vessel
alerts (console/rules/vessel_judge.py) over the very same columns, filled by the very
same `apply`, in a process without Qt. Memory is bounded by configuration: `tail_length`
fixes per vessel in ring buffers (N x K arrays), so a fleet of N vessels costs O(N*K)
whatever the run time. The table owns its arrays: every write goes through a method
here; readers use the arrays read-only, and `tail_grid` for the ring buffers' order.
Not thread-safe: one owner (the GUI thread's store, the backend's alert thread).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence

import numpy as np

from console.geo.crs import lonlat_to_map
from console.model.freshness import SOURCE_BITS, FreshnessPolicy, VesselSource
from console.model.vessel import Vessel
from console.model.vessel_batch import VesselBatch


def _newest_per_id(ids: list[str], fix_time: np.ndarray) -> np.ndarray:
    """Positions keeping one fix per id: the newest (the later one on a tie), in order."""
    best: dict[str, int] = {}
    for k, vessel_id in enumerate(ids):
        j = best.get(vessel_id)
        if j is None or fix_time[k] >= fix_time[j]:
            best[vessel_id] = k
    return np.asarray(sorted(best.values()), dtype=np.int64)


class VesselChange(list[str]):
    """The payload of `VesselStore.changed`: the changed vessel ids (a list, so a slot
    may treat it as one) and `rows`, their rows in the store's arrays, in the same order.
    Rules and layers read the rows from here rather than asking the store afterwards."""

    __slots__ = ("rows",)

    def __init__(self, ids: Iterable[str] = (), rows: np.ndarray | None = None) -> None:
        super().__init__(ids)
        self.rows = np.empty(0, dtype=np.int64) if rows is None else rows


class VesselTable:
    """The fleet as columns: latest fix per vessel, sources, and track tails."""

    def __init__(self, tail_length: int = 12) -> None:
        if tail_length < 1:
            raise ValueError("tail_length must be >= 1")
        self.tail_length = tail_length
        self._records: list[Vessel] = []
        self._index: dict[str, int] = {}
        self._capacity = 0
        self.present: tuple[VesselSource, ...] = (VesselSource.VMS,)  # sources seen so far
        self._allocate(1024)
        self.received_at = np.empty(0)

    # --- storage --------------------------------------------------------------------------

    def _allocate(self, capacity: int) -> None:
        """Grow the column arrays (amortised doubling) keeping existing rows."""
        k = self.tail_length

        def grow(old: np.ndarray | None, shape: tuple[int, ...], fill: float) -> np.ndarray:
            new = np.full(shape, fill, dtype=np.float64)
            if old is not None:
                new[: old.shape[0]] = old
            return new

        first = self._capacity == 0
        self.x = grow(None if first else self.x, (capacity,), np.nan)
        self.y = grow(None if first else self.y, (capacity,), np.nan)
        self.fix_time = grow(None if first else self.fix_time, (capacity,), np.nan)
        self.course = grow(None if first else self.course, (capacity,), 0.0)
        self.speed = grow(None if first else self.speed, (capacity,), 0.0)
        self.length_m = grow(None if first else self.length_m, (capacity,), 0.0)
        self._recv = grow(None if first else self._recv, (capacity,), np.nan)
        in_port = np.zeros(capacity, dtype=bool)
        tail_len = np.zeros(capacity, dtype=np.int32)
        tail_head = np.full(capacity, -1, dtype=np.int32)
        sources = np.zeros(capacity, dtype=np.uint8)  # bit 1 << VesselSource per source
        mmsi = np.zeros(capacity, dtype=np.int64)  # 0: no AIS identity known
        if not first:
            in_port[: self._capacity] = self.in_port
            tail_len[: self._capacity] = self.tail_len
            tail_head[: self._capacity] = self.tail_head
            sources[: self._capacity] = self.sources
            mmsi[: self._capacity] = self.mmsi
        self.in_port, self.tail_len, self.tail_head = in_port, tail_len, tail_head
        self.sources, self.mmsi = sources, mmsi
        # each source's last fix time per vessel: its staleness is judged by its own rhythm
        self.source_time = grow(
            None if first else self.source_time, (capacity, len(VesselSource)), np.nan
        )
        self.tail_x = grow(None if first else self.tail_x, (capacity, k), np.nan)
        self.tail_y = grow(None if first else self.tail_y, (capacity, k), np.nan)
        self.tail_t = grow(None if first else self.tail_t, (capacity, k), np.nan)
        self._capacity = capacity

    def __len__(self) -> int:
        return len(self._records)

    def get(self, vessel_id: str) -> Vessel | None:
        row = self._index.get(vessel_id)
        return None if row is None else self._records[row]

    def at(self, row: int) -> Vessel:
        return self._records[row]

    def row_of(self, vessel_id: str) -> int | None:
        return self._index.get(vessel_id)

    def records(self) -> list[Vessel]:
        return list(self._records)

    def _rows_of(self, vessel_ids: Sequence[str]) -> np.ndarray:
        """The row of each id, -1 where the vessel is not known."""
        return np.fromiter((self._index.get(v, -1) for v in vessel_ids), dtype=np.int64,
                           count=len(vessel_ids))

    def not_ahead(self, vessel_ids: Sequence[str], t: np.ndarray) -> np.ndarray:
        """Which fixes (vessel id, time) are no newer than their vessel's latest fix here
        (True where there is nothing to compare: an unknown vessel, one with no fix)."""
        rows = self._rows_of(vessel_ids)
        latest = np.full(len(rows), np.inf)
        known = rows >= 0
        latest[known] = self.fix_time[rows[known]]
        return ~(np.asarray(t) > np.nan_to_num(latest, nan=np.inf))

    def columns(self) -> dict[str, np.ndarray]:
        """Views of the live rows (no copy): x, y, fix_time, course, speed, in_port."""
        n = len(self._records)
        return {
            "x": self.x[:n],
            "y": self.y[:n],
            "fix_time": self.fix_time[:n],
            "course": self.course[:n],
            "speed": self.speed[:n],
            "in_port": self.in_port[:n],
            "length_m": self.length_m[:n],
        }

    def states(self, now: float, policy: FreshnessPolicy, rows: np.ndarray | None = None):
        """`VmsState` codes of `rows` (all when None) under `policy`, each vessel judged by
        the rhythm of the sources it reports through (DESIGN: thresholds per source)."""
        sel: slice | np.ndarray = slice(0, len(self._records)) if rows is None else rows
        return policy.classify(
            now, self.fix_time[sel], self.in_port[sel], self.source_time[sel], self.present
        )

    # --- ingest ---------------------------------------------------------------------------

    def apply(self, items: Iterable[Vessel]) -> VesselChange:
        """Merge a batch of latest fixes. A fix older than what we hold is ignored (a
        late, out-of-order delivery must not move a vessel backwards); an identical
        record is not a change. Vectorised: pass a `VesselBatch` (built on the worker)
        and the GUI thread does no per-field Python work."""
        batch = items if isinstance(items, VesselBatch) else VesselBatch.of(list(items))
        if len(batch) == 0:
            return VesselChange()
        ids = [v.id for v in batch.records]
        if len(set(ids)) != len(ids):
            batch = batch.take(_newest_per_id(ids, batch.fix_time))
            ids = [v.id for v in batch.records]
        rows = np.fromiter((self._index.get(i, -1) for i in ids), np.int64, len(ids))
        known = rows >= 0
        old_t = np.full(len(ids), np.nan)
        old_t[known] = self.fix_time[rows[known]]
        keep = ~known | (batch.fix_time > old_t)
        for k in np.flatnonzero(batch.fix_time == old_t).tolist():  # same fix time
            keep[k] = self._records[int(rows[k])] != batch.records[k]
        for k in np.flatnonzero(~known).tolist():
            rows[k] = self._add_row(batch.records[k])
        self._note_sources(rows, batch)
        kept = np.flatnonzero(keep)
        if len(kept) == 0:
            return VesselChange()
        rows = rows[kept]
        records = self._records
        for k, row in zip(kept.tolist(), rows.tolist(), strict=True):
            records[row] = batch.records[k]
        self._write_rows(rows, batch.take(kept) if len(kept) < len(batch) else batch)
        return VesselChange([ids[k] for k in kept.tolist()], rows)

    def _note_sources(self, rows: np.ndarray, batch: VesselBatch) -> None:
        """Each fix's source time and bit, and its MMSI. Also for a fix whose position is
        older than what we hold (AIS behind a fresher VMS fix): that source still spoke."""
        if batch.source is None:
            source = np.zeros(len(rows), dtype=np.int64)
        else:
            source = batch.source.astype(np.int64, copy=False)
            seen = tuple(VesselSource(int(s)) for s in np.unique(source))
            if set(seen) - set(self.present):
                self.present = tuple(sorted(set(self.present) | set(seen)))
        cell = self.source_time[rows, source]
        self.source_time[rows, source] = np.fmax(cell, batch.fix_time)
        self.sources[rows] |= SOURCE_BITS[source]
        if batch.mmsi is not None:
            has = batch.mmsi > 0
            self.mmsi[rows[has]] = batch.mmsi[has]

    def _add_row(self, vessel: Vessel) -> int:
        row = len(self._records)
        if row >= self._capacity:
            self._allocate(self._capacity * 2)
        self._index[vessel.id] = row
        self._records.append(vessel)
        return row

    def _write_rows(self, rows: np.ndarray, batch: VesselBatch) -> None:
        t = batch.fix_time
        new_fix = ~(self.fix_time[rows] == t)  # NaN (first fix) counts as new
        self.x[rows], self.y[rows], self.fix_time[rows] = batch.x, batch.y, t
        self.course[rows] = batch.course
        self.speed[rows] = batch.speed
        self.in_port[rows] = batch.in_port
        self.length_m[rows] = batch.length_m
        self._recv[rows] = time.time()
        self._push_tail(rows[new_fix], batch.x[new_fix], batch.y[new_fix], t[new_fix])

    def _push_tail(self, rows: np.ndarray, x: np.ndarray, y: np.ndarray, t: np.ndarray) -> None:
        head = (self.tail_head[rows] + 1) % self.tail_length
        self.tail_head[rows] = head
        self.tail_x[rows, head] = x
        self.tail_y[rows, head] = y
        self.tail_t[rows, head] = t
        self.tail_len[rows] = np.minimum(self.tail_len[rows] + 1, self.tail_length)

    def show_frame(
        self,
        rows: np.ndarray,
        columns: dict[str, np.ndarray],
        records: dict[int, Vessel],
        tails: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None,
    ) -> VesselChange:
        """Replay: overwrite `rows` (existing rows) with the state at the cursor, without
        the time-order check of `apply` (a slider moves the fleet backwards too).
        `columns` holds x, y, fix_time, speed, course, in_port and length_m for `rows`
        (NaN position: no fix yet); `records` the rows that have a fix; `tails` optional
        (rows, t, x, y) as for `seed_tails_bulk`. The change names `rows`."""
        if len(rows):
            for name in ("x", "y", "fix_time", "speed", "course", "in_port", "length_m"):
                getattr(self, name)[rows] = columns[name]
            self.source_time[rows, VesselSource.VMS] = columns["fix_time"]
        for row, vessel in records.items():
            self._records[row] = vessel
        if tails is not None:
            self._seed_tails_bulk(*tails)
        return VesselChange([self._records[r].id for r in rows.tolist()], rows)

    def seed_tails(self, vessel_id: str, t: np.ndarray, lon: np.ndarray, lat: np.ndarray) -> bool:
        """Fill a vessel's tail from fetched history (oldest first), keeping the newest K.
        False when the vessel is unknown or the history empty."""
        return self._seed_tail(vessel_id, t, lon, lat)

    def seed_tails_grouped(
        self, vessel_ids: Sequence[str], t: np.ndarray, lon: np.ndarray, lat: np.ndarray
    ) -> None:
        """`seed_tails` for many vessels from columns grouped by vessel (a fleet track
        page, oldest first within a vessel); one `changed` for all of them. Projected
        and written in whole arrays: the console's first picture waits for this (one
        projection per vessel took ~40 ms of start-up for the demo fleet)."""
        ids = np.asarray(vessel_ids)
        if len(ids) == 0:
            return
        bounds = np.flatnonzero(ids[1:] != ids[:-1]) + 1
        starts = np.r_[0, bounds]
        ends = np.r_[bounds, len(ids)]
        found = self._rows_of(ids[starts].tolist())
        known = found >= 0
        if not known.any():
            return
        rows, ends = found[known], ends[known]
        counts = np.minimum(ends - starts[known], self.tail_length)  # the newest K of each
        first = np.repeat(ends - counts, counts)  # where each kept vessel's fixes begin
        slot = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        source = first + slot
        x, y = lonlat_to_map(np.asarray(lon)[source], np.asarray(lat)[source])
        at = (np.repeat(rows, counts), slot)
        self.tail_x[at], self.tail_y[at], self.tail_t[at] = x, y, np.asarray(t)[source]
        self.tail_len[rows] = counts
        self.tail_head[rows] = counts - 1

    def _seed_tail(self, vessel_id: str, t: np.ndarray, lon: np.ndarray, lat: np.ndarray) -> bool:
        row = self._index.get(vessel_id)
        if row is None or len(t) == 0:
            return False
        k = self.tail_length
        t, lon, lat = t[-k:], lon[-k:], lat[-k:]
        x, y = lonlat_to_map(lon, lat)
        n = len(t)
        self.tail_x[row, :n], self.tail_y[row, :n], self.tail_t[row, :n] = x, y, t
        self.tail_len[row] = n
        self.tail_head[row] = n - 1
        return True

    def seed_tails_bulk(
        self, rows: np.ndarray, t: np.ndarray, x: np.ndarray, y: np.ndarray
    ) -> None:
        """Replace the tails of many rows at once from (m, K) arrays in map coordinates,
        oldest..newest, NaN where a vessel has fewer than K fixes (leading NaNs)."""
        self._seed_tails_bulk(rows, t, x, y)

    def _seed_tails_bulk(
        self, rows: np.ndarray, t: np.ndarray, x: np.ndarray, y: np.ndarray
    ) -> None:
        k = self.tail_length
        if t.shape[1] != k:
            raise ValueError(f"expected {k} fixes per row, got {t.shape[1]}")
        valid = np.isfinite(t)
        self.tail_t[rows], self.tail_x[rows], self.tail_y[rows] = t, x, y
        self.tail_len[rows] = valid.sum(axis=1)
        self.tail_head[rows] = k - 1

    # --- derived views --------------------------------------------------------------------

    def tail_grid(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Tails of `rows` as (m, K) arrays oldest..newest (x, y) plus a validity mask:
        the ring buffers' order, so no reader repeats the index arithmetic."""
        k = self.tail_length
        if len(rows) == 0:
            return np.empty((0, k)), np.empty((0, k)), np.empty((0, k), dtype=bool)
        offsets = np.arange(k)
        order = (self.tail_head[rows][:, None] - (k - 1) + offsets[None, :]) % k
        valid = offsets[None, :] >= (k - self.tail_len[rows][:, None])
        r = rows[:, None]
        return self.tail_x[r, order], self.tail_y[r, order], valid

    def tail_polylines(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """All tails as one polyline with a `connect` array (pyqtgraph style): x, y and
        connect[i] True when point i joins point i+1 (same vessel)."""
        n = len(self._records)
        if n == 0:
            return np.empty(0), np.empty(0), np.empty(0, dtype=bool)
        grid_x, grid_y, valid = self.tail_grid(np.arange(n))
        xs, ys = grid_x[valid], grid_y[valid]
        # connect within a vessel: next point is valid and belongs to the same row
        connect_grid = valid.copy()
        connect_grid[:, -1] = False
        connect = connect_grid[valid]
        return xs, ys, connect
