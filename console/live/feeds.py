"""Incremental polling of the backend's live collections.

One `Feed` per collection (vessels, stations, cameras, incidents). A single GUI-thread
timer ticks; each due feed that has no request in flight submits `fetch(cursor, after)`
to the job runner; the parsed page is applied to its store on the GUI thread. Failures
back off exponentially with jitter and are surfaced as connection state, never hidden.

Pages are bounded (the client asks for a limit): when the backend cuts a page, the
feed asks for the continuation at once instead of waiting for its interval, and it
counts as ready only once it has caught up (a first picture with half the fleet
would be wrong, not early).

While the backend's change stream works (`console.live.push`), the feeds it carries are
`pushed`: not polled, their pages arrive through `apply_pushed` and take the same path.
Every page, polled or pushed, is applied only if it was read from where its feed stands
(`Feed.position`), which is what keeps a hand-over between the two from applying a
change twice or skipping one.

Signals (all emitted on the GUI thread):
- `feed_ready(str)`: a feed received its first data.
- `feed_updated(str)`: a feed applied a page (possibly empty).
- `connection_changed(object)`: a new `ConnectionStatus`.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, Signal

from console.live.clock import SourceClock
from console.live.runner import JobRunner
from console.live.timers import Ticking
from console.sources.errors import AuthError
from console.sources.rest_v1 import Page

log = logging.getLogger(__name__)


class ConnectionState(Enum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"


@dataclass(frozen=True, slots=True)
class ConnectionStatus:
    """What the console knows about its backend connection, on two clocks.

    Wall clock (this computer's `time.time()`): `since`, `outage_since`, `received_at`.
    Data clock (the backend's time stamps): `last_update`. They differ by the backend's
    clock offset and by how old the data already was when served, so a view must say
    which one a time is on.
    """

    state: ConnectionState
    since: float  # wall clock: when the state last changed name
    message: str = ""
    last_update: float | None = None  # data clock: server time of the newest successful page
    # wall clock: the first failure after the last success. One outage keeps one start
    # while its name moves from reconnecting to offline; None while connected
    outage_since: float | None = None
    received_at: float | None = None  # wall clock: when the newest successful page arrived
    # how changes arrive: "push" (the backend's change stream) or "poll" (the fallback)
    transport: str = "poll"


@dataclass
class Feed:
    """Polling state of one collection. `fetch(since, after)` runs on a worker thread."""

    name: str
    fetch: Callable[[int | None, int | None], Page[Any]]
    apply: Callable[[Iterable[Any]], object]
    interval_s: float
    cursor: int | None = None
    after: int | None = None  # continuation inside `cursor` when the last page was cut
    ready: bool = False
    failures: int = 0
    next_due: float = 0.0
    last_success: float | None = None
    last_error: str | None = None
    server_time: float | None = None
    items_seen: int = field(default=0)
    pushed: bool = False  # the change stream feeds it: no polls meanwhile

    @property
    def position(self) -> tuple[int, int | None] | None:
        """Where the next page continues (None: from the full list). A page is applied
        only if it was read from here, whichever path brought it: no change twice or
        skipped when the stream and the poller hand over."""
        return None if self.cursor is None else (self.cursor, self.after)


class LiveFeeds(Ticking):
    feed_ready = Signal(str)
    feed_updated = Signal(str)
    connection_changed = Signal(object)

    OFFLINE_AFTER_S = 30.0

    def __init__(
        self,
        runner: JobRunner,
        clock: SourceClock,
        tick_ms: int = 200,
        max_backoff_s: float = 30.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(tick_ms, parent)
        self._runner = runner
        self.max_backoff_s = max_backoff_s  # exponential backoff (with jitter) stops here
        self._clock = clock
        self._feeds: dict[str, Feed] = {}
        self._status = ConnectionStatus(ConnectionState.CONNECTING, time.time())
        self._failing_since: float | None = None  # wall clock: start of the current outage
        self._received_at: float | None = None
        self._transport = "poll"
        self.stale_pages = 0  # pages read from a position the feed had already left

    @property
    def status(self) -> ConnectionStatus:
        return self._status

    def feeds(self) -> list[Feed]:
        return list(self._feeds.values())

    def add(self, feed: Feed) -> None:
        self._feeds[feed.name] = feed

    def all_ready(self) -> bool:
        return bool(self._feeds) and all(f.ready for f in self._feeds.values())

    # --- polling --------------------------------------------------------------------------

    def _tick(self) -> None:
        now = time.monotonic()
        for feed in self._feeds.values():
            key = f"feed:{feed.name}"
            if feed.pushed or now < feed.next_due or self._runner.in_flight(key):
                continue
            cursor, after, base = feed.cursor, feed.after, feed.position
            self._runner.submit(
                key,
                lambda f=feed, c=cursor, a=after: f.fetch(c, a),
                lambda page, f=feed, b=base: self._on_page(f, page, b),
                lambda exc, f=feed: self._on_error(f, exc),
            )

    # --- pushed pages (console.live.push) ---------------------------------------------------

    def positions(self, names: list[str]) -> dict[str, tuple[int, int | None]]:
        """Where each named feed stands: the change stream resumes from here."""
        return {f.name: p for f in self._feeds.values()
                if f.name in names and (p := f.position) is not None}

    def apply_pushed(self, name: str, page: Page[Any],
                     base: tuple[int, int | None] | None) -> bool:
        """A page from the change stream, read from ``base``: applied as a polled page
        is. False when the feed no longer stands at ``base`` (the caller resyncs)."""
        feed = self._feeds.get(name)
        return feed is None or self._on_page(feed, page, base)

    def set_pushed(self, names: list[str], pushed: bool) -> None:
        """Hand the named feeds to the stream (no more polls) or back to polling (due at
        once: the stream may have stopped mid-change)."""
        for feed in self._feeds.values():
            if feed.name in names:
                feed.pushed = pushed
                if not pushed:
                    feed.next_due = 0.0
        self._transport = "push" if any(f.pushed for f in self._feeds.values()) else "poll"
        self._set_status(self._status.state, self._status.message, self._status.last_update)
        if not pushed and self._timer.isActive():
            self._tick()

    def _on_page(self, feed: Feed, page: Page[Any], base: tuple[int, int | None] | None,
                 ) -> bool:
        if feed.position != base:  # read from where the feed no longer stands: overlap
            self.stale_pages += 1
            log.debug("feed %s: dropped a page read from %s, the feed is at %s",
                     feed.name, base, feed.position)
            return False
        feed.cursor = page.cursor
        feed.after = page.after
        feed.failures = 0
        feed.last_error = None
        feed.last_success = time.monotonic()
        feed.server_time = page.server_time
        feed.items_seen += len(page.items)
        feed.next_due = feed.last_success + (0.0 if page.after is not None else feed.interval_s)
        if page.after is not None and self._timer.isActive():
            self._tick()  # the rest of a cut page: fetched while this part is applied
        feed.apply(page.items)
        self._clock.observe(page.server_time)
        if not feed.ready and page.after is None:
            feed.ready = True
            self.feed_ready.emit(feed.name)
        self.feed_updated.emit(feed.name)
        self._received_at = time.time()
        if not any(f.failures for f in self._feeds.values()):
            self._failing_since = None
            self._set_status(ConnectionState.CONNECTED, "", page.server_time)
        else:
            self._set_status(self._status.state, self._status.message, page.server_time)
        return True

    def is_ready(self, name: str) -> bool:
        feed = self._feeds.get(name)
        return feed is not None and feed.ready

    def _on_error(self, feed: Feed, exc: Exception) -> None:
        feed.failures += 1
        feed.last_error = str(exc)
        delay = min(self.max_backoff_s, feed.interval_s * (2 ** min(feed.failures, 6)))
        feed.next_due = time.monotonic() + delay * random.uniform(0.75, 1.25)
        log.warning("feed %s failed (%d in a row): %s", feed.name, feed.failures, exc)
        self.report_failure(exc)

    def report_failure(self, exc: Exception) -> None:
        """Turn a failed backend call into connection state (reconnecting / offline)."""
        now = time.time()
        if self._failing_since is None:
            self._failing_since = now
        if isinstance(exc, AuthError) or now - self._failing_since > self.OFFLINE_AFTER_S:
            state = ConnectionState.OFFLINE
        else:
            state = ConnectionState.RECONNECTING
        self._set_status(state, str(exc), self._status.last_update)

    def _set_status(self, state: ConnectionState, message: str, last_update: float | None):
        old = self._status
        since = old.since if old.state == state else time.time()
        new = ConnectionStatus(
            state, since, message, last_update, self._failing_since, self._received_at,
            self._transport,
        )
        if new != old:
            self._status = new
            self.connection_changed.emit(new)
