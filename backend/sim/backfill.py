"""Older vessel history, written after the backend has started serving.

A new world's 24 h of VMS history is ~38,000 fixes for the demo fleet: computing and
writing them took ~0.35 s of the backend's ~2 s start-up, while a console's first
picture needs only the last hours of it (its tails: 4 fixes at 2 h). So a backend that
serves the world itself seeds it with `Simulator.bootstrap(defer_older_history=True)`:
the recent `RECENT_HISTORY_H` are written at once and the older span is recorded as
pending (meta `history_pending`, in the same transaction). The process that runs the
simulator writes that span `START_AFTER_S` later, past a console's first requests, or
at once when a request needs it.

No reader sees the hole: `wait_for_history` holds a track read that reaches into the
pending span until it is written, in any process (the pending span is in the
database). A backend stopped before the backfill leaves the span pending, and the next
one to run the simulator writes it (fixes are functions of time, and positions are
upserted: writing a span twice changes nothing).
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
WAIT_S = 30.0  # how long a track read waits for the span before answering 503
POLL_S = 0.05  # how often a process that does not write the span looks again

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
    soon as `urge` is called. `done` is set once the span is committed."""

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

    def stop(self, timeout: float) -> None:
        """Leave the span pending if it is not written yet (the next leader writes it)."""
        self._stop.set()
        self._urgent.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        self._urgent.wait(START_AFTER_S)
        if self._stop.is_set():
            return
        began = time.perf_counter()
        try:
            rows = self._compute(*self.span)
            if self._stop.is_set():
                return
            with self._store.write() as tx:
                tx.insert_positions(rows)
                tx.delete_meta(PENDING_KEY)
        except Exception:
            log.exception("writing the older vessel history failed; the span stays pending")
            return
        self.done.set()
        log.info("older vessel history written: %d fixes in %.2f s", len(rows),
                 time.perf_counter() - began)


def wait_for_history(store: Store, t0: float, t1: float, local: HistoryBackfill | None,
                     timeout_s: float = WAIT_S) -> bool:
    """True once every vessel fix a read of [t0, t1] would return is stored (at once
    unless the read reaches into the pending span); False after `timeout_s`. `local`:
    this process's backfill, if it runs the simulator (urged and awaited); otherwise
    the process that does writes the span and this one looks again every POLL_S."""
    span = pending_span(store)
    if span is None or not overlaps(span, t0, t1):
        return True
    if local is not None:
        local.urge()
        return local.done.wait(timeout_s)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        time.sleep(POLL_S)
        if pending_span(store) is None:
            return True
    return False
