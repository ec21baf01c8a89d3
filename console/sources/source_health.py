"""The health board (console/sources/health.py) fed by the SensorThings and AIS sources,
however they were started (the settings file's `[[sources]]`, or `--sta` / `--ais`):
each registers under the key the Sources page knows it by and reports data and errors
as they come, so the status area and its banner show it like any other source."""

from __future__ import annotations

from typing import Any

from console.sources.health import HealthBoard
from console.sources.registry import source_key


def watch_sensorthings(health: HealthBoard, source: Any, name: str, url: str) -> str:
    """Report a `SensorThingsSource`'s `status_changed(StaStatus)` to the board."""
    key = source_key("sensorthings", url)
    health.register(key, "sensorthings", name, url)

    def on_status(status: Any) -> None:
        if status.ok:
            health.data(key, status.stations)
        elif status.ok is False:
            health.error(key, status.message)

    source.status_changed.connect(on_status)
    return key


def watch_ais(health: HealthBoard, source: Any, name: str, url: str) -> str:
    """Report an `AisSource`'s `health_changed(AisHealth)` to the board: positions as its
    items, an error state as a failure."""
    key = source_key("ais", url)
    health.register(key, "ais", name, url)

    def on_health(h: Any) -> None:
        if h.state == "error":
            health.error(key, h.error)
        elif h.counters.last_data is not None:
            health.data(key, h.counters.positions, when=h.counters.last_data)

    source.health_changed.connect(on_health)
    return key
