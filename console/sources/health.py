"""Health of every data source, one record each, so one failing source is seen (status
area, its own banner) while the others carry on.

A source reports `data(key, items)` when it received something and `error(key, text)`
when a call failed; the board keeps, per source, the last data time, the last error and
its time, the total error count and the failures in a row. `state` is WAITING (nothing
yet), OK, or FAILING (the newest attempt failed: the data shown is older than it
looks). Times are this computer's wall clock (`time.time()`); `age` is how long ago the
last data arrived.

The reference backend is one source among the others: `watch_backend` maps the live
feeds' connection state onto the board under the key "backend".

Signals (GUI thread):
- `changed(str)`: the source with that key changed (registered, data, error).
- `removed(str)`: the source with that key is gone (its layer was removed).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from enum import Enum

from PySide6.QtCore import QObject, Signal

BACKEND_KEY = "backend"
OWN_READINESS = ("sensorthings", "ais")  # kinds with a first-data signal of their own


class HealthState(Enum):
    WAITING = "waiting"
    OK = "ok"
    FAILING = "failing"


@dataclass(frozen=True, slots=True)
class SourceHealth:
    key: str
    kind: str  # a console.sources.registry kind: "backend", "ogcapi-features", ...
    name: str
    url: str
    last_data: float | None = None  # wall clock
    items: int | None = None  # what the last data held (features, stations, targets)
    last_error: str | None = None  # technical text, credentials masked
    last_error_at: float | None = None
    error_count: int = 0  # since the source was registered
    failures: int = 0  # in a row; 0 after a success
    failing_since: float | None = None  # wall clock: first failure of the current streak

    @property
    def state(self) -> HealthState:
        if self.failures:
            return HealthState.FAILING
        return HealthState.OK if self.last_data is not None else HealthState.WAITING

    def age(self, now: float | None = None) -> float | None:
        """Seconds since the last data (None: nothing yet)."""
        if self.last_data is None:
            return None
        return max(0.0, (time.time() if now is None else now) - self.last_data)


class HealthBoard(QObject):
    changed = Signal(str)
    removed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sources: dict[str, SourceHealth] = {}

    def register(self, key: str, kind: str, name: str, url: str) -> SourceHealth:
        """Add a source (or rename a known one, keeping its history)."""
        old = self._sources.get(key)
        health = replace(old, name=name, url=url) if old else SourceHealth(key, kind, name, url)
        self._set(health)
        return health

    def unregister(self, key: str) -> None:
        if self._sources.pop(key, None) is not None:
            self.removed.emit(key)

    def data(self, key: str, items: int | None = None, when: float | None = None) -> None:
        health = self._sources.get(key)
        if health is not None:
            self._set(
                replace(
                    health, last_data=when or time.time(), items=items, failures=0,
                    failing_since=None,
                )
            )

    def error(self, key: str, message: str, when: float | None = None) -> None:
        health = self._sources.get(key)
        if health is not None:
            now = when or time.time()
            self._set(
                replace(
                    health,
                    last_error=message,
                    last_error_at=now,
                    failing_since=health.failing_since or now,
                    error_count=health.error_count + 1,
                    failures=health.failures + 1,
                )
            )

    def get(self, key: str) -> SourceHealth | None:
        return self._sources.get(key)

    def sources(self) -> list[SourceHealth]:
        return list(self._sources.values())

    def waiting(self) -> list[SourceHealth]:
        """Sources that have not reported yet and that the first picture waits for: not
        the backend (its feeds say when they are ready), nor the streaming sources that
        a headless output waits for by their own first-data signals (SensorThings, AIS),
        so the picture of the backend's data is never held by a slow station service."""
        return [
            h for h in self._sources.values()
            if h.state is HealthState.WAITING and h.key != BACKEND_KEY
            and h.kind not in OWN_READINESS
        ]

    def failing(self) -> list[SourceHealth]:
        return [h for h in self._sources.values() if h.state is HealthState.FAILING]

    def _set(self, health: SourceHealth) -> None:
        if self._sources.get(health.key) != health:
            self._sources[health.key] = health
            self.changed.emit(health.key)


def watch_backend(feeds: QObject, board: HealthBoard, name: str, url: str) -> None:
    """Mirror the live feeds' connection (console/live/feeds.py) as the "backend" source:
    a page applied is data, a failed call an error. Only the failing transition counts
    as one error, so a long outage is one error, not one per retry."""
    from console.live.feeds import ConnectionState, ConnectionStatus

    board.register(BACKEND_KEY, "backend", name, url)

    def on_updated(_feed: str) -> None:
        board.data(BACKEND_KEY)

    def on_status(status: ConnectionStatus) -> None:
        current = board.get(BACKEND_KEY)
        if status.state in (ConnectionState.RECONNECTING, ConnectionState.OFFLINE):
            if current is not None and not current.failures:
                board.error(BACKEND_KEY, status.message)
        elif status.state is ConnectionState.CONNECTED and current and current.failures:
            board.data(BACKEND_KEY)

    feeds.feed_updated.connect(on_updated)  # type: ignore[attr-defined]
    feeds.connection_changed.connect(on_status)  # type: ignore[attr-defined]
