"""Push when the backend's change stream works, poll when it does not.

`PushFeeds` runs a `StreamClient` (console/sources/stream.py) for the live feeds whose
kinds the backend streams. Once a stream opens, those feeds stop polling and take their
pages from the stream, applied on the GUI thread by `LiveFeeds.apply_pushed`, the very
bookkeeping a polled page goes through. When the stream breaks the feeds poll again at
once from where the stream left them, and the stream is retried with backoff; when it
opens again polling stops. Gap- and duplicate-free by construction, not by timing:

- the stream always resumes from the feeds' own positions (cursor, after);
- a page, pushed or polled, is applied only if the feed still stands where that page was
  read from (`Feed.position`); a pushed page that does not fit (a poll that was in flight
  when the stream opened got there first) makes the stream reconnect from the feed's
  position, and every callback of a superseded connection is ignored.

Stream callbacks arrive on the stream thread and reach the GUI thread through queued
signals, in order. Pages are applied one per event-loop turn: pages that arrived while
the GUI thread was busy would otherwise all be delivered in one go (Qt hands a thread
every queued call at once), and five 1,000-vessel pages back to back froze the window
for ~70 ms of our own work where polling, one page per request, never did.
"""

from __future__ import annotations

import logging
import random
from collections import deque
from typing import Any

from PySide6.QtCore import QObject, Signal

from console.live.feeds import ConnectionState, ConnectionStatus, LiveFeeds
from console.live.timers import timer
from console.sources import wire
from console.sources.errors import NotFound
from console.sources.http import HttpSettings
from console.sources.pages import Page
from console.sources.stream import StreamClient

log = logging.getLogger(__name__)


class PushFeeds(QObject):
    """Signals: `transport_changed(str)`: "push" or "poll" (also in the feeds' status)."""

    transport_changed = Signal(str)
    # from the stream thread; queued to this object's (the GUI) thread
    _opened = Signal(int, object)
    _paged = Signal(int, str, object, object)
    _broke = Signal(int, object)

    RETRY_MIN_S = 1.0
    RETRY_MAX_S = 30.0

    def __init__(self, feeds: LiveFeeds, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._feeds = feeds
        self.client: StreamClient | None = None
        self._generation = 0
        self.failures = 0  # in a row; reset when a stream opens
        self.resyncs = 0  # reconnects because a pushed page did not fit (tests, diagnostics)
        self.transport = "poll"
        self._retry = timer(self, 1000, self._connect, single_shot=True, start=False)
        self._pages: deque[tuple[int, str, Page[Any], wire.StreamPosition | None]] = deque()
        self._next_page = timer(self, 0, self._apply_next, single_shot=True, start=False)
        self._opened.connect(self._on_open)
        self._paged.connect(self._on_page)
        self._broke.connect(self._on_broken)
        self._backend_state = feeds.status.state
        feeds.connection_changed.connect(self._on_connection)
        self._listening = True

    def start(self, base_url: str, token: str | None, settings: HttpSettings | None = None,
              ) -> None:
        """Stream the feeds already added to `LiveFeeds` whose kinds the stream carries."""
        kinds = [f.name for f in self._feeds.feeds() if f.name in wire.STREAM_KINDS]
        if not kinds or self.client is not None:
            return
        self.client = StreamClient(base_url, token, kinds, self._opened.emit, self._paged.emit,
                                   self._broke.emit, settings)
        self._connect()

    def stop(self) -> None:
        """Stop streaming for good; the feeds poll from where the stream left them. Safe to
        call more than once."""
        self._retry.stop()
        self._next_page.stop()
        self._pages.clear()  # polling takes them up again from the feeds' positions
        if self._listening:
            self._listening = False
            self._feeds.connection_changed.disconnect(self._on_connection)
        if self.client is not None:
            self.client.close()
            self._feeds.set_pushed(self.client.kinds, False)  # polling takes over from here
            self.client = None
        self._set_transport("poll")

    def _connect(self) -> None:
        client = self.client
        if client is not None:
            self._generation = client.connect(self._feeds.positions(client.kinds))

    def _on_open(self, generation: int, kinds: list[str]) -> None:
        if generation != self._generation:
            return
        self.failures = 0
        self._feeds.set_pushed(kinds, True)
        self._set_transport("push")

    def _on_page(self, generation: int, kind: str, page: Page[Any],
                 base: wire.StreamPosition | None) -> None:
        self._pages.append((generation, kind, page, base))
        if not self._next_page.isActive():
            self._next_page.start()

    def _apply_next(self) -> None:
        if self._pages:
            self._apply(*self._pages.popleft())
        if self._pages:
            self._next_page.start()  # the next one after the loop has turned

    def _apply_waiting(self) -> None:
        """Every page still waiting, now, in order (before the feeds change hands)."""
        self._next_page.stop()
        while self._pages:
            self._apply(*self._pages.popleft())

    @property
    def waiting(self) -> int:
        """Pushed pages not yet applied (diagnostics, tests)."""
        return len(self._pages)

    def _apply(self, generation: int, kind: str, page: Page[Any],
               base: wire.StreamPosition | None) -> None:
        if generation != self._generation:
            return
        if not self._feeds.apply_pushed(kind, page, base):
            self.resyncs += 1
            self._connect()  # from where the feed stands now; later events are stale

    def _on_broken(self, generation: int, exc: Exception) -> None:
        if generation != self._generation or self.client is None:
            return
        self._apply_waiting()  # what the stream delivered before it broke still counts
        self._feeds.set_pushed(self.client.kinds, False)  # poll at once from here
        self._set_transport("poll")
        self.failures += 1
        if isinstance(exc, NotFound):  # a backend without a stream: ask rarely
            delay = self.RETRY_MAX_S
        else:
            delay = min(self.RETRY_MAX_S, self.RETRY_MIN_S * 2 ** (self.failures - 1))
        log.warning("change stream unavailable (%s); polling, next try in %.0f s", exc, delay)
        self._retry.start(int(delay * random.uniform(0.75, 1.25) * 1000))

    def _on_connection(self, status: ConnectionStatus) -> None:
        """The polls reach the backend again after an outage: so may the stream, now
        rather than at the end of a backoff that grew while the backend was away."""
        was, self._backend_state = self._backend_state, status.state
        if (status.state is ConnectionState.CONNECTED and was is not ConnectionState.CONNECTED
                and self.transport == "poll" and self._retry.isActive()):
            self._retry.start(0)

    def _set_transport(self, transport: str) -> None:
        if transport != self.transport:
            self.transport = transport
            self.transport_changed.emit(transport)
