"""A SensorThings service as a live station source beside the reference backend.

Polls its `SensorThingsClient` on the app's `JobRunner` (never the GUI thread), feeds
the stations into the app's ONE station store (`app.stations`, the same layer, list,
rules and charts as the backend's) and the rain sums / level trends into the rules
engine, and keeps its own health: a failing service backs off and says why in
`status`, without touching the backend's connection state or any other source.

The settings-file entry of this kind is `{"kind": "sensorthings", "name": ..., "url":
..., "enabled": true, "interval_s": 60}`; `start_sensorthings(app, entry)` starts one.

Signals (GUI thread):
- `ready(str)`: the source's name, after its first complete poll.
- `status_changed(object)`: a new `StaStatus`.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, Signal

from console.live.timers import Ticking
from console.sources.sensorthings import SensorThingsClient, StaPoll

if TYPE_CHECKING:
    from console.app import ConsoleApp

log = logging.getLogger(__name__)
KIND = "sensorthings"
DEFAULT_INTERVAL_S = 60.0
MAX_BACKOFF_S = 300.0


@dataclass(frozen=True, slots=True)
class StaStatus:
    """Health of one source, on the wall clock of this computer."""

    name: str
    url: str
    ok: bool | None = None  # None: no answer yet
    message: str = ""  # the last error, empty while it works
    last_success: float | None = None
    newest_reading: float | None = None  # data clock: the newest phenomenonTime
    stations: int = 0
    skipped: tuple[str, ...] = field(default_factory=tuple)
    failures: int = 0


def source_name(url: str) -> str:
    """A short name for a service given only by URL: its host (and port)."""
    parts = urlsplit(url)
    return parts.netloc or url


class SensorThingsSource(Ticking):
    ready = Signal(str)
    status_changed = Signal(object)

    def __init__(self, app: ConsoleApp, client: SensorThingsClient,
                 interval_s: float = DEFAULT_INTERVAL_S, parent: QObject | None = None) -> None:
        super().__init__(1000, parent or app)
        self.app = app
        self.client = client
        self.interval_s = interval_s
        self.status = StaStatus(client.name, client.url)
        self._key = f"sta:{client.name}"
        self._next_due = 0.0
        self._ready = False

    @property
    def name(self) -> str:
        return self.client.name

    @property
    def is_ready(self) -> bool:
        return self._ready

    def owns(self, station_id: str) -> bool:
        return self.client.owns(station_id)

    def close(self) -> None:
        self.stop()
        self.client.close()

    def poll_now(self) -> None:
        self._next_due = 0.0
        self._tick()

    def _tick(self) -> None:
        if time.monotonic() < self._next_due or self.app.runner.in_flight(self._key):
            return
        client = self.client
        self.app.runner.submit(self._key, client.poll, self._on_poll, self._on_error)

    def _on_poll(self, result: StaPoll) -> None:
        self._next_due = time.monotonic() + self.interval_s
        self.app.stations.apply(result.stations)
        if result.summaries:
            self.app.rules.apply_rain_summaries(result.summaries)
        newest = max((s.latest_time for s in result.stations if s.latest_time is not None),
                     default=self.status.newest_reading)
        self._set(StaStatus(self.name, self.client.url, True, "", time.time(), newest,
                            len(result.stations), tuple(result.skipped), 0))
        if not self._ready:
            self._ready = True
            log.info("SensorThings %s: %d stations (%d skipped) in %d requests", self.name,
                     len(result.stations), len(result.skipped), result.requests)
            for reason in result.skipped[:20]:  # what an administrator may want to map
                log.info("SensorThings %s: skipped %s", self.name, reason)
            self.ready.emit(self.name)

    def _on_error(self, exc: Exception) -> None:
        failures = self.status.failures + 1
        delay = min(MAX_BACKOFF_S, self.interval_s * 2 ** min(failures - 1, 6))
        self._next_due = time.monotonic() + delay * random.uniform(0.75, 1.25)
        log.warning("SensorThings %s failed (%d in a row): %s", self.name, failures, exc)
        s = self.status
        self._set(StaStatus(s.name, s.url, False, self.app.describe_error(exc), s.last_success,
                            s.newest_reading, s.stations, s.skipped, failures))

    def _set(self, status: StaStatus) -> None:
        if status != self.status:
            self.status = status
            self.status_changed.emit(status)


def _field(entry: Any, name: str, default: Any = None) -> Any:
    """A field of a settings entry, given as a dict or as an object with attributes
    (the sources registry's `SourceEntry`)."""
    if isinstance(entry, dict):
        return entry.get(name, default)
    return getattr(entry, name, default)


def start_sensorthings(app: ConsoleApp, entry: Any, credentials: Any = None
                       ) -> SensorThingsSource | None:
    """Start the source a settings entry describes (None when it is disabled); it joins
    `app.station_sources`, which charts ask for a station's history. `credentials` (from
    the keyring: `.token`, or `.user` and `.password`) are sent with every request."""
    if not _field(entry, "enabled", True):
        return None
    url = str(_field(entry, "url"))
    token = getattr(credentials, "token", None) or _field(entry, "token")
    user, password = getattr(credentials, "user", None), getattr(credentials, "password", None)
    client = SensorThingsClient(url, str(_field(entry, "name") or source_name(url)),
                                app.settings.http, token=token,
                                basic=(user, password) if user and password else None)
    source = SensorThingsSource(app, client,
                                float(_field(entry, "interval_s") or DEFAULT_INTERVAL_S))
    app.station_sources.append(source)
    source.start()
    return source
