"""Line readers for AIS: a TCP client, a UDP listener and a recorded file.

Each is a generator of line chunks (lists of bytes) that returns when `stop` is set;
socket waits are bounded (0.2 s) so a stop is seen promptly. Network errors raise
OSError to the caller (the source's thread), which reports them and reconnects.
Runs on the source's reader thread only; the GUI thread never touches a socket.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

from console.sources.ais.endpoint import AisEndpoint

POLL_S = 0.2  # longest socket wait before the stop flag is looked at again
MAX_LINE = 4096  # a longer "line" is garbage: dropped, not buffered forever
FILE_CHUNK = 500


class LineSplitter:
    """Bytes in arbitrary pieces -> whole lines (a TCP read ends mid-sentence)."""

    def __init__(self) -> None:
        self._rest = b""

    def feed(self, data: bytes) -> list[bytes]:
        data = self._rest + data
        lines = data.split(b"\n")
        self._rest = lines.pop()
        if len(self._rest) > MAX_LINE:
            lines.append(self._rest[:MAX_LINE])  # counted bad by the decoder
            self._rest = b""
        return lines


def tcp_lines(ep: AisEndpoint, stop: threading.Event, connect_timeout_s: float = 5.0
              ) -> Iterator[list[bytes]]:
    """Connect to a receiver (e.g. an AIS-catcher or a port's NMEA server) and read."""
    sock = socket.create_connection((ep.host, ep.port), timeout=connect_timeout_s)
    try:
        sock.settimeout(POLL_S)
        split = LineSplitter()
        while not stop.is_set():
            try:
                data = sock.recv(65536)
            except TimeoutError:
                yield []  # lets the caller flush on time even when the line is quiet
                continue
            if not data:
                raise ConnectionResetError("the AIS server closed the connection")
            yield split.feed(data)
    finally:
        sock.close()


def udp_lines(ep: AisEndpoint, stop: threading.Event, ready: threading.Event | None = None
              ) -> Iterator[list[bytes]]:
    """Listen for datagrams (receivers forward NMEA over UDP, one or more lines each)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
        sock.bind((ep.host or "0.0.0.0", ep.port))
        sock.settimeout(POLL_S)
        if ready is not None:
            ready.set()
        while not stop.is_set():
            try:
                data = sock.recv(65536)
            except TimeoutError:
                yield []
                continue
            yield data.split(b"\n")
    finally:
        sock.close()


def _tag_time(line: bytes) -> float | None:
    """The `c:` receiver time of a tag-blocked line (`\\c:1671533231,s:r1*hh\\!AIVDM...`)."""
    if not line.startswith(b"\\"):
        return None
    end = line.find(b"\\", 1)
    for field in line[1:end].split(b"*")[0].split(b","):
        if field.startswith(b"c:"):
            try:
                t = float(field[2:])
            except ValueError:
                return None
            return t / 1000.0 if t > 1e11 else t
    return None


def file_lines(ep: AisEndpoint, stop: threading.Event) -> Iterator[list[bytes]]:
    """A recording: as fast as possible, or paced by its tag-block times (lines without
    one go out with the line before them)."""
    while True:
        with open(ep.path, "rb") as f:
            chunk: list[bytes] = []
            first: float | None = None
            started = time.monotonic()
            for line in f:
                if stop.is_set():
                    return
                if not ep.fast:
                    t = _tag_time(line)
                    if t is not None:
                        first = t if first is None else first
                        wait = (t - first) - (time.monotonic() - started)
                        if wait > 0:
                            if chunk:
                                yield chunk
                                chunk = []
                            if stop.wait(min(wait, 60.0)):
                                return
                chunk.append(line)
                if len(chunk) >= FILE_CHUNK:
                    yield chunk
                    chunk = []
            if chunk:
                yield chunk
        if not ep.loop:
            return
        if stop.wait(1.0):  # a breath between loops: a tiny file must not spin the CPU
            return
