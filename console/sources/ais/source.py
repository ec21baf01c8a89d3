"""One AIS source: a reader thread (socket or file -> lines -> pyais -> VesselBatch) and
its health, delivered to the GUI thread through Qt signals.

Why a dedicated Python thread, not the JobRunner: a receiver is a stream that never
ends, not a job with a result; the runner's latest-wins pool is for requests. The
thread does everything that costs (reading, decoding, identity, projection); the GUI
thread only merges finished batches into the store. Batches are handed over through a
mailbox drained once per event-loop turn: however fast the feed, the GUI thread gets
one wake-up per turn, never a backlog of queued signals (backpressure: the thread
waits when `MAX_PENDING` batches are unmerged, and the socket buffers meanwhile).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from console.i18n import translate as _tr
from console.model.vessel_batch import VesselBatch
from console.sources.ais.decode import AisCounters, AisDecoder
from console.sources.ais.endpoint import AisEndpoint, parse_endpoint
from console.sources.ais.identity import AisIdentities, AisLinks
from console.sources.ais.transport import file_lines, tcp_lines, udp_lines

log = logging.getLogger(__name__)

FLUSH_S = 0.1  # a batch goes to the GUI at least this often while data flows
FLUSH_POSITIONS = 4000  # ... or once this many reports are waiting
MAX_PENDING = 8  # unmerged batches before the reader waits for the GUI
RECONNECT_MAX_S = 30.0


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
        file = self.endpoint.scheme == "file"
        # a recording's tag times are history: a replay is stamped with the clock
        self.decoder = AisDecoder(now=now, use_tag_time=not file)
        self.identities = AisIdentities(self.decoder.statics)
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
        return AisHealth(self.name, self.endpoint.url, state, self.decoder.counters.copy(), error)

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

    def _lines(self) -> Iterator[list[bytes]]:
        ep = self.endpoint
        if ep.scheme == "tcp":
            return tcp_lines(ep, self._stop)
        if ep.scheme == "udp":
            return udp_lines(ep, self._stop, self.listening)
        return file_lines(ep, self._stop)

    def _run(self) -> None:
        backoff = 0.5
        while not self._stop.is_set():
            try:
                self._read(self._lines())
            except OSError as exc:
                message = _tr("AisSource", "AIS source %1: %2").replace(
                    "%1", self.name).replace("%2", str(exc) or type(exc).__name__)
                log.warning("%s", message)
                self._set_state("error", message)
                if self.endpoint.scheme == "file":
                    return  # a missing or unreadable file does not heal by waiting
                if self._stop.wait(backoff):
                    return
                backoff = min(RECONNECT_MAX_S, backoff * 2)
                continue
            except Exception as exc:  # a decoder bug must not kill the source silently
                log.exception("AIS source %s failed", self.name)
                self._set_state("error", repr(exc))
                return
            if self.endpoint.scheme == "file":
                self._set_state("finished")
                return
            backoff = 0.5

    def _read(self, chunks: Iterator[list[bytes]]) -> None:
        positions = []
        changed: set[int] = set()
        last_flush = time.monotonic()
        connected = False
        try:
            for lines in chunks:
                if not connected:
                    connected = True
                    self._set_state("receiving")
                if lines:
                    out = self.decoder.feed(lines)  # counters: plain ints, read racily
                    positions.extend(out.positions)
                    changed |= out.statics_changed
                now = time.monotonic()
                if positions and (
                    len(positions) >= FLUSH_POSITIONS or now - last_flush >= FLUSH_S
                ):
                    self._flush(positions, changed)
                    positions, changed = [], set()
                    last_flush = now
                elif now - last_flush >= 1.0:  # quiet line: health still ticks
                    last_flush = now
                    self._wake.emit()
        finally:  # what arrived before a disconnect is delivered too
            if positions:
                self._flush(positions, changed)

    def _flush(self, positions: list, changed: set[int]) -> None:
        links = self._pending_links
        if links is not None:
            self._pending_links = None
            self.identities.links = links
        self.identities.forget(changed)
        batch = self.identities.batch(positions)
        with self._room:
            while len(self._mailbox) >= MAX_PENDING and not self._stop.is_set():
                self._room.wait(0.2)
            if self._stop.is_set():
                return
            self._mailbox.append(batch)
            first = len(self._mailbox) == 1
        if first:
            self._wake.emit()
