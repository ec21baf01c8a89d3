"""Client of the backend's change stream (GET /api/v1/stream, Server-Sent Events).

Qt-free: one background thread reads the stream with `requests`, parses each event's
body with the same parser a poll uses (`change_pages`) and hands the `Page` to a
callback, with the position it continues from (`base`). The caller (the console's
`console.live.push.PushFeeds`) applies it through the same feed bookkeeping as a
polled page, and only if the feed still stands at `base`: that check, not timing, is
what keeps a page from being applied twice or skipped when the stream and the poller
hand over to each other.

Connections are numbered (`generation`): `connect(positions)` supersedes the current
one (its socket is shut at once, so the thread never waits out a read timeout), and a
callback from an older generation is to be ignored. The thread never reconnects on its
own: a broken stream is reported (`on_broken`) and the caller decides when to try again,
meanwhile polling. A stream with no complete event for `HEARTBEATS_MISSED` heartbeat
periods counts as broken, even if bytes trickle in.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import requests
import urllib3

from console import __version__
from console.sources import wire
from console.sources.change_pages import PARSERS
from console.sources.errors import AuthError, BackendUnreachable, BadResponse, NotFound
from console.sources.http import HttpSettings, make_session, redact
from console.sources.pages import Page

log = logging.getLogger(__name__)
MAX_YIELD_S = 0.02

Positions = dict[str, wire.StreamPosition]
HEARTBEATS_MISSED = 3  # silent this many heartbeat periods: the connection is dead
# one event is one page (1,000 items: a few hundred KB): far above that, the server is broken
MAX_EVENT_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SseEvent:
    name: str
    data: str
    id: str | None  # None: the event set no id


class SseParser:
    """Incremental `text/event-stream` parser (the WHATWG HTML event-stream rules: lines
    end in CR, LF or CRLF, `:` starts a comment, `data` lines join with LF, a blank line
    dispatches, an event without data is not dispatched).

    Linear in what it is fed, however the bytes are cut: the buffer grows in place and a
    long unfinished line is not searched again from its start (a copying or rescanning
    parser holds the GIL for seconds on a large event and freezes the GUI thread)."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._scanned = 0  # no line end before this offset of the buffer
        self._event_bytes = 0  # size of the lines of the event being read
        self._name = ""
        self._data: list[str] = []
        self._id: str | None = None
        self.retry_ms: int | None = None

    def feed(self, chunk: bytes) -> list[SseEvent]:
        buffer = self._buffer
        buffer += chunk
        events: list[SseEvent] = []
        pos = 0
        while (cut := _line_end(buffer, pos, max(pos, self._scanned))) is not None:
            end, after = cut
            line = buffer[pos:end].decode("utf-8", errors="replace")
            self._event_bytes += after - pos
            pos = after
            event = self._line(line)
            if event is not None:
                events.append(event)
        del buffer[:pos]
        self._scanned = max(0, len(buffer) - 1)  # a last CR may still meet its LF
        if self._event_bytes + len(buffer) > MAX_EVENT_BYTES:
            raise BadResponse("change stream: an event larger than "
                              f"{MAX_EVENT_BYTES // (1024 * 1024)} MiB")
        return events

    def _line(self, line: str) -> SseEvent | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        field, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if field == "data":
            self._data.append(value)
        elif field == "event":
            self._name = value
        elif field == "id" and "\0" not in value:
            self._id = value
        elif field == "retry" and value.isdigit():
            self.retry_ms = int(value)
        return None

    def _dispatch(self) -> SseEvent | None:
        data, name, event_id = self._data, self._name or "message", self._id
        self._data, self._name, self._id = [], "", None
        self._event_bytes = 0
        if not data:
            return None
        return SseEvent(name, "\n".join(data), event_id)


def _line_end(buffer: bytearray, pos: int, start: int) -> tuple[int, int] | None:
    """(end of the line at `pos`, start of the next) or None while it is incomplete; no
    line end lies in buffer[pos:start]. A CR at the very end may be the first half of a
    CRLF: wait for the next byte."""
    lf, cr = buffer.find(b"\n", start), buffer.find(b"\r", start)
    if cr == -1 or (lf != -1 and lf < cr):
        return None if lf == -1 else (lf, lf + 1)
    if cr + 1 == len(buffer):
        return None
    return (cr, cr + 2) if buffer[cr + 1] == 0x0A else (cr, cr + 1)


def leave_gil(seconds: float) -> None:
    """Sleep, which releases the GIL: the GUI thread runs its Python meanwhile."""
    time.sleep(seconds)


# --- the stream thread --------------------------------------------------------------------

OnOpen = Callable[[int, list[str]], None]  # generation, kinds streamed
OnPage = Callable[[int, str, Page[Any], "wire.StreamPosition | None"], None]
OnBroken = Callable[[int, Exception], None]


class StreamClient:
    """Reads the change stream of one backend on a daemon thread. Callbacks run on that
    thread; they must only hand over (the Qt bridge queues them to the GUI thread)."""

    def __init__(self, base_url: str, token: str | None, kinds: Iterable[str],
                 on_open: OnOpen, on_page: OnPage, on_broken: OnBroken,
                 settings: HttpSettings | None = None, heartbeat_s: float = 2.0,
                 limit: int = 1000) -> None:
        self.url = base_url.rstrip("/") + "/api/v1/stream"
        self.kinds = [k for k in wire.STREAM_KINDS if k in set(kinds)]
        self._settings = settings or HttpSettings()
        # no urllib3 retries: a failed stream is reported, and the caller polls meanwhile
        self._session = make_session(token, self._settings, f"IOC-Console/{__version__}")
        self._session.mount("http://", requests.adapters.HTTPAdapter(max_retries=0))
        self._session.mount("https://", requests.adapters.HTTPAdapter(max_retries=0))
        self._session.headers["Accept"] = "text/event-stream"
        self._on_open, self._on_page, self._on_broken = on_open, on_page, on_broken
        self.heartbeat_s = heartbeat_s
        self.limit = limit
        self._cond = threading.Condition()
        self._generation = 0
        self._request: tuple[int, Positions] | None = None
        self._response: requests.Response | None = None
        self._closed = False
        self.events_received = 0  # diagnostics, tests
        self._thread = threading.Thread(target=self._loop, name="ioc-stream", daemon=True)
        self._thread.start()

    @property
    def generation(self) -> int:
        return self._generation

    def connect(self, positions: Positions) -> int:
        """(Re)connect from these per-kind positions; returns the new generation."""
        with self._cond:
            self._generation += 1
            self._request = (self._generation, dict(positions))
            self._interrupt()
            self._cond.notify_all()
            return self._generation

    def disconnect(self) -> None:
        """Stop streaming (until the next `connect`); later callbacks are stale."""
        with self._cond:
            self._generation += 1
            self._request = None
            self._interrupt()

    def close(self, wait_s: float = 2.0) -> None:
        with self._cond:
            self._closed = True
            self._generation += 1
            self._interrupt()
            self._cond.notify_all()
        self._thread.join(wait_s)
        self._session.close()

    def _interrupt(self) -> None:
        """Shut the current connection's socket so a blocked read returns now."""
        response = self._response
        if response is None:
            return
        with contextlib.suppress(Exception):  # already closed, or no socket to reach
            sock = response.raw.connection.sock  # type: ignore[union-attr]
            sock.shutdown(socket.SHUT_RDWR)

    def _loop(self) -> None:
        while True:
            with self._cond:
                while self._request is None and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return
                assert self._request is not None
                generation, positions = self._request
                self._request = None
            try:
                self._read(generation, positions)
                raise BackendUnreachable("change stream: the backend ended the stream")
            except Exception as exc:
                if generation == self._generation:
                    log.info("change stream broken: %s", redact(str(exc)))
                    self._on_broken(generation, exc)

    def _current(self, generation: int) -> bool:
        return generation == self._generation and not self._closed

    def _read(self, generation: int, positions: Positions) -> None:
        params: dict[str, object] = {"kinds": ",".join(self.kinds), "limit": self.limit,
                                     "heartbeat_s": self.heartbeat_s,
                                     "cursor": wire.encode_stream_cursor(positions)}
        timeout = (self._settings.connect_timeout_s, self.heartbeat_s * HEARTBEATS_MISSED)
        try:
            response = self._session.get(self.url, params=params, stream=True,
                                         timeout=timeout)
        except requests.RequestException as exc:
            raise BackendUnreachable(redact(f"change stream: {exc}")) from exc
        with self._cond:
            self._response = response
            if not self._current(generation):
                self._interrupt()
        try:
            self._check(response)
            parser = SseParser()
            silent_limit = self.heartbeat_s * HEARTBEATS_MISSED
            last_event = time.monotonic()
            while self._current(generation):
                try:
                    chunk = response.raw.read1(256 * 1024, decode_content=True)
                except (urllib3.exceptions.HTTPError, OSError) as exc:
                    raise BackendUnreachable(redact(f"change stream: {exc}")) from exc
                if not chunk:
                    return
                now = time.monotonic()
                for event in parser.feed(chunk):
                    if not self._current(generation):
                        return
                    last_event = now
                    self.events_received += 1
                    began = time.perf_counter()
                    self._dispatch(generation, event, positions)
                    # Leave the GIL to the GUI thread for as long as this event's parsing
                    # held it: pages parsed back to back made the GUI thread, which needs
                    # the GIL again at every call into Python (each paint, each slot),
                    # wait up to a switch interval each time (stalls of 100+ ms at 15,000
                    # fixes/s). At most half this thread's time: ~80 pages/s still.
                    leave_gil(min(time.perf_counter() - began, MAX_YIELD_S))
                # bytes that never make an event (a connection that drips) count as silence
                if now - last_event > silent_limit:
                    raise BackendUnreachable(
                        f"change stream: no complete event for {silent_limit:g} s")
        finally:
            with self._cond:
                self._response = None
            response.close()

    @staticmethod
    def _check(response: requests.Response) -> None:
        status = response.status_code
        if status == 200:
            kind = response.headers.get("Content-Type", "")
            if not kind.startswith("text/event-stream"):
                raise BadResponse(f"change stream: answered {kind or 'no type'}, "
                                  "not an event stream")
            return
        if status == 401:
            raise AuthError("change stream: access refused (401)")
        if status == 404:
            raise NotFound("change stream: this backend has no change stream")
        raise BadResponse(f"change stream: HTTP {status}")

    def _dispatch(self, generation: int, event: SseEvent, positions: Positions) -> None:
        if event.name == "open":
            opening = wire.StreamOpen.model_validate_json(event.data)
            self.heartbeat_s = opening.heartbeat_s
            self._on_open(generation, [k for k in opening.kinds if k in self.kinds])
        elif event.name in PARSERS and event.name in self.kinds:
            page = PARSERS[event.name](event.data.encode("utf-8"))
            base = positions.get(event.name)
            positions[event.name] = (page.cursor, page.after)
            self._on_page(generation, event.name, page, base)
        elif event.name == "heartbeat":
            self._heartbeat(generation, event, positions)
        elif event.name == "error":
            raise AuthError("change stream: the backend refused the token")

    def _heartbeat(self, generation: int, event: SseEvent, positions: Positions) -> None:
        """An empty page per kind at the server's position: the feeds learn that the data
        is current, and cursors move past reads that found nothing (as a poll's would)."""
        beat = wire.StreamHeartbeat.model_validate_json(event.data)
        server = wire.decode_stream_cursor(event.id or "")
        for kind in self.kinds:
            position = server.get(kind)
            if position is None:
                continue
            base = positions.get(kind)
            positions[kind] = position
            page: Page[Any] = Page((), position[0], beat.server_time.timestamp(), position[1])
            self._on_page(generation, kind, page, base)
