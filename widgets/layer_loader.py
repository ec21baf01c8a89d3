"""Adds user layers to the map: vector files (every GeoPackage table), MBTiles files,
XYZ tile URLs and OGC API – Features collections (a URL ending in
`/collections/{id}` or `/collections/{id}/items`; kept fed by a
`FeatureServiceController`, widgets/sources/feature_service.py). Reading happens on
the app's worker threads; layers are created on the GUI thread when the data arrives.
A file or server that cannot be shown gets a clear sentence in the operator's
language (status bar, non-modal dialog; see widgets/file_problem_text.py and
widgets/sources/problem_text.py), the technical detail goes to the log, and it is
not added; nothing else stops.

Signals:
- `layers_added(str, list)`: source path / URL and the layers created from it.
- `load_failed(str, str)`: source and the reason shown to the operator (translated).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox

from console.file_errors import FileLoadError
from console.sources.errors import SourceError
from console.sources.ogc_features import describe, parse_collection_url
from layers.base import MapLayer
from layers.feature_service.layer import FeatureServiceLayer
from layers.tiles.layer import MBTilesSource, TileLayer, XyzSource
from layers.vector_file.layer import PreparedVector, VectorFileLayer, prepare_vector
from widgets.file_problem_text import operator_sentence
from widgets.sources.feature_service import (
    DEFAULT_REFRESH_S,
    FeatureServiceController,
    Fetched,
    open_collection,
)
from widgets.sources.problem_text import source_sentence

if TYPE_CHECKING:
    from widgets.shell import FeatureShell

log = logging.getLogger(__name__)
_jobs = itertools.count(1)


class LayerLoader(QObject):
    layers_added = Signal(str, list)
    load_failed = Signal(str, str)

    def __init__(self, shell: FeatureShell) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        self.pending = 0
        self.controllers: dict[str, FeatureServiceController] = {}  # layer id -> its feeder
        shell.model.layers.removed.connect(self._on_removed)
        shell.on_close(self._stop_controllers)

    def _stop_controllers(self) -> None:
        for controller in self.controllers.values():
            controller.stop()
        self.controllers.clear()

    def _on_removed(self, _index: int, layer: MapLayer) -> None:
        """The shipped basemap fills again once no tile basemap is left beneath it."""
        self.controllers.pop(layer.layer_id, None)  # it stops itself (layers.removed)
        basemap = self.shell.model.basemap
        tiles_left = any(isinstance(layer, TileLayer) for layer in self.shell.model.layers)
        if basemap is not None and hasattr(basemap, "set_fills") and not tiles_left:
            basemap.set_fills(True)

    # --- entry points (GUI thread) --------------------------------------------------------

    def add_path(
        self,
        path: str | Path,
        layer_ids: dict[str | None, str] | None = None,
        done: Callable[[list[MapLayer]], None] | None = None,
        refresh_s: float | None = DEFAULT_REFRESH_S,
    ) -> None:
        """Load a vector or MBTiles file, an XYZ URL template or a feature collection URL
        (`--layer` accepts all four). `layer_ids` maps table -> id (workspace restore);
        `refresh_s` is a collection's refresh interval (None: when the view moves only)."""
        text = str(path)
        if text.startswith(("http://", "https://")) and parse_collection_url(text):
            self.add_collection(text, layer_ids, done, refresh_s)
            return
        if text.startswith(("http://", "https://")) and "{z}" in text:
            try:
                layers = [self.add_xyz(text, self.tr("Tile basemap"), "")]
            except ValueError as exc:  # add_xyz's message is already the operator's
                log.warning("layer %s not added: %s", text, exc)
                self._report(text, str(exc))
                layers = []
            if done:
                done(layers)
            return
        path = Path(path)
        if path.suffix.lower() == ".mbtiles":
            self._submit(
                str(path),
                lambda: MBTilesSource.open(path),
                lambda src: self._add_tiles(src, src.reader.name, layer_ids, str(path)),
                done,
            )
        else:
            self._submit(
                str(path),
                lambda: prepare_vector(path),
                lambda prepared: self._add_vectors(prepared, layer_ids),
                done,
            )

    def add_xyz(
        self, template: str, title: str, attribution: str, layer_id: str | None = None
    ) -> TileLayer:
        if not all(part in template for part in ("{z}", "{x}")) or not (
            "{y}" in template or "{-y}" in template
        ):
            raise ValueError(self.tr("An XYZ URL needs {z}, {x} and {y} placeholders"))
        layer = TileLayer(XyzSource(template, attribution), title, layer_id or _new_id("xyz"))
        self._insert_basemap(layer)
        self.layers_added.emit(template, [layer])
        return layer

    def add_collection(
        self,
        url: str,
        layer_ids: dict[str | None, str] | None = None,
        done: Callable[[list[MapLayer]], None] | None = None,
        refresh_s: float | None = DEFAULT_REFRESH_S,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Open an OGC API – Features collection as a layer: its metadata and the
        features around the current view are read on a worker; the layer is created
        when they arrive and kept fed by its controller. A failure is reported to the
        operator (message box), or only to `on_error` when given (a configured source
        that retries by itself and shows its own banner)."""
        view = self.shell.canvas.extent()
        cursor = self.shell.model.time_cursor
        http = self.shell.app.settings.http
        self._submit(
            url,
            lambda: open_collection(url, view, cursor, http),
            lambda fetched: self._add_feature_layer(fetched, layer_ids, refresh_s),
            done,
            on_error,
        )

    def _add_feature_layer(
        self, fetched: Fetched, layer_ids: dict[str | None, str] | None, refresh_s: float | None
    ) -> list[MapLayer]:
        layer = FeatureServiceLayer(
            fetched.info, fetched.prepared, fetched.box, (layer_ids or {}).get(None), refresh_s
        )
        controller = FeatureServiceController(self.shell, layer, fetched.client)
        self.controllers[layer.layer_id] = controller
        self._insert_under_live(layer)
        controller.arrived(fetched)
        if fetched.result.truncated:
            self.shell.status.showMessage(
                self.tr("%1: only the first %2 features are shown; zoom in for the rest.")
                .replace("%1", layer.title)
                .replace("%2", str(len(fetched.result.feature_ids))),
                15000,
            )
        return [layer]

    # --- internals ------------------------------------------------------------------------

    def _submit(self, source: str, job, build, done, on_error=None) -> None:
        self.pending += 1
        fail = on_error or (lambda exc: self._fail(source, exc))

        def ok(result) -> None:
            self.pending -= 1
            try:
                layers = build(result)
            except ValueError as exc:
                fail(exc)
                if done:
                    done([])
                return
            self.layers_added.emit(source, layers)
            if done:
                done(layers)

        def failed(exc: Exception) -> None:
            self.pending -= 1
            fail(exc)
            if done:
                done([])

        self.shell.app.runner.submit(f"layer-load-{next(_jobs)}", job, ok, failed)

    def _add_vectors(
        self, prepared: list[PreparedVector], layer_ids: dict[str | None, str] | None
    ) -> list[MapLayer]:
        added: list[MapLayer] = []
        for item in prepared:
            layer_id = (layer_ids or {}).get(item.table.table)
            layer = VectorFileLayer(item, layer_id)
            for warning in item.table.warnings:
                log.warning("%s", warning)
                self.shell.status.showMessage(warning, 10000)
            self._insert_under_live(layer)
            added.append(layer)
        return added

    def _add_tiles(self, source: MBTilesSource, title: str, layer_ids, path: str) -> list[MapLayer]:
        layer_id = (layer_ids or {}).get(None) or _new_id("mbtiles")
        layer = TileLayer(source, title, layer_id)
        self._insert_basemap(layer)
        bounds = source.reader.bounds_lonlat
        log.info(
            "MBTiles basemap %s (zoom %s, bounds %s)",
            path,
            (source.min_zoom, source.max_zoom),
            bounds,
        )
        return [layer]

    def _insert_under_live(self, layer: MapLayer) -> None:
        """User data layers go above the basemaps and other user layers but under the
        live layers (vessels, stations ...), which operators must always see."""
        layers = self.shell.model.layers
        target = next((i for i, lyr in enumerate(layers) if lyr.live), len(layers))
        layers.append(layer)
        layers.move(len(layers) - 1, target)

    def _insert_basemap(self, layer: TileLayer) -> None:
        """Tile basemaps draw under every vector layer; the shipped basemap then shows
        its outlines only so the tiles stay visible."""
        layers = self.shell.model.layers
        layers.append(layer)
        layers.move(len(layers) - 1, 0)
        basemap = self.shell.model.basemap
        if basemap is not None and hasattr(basemap, "set_fills"):
            basemap.set_fills(False)

    def _fail(self, source: str, exc: Exception) -> None:
        """One path for every file-layer load error: the detail (GDAL's or SQLite's own
        words, whatever the reader raised) to the log, a sentence to the operator."""
        if isinstance(exc, SourceError) or (
            source.startswith(("http://", "https://")) and parse_collection_url(source)
        ):
            log.warning("layer %s not added: %s", source, describe(exc))
            self._report(source, source_sentence(exc, source))
            return
        if isinstance(exc, FileLoadError):
            log.warning("layer %s not added: %s", source, exc)
        else:  # not a reader's known refusal: keep the type for whoever reads the log
            log.warning("layer %s not added: %s: %s", source, type(exc).__name__, exc)
        self._report(source, operator_sentence(exc, Path(source).name or source))

    def _report(self, source: str, message: str) -> None:
        text = self.tr("Layer not added: %1").replace("%1", message)
        self.shell.status.showMessage(text, 20000)
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Cannot add layer"), text, parent=self.shell.widget
        )
        box.setObjectName("layerLoadError")
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        self.load_failed.emit(source, message)


def _new_id(prefix: str) -> str:
    return f"{prefix}-{next(_jobs)}"
