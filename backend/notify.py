"""Wake-ups for change streams: "this process just committed something".

A hint, never the truth: a stream always reads what changed from the database by its
cursors (backend/changes.py), and re-reads on a timer too, so a change committed by
another process (a second uvicorn worker, the users CLI) still reaches it, only later.
A notifier merely shortens the wait for changes made here. A PostgreSQL deployment can
feed the same notifier from LISTEN/NOTIFY to shorten the wait across workers.

Writers are plain threads (simulator, request threads); waiters are coroutines on the
server's event loop, so a notification crosses with ``call_soon_threadsafe``.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable


class Subscription:
    """One stream's wake-up flag. Armed before a round of reads (`arm`), so a commit that
    lands while the round reads is not lost: the next `wait` returns at once."""

    def __init__(self, notifier: ChangeNotifier, loop: asyncio.AbstractEventLoop) -> None:
        self._notifier = notifier
        self._loop = loop
        self._event = asyncio.Event()

    def arm(self) -> None:
        self._event.clear()

    async def wait(self, timeout_s: float) -> bool:
        """True when woken by a commit, False when the timeout passed."""
        try:
            await asyncio.wait_for(self._event.wait(), max(timeout_s, 0.0))
        except TimeoutError:
            return False
        return True

    def _wake(self) -> None:  # any thread
        with contextlib.suppress(RuntimeError):  # the loop closed at shutdown
            self._loop.call_soon_threadsafe(self._event.set)

    def close(self) -> None:
        self._notifier._remove(self)


class ChangeNotifier:
    """Called by the store after every commit; fans out to the streams' subscriptions."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscriptions: set[Subscription] = set()
        self._listeners: list[Callable[[], None]] = []

    def add_listener(self, fn: Callable[[], None]) -> None:
        """A plain callable run (on the committing thread: keep it short, e.g. setting a
        `threading.Event`) after every commit; for a thread that reacts to changes
        (the alert rules, backend/sim/engine.py)."""
        with self._lock:
            self._listeners.append(fn)

    def remove_listener(self, fn: Callable[[], None]) -> None:
        with self._lock:
            if fn in self._listeners:
                self._listeners.remove(fn)

    def subscribe(self) -> Subscription:
        """From a coroutine: a subscription bound to the running event loop."""
        subscription = Subscription(self, asyncio.get_running_loop())
        with self._lock:
            self._subscriptions.add(subscription)
        return subscription

    def _remove(self, subscription: Subscription) -> None:
        with self._lock:
            self._subscriptions.discard(subscription)

    def notify(self) -> None:
        with self._lock:
            subscriptions = list(self._subscriptions)
            listeners = list(self._listeners)
        for subscription in subscriptions:
            subscription._wake()
        for fn in listeners:
            fn()

    @property
    def subscribers(self) -> int:
        with self._lock:
            return len(self._subscriptions)
