"""Vector basemap: the province's land, water, rivers, roads, boundary, places and the
Hoàng Sa / Trường Sa archipelagos, read from GeoJSON files shipped in resources/
(built from GSHHG, Natural Earth and GeoNames by `python -m resources.basemap.build`).

Geometry is projected once to the map CRS at load. Reading and projecting happen in
`load_basemap` (pure, callable on a worker thread); the layer only holds the result.
The big themes (land, the province, rivers) are drawn through the same level-of-detail
quadtree as user layers (`layers/vector_file/lod.py`, built here on the worker): a
frame draws only the visible nodes, simplified to about a pixel, so the province view
and a harbour zoom cost the same. `land_overview` (~220 m) feeds the overview inset.
The former Bình Định outline is its own switchable layer (`HistoricProvinceLayer`).
The communes and wards (communes.geojson) are read here too, off the GUI thread, but not
drawn: they are the names the "Go to" box finds (console/communes.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication

from console.communes import Commune, read_communes
from console.geo.crs import lonlat_to_map
from layers.base import Hit, LegendEntry, MapLayer
from layers.hit_test import points_near
from layers.vector_file.lod import LodNode, build_lod

BASEMAP_DIR = Path(__file__).resolve().parents[2] / "resources" / "basemap"
FILES = ("land", "land_overview", "water", "province", "rivers", "roads", "archipelagos", "places")
COMMUNES_FILE = "communes.geojson"  # a gazetteer: found by name, not drawn
LOD_KINDS = ("land", "province", "river")  # drawn through a quadtree (see module doc)


_tr = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class VectorStyle:
    fill: str | None
    stroke: str | None
    width: float = 1.0
    dashed: bool = False
    z: int = 0


# Strokes are 1 px: a cosmetic pen wider than 1 px goes through Qt's general stroker,
# which made a pan frame of the province view ~3x dearer (bench basemap_shipped).
STYLES: dict[str, VectorStyle] = {
    "land": VectorStyle("#f1ede2", "#a89c83", 1.0, z=0),
    "land_overview": VectorStyle("#f1ede2", "#a89c83", 1.0, z=0),
    "island": VectorStyle("#f1ede2", "#8c7f66", 1.0, z=1),
    "province": VectorStyle("#fbf7ea", "#8b3a1a", 1.0, dashed=True, z=2),
    "lagoon": VectorStyle("#b7d7ec", "#7eaed0", 1.0, z=3),
    "lake": VectorStyle("#b7d7ec", "#7eaed0", 1.0, z=3),
    "reservoir": VectorStyle("#a3cbe6", "#5f97c2", 1.0, z=3),
    "river": VectorStyle(None, "#4f8bbd", 1.0, z=4),
    "road": VectorStyle(None, "#c0392b", 1.0, z=5),
    "province_historic": VectorStyle(None, "#6d6d6d", 1.0, dashed=True, z=6),
    "archipelago_area": VectorStyle(None, "#3d6a8f", 1.0, dashed=True, z=1),
}


@dataclass
class VectorGroup:
    """All geometry of one style: polygon rings (each a (n, 2) array, holes included)
    and lines, in map coordinates."""

    kind: str
    style: VectorStyle
    polygons: list[list[np.ndarray]] = field(default_factory=list)
    lines: list[np.ndarray] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PlaceLabel:
    x: float
    y: float
    name_vi: str
    name_en: str
    kind: str  # city, town, port, island, archipelago, province, province_historic, road


@dataclass
class BasemapData:
    groups: list[VectorGroup]
    labels: list[PlaceLabel]
    extent: tuple[float, float, float, float]
    attribution: str = ""  # the sources' credit line, shown on the map and on exports
    lod: dict[str, LodNode] = field(default_factory=dict)  # per kind in LOD_KINDS
    communes: list[Commune] = field(default_factory=list)  # for "Go to", not drawn

    def group(self, kind: str) -> VectorGroup | None:
        return next((g for g in self.groups if g.kind == kind), None)


def _project_ring(coords: list[list[float]]) -> np.ndarray:
    arr = np.asarray(coords, dtype=np.float64)[:, :2]
    x, y = lonlat_to_map(arr[:, 0], arr[:, 1])
    return np.column_stack([x, y])


def load_basemap(directory: Path = BASEMAP_DIR) -> BasemapData:
    """Read the shipped GeoJSON files. Raises ValueError with the file name on bad data."""
    groups: dict[str, VectorGroup] = {}
    labels: list[PlaceLabel] = []
    attributions: list[str] = []
    xmin = ymin = np.inf
    xmax = ymax = -np.inf
    for name in FILES:
        path = directory / f"{name}.geojson"
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            features = doc["features"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path.name}: cannot read basemap layer ({exc})") from exc
        if doc.get("attribution") and doc["attribution"] not in attributions:
            attributions.append(str(doc["attribution"]))
        for feature in features:
            props = feature.get("properties") or {}
            kind = "land_overview" if name == "land_overview" else props.get("kind", name)
            geom = feature.get("geometry") or {}
            label_at = props.get("label_at")
            if label_at and kind in ("province", "province_historic", "road", "river"):
                x, y = lonlat_to_map(np.array([label_at[0]]), np.array([label_at[1]]))
                ref = props.get("ref")  # roads are labelled by number (QL1), as signposted
                labels.append(
                    PlaceLabel(
                        float(x[0]),
                        float(y[0]),
                        ref or props.get("name_vi", ""),
                        ref or props.get("name_en", ""),
                        kind,
                    )
                )
            gtype, coords = geom.get("type"), geom.get("coordinates")
            if gtype == "Point":
                x, y = lonlat_to_map(np.array([coords[0]]), np.array([coords[1]]))
                labels.append(
                    PlaceLabel(
                        float(x[0]),
                        float(y[0]),
                        props.get("name_vi", ""),
                        props.get("name_en", ""),
                        kind,
                    )
                )
                continue
            style = STYLES.get(kind, STYLES["land"])
            group = groups.setdefault(kind, VectorGroup(kind, style))
            if gtype in ("Polygon", "MultiPolygon"):
                polys = [coords] if gtype == "Polygon" else coords
                for poly in polys:
                    rings = [_project_ring(r) for r in poly]
                    group.polygons.append(rings)
                    if kind in ("land", "province"):
                        outer = rings[0]
                        xmin, xmax = min(xmin, outer[:, 0].min()), max(xmax, outer[:, 0].max())
                        ymin, ymax = min(ymin, outer[:, 1].min()), max(ymax, outer[:, 1].max())
            elif gtype in ("LineString", "MultiLineString"):
                lines = [coords] if gtype == "LineString" else coords
                group.lines.extend(_project_ring(line) for line in lines)
    ordered = sorted(groups.values(), key=lambda g: g.style.z)
    extent = (float(xmin), float(ymin), float(xmax), float(ymax))
    lod = {}
    for group in ordered:
        if group.kind in LOD_KINDS:
            tree = build_lod(_shapely_geometries(group))
            if tree is not None:
                lod[group.kind] = tree
    communes = read_communes(directory / COMMUNES_FILE)
    return BasemapData(ordered, labels, extent, " · ".join(attributions), lod, communes)


def _shapely_geometries(group: VectorGroup) -> np.ndarray:
    polys = [shapely.Polygon(rings[0], rings[1:]) for rings in group.polygons]
    lines = [shapely.LineString(line) for line in group.lines if len(line) >= 2]
    return np.array(polys + lines, dtype=object)


class VectorBasemapLayer(MapLayer):
    """The shipped province basemap. Labels follow the UI language."""

    def __init__(self, data: BasemapData, language: str = "vi") -> None:
        super().__init__("basemap", _tr("BasemapLayer", "Province basemap"))
        self.data = data
        self.attribution = data.attribution  # drawn bottom-right by the canvas, and on prints
        self.language = language
        self.province_extent = self._province_extent()
        self.fills = True  # False: outlines only, so a tile basemap beneath shows through

    def set_fills(self, fills: bool) -> None:
        if fills != self.fills:
            self.fills = fills
            self.changed.emit()

    def _province_extent(self) -> tuple[float, float, float, float] | None:
        for group in self.data.groups:
            if group.kind == "province" and group.polygons:
                outer = np.vstack([rings[0] for rings in group.polygons])
                return (
                    float(outer[:, 0].min()),
                    float(outer[:, 1].min()),
                    float(outer[:, 0].max()),
                    float(outer[:, 1].max()),
                )
        return None

    def label_text(self, label: PlaceLabel) -> str:
        return label.name_en if self.language == "en" and label.name_en else label.name_vi

    def extent(self) -> tuple[float, float, float, float] | None:
        return self.data.extent

    def hit_test(self, x: float, y: float, tolerance: float) -> list[Hit]:
        labels = self.data.labels
        xs = np.array([p.x for p in labels])
        ys = np.array([p.y for p in labels])
        return [
            Hit(
                self.layer_id,
                f"place:{row}",
                d,
                self.label_text(labels[row]),
                [(_tr("BasemapLayer", "Kind"), labels[row].kind)],
            )
            for row, d in points_near(xs, ys, x, y, tolerance, limit=3)
        ]

    def legend(self) -> list[LegendEntry]:
        return [
            LegendEntry(
                _tr("BasemapLayer", "Gia Lai province (since 1 July 2025)"),
                line_color=STYLES["province"].stroke,
            ),
            LegendEntry(_tr("BasemapLayer", "National road"), line_color=STYLES["road"].stroke),
            LegendEntry(_tr("BasemapLayer", "River"), line_color=STYLES["river"].stroke),
            LegendEntry(
                _tr("BasemapLayer", "Reservoir / lagoon"), fill_color=STYLES["reservoir"].fill
            ),
        ]


class HistoricProvinceLayer(MapLayer):
    """The former Bình Định outline (before the 1 July 2025 merger), as its own layer so
    the operator can switch it off; its label says it is historic."""

    def __init__(self, data: BasemapData, language: str = "vi") -> None:
        super().__init__(
            "basemap-historic",
            _tr("BasemapLayer", "Former Bình Định province (before 1 July 2025)"),
        )
        self.data = data
        self.language = language
        self.group = data.group("province_historic")
        self.labels = [lb for lb in data.labels if lb.kind == "province_historic"]

    def label_text(self, label: PlaceLabel) -> str:
        return label.name_en if self.language == "en" and label.name_en else label.name_vi

    def extent(self) -> tuple[float, float, float, float] | None:
        if self.group is None or not self.group.polygons:
            return None
        outer = np.vstack([rings[0] for rings in self.group.polygons])
        return (
            float(outer[:, 0].min()),
            float(outer[:, 1].min()),
            float(outer[:, 0].max()),
            float(outer[:, 1].max()),
        )

    def legend(self) -> list[LegendEntry]:
        return [
            LegendEntry(
                _tr("BasemapLayer", "Former Bình Định (historic outline)"),
                line_color=STYLES["province_historic"].stroke,
            )
        ]
