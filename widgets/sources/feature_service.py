"""Keeps a feature-service layer (layers/feature_service) fed from its OGC API – Features
collection: opened once on a worker (collection metadata + the features in view), then
refreshed when the view leaves what was fetched, when the map's time cursor moves (for a
collection with time) and every `refresh_s` seconds. Every fetch runs on the app's job
runner (latest wins per layer), so the GUI never waits on the server; a failed refresh
keeps the last picture and reports to the source's health (status area, banner).

What is asked for: the view grown by half its size on every side (small pans need no
new request), in the map's CRS when the server offers it (console/sources/ogc_features.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from console import secrets
from console.live.timers import timer
from console.sources.http import HttpSettings
from console.sources.ogc_features import (
    CollectionInfo,
    FeatureResult,
    FeaturesClient,
    describe,
    parse_collection_url,
)
from console.sources.registry import source_key
from layers.base import MapLayer
from layers.feature_service.layer import FeatureServiceLayer
from layers.vector_file.layer import PreparedVector, prepare_table

if TYPE_CHECKING:
    from widgets.shell import FeatureShell

log = logging.getLogger(__name__)
KIND = "ogcapi-features"
MARGIN = 0.5  # of the view's width / height, on each side
SETTLE_MS = 600  # a view that stopped moving for this long is fetched for
TIME_WINDOW_S = 24 * 3600.0  # with a time cursor: the features of the day before it
DEFAULT_REFRESH_S = 300.0
RETRY_FIRST_S = 5.0  # a failed refresh is tried again after 5, 10, 20 ... s
RETRY_MAX_S = 120.0

Extent = tuple[float, float, float, float]


@dataclass
class Fetched:
    """What one worker job brings back (opening, or a refresh)."""

    client: FeaturesClient
    info: CollectionInfo
    result: FeatureResult
    prepared: PreparedVector
    box: Extent | None


def fetch_box(view: Extent) -> Extent:
    x0, y0, x1, y1 = view
    dx, dy = (x1 - x0) * MARGIN, (y1 - y0) * MARGIN
    return x0 - dx, y0 - dy, x1 + dx, y1 + dy


def datetime_param(cursor: float | None) -> str | None:
    """The `datetime` interval for the map's time cursor (None: live, no filter)."""
    if cursor is None:
        return None

    def iso(t: float) -> str:
        return datetime.fromtimestamp(t, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    return f"{iso(cursor - TIME_WINDOW_S)}/{iso(cursor)}"


def open_collection(
    url: str, view: Extent | None, cursor: float | None, http: HttpSettings
) -> Fetched:
    """Worker thread: the collection's metadata and its features in (around) the view."""
    ref = parse_collection_url(url)
    if ref is None:
        raise ValueError(f"not an OGC API – Features collection URL: {url}")
    credentials = secrets.load_credentials(KIND, ref.url) or secrets.load_credentials(
        KIND, ref.root
    )  # this collection's own, else its server's
    client = FeaturesClient(ref.root, http, credentials)
    try:
        info = client.collection(ref.collection_id)
        return refetch(client, info, view, cursor)
    except Exception:
        client.close()
        raise


def refetch(
    client: FeaturesClient, info: CollectionInfo, view: Extent | None, cursor: float | None
) -> Fetched:
    """Worker thread: the collection's features in (around) the view, prepared to draw."""
    box = fetch_box(view) if view is not None else None
    result = client.fetch(info, box, datetime_param(cursor))
    for warning in result.table.warnings:
        log.warning("%s", warning)
    if result.truncated:
        log.warning("%s: stopped at %d features", info.ref.url, len(result.feature_ids))
    return Fetched(client, info, result, prepare_table(result.table), box)


class FeatureServiceController(QObject):
    """Refreshes one layer. GUI thread; created by the layer loader with the first data."""

    def __init__(self, shell: FeatureShell, layer: FeatureServiceLayer, client: FeaturesClient):
        super().__init__(shell.widget)
        self.shell = shell
        self.layer = layer
        self.client = client
        self.key = source_key(KIND, layer.url)
        self.refreshes = 0  # completed refreshes after the opening (tests, diagnostics)
        self._stopped = False
        health = shell.app.health
        health.register(self.key, KIND, layer.title, layer.url)
        self._settle = timer(self, SETTLE_MS, self._view_settled, single_shot=True)
        self._periodic = timer(self, int((layer.refresh_s or 0) * 1000), self.refresh)
        self._retry = timer(self, int(RETRY_FIRST_S * 1000), self.refresh, single_shot=True)
        self._failures = 0
        if layer.refresh_s:
            self._periodic.start()
        self._on_range = lambda *_a: self._settle.start()
        shell.canvas.view.sigRangeChanged.connect(self._on_range)
        shell.model.time_cursor_changed.connect(self._on_time)
        shell.model.layers.removed.connect(self._on_removed)
        layer.visibility_changed.connect(self._on_visibility)

    @property
    def job_key(self) -> str:
        return f"ogc-refresh:{self.layer.layer_id}"

    def set_refresh_interval(self, seconds: float | None) -> None:
        self.layer.refresh_s = seconds
        self._periodic.stop()
        if seconds:
            self._periodic.setInterval(int(seconds * 1000))
            self._periodic.start()

    def arrived(self, fetched: Fetched) -> None:
        """Data for the layer arrived (the opening's, or a refresh's)."""
        self.shell.app.health.data(self.key, len(fetched.result.feature_ids))

    def refresh(self) -> None:
        """Fetch the view now (skipped while the layer is hidden: nothing to show)."""
        if self._stopped or not self.layer.visible:
            return
        client, info = self.client, self.layer.info
        view = self.shell.canvas.extent()
        cursor = self.shell.model.time_cursor
        self.shell.app.runner.submit(
            self.job_key,
            lambda: refetch(client, info, view, cursor),
            self._on_result,
            self._on_error,
        )

    def _view_settled(self) -> None:
        if not self.layer.covers(self.shell.canvas.extent()):
            self.refresh()

    def _on_time(self, _cursor: object) -> None:
        if self.layer.info.temporal is not None:
            self.refresh()

    def _on_visibility(self, visible: bool) -> None:
        if visible:
            self._view_settled()

    def _on_result(self, fetched: Fetched) -> None:
        if self._stopped:
            return
        self.layer.replace_data(fetched.prepared, fetched.box)
        self.refreshes += 1
        self._failures = 0
        self._retry.stop()
        self.arrived(fetched)

    def _on_error(self, exc: Exception) -> None:
        if self._stopped:
            return
        text = describe(exc)
        log.warning("feature layer %s not refreshed: %s", self.layer.url, text)
        self.shell.app.health.error(self.key, text)
        self._failures += 1
        delay = min(RETRY_MAX_S, RETRY_FIRST_S * 2 ** (self._failures - 1))
        self._retry.setInterval(int(delay * 1000))
        self._retry.start()

    def _on_removed(self, _index: int, layer: MapLayer) -> None:
        if layer is self.layer:
            self.stop()

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self._settle.stop()
        self._periodic.stop()
        self._retry.stop()
        self.shell.canvas.view.sigRangeChanged.disconnect(self._on_range)
        self.shell.model.time_cursor_changed.disconnect(self._on_time)
        self.shell.model.layers.removed.disconnect(self._on_removed)
        self.shell.app.health.unregister(self.key)
        self.client.close()
