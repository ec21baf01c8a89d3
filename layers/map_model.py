"""The map model: what every view of the map shows, with no window in it.

The idea of napari's `ViewerModel`: the ordered layer list, the domain layers built from
one registry entry per layer kind with their rule bindings passed in by constructor, the
selection and the time cursor. The main window is one view of it (the map canvas, the
layer panel, the lists and the inspector all follow it); the print layout, the HTML export
and the tests are others. QtCore only (signals), so it is built and tested headless.

It lives in `layers/`, not `console/`, because it owns map layers and the core may not
import them (import contracts in pyproject.toml); like the rest of `layers/` it never
imports `widgets`.

Signals (each only on a real change):
- `selection_changed(object)`: the new `Selection`, or None.
- `time_cursor_changed(object)`: the new time cursor (UTC seconds), or None (live).
- `basemap_changed(object)`: the province basemap layer arrived.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from layers.base import MapLayer
from layers.cameras.layer import CameraLayer
from layers.incidents.layer import IncidentLayer
from layers.layer_list import LayerList
from layers.stations.layer import StationLayer
from layers.storm.layer import StormLayer
from layers.vessels.layer import VesselLayer

if TYPE_CHECKING:  # the model is handed a running ConsoleApp; only its type is named here
    from console.app import ConsoleApp
    from layers.basemap_vector.layer import VectorBasemapLayer


@dataclass(frozen=True, slots=True)
class Selection:
    """One object picked by the operator, wherever it was picked (map, list, alert)."""

    layer_id: str
    item_id: str


@dataclass(frozen=True, slots=True)
class LayerKind:
    """One entry of the domain-layer registry: the layer's id and how to build it from the
    running console (stores, clock, settings and the rules' bindings). The layer class
    carries the rest of the kind: its legend, its identify (`hit_test`) and, through
    `console.symbology`, its export style; its renderer is `layers.registry.RENDERERS`."""

    layer_id: str
    build: Callable[[ConsoleApp], MapLayer]


def _vessels(app: ConsoleApp) -> VesselLayer:
    rules = app.rules
    return VesselLayer(
        app.vessels,
        app.clock,
        app.settings.freshness,
        violations=lambda: rules.vessel_rules.violating,
        label_min_px_per_km=rules.config.map.label_min_scale_px_per_km,
    )


def _stations(app: ConsoleApp) -> StationLayer:
    rules = app.rules
    return StationLayer(
        app.stations,
        app.clock,
        app.settings.station_stale_after_s,
        summaries=rules.station_rules.summaries,
        level_of=rules.station_rules.level_of,
        rain=rules.config.rain,
    )


# bottom to top: the order they are stacked in on the map
DOMAIN_LAYERS: tuple[LayerKind, ...] = (
    LayerKind("storm", lambda app: StormLayer(app.storm)),
    LayerKind("cameras", lambda app: CameraLayer(app.cameras, app.clock)),
    LayerKind("incidents", lambda app: IncidentLayer(app.incidents, app.clock)),
    LayerKind("stations", _stations),
    LayerKind("vessels", _vessels),
)


class MapModel(QObject):
    selection_changed = Signal(object)
    time_cursor_changed = Signal(object)
    basemap_changed = Signal(object)

    def __init__(
        self,
        app: ConsoleApp,
        kinds: tuple[LayerKind, ...] = DOMAIN_LAYERS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.layers = LayerList(self)
        self._domain: dict[str, MapLayer] = {}
        for kind in kinds:
            layer = kind.build(app)
            self._domain[kind.layer_id] = layer
            self.layers.append(layer)
        self.basemap: VectorBasemapLayer | None = None
        self.historic_province: MapLayer | None = None
        self._selection: Selection | None = None
        self._time_cursor: float | None = None
        self._bindings: list[tuple[Any, Any]] = []
        self._bind_rules()

    # --- the domain layers ----------------------------------------------------------------

    def domain_layer(self, layer_id: str) -> MapLayer:
        return self._domain[layer_id]

    @property
    def vessels(self) -> VesselLayer:
        return self._domain["vessels"]  # type: ignore[return-value]

    @property
    def stations(self) -> StationLayer:
        return self._domain["stations"]  # type: ignore[return-value]

    def _bind_rules(self) -> None:
        """Rule results that change what a layer draws mark it dirty (disconnected in
        `close`)."""
        rules = self.app.rules
        if "vessels" in self._domain:
            self._connect(rules.violations_changed, self.vessels.on_violations_changed)
        if "stations" in self._domain:
            self._connect(rules.summaries_updated, self.stations.changed)

    def _connect(self, signal: Any, slot: Any) -> None:
        signal.connect(slot)
        self._bindings.append((signal, slot))

    def set_basemap(self, layer: VectorBasemapLayer,
                    historic: MapLayer | None = None) -> None:
        """The province basemap arrived (read on a worker): stack it at the bottom, the
        historic province outline (a switchable layer of its own) just above it."""
        self.basemap = layer
        self.historic_province = historic
        self.layers.append(layer)
        self.layers.move(len(self.layers) - 1, 0)
        if historic is not None:
            self.layers.append(historic)
            self.layers.move(len(self.layers) - 1, 1)
        self.basemap_changed.emit(layer)

    # --- selection and time ---------------------------------------------------------------

    @property
    def selection(self) -> Selection | None:
        return self._selection

    def select(self, layer_id: str | None, item_id: str | None = None) -> None:
        """Pick one object (or nothing: `select(None)`); every view follows."""
        selection = Selection(layer_id, item_id) if layer_id and item_id else None
        if selection == self._selection:
            return
        self._selection = selection
        for layer in self.layers:  # the map marks it: a halo on its layer, none elsewhere
            on_layer = selection is not None and layer.layer_id == selection.layer_id
            layer.set_highlight(selection.item_id if on_layer else None)
        self.selection_changed.emit(selection)

    @property
    def time_cursor(self) -> float | None:
        return self._time_cursor

    def set_time_cursor(self, t: float | None) -> None:
        """The time the picture shows (review mode), or None for live."""
        if t == self._time_cursor:
            return
        self._time_cursor = t
        self.time_cursor_changed.emit(t)

    def close(self) -> None:
        """Disconnect the rule bindings and close every layer (each leaves its store)."""
        for signal, slot in self._bindings:
            signal.disconnect(slot)
        self._bindings.clear()
        for layer in list(self.layers):
            self.layers.remove(layer)
