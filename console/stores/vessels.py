"""The live fleet on the GUI thread: a `VesselTable` that says when it changed.

The columns, the merge rules and the tails are the table's (console/stores/
vessel_table.py, Qt-free, shared with the backend's alert judge); this class adds the
one signal every view and rule listens to. Lives on the GUI thread; `apply` receives
parsed `Vessel` records (or a `VesselBatch`) from a worker.

Signals:
- `changed(VesselChange)`: one per write; a list of the ids whose latest fix or
  attributes changed, with their store rows in `.rows` (empty when only tails changed).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from PySide6.QtCore import QObject, Signal

from console.live.timers import timer
from console.model.vessel import Vessel
from console.model.vessel_batch import VesselBatch
from console.stores.vessel_table import VesselChange, VesselTable

__all__ = ["ChunkedApply", "VesselChange", "VesselStore"]


class VesselStore(QObject, VesselTable):
    changed = Signal(object)  # VesselChange; `object` passes it by reference (a `list`
    # signal copies and converts it for every receiver: 2 ms for 2,000 ids and 5 slots)

    def __init__(self, tail_length: int = 12, parent: QObject | None = None) -> None:
        QObject.__init__(self, parent)
        VesselTable.__init__(self, tail_length)

    def apply(self, items: Iterable[Vessel]) -> VesselChange:
        """`VesselTable.apply`, then `changed` when any vessel changed."""
        change = VesselTable.apply(self, items)
        if change:
            self.changed.emit(change)
        return change

    def show_frame(
        self,
        rows: np.ndarray,
        columns: dict[str, np.ndarray],
        records: dict[int, Vessel],
        tails: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None,
    ) -> VesselChange:
        """`VesselTable.show_frame` (replay), then `changed` once, for `rows`."""
        change = VesselTable.show_frame(self, rows, columns, records, tails)
        self.changed.emit(change)
        return change

    def seed_tails(self, vessel_id: str, t: np.ndarray, lon: np.ndarray, lat: np.ndarray) -> bool:
        """Emits `changed` with no ids (no latest fix changed; the tails did)."""
        seeded = VesselTable.seed_tails(self, vessel_id, t, lon, lat)
        if seeded:
            self.changed.emit(VesselChange())
        return seeded

    def seed_tails_grouped(
        self, vessel_ids: Sequence[str], t: np.ndarray, lon: np.ndarray, lat: np.ndarray
    ) -> None:
        VesselTable.seed_tails_grouped(self, vessel_ids, t, lon, lat)
        self.changed.emit(VesselChange())

    def seed_tails_bulk(
        self, rows: np.ndarray, t: np.ndarray, x: np.ndarray, y: np.ndarray
    ) -> None:
        VesselTable.seed_tails_bulk(self, rows, t, x, y)
        self.changed.emit(VesselChange())


class ChunkedApply(QObject):
    """Feeds a large batch into `VesselStore.apply` in chunks, one per event-loop turn,
    so a 20,000-fix page never blocks the GUI thread for its whole length (each chunk
    is store + rules + redraw marking for `chunk` vessels). Order is preserved; call it
    from the GUI thread in place of `store.apply`."""

    def __init__(self, store: VesselStore, chunk: int = 2000, parent: QObject | None = None):
        from collections import deque


        super().__init__(parent)
        self.store = store
        self.chunk = chunk
        self._queue: deque[Sequence[Vessel]] = deque()
        self._timer = timer(self, 0, self._step, single_shot=True)

    def __call__(self, items: Iterable[Vessel]) -> None:
        batch = items if isinstance(items, VesselBatch) else list(items)
        # the first page goes in whole: start-up readiness (first data, tails seeding)
        # expects the fleet to be in the store once the feed reports its first page
        if (len(batch) <= self.chunk or len(self.store) == 0) and not self._queue:
            self.store.apply(batch)
            return
        for i in range(0, len(batch), self.chunk):
            self._queue.append(batch[i : i + self.chunk])
        if not self._timer.isActive():
            self._timer.start()

    @property
    def pending(self) -> int:
        return sum(len(c) for c in self._queue)

    def _step(self) -> None:
        if self._queue:
            self.store.apply(self._queue.popleft())
        if self._queue:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._queue.clear()
