"""The AIS decoding process: socket or file -> lines -> pyais -> compact reports, sent to
the console through a pipe.

Why a process and not only a thread: pyais decodes in pure Python, ~10-15 µs a sentence.
At 20,000+ sentences/s a decoding thread holds the GIL for a third of every second
and more, and the GUI thread waits for it in 5-ms turns (measured: event-loop stalls
p99 6.6 -> 83 ms at 30,000 sentences/s). In a process the decoding has its own
interpreter; the console receives only the newest report per target per flush (a few
hundred tuples every 100 ms) and the static data that changed.

Messages on the pipe (tuples, pickled):
- ("data", positions, statics, counters): positions as AisPosition field tuples (wall
  clock), statics {mmsi: AisStatic field tuple} that changed, counters (AisCounters
  fields);
- ("state", state, error, counters): "receiving" | "error" | "finished".
"""

from __future__ import annotations

import contextlib
import logging
import time
from dataclasses import astuple

from console.sources.ais.decode import AisDecoder
from console.sources.ais.endpoint import AisEndpoint
from console.sources.ais.transport import file_lines, tcp_lines, udp_lines

FLUSH_S = 0.1  # a batch goes out at least this often while data flows
FLUSH_POSITIONS = 20_000  # ... or once this many reports were decoded
RECONNECT_MAX_S = 30.0


class _StopFlag:
    """`threading.Event`-like view of a multiprocessing Event for the readers."""

    def __init__(self, event) -> None:
        self._event = event

    def is_set(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float) -> bool:
        return self._event.wait(timeout)

    def set(self) -> None:
        self._event.set()


def run_decoder(endpoint: AisEndpoint, conn, stop, ready, use_tag_time: bool) -> None:
    """Process entry point: read, decode and send until `stop` is set (or a file ends)."""
    flag = _StopFlag(stop)
    decoder = AisDecoder(now=time.time, use_tag_time=use_tag_time)
    backoff = 0.5
    try:
        while not flag.is_set():
            try:
                if endpoint.scheme == "tcp":
                    chunks = tcp_lines(endpoint, flag)
                elif endpoint.scheme == "udp":
                    chunks = udp_lines(endpoint, flag, ready)
                else:
                    chunks = file_lines(endpoint, flag)
                _pump(chunks, decoder, conn)
            except OSError as exc:
                conn.send(("state", "error", str(exc) or type(exc).__name__,
                           astuple(decoder.counters)))
                if endpoint.scheme == "file" or flag.wait(backoff):
                    return
                backoff = min(RECONNECT_MAX_S, backoff * 2)
                continue
            if endpoint.scheme == "file":
                conn.send(("state", "finished", "", astuple(decoder.counters)))
                return
            backoff = 0.5
    except (BrokenPipeError, EOFError):
        return  # the console went away
    except Exception as exc:
        logging.getLogger(__name__).exception("AIS decoder failed")
        with contextlib.suppress(OSError):
            conn.send(("state", "error", repr(exc), astuple(decoder.counters)))


def _pump(chunks, decoder: AisDecoder, conn) -> None:
    newest: dict[int, tuple] = {}
    changed: set[int] = set()
    last = time.monotonic()
    decoded_since = 0
    connected = False

    def flush() -> None:
        decoder.counters.cpu_s = time.process_time()
        statics = {m: astuple(decoder.statics[m]) for m in changed}
        conn.send(("data", list(newest.values()), statics, astuple(decoder.counters)))
        newest.clear()
        changed.clear()

    try:
        for lines in chunks:
            if not connected:
                connected = True
                conn.send(("state", "receiving", "", astuple(decoder.counters)))
            if lines:
                out = decoder.feed(lines)
                for p in out.positions:  # the newest report per target is what the map shows
                    old = newest.get(p.mmsi)
                    if old is None or p.fix_time >= old[4]:
                        newest[p.mmsi] = astuple(p)
                decoded_since += len(out.positions)
                changed |= out.statics_changed
            now = time.monotonic()
            if now - last >= FLUSH_S or decoded_since >= FLUSH_POSITIONS:
                flush()  # also when quiet: the counters are the source's health
                last, decoded_since = now, 0
    finally:
        if newest or changed:
            flush()
