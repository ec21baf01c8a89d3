"""The "ogcapi-features" source kind: a configured collection URL becomes a map layer
at start (as `--layer URL` does), refreshed every `interval_s` (default 300 s) and when
the view moves. While its server does not answer, the source retries with backoff and
its banner says so; no message box per attempt. A server URL (no collection) only
remembers the server for Layer › Add from server….
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from console.live.timers import timer
from console.sources.ogc_features import describe, parse_collection_url
from console.sources.registry import (
    SourceEntry,
    SourceKind,
    health_key,
    http_url_problem,
    register,
)
from widgets.sources.feature_service import DEFAULT_REFRESH_S, KIND, RETRY_FIRST_S, RETRY_MAX_S

if TYPE_CHECKING:
    from widgets.sources.manager import SourceManager


class CollectionSource(QObject):
    """One configured collection: opens its layer, retrying until the server answers."""

    def __init__(self, host: SourceManager, entry: SourceEntry) -> None:
        super().__init__(host.shell.widget)
        ref = parse_collection_url(entry.url)
        assert ref is not None
        self.host, self.entry, self.url = host, entry, ref.url
        self.key = health_key(entry)  # = the layer controller's key (normalize_url)
        self.layer_id: str | None = None
        self._failures = 0
        self._stopped = False
        self._retry = timer(self, int(RETRY_FIRST_S * 1000), self._open, single_shot=True)
        host.health.register(self.key, KIND, entry.name, ref.url)
        self._open()

    def _open(self) -> None:
        loader = self.host.shell.services.map_features.loader
        refresh = self.entry.interval_s if self.entry.interval_s is not None else DEFAULT_REFRESH_S
        loader.add_collection(self.url, None, self._opened, refresh, on_error=self._failed)

    def _opened(self, layers: list) -> None:
        if self._stopped:
            for layer in layers:
                self.host.shell.model.layers.remove(layer)
            return
        if layers:
            layers[0].set_title(self.entry.name)
            self.layer_id = layers[0].layer_id
            self.host.health.register(self.key, KIND, self.entry.name, self.url)

    def _failed(self, exc: Exception) -> None:
        if self._stopped:
            return
        self.host.health.error(self.key, describe(exc))
        self._failures += 1
        self._retry.setInterval(int(min(RETRY_MAX_S, RETRY_FIRST_S * 2 ** self._failures) * 1000))
        self._retry.start()

    def stop(self) -> None:
        self._stopped = True
        self._retry.stop()
        layers = self.host.shell.model.layers
        layer = layers.by_id(self.layer_id) if self.layer_id else None
        if layer is not None:
            layers.remove(layer)  # its controller stops and leaves the health board
        else:
            self.host.health.unregister(self.key)


def normalize_url(url: str) -> str:
    """A collection's URL without `/items` or a query; a server's as given."""
    ref = parse_collection_url(url)
    return ref.url if ref is not None else url.rstrip("/")


def start(host: SourceManager, entry: SourceEntry) -> CollectionSource | None:
    if parse_collection_url(entry.url) is None:
        return None  # a server: offered in Layer › Add from server…, nothing runs
    return CollectionSource(host, entry)


register(
    SourceKind(
        kind=KIND,
        title=lambda: QCoreApplication.translate("Sources", "OGC API – Features"),
        credentials="basic-or-token",
        default_interval_s=DEFAULT_REFRESH_S,
        check_url=http_url_problem,
        start=start,
        normalize_url=normalize_url,
    )
)
register(
    SourceKind(
        kind="backend",
        title=lambda: QCoreApplication.translate("Sources", "Reference backend"),
        credentials="token",
        check_url=http_url_problem,
        start=None,  # the app's own connection (console/app.py); listed for its health
    )
)
