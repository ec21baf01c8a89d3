"""Wire an AIS source into the console: its batches into the vessel store, the VMS fleet
into its identity matching, its health into the app's list of sources.

`start_ais(app, url, name)` is the "ais" kind's start function for the sources
registry (settings file entries `{"kind": "ais", "name", "url", "enabled"}` and the
`--ais URL` command-line option). GUI thread.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from console.model.freshness import SOURCE_BITS, VesselSource
from console.rules.config import AisMatchSettings
from console.sources.ais.identity import AisLinks
from console.sources.ais.source import AisHealth, AisSource
from console.stores.vessels import VesselChange, VesselStore

_VMS_BIT = int(SOURCE_BITS[VesselSource.VMS])


class AisIngest(QObject):
    """Merges a source's batches into `store` and keeps its VMS links current: when new
    VMS vessels arrive, the matching snapshot is rebuilt (O(fleet), only then)."""

    def __init__(self, source: AisSource, store: VesselStore, match: AisMatchSettings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.store = store
        self.match = match
        self._vms_rows = 0
        self._seen_rows = 0
        source.batch_ready.connect(store.apply)
        store.changed.connect(self._on_store_changed)
        self._relink()

    def _on_store_changed(self, _change: VesselChange) -> None:
        n = len(self.store)
        if n == self._seen_rows:
            return
        fresh = self.store.sources[self._seen_rows : n]
        self._seen_rows = n
        if np.any(fresh & _VMS_BIT):
            self._relink()

    def _relink(self) -> None:
        store = self.store
        n = len(store)
        vms = np.flatnonzero(store.sources[:n] & _VMS_BIT).tolist()
        self._vms_rows = len(vms)
        fleet = [store.at(r) for r in vms]
        self.source.set_links(AisLinks.build(fleet, self.match.match_by, self.match.mmsi))

    def close(self) -> None:
        self.source.batch_ready.disconnect(self.store.apply)
        self.store.changed.disconnect(self._on_store_changed)
        self.source.stop()


def start_ais(app, url: str, name: str = "", **_options: object) -> AisSource:
    """Start an AIS source on `app` (a ConsoleApp): fixes stamped with the app's data
    clock, merged into `app.vessels`, stopped with the app. Raises ValueError for a bad
    address (the caller shows it). Extra settings-file keys (e.g. `interval_s`, which a
    stream does not need) are accepted and ignored."""
    source = AisSource(url, name=name, now=app.clock.now, parent=app)
    ingest = AisIngest(source, app.vessels, app.rules.config.ais, parent=app)
    app.ais_sources.append(ingest)
    source.start()
    return source


class AisReadiness(QObject):
    """`ready()` once every given source has delivered its first position (at once when
    there is none); `failed(str)` when one reports an error before that. For the
    headless `--screenshot` run, which waits for first data on every source given."""

    ready = Signal()
    failed = Signal(str)

    def __init__(self, sources: list[AisSource], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting = set(range(len(sources)))
        self._done = False
        for i, source in enumerate(sources):
            source.first_data.connect(lambda i=i: self._arrived(i))
            source.health_changed.connect(self._health)
        if not sources:
            QTimer.singleShot(0, self._check)

    def _arrived(self, i: int) -> None:
        self._waiting.discard(i)
        self._check()

    def _check(self) -> None:
        if not self._waiting and not self._done:
            self._done = True
            self.ready.emit()

    def _health(self, health: AisHealth) -> None:
        if health.state == "error" and not self._done and self._waiting:
            self._done = True
            self.failed.emit(health.error)


class _Both(QObject):
    fired = Signal()


def both_ready(first, second, parent: QObject | None = None):
    """A signal that fires once, after both `first` and `second` have fired."""
    relay = _Both(parent)
    seen: set[int] = set()

    def mark(which: int) -> None:
        seen.add(which)
        if seen == {1, 2}:
            seen.add(3)
            relay.fired.emit()

    first.connect(lambda *_a: mark(1))
    second.connect(lambda *_a: mark(2))
    return relay.fired
