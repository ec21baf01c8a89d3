"""The "sensorthings" source kind: a configured SensorThings API service whose water-level
and rain Datastreams join the stations (console/live/sta_source.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from console.live.sta_source import DEFAULT_INTERVAL_S, start_sensorthings
from console.sources.registry import SourceEntry, SourceKind, http_url_problem, register
from console.sources.source_health import watch_sensorthings

if TYPE_CHECKING:
    from widgets.sources.manager import SourceManager


def _start(host: SourceManager, entry: SourceEntry):
    source = start_sensorthings(host.app, entry, host.credentials(entry))
    if source is not None:
        watch_sensorthings(host.health, source, entry.name, entry.url)
    return source


register(SourceKind(
    kind="sensorthings",
    title=lambda: QCoreApplication.translate("Sources", "SensorThings API"),
    credentials="basic-or-token",
    default_interval_s=DEFAULT_INTERVAL_S,
    check_url=http_url_problem,
    start=_start,
))
