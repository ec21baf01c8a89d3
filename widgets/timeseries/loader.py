"""Fetches station readings on workers and keeps them in one shared SeriesCache.

``request(station, t0, t1)`` asks the cache what is missing and submits one job per
missing range (each under its own runner key, so ranges never cancel each other);
duplicate requests for a range already in flight are skipped. Results are applied
on the GUI thread (JobRunner delivers there).

Signals:
- `loaded(str)`: new readings for that station are in the cache.
- `failed(str, str)`: station id, readable error (shown in the chart, never lost).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from console.live.runner import JobRunner
from console.model.station import ObservationSeries
from console.series.cache import SeriesCache

log = logging.getLogger(__name__)
DAY = 86400.0
MAX_REQUEST_S = 390 * DAY  # below the backend's 400-day window limit

Fetch = Callable[[str, float, float], ObservationSeries]


class SeriesLoader(QObject):
    loaded = Signal(str)
    failed = Signal(str, str)

    def __init__(
        self,
        runner: JobRunner,
        fetch: Callable[[], Fetch | None],
        cache: SeriesCache | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self._fetch = fetch  # returns the client's history method once connected
        self.cache = cache or SeriesCache()
        self._in_flight: set[tuple[str, float, float]] = set()
        self.requests_sent: list[tuple[str, float, float]] = []  # for tests and the bench

    def pending(self, station_id: str) -> bool:
        return any(k[0] == station_id for k in self._in_flight)

    def request(self, station_id: str, t0: float, t1: float) -> int:
        """Fetch what the cache lacks of [t0, t1]; returns how many jobs were submitted."""
        fetch = self._fetch()
        if fetch is None:
            self.failed.emit(station_id, self.tr("Not connected to the backend yet."))
            return 0
        submitted = 0
        for gap_start, gap_end in self.cache.missing(station_id, t0, t1):
            a = gap_start
            while a < gap_end:
                chunk_end = min(gap_end, a + MAX_REQUEST_S)
                if not self._covered_by_flight(station_id, a, chunk_end):
                    self._submit(fetch, station_id, a, chunk_end)
                    submitted += 1
                a = chunk_end
        return submitted

    def _covered_by_flight(self, station_id: str, a: float, b: float) -> bool:
        return any(s == station_id and x <= a and b <= y for s, x, y in self._in_flight)

    def _submit(self, fetch: Fetch, station_id: str, a: float, b: float) -> None:
        key = (station_id, a, b)
        self._in_flight.add(key)
        self.requests_sent.append(key)

        def done(series: ObservationSeries) -> None:
            self._in_flight.discard(key)
            self.cache.put(station_id, a, b, series.t, series.value)
            self.loaded.emit(station_id)

        def error(exc: Exception) -> None:
            self._in_flight.discard(key)
            log.warning("history of %s not loaded: %s", station_id, exc)
            self.failed.emit(station_id, str(exc))

        self.runner.submit(
            f"series:{station_id}:{a:.0f}:{b:.0f}", lambda: fetch(station_id, a, b), done, error
        )
