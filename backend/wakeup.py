"""Wake-ups: "something was committed, look again", across the backend's processes.

A waiter (a change stream, a long poll) keeps its own durable cursor and reads what
changed after it from the database; a wake-up only shortens its wait. It carries no
data and may be lost, merged or spurious: correctness always comes from the cursor,
never from the wake-up.

Use::

    seen = store.wakeup.generation(CHANGES)
    while True:
        rows = read_after(cursor)              # from the database
        if rows: ...                           # send them, advance the cursor
        seen = store.wakeup.wait(CHANGES, 15.0, seen)   # returns early on a commit

Reading the generation *before* reading the rows means a commit landing in between is
not missed: ``wait`` returns at once when the generation already moved past ``seen``.

``Store.write`` announces every transaction that took a change-sequence number on the
``CHANGES`` channel. Two implementations, chosen by the database engine:

- ``LocalWakeup`` (SQLite: one process) — a condition variable, notified after commit.
- ``PgWakeup`` (PostgreSQL: several worker processes) — ``pg_notify`` inside the
  writing transaction, so PostgreSQL delivers it at commit and never for a rollback;
  each process has one listening connection whose thread turns notifications into
  generation bumps. Channel names are prefixed with a hash of the database schema, so
  backends sharing a database in different schemas do not wake each other.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

CHANGES = "changes"  # every committed change (its change-sequence number moved)


class LocalWakeup:
    """Generations per channel, in this process."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._generations: dict[str, int] = {}

    def generation(self, channel: str) -> int:
        with self._cond:
            return self._generations.get(channel, 0)

    def wait(self, channel: str, timeout: float, after: int | None = None) -> int:
        """Block until ``channel``'s generation exceeds ``after`` (now, when None) or
        ``timeout`` seconds pass; return the generation then."""
        deadline = time.monotonic() + max(timeout, 0.0)
        with self._cond:
            if after is None:
                after = self._generations.get(channel, 0)
            while self._generations.get(channel, 0) <= after:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._cond.wait(remaining)
            return self._generations.get(channel, 0)

    def listening(self, channel: str, timeout: float) -> bool:
        """True once commits in other processes reach this one's waiters on ``channel``
        (always, in one process)."""
        return True

    def on_wake(self, channel: str, callback: Callable[[], None]) -> None:
        """Also call ``callback`` (on the listener's thread) for commits announced by
        other processes; in one process there are none."""

    def notify(self, channel: str) -> None:
        """Wake the waiters of ``channel`` (call after the change is committed)."""
        with self._cond:
            self._generations[channel] = self._generations.get(channel, 0) + 1
            self._cond.notify_all()

    # Store.write's hooks: a local wake-up must come after commit, or a waiter could
    # look, find nothing yet, and sleep through the change.
    def before_commit(self, conn: Any, channel: str) -> None:
        pass

    def after_commit(self, channel: str) -> None:
        self.notify(channel)

    def close(self) -> None:
        pass


class PgWakeup(LocalWakeup):
    """LISTEN/NOTIFY: a commit in any process wakes waiters in every process."""

    POLL_S = 0.5  # how often the listener thread looks for channels to add or a stop

    def __init__(self, connect: Callable[[], Any], prefix: Callable[[], str]) -> None:
        super().__init__()
        self._connect = connect  # a new autocommit psycopg connection
        self._prefix = prefix  # "ioc_<schema hash>_"
        self._wanted: set[str] = {CHANGES}
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._start_lock = threading.Lock()
        self._ready: dict[str, threading.Event] = {CHANGES: threading.Event()}
        self._callbacks: dict[str, list[Callable[[], None]]] = {}

    def name(self, channel: str) -> str:
        return self._prefix() + channel

    def generation(self, channel: str) -> int:
        self._listen(channel)
        return super().generation(channel)

    def wait(self, channel: str, timeout: float, after: int | None = None) -> int:
        self._listen(channel)
        return super().wait(channel, timeout, after)

    def listening(self, channel: str, timeout: float) -> bool:
        self._listen(channel)
        return self._ready[channel].wait(timeout)

    def on_wake(self, channel: str, callback: Callable[[], None]) -> None:
        self._callbacks.setdefault(channel, []).append(callback)
        self._listen(channel)

    def notify(self, channel: str) -> None:
        """Announce ``channel`` to every process, outside any transaction."""
        conn = self._connect()
        try:
            conn.execute("SELECT pg_notify(%s, '')", (self.name(channel),))
        finally:
            conn.close()

    def before_commit(self, conn: Any, channel: str) -> None:
        conn.execute("SELECT pg_notify(?, '')", (self.name(channel),))

    def after_commit(self, channel: str) -> None:
        pass  # delivered by PostgreSQL, to this process's listener too

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2 * self.POLL_S + 1)

    def _listen(self, channel: str) -> None:
        with self._start_lock:
            self._wanted.add(channel)
            self._ready.setdefault(channel, threading.Event())
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="pg-listen", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        from psycopg import sql

        while not self._stop.is_set():
            try:
                conn = self._connect()
            except Exception as exc:  # the server is away: waiters fall back to timeouts
                log.warning("wake-up listener cannot connect (%s); retrying", exc)
                self._stop.wait(1.0)
                continue
            try:
                listening: dict[str, str] = {}
                while not self._stop.is_set():
                    for channel in self._wanted - set(listening.values()):
                        name = self.name(channel)
                        conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(name)))
                        listening[name] = channel
                        # a commit may have slipped by before LISTEN: wake to look again
                        super().notify(channel)
                        self._ready[channel].set()
                    for note in conn.notifies(timeout=self.POLL_S):
                        channel = listening.get(note.channel)
                        if channel is not None:
                            super().notify(channel)
                            for callback in self._callbacks.get(channel, ()):
                                callback()
            except Exception as exc:
                log.warning("wake-up listener lost its connection (%s); reconnecting", exc)
                for ready in self._ready.values():
                    ready.clear()
                for channel in list(self._wanted):  # anything may have happened meanwhile
                    super().notify(channel)
                self._stop.wait(0.5)
            finally:
                conn.close()
