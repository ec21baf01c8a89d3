"""Records what the console receives into an archive file, continuously.

The recorder subscribes to the stores' `changed(ids)` signals (and the alert inbox's
`changed()`, the storm watch's `bulletin_changed(bulletin)`), copies the changed records
on the GUI thread (cheap: frozen dataclasses, no I/O) into a `Batch`, and hands it to
one writer thread through a queue. The writer thread owns the SQLite connection and
writes one small transaction per batch, so the GUI thread never touches the disk. One
dedicated thread (not the shared job runner): batches must be written in order and none
may be dropped, which the runner's latest-wins keys would not guarantee.

Signals (emitted from the writer thread; Qt queues them to GUI-thread receivers):
- `failed(str)`: the archive could not be written (disk full, permissions); the
  recorder stops writing and says why.
- `flushed(int)`: total batches written so far (after each batch).
"""

from __future__ import annotations

import logging
import queue
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from console.archive.writer import ArchiveWriter, Batch

log = logging.getLogger(__name__)
_STOP = object()


def alert_row(a: Any) -> tuple:
    """An inbox `Alert` as a row of the archive's `alerts` table."""
    return (
        a.id,
        a.key,
        a.source,
        a.severity,
        str(a.title),  # rendered: the archive keeps what the operator read
        str(a.message),
        a.raised_at,
        a.cleared_at,
        a.item_id,
        a.lon,
        a.lat,
        a.ack_by,
        a.ack_at,
    )


class Recorder(QObject):
    failed = Signal(str)
    flushed = Signal(int)

    def __init__(
        self,
        path: str | Path,
        vessels: Any,
        stations: Any,
        incidents: Any,
        cameras: Any,
        inbox: Any | None = None,
        storm: Any | None = None,
        retention_s: float | None = 7 * 86400.0,
        max_bytes: int | None = 2 * 1024**3,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._stores = {
            "vessels": vessels,
            "stations": stations,
            "incidents": incidents,
            "cameras": cameras,
        }
        self._inbox = inbox
        self._storm = storm  # console.storm.watch.StormWatch (bulletin, bulletin_changed)
        self._alerts_sent: dict[int, tuple] = {}
        self._queue: queue.Queue[Any] = queue.Queue()
        self._limits = (retention_s, max_bytes)
        self._connections: list[tuple[Any, Any]] = []
        self._thread: threading.Thread | None = None
        self.batches_written = 0
        self.error: str | None = None

    # --- GUI thread -----------------------------------------------------------------------

    def start(self, meta: dict[str, str] | None = None) -> None:
        """Open the file (on the writer thread), write a snapshot of what the stores hold
        now, then follow their changes."""
        self._thread = threading.Thread(target=self._run, name="archive-writer", daemon=True)
        self._thread.start()
        snapshot = Batch(meta=dict(meta or {}))
        for kind, store in self._stores.items():
            getattr(snapshot, kind).extend(store.records())
            slot = self._slot(kind)
            store.changed.connect(slot)
            self._connections.append((store.changed, slot))
        if self._inbox is not None:
            self._inbox.changed.connect(self._on_alerts)
            self._connections.append((self._inbox.changed, self._on_alerts))
            snapshot.alerts = self._changed_alerts()
        if self._storm is not None:
            self._storm.bulletin_changed.connect(self._on_bulletin)
            self._connections.append((self._storm.bulletin_changed, self._on_bulletin))
            if self._storm.bulletin is not None:
                snapshot.storms.append(self._storm.bulletin)
        self._queue.put(snapshot)

    def add_fixes(self, vessel_ids, t, lon, lat) -> None:
        """Past fixes loaded at start-up (the fleet's track history): written as fixes
        only, so a review of the archive shows the same tails the live console drew."""
        if self.error is not None or not len(t):
            return
        rows = [
            (vid, float(tt), "at_sea", float(x), float(y), None, None)
            for vid, tt, x, y in zip(vessel_ids, t.tolist(), lon.tolist(), lat.tolist(),
                                     strict=True)
        ]
        self._queue.put(Batch(fixes=rows))

    def _slot(self, kind: str):
        store = self._stores[kind]

        def on_changed(ids: list[str]) -> None:
            if not ids or self.error is not None:
                return
            records = [r for r in (store.get(i) for i in ids) if r is not None]
            self._queue.put(Batch(**{kind: records}))

        return on_changed

    def _changed_alerts(self) -> list[tuple]:
        rows = []
        for a in self._inbox.alerts():
            row = alert_row(a)
            if self._alerts_sent.get(a.id) != row:
                self._alerts_sent[a.id] = row
                rows.append(row)
        return rows

    def _on_alerts(self) -> None:
        if self.error is None:
            rows = self._changed_alerts()
            if rows:
                self._queue.put(Batch(alerts=rows))

    def _on_bulletin(self, bulletin: Any) -> None:
        """A new bulletin (None: the storm is over, nothing to record)."""
        if bulletin is not None and self.error is None:
            self._queue.put(Batch(storms=[bulletin]))

    def stop(self, timeout_s: float = 5.0) -> None:
        """Disconnect, write what is queued, close the file (bounded wait)."""
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections.clear()
        if self._thread is not None:
            self._queue.put(_STOP)
            self._thread.join(timeout_s)
            self._thread = None

    # --- writer thread --------------------------------------------------------------------

    def _run(self) -> None:
        try:
            writer = ArchiveWriter(self.path, *self._limits)
        except Exception as exc:
            self._fail(exc)
            return
        try:
            while True:
                batch = self._queue.get()
                if batch is _STOP:
                    break
                writer.write(batch)
                self.batches_written += 1
                self.flushed.emit(self.batches_written)
        except Exception as exc:
            self._fail(exc)
        finally:
            writer.close()

    def _fail(self, exc: Exception) -> None:
        self.error = f"{self.path}: {exc}"
        log.error("archive recording stopped: %s", self.error)
        self.failed.emit(self.error)
