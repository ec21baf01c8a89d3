"""Which renderer draws which layer type: looked up along the class hierarchy, so a new
layer subclass reuses its parent's renderer unless it registers its own."""

from __future__ import annotations

import pyqtgraph as pg

from layers._draw.points import PointRenderer
from layers.base import MapLayer
from layers.basemap_vector.layer import HistoricProvinceLayer, VectorBasemapLayer
from layers.basemap_vector.render import BasemapRenderer, HistoricProvinceRenderer
from layers.points import PointLayer
from layers.render_base import Renderer
from layers.stations.layer import StationLayer
from layers.stations.render import StationRenderer
from layers.storm.layer import StormLayer
from layers.storm.render import StormRenderer
from layers.tiles.layer import TileLayer
from layers.tiles.render import TileRenderer
from layers.vector_file.layer import VectorFileLayer
from layers.vector_file.render import VectorRenderer
from layers.vessels.layer import VesselLayer
from layers.vessels.render import VesselRenderer
from layers.vessels.track import TrackLayer
from layers.vessels.track_render import TrackRenderer
from layers.zones.layer import ZoneLayer
from layers.zones.render import ZoneRenderer

RENDERERS: dict[type[MapLayer], type[Renderer]] = {
    VectorBasemapLayer: BasemapRenderer,
    HistoricProvinceLayer: HistoricProvinceRenderer,
    VectorFileLayer: VectorRenderer,
    TileLayer: TileRenderer,
    VesselLayer: VesselRenderer,
    TrackLayer: TrackRenderer,
    StationLayer: StationRenderer,
    ZoneLayer: ZoneRenderer,
    StormLayer: StormRenderer,
    PointLayer: PointRenderer,
}


def create_renderer(layer: MapLayer, view: pg.ViewBox) -> Renderer:
    for cls in type(layer).__mro__:
        renderer = RENDERERS.get(cls)  # type: ignore[arg-type]
        if renderer is not None:
            return renderer(layer, view)
    raise TypeError(f"no renderer registered for {type(layer).__name__}")
