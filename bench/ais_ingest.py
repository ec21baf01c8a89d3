"""ais_sentences_per_s, ais_stall_ms_max (and ais_decode_cpu_us): AIS through the real
path. A loopback TCP server sends recorded real sentences (resources/ais, pyais's receiver
sample: 898 lines, 100 of them empty payloads, looped) -> `AisSource` reader thread (socket, pyais
decoding, identities, projection) -> `VesselStore` on the GUI thread (with the rules
engine and the lists listening) -> the vessel layer repainted on the map — in the full
console window on the demo backend (its VMS fleet live at the same time), while the
stall meter records the longest gap between event-loop turns.

The server offers OFFER_PER_S sentences/s in 10-ms slices (above the 20,000/s bar);
the figure is what the source decoded, divided by the measured time. The view is set
to the AIS targets' extent so every frame paints them (counts drawn are printed)."""

from __future__ import annotations

import socket
import threading
import time

from bench.live_common import open_window
from bench.report import StallMeter, context, figure, machine_context

OFFER_PER_S = 30_000
MEASURE_S = 15.0
SLICE_S = 0.01


class PacedServer:
    """Loopback TCP server: sends `lines` in a loop at `rate` lines/s to one client,
    for at most `limit_s` seconds (bounded in time and count)."""

    def __init__(self, lines: list[bytes], rate: float, limit_s: float) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.lines, self.rate, self.limit_s = lines, rate, limit_s
        self.sent = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(30)
        conn, _ = self.sock.accept()
        per_slice = max(1, int(self.rate * SLICE_S))
        lines, n = self.lines, len(self.lines)
        start = time.monotonic()
        i = 0
        with conn:
            while not self.stop.is_set() and time.monotonic() - start < self.limit_s:
                chunk = [lines[(i + k) % n] for k in range(per_slice)]
                conn.sendall(b"\r\n".join(chunk) + b"\r\n")
                i += per_slice
                self.sent += per_slice
                due = start + self.sent / self.rate
                wait = due - time.monotonic()
                if wait > 0:
                    self.stop.wait(wait)

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        self.sock.close()


def measure(app, canvas, source):
    """Run MEASURE_S seconds with the stall meter on: the source's counters before and
    after, the stall, the time taken, store updates and frames painted meanwhile."""
    from PySide6.QtCore import QEventLoop, QTimer

    applied = {"fixes": 0}

    def count(change) -> None:
        applied["fixes"] += len(change)

    app.vessels.changed.connect(count)
    before = source.health().counters.copy()
    frames_before = canvas.frames_painted
    stall = StallMeter().start()
    start = time.perf_counter()
    loop = QEventLoop()
    QTimer.singleShot(int(MEASURE_S * 1000), loop.quit)
    loop.exec()
    elapsed = time.perf_counter() - start
    stall.stop()
    after = source.health().counters
    app.vessels.changed.disconnect(count)
    return before, after, stall, elapsed, applied["fixes"], canvas.frames_painted - frames_before


def run() -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    from console.settings import Settings
    from console.sources.ais.attach import start_ais
    from resources.ais import PYAIS_SAMPLE

    recorded = [ln for ln in PYAIS_SAMPLE.read_bytes().splitlines() if ln.strip()]
    qt_app, app, window = open_window(Settings(), size=(1600, 1000))  # GC as main.py has it
    canvas = window.canvas
    server = PacedServer(recorded, OFFER_PER_S, MEASURE_S + 20)
    source = start_ais(app, f"tcp://127.0.0.1:{server.port}", name="bench")
    try:
        settle = QEventLoop()  # the first targets in, then the view on them
        source.first_data.connect(settle.quit)
        QTimer.singleShot(20_000, settle.quit)
        settle.exec()
        rows = [r for r in range(len(app.vessels)) if app.vessels.at(r).id.startswith("ais:")]
        xs, ys = app.vessels.x[rows], app.vessels.y[rows]
        canvas.set_extent((float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())))
        before, after, stall, elapsed, applied, frames = measure(app, canvas, source)
        canvas.flush()
        qt_app.processEvents()
        item = canvas.renderer(window.vessel_layer).item
        sentences = after.sentences - before.sentences
        ais_rows = sum(1 for r in range(len(app.vessels)) if app.vessels.sources[r] & 6)
        context(
            f"workload: {len(recorded)} recorded sentences looped, offered at "
            f"{OFFER_PER_S} /s over loopback TCP for {MEASURE_S:g} s while the demo "
            f"backend's VMS fleet is live; {sentences} sentences read "
            f"({after.decoded - before.decoded} decoded, {after.bad - before.bad} bad), "
            f"{applied} store updates, {frames} map frames painted; "
            f"{ais_rows} AIS targets, {len(app.vessels)} vessels in the store; last frame: "
            f"{item.last_in_view} vessels in view, {item.last_drawn} symbols drawn; "
            f"stall p99 {stall.p99_ms():.1f} ms"
        )
        machine_context()
        figure("ais_sentences_per_s", sentences / elapsed, "sentences/s")
        figure("ais_stall_ms_max", stall.max_ms, "ms")
        figure("ais_drawn", item.last_drawn, "symbols")
        cpu_us = 1e6 * (after.cpu_s - before.cpu_s) / max(sentences, 1)
        context(
            f"decoding process CPU: {cpu_us:.1f} µs per sentence (socket, pyais, counters, "
            f"newest-per-target): one free core decodes {1e6 / max(cpu_us, 1e-9):.0f} /s"
        )
        figure("ais_decode_cpu_us", cpu_us, "µs/sentence")
    finally:
        server.close()
        window.close()
