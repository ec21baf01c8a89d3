"""One AIS source: a decoding process (socket or file -> lines -> pyais, see worker.py),
a reader thread here that turns its reports into `VesselBatch`es, and its health, all
delivered to the GUI thread through Qt signals.

Why a dedicated Python thread, not the JobRunner: a receiver is a stream that never
ends, not a job with a result; the runner's latest-wins pool is for requests. The
thread does what is left after decoding (identity, projection); the GUI thread only
merges finished batches into the store. Batches are handed over through a mailbox
drained once per event-loop turn: however fast the feed, the GUI thread gets one
wake-up per turn, never a backlog of queued signals (backpressure: the thread waits
when `MAX_PENDING` batches are unmerged; the pipe and the socket buffer meanwhile).
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from console.i18n import translate as _tr
from console.model.freshness import VesselSource
from console.model.vessel_batch import VesselBatch
from console.sources.ais.decode import AisCounters, AisPosition, AisStatic
from console.sources.ais.endpoint import AisEndpoint, parse_endpoint
from console.sources.ais.identity import AisIdentities, AisLinks
from console.sources.ais.worker import run_decoder

log = logging.getLogger(__name__)

MAX_PENDING = 8  # unmerged batches before the reader waits for the GUI
POLL_S = 0.2


@dataclass(frozen=True, slots=True)
class AisHealth:
    """What the status area shows for a source: counters, state and the last error."""

    name: str
    url: str
    state: str  # "connecting" | "receiving" | "error" | "finished" | "stopped"
    counters: AisCounters
    error: str = ""


class AisSource(QObject):
    """Create on the GUI thread, `start()`, connect `batch_ready` to the store (or use
    `console.sources.ais.attach`). Signals are emitted on the GUI thread:
    - `batch_ready(object)`: a `VesselBatch` of AIS fixes (one per target);
    - `health_changed(object)`: a new `AisHealth` (state change, error, ~1/s counters);
    - `first_data()`: the first position arrived (the `--screenshot` wait)."""

    batch_ready = Signal(object)
    health_changed = Signal(object)
    first_data = Signal()
    _wake = Signal()  # emitted by the reader thread; queued to the GUI thread

    def __init__(
        self,
        url: str | AisEndpoint,
        name: str = "",
        now: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.endpoint = url if isinstance(url, AisEndpoint) else parse_endpoint(url)
        self.name = name or self.endpoint.url
        # a recording's tag times are history: a replay is stamped with the clock
        self.use_tag_time = self.endpoint.scheme != "file"
        self.now = now  # the data clock fixes are stamped on (the process uses wall time)
        self.statics: dict[int, AisStatic] = {}
        self.counters = AisCounters()
        self.identities = AisIdentities(self.statics)
        self._pending_links: AisLinks | None = None
        self._mailbox: deque[VesselBatch] = deque()
        self._room = threading.Condition()
        self._stop = threading.Event()
        self.listening = threading.Event()  # udp: bound (tests send after this)
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()  # state and error between thread and GUI
        self._state = "connecting"
        self._error = ""
        self._had_data = False
        self._last_health = 0.0
        self._wake.connect(self._drain)

    # --- GUI thread -----------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name=f"ais-{self.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 2.0) -> None:
        """Stop the reader (bounded: socket waits are short) and drop unmerged batches."""
        self._stop.set()
        with self._room:
            self._mailbox.clear()
            self._room.notify_all()
        if self._thread is not None:
            self._thread.join(timeout_s)
        self._set_state("stopped")

    def set_links(self, links: AisLinks) -> None:
        """New VMS identities to match AIS targets against (picked up by the reader)."""
        self._pending_links = links

    def health(self) -> AisHealth:
        with self._lock:
            state, error = self._state, self._error
        return AisHealth(self.name, self.endpoint.url, state, self.counters.copy(), error)

    def _drain(self) -> None:
        with self._room:
            batches = list(self._mailbox)
            self._mailbox.clear()
            self._room.notify_all()
        for batch in batches:
            if len(batch):
                self.batch_ready.emit(batch)
                if not self._had_data:
                    self._had_data = True
                    self.first_data.emit()
        now = time.monotonic()
        if now - self._last_health >= 1.0:
            self._emit_health()

    def _emit_health(self) -> None:
        self._last_health = time.monotonic()
        self.health_changed.emit(self.health())

    # --- reader thread --------------------------------------------------------------------

    def _set_state(self, state: str, error: str = "") -> None:
        with self._lock:
            changed = (state, error) != (self._state, self._error)
            self._state, self._error = state, error
        if changed:
            self._wake.emit()  # the GUI side emits health_changed on its next drain
            self._last_health = 0.0

    def _run(self) -> None:
        """Start the decoding process and turn what it sends into batches until stopped
        (the process reconnects a socket by itself; a file ends)."""
        ctx = multiprocessing.get_context("spawn")  # never fork a process that runs Qt
        receive, send = ctx.Pipe(duplex=False)
        stop, ready = ctx.Event(), ctx.Event()
        process = ctx.Process(
            target=run_decoder,
            args=(self.endpoint, send, stop, ready, self.use_tag_time),
            name=f"ais-decoder-{self.name}",
            daemon=True,
        )
        try:
            process.start()
        except OSError as exc:
            self._set_state("error", self._message(exc))
            return
        send.close()
        try:
            while not self._stop.is_set():
                if ready.is_set():
                    self.listening.set()
                if not receive.poll(POLL_S):
                    if not process.is_alive():
                        if self._state not in ("finished", "error"):
                            self._set_state("error", self._message("decoder process ended"))
                        return
                    continue
                try:
                    message = receive.recv()
                except (EOFError, OSError):
                    continue  # the process ended: seen on the next turn
                self._handle(message)
        finally:
            stop.set()
            process.join(2.0)
            if process.is_alive():
                process.terminate()
                process.join(1.0)
            receive.close()

    def _message(self, reason: object) -> str:
        return _tr("AisSource", "AIS source %1: %2").replace("%1", self.name).replace(
            "%2", str(reason)
        )

    def _handle(self, message: tuple) -> None:
        kind = message[0]
        self.counters = AisCounters(*message[-1])
        if kind == "state":
            _kind, state, error, _counters = message
            if state == "error":
                log.warning("AIS source %s: %s", self.name, error)
            self._set_state(state, self._message(error) if error else "")
            return
        _kind, positions, statics, _counters = message
        for mmsi, fields in statics.items():
            self.statics[mmsi] = AisStatic(*fields)
        self.identities.forget(statics)
        links = self._pending_links
        if links is not None:
            self._pending_links = None
            self.identities.links = links
        if not positions:
            self._wake.emit()  # the counters changed: health ticks
            return
        offset = self.now() - time.time()  # wall clock of the process -> data clock
        reports = [AisPosition(m, VesselSource(s), lon, lat, t + offset, sog, cog, moored)
                   for m, s, lon, lat, t, sog, cog, moored in positions]
        batch = self.identities.batch(reports)
        with self._room:
            while len(self._mailbox) >= MAX_PENDING and not self._stop.is_set():
                self._room.wait(0.2)
            if self._stop.is_set():
                return
            self._mailbox.append(batch)
            first = len(self._mailbox) == 1
        if first:
            self._wake.emit()
