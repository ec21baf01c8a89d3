"""Older history, written after the backend has started serving.

A new world's history (24 h of VMS fixes, ~38,000 for the demo fleet; 7 days of gauge
readings, ~103,000) took ~0.5 s of the backend's ~2 s start-up to compute and write,
while a console's first picture needs only the last hours of it: its track tails (4
fixes at 2 h) and the stations' 24 h sums. So a backend that serves the world itself
seeds it with `Simulator.bootstrap(defer_older_history=True)`: the last `RECENT_H`
hours of each history table are written at once and the older span of each is recorded
as pending (meta `history_pending`, in the same transaction). The process that runs the
simulator writes those spans `START_AFTER_S` later, past a console's first requests, or
at once when a request needs one (that table first). It writes `CHUNK_S` of sim time per
transaction, newest first, and moves the pending span's end below each chunk in the same
transaction: the tick and other writers wait for one chunk at most (a 30,000-vessel
fleet's whole span is ~3 s of work), the meta key always says exactly what is missing,
and what is stored always runs unbroken up to now (backend/sim/history.py generates the
readings older than the oldest stored one, exactly as they would be stored).

No reader sees a hole: `wait_for_history` holds a read that reaches into a pending span
until it is written, in any process (the pending spans are in the database). A backend
stopped before the backfill leaves the spans pending, and the next one to run the
simulator writes them (history is a function of time, and rows are upserted: writing a
span twice changes nothing). A failed chunk is tried again.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Sequence

from backend.db import Store

log = logging.getLogger(__name__)

PENDING_KEY = "history_pending"
POSITIONS, OBSERVATIONS = "positions", "observations"
RECENT_H = {
    POSITIONS: 8.0,  # a console's track tails (4 VMS fixes at 2 h)
    OBSERVATIONS: 26.0,  # the stations' summaries read the last 25 h (backend/summaries.py)
}
START_AFTER_S = 3.0  # real seconds after the simulator starts: past a console's first page
CHUNK_S = 2 * 3600.0  # sim seconds of history per transaction
WAIT_S = 8.0  # a read's wait before 503: within a console's 10 s read timeout
POLL_S = 0.05  # how often a reader looks at the pending spans again
RETRY_S = (1.0, 60.0)  # first and longest pause before trying a failed chunk again

Span = tuple[float, float]  # rows with t0 < t <= t1
Rows = Sequence[tuple]
# (t0, t1) -> the table's rows with t0 < t <= t1, and the writer that stores them
Filler = tuple[Callable[[float, float], Rows], Callable[[object, Rows], None]]


def pending_spans(store: Store) -> dict[str, Span]:
    """The span of each history table not written yet (none: everything is there)."""
    text = store.meta(PENDING_KEY)
    if text is None:
        return {}
    found = json.loads(text)
    if isinstance(found, list):  # the first form of the key: the vessel fixes' span alone
        found = {POSITIONS: found}
    return {table: (float(t0), float(t1)) for table, (t0, t1) in found.items()}


def overlaps(span: Span, t0: float, t1: float) -> bool:
    """Whether a read of [t0, t1] would return rows from the pending `span`."""
    return t0 <= span[1] and t1 > span[0]


def encode(spans: dict[str, Span]) -> str:
    return json.dumps({table: list(span) for table, span in spans.items()})


class HistoryBackfill:
    """Writes the pending spans on its own thread: `START_AFTER_S` after `start`, or as
    soon as `urge` is called. `done` is set once all of them are committed. `fillers`
    computes and stores the rows of each table."""

    def __init__(self, store: Store, spans: dict[str, Span],
                 fillers: dict[str, Filler]) -> None:
        self.spans = dict(spans)
        self.done = threading.Event()
        self._store = store
        self._fillers = fillers
        self._urgent = threading.Event()
        self._wanted: list[str] = []  # tables readers wait for, the first first
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="history-backfill",
                                        daemon=True)

    def start(self) -> None:
        self._thread.start()

    def urge(self, table: str) -> None:
        """A reader needs this table's span: write it now, then the others."""
        if table not in self._wanted:
            self._wanted.append(table)
        self._urgent.set()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def stop(self, timeout: float) -> None:
        """Leave what is not written yet pending (the next leader writes it)."""
        self._stop.set()
        self._urgent.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        self._urgent.wait(START_AFTER_S)
        began, written = time.perf_counter(), 0
        pause = RETRY_S[0]
        while self.spans and not self._stop.is_set():
            table = next((t for t in self._wanted if t in self.spans), next(iter(self.spans)))
            start, t1 = self.spans[table]
            t0 = max(start, t1 - CHUNK_S)
            compute, store_rows = self._fillers[table]
            left = dict(self.spans)
            if t0 > start:
                left[table] = (start, t0)
            else:
                del left[table]
            try:
                rows = compute(t0, t1)
                if self._stop.is_set():
                    return
                with self._store.write() as tx:
                    store_rows(tx, rows)
                    if left:
                        tx.set_meta(PENDING_KEY, encode(left))
                    else:
                        tx.delete_meta(PENDING_KEY)
            except Exception:
                log.exception("writing older %s failed; trying again in %.0f s", table, pause)
                self._stop.wait(pause)
                pause = min(pause * 2, RETRY_S[1])
                continue
            self.spans, written = left, written + len(rows)
        if not self.spans:
            self.done.set()
            log.info("older history written: %d rows in %.2f s", written,
                     time.perf_counter() - began)


def wait_for_history(store: Store, table: str, t0: float, t1: float,
                     local: HistoryBackfill | None, timeout_s: float = WAIT_S) -> bool:
    """True once every row of `table` a read of [t0, t1] would return is stored (at
    once unless the read reaches into the table's pending span); False after
    `timeout_s`. `local`: this process's backfill, if it runs the simulator: urged, so
    that it starts now. Whoever writes the span, the reader looks at it again every
    POLL_S (a backfill of another process, or one that stopped, leaves no event to
    wait for)."""
    def needed() -> bool:
        span = pending_spans(store).get(table)
        return span is not None and overlaps(span, t0, t1)

    if not needed():
        return True
    if local is not None and local.alive:
        local.urge(table)
    deadline = time.monotonic() + timeout_s
    while (remaining := deadline - time.monotonic()) > 0:
        if local is not None and local.done.wait(min(POLL_S, remaining)):
            return True
        if local is None or not local.alive:
            time.sleep(min(POLL_S, remaining))
        if not needed():
            return True
    return False
