"""Older vessel history, written after the backend has started serving.

A new world's 24 h of VMS history is ~38,000 fixes for the demo fleet: computing and
writing them took ~0.35 s of the backend's ~2 s start-up, while a console's first
picture needs only the last hours of it (its tails: 4 fixes at 2 h). So a backend that
serves the world itself seeds it with `Simulator.bootstrap(defer_older_history=True)`:
the recent `RECENT_HISTORY_H` are written at once and the older span is recorded as
pending (meta `history_pending`, in the same transaction). The process that runs the
simulator writes that span `START_AFTER_S` later, past a console's first requests, or
at once when a request needs it. It writes `CHUNK_S` of sim time per transaction, oldest
first, and moves the pending span's start past each chunk in the same transaction: the
tick and other writers wait for one chunk at most (a 30,000-vessel fleet's whole span
is ~3 s of work), and the meta key always says exactly what is missing.

No reader sees the hole: `wait_for_history` holds a track read that reaches into the
pending span until it is written, in any process (the pending span is in the
database). A backend stopped before the backfill leaves the span pending, and the next
one to run the simulator writes it (fixes are functions of time, and positions are
upserted: writing a span twice changes nothing). A failed chunk is tried again.
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
RECENT_HISTORY_H = 8.0  # written before serving: a console's tails (4 VMS fixes at 2 h)
START_AFTER_S = 3.0  # real seconds after the simulator starts: past a console's first page
CHUNK_S = 2 * 3600.0  # sim seconds of history per transaction
WAIT_S = 8.0  # a track read's wait before 503: within a console's 10 s read timeout
POLL_S = 0.05  # how often a reader looks at the pending span again
RETRY_S = (1.0, 60.0)  # first and longest pause before trying a failed chunk again

PositionRows = Sequence[tuple[int, float, float, float, float, float]]
Span = tuple[float, float]  # fixes with t0 < t <= t1


def pending_span(store: Store) -> Span | None:
    """The span of vessel history not written yet, if any."""
    text = store.meta(PENDING_KEY)
    if text is None:
        return None
    t0, t1 = json.loads(text)
    return float(t0), float(t1)


def overlaps(span: Span, t0: float, t1: float) -> bool:
    """Whether a read of [t0, t1] would return fixes from the pending `span`."""
    return t0 <= span[1] and t1 > span[0]


class HistoryBackfill:
    """Writes the pending span on its own thread: `START_AFTER_S` after `start`, or as
    soon as `urge` is called. `done` is set once all of it is committed. `compute(t0,
    t1)` gives the position rows of the fixes with t0 < t <= t1."""

    def __init__(self, store: Store, span: Span,
                 compute: Callable[[float, float], PositionRows]) -> None:
        self.span = span
        self.done = threading.Event()
        self._store = store
        self._compute = compute
        self._urgent = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="history-backfill",
                                        daemon=True)

    def start(self) -> None:
        self._thread.start()

    def urge(self) -> None:
        """A reader needs the span: write it now."""
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
        t0, end = self.span
        pause = RETRY_S[0]
        while t0 < end and not self._stop.is_set():
            t1 = min(t0 + CHUNK_S, end)
            try:
                rows = self._compute(t0, t1)
                if self._stop.is_set():
                    return
                with self._store.write() as tx:
                    tx.insert_positions(rows)
                    if t1 < end:
                        tx.set_meta(PENDING_KEY, json.dumps([t1, end]))
                    else:
                        tx.delete_meta(PENDING_KEY)
            except Exception:
                log.exception("writing older vessel history failed; trying again in %.0f s",
                              pause)
                self._stop.wait(pause)
                pause = min(pause * 2, RETRY_S[1])
                continue
            t0, written = t1, written + len(rows)
        if t0 >= end:
            self.done.set()
            log.info("older vessel history written: %d fixes in %.2f s", written,
                     time.perf_counter() - began)


def wait_for_history(store: Store, t0: float, t1: float, local: HistoryBackfill | None,
                     timeout_s: float = WAIT_S) -> bool:
    """True once every vessel fix a read of [t0, t1] would return is stored (at once
    unless the read reaches into the pending span); False after `timeout_s`. `local`:
    this process's backfill, if it runs the simulator: urged, so that it starts now.
    Whoever writes the span, the reader looks at it again every POLL_S (a backfill of
    another process, or one that stopped, leaves no event to wait for)."""
    span = pending_span(store)
    if span is None or not overlaps(span, t0, t1):
        return True
    if local is not None and local.alive:
        local.urge()
    deadline = time.monotonic() + timeout_s
    while (remaining := deadline - time.monotonic()) > 0:
        if local is not None and local.done.wait(min(POLL_S, remaining)):
            return True
        if local is None or not local.alive:
            time.sleep(min(POLL_S, remaining))
        span = pending_span(store)
        if span is None or not overlaps(span, t0, t1):
            return True
    return False
