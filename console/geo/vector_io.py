"""Read vector files (GeoJSON, GeoPackage tables, Shapefile) into map-CRS geometry.

`read_vector(path)` is blocking and imports geopandas / pyogrio lazily: call it on a
worker thread. Every table of a GeoPackage becomes one `VectorTable`. Geometry is
reprojected to Web Mercator with the cached transformers of `crs.py`.

What is refused, with a `VectorFileError` whose message names the file (and table):
unreadable or non-vector content, no CRS, a CRS pyproj cannot transform to the map,
non-finite coordinates, or no geometry at all. Invalid polygons (self-intersections,
common in digitised data) are repaired with `make_valid` and counted in `warnings`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely

from console.file_errors import FileLoadError, FileProblem
from console.geo.crs import WEB_MERCATOR, transformer

SUFFIXES = (".geojson", ".json", ".gpkg", ".shp")
MAX_CELL_CHARS = 200


class VectorFileError(FileLoadError):
    """The file (or one of its tables) cannot be shown; the message says why (for the
    log), `problem` what to tell the operator (console/file_errors.py)."""


@dataclass
class VectorTable:
    """One layer's worth of data, ready to draw and query. Geometry in EPSG:3857."""

    source: Path | str  # the file, or the URL of a feature service's collection
    table: str | None  # GeoPackage table name; None for single-layer formats
    source_crs: str  # 'EPSG:9217' or WKT
    geometries: np.ndarray  # shapely geometries (object array)
    columns: list[str]
    rows: list[list[str]]  # attribute values as display strings
    warnings: list[str] = field(default_factory=list)
    name: str | None = None  # the title a remote source gives (a collection's title)

    @property
    def title(self) -> str:
        if self.name:
            return self.name
        stem = Path(self.source).stem
        return f"{stem} — {self.table}" if self.table else stem

    @property
    def kind(self) -> str:
        """'polygon', 'line' or 'point' (the dominant geometry family)."""
        types = shapely.get_type_id(self.geometries)
        counts = [
            int(np.isin(types, ids).sum()) for ids in ((3, 6), (1, 2, 5), (0, 4))
        ]  # polygon, line, point families
        return ("polygon", "line", "point")[int(np.argmax(counts))]

    def extent(self) -> tuple[float, float, float, float]:
        xmin, ymin, xmax, ymax = shapely.total_bounds(self.geometries)
        return float(xmin), float(ymin), float(xmax), float(ymax)


def list_tables(path: Path) -> list[str | None]:
    """The tables to load: every vector table of a GeoPackage, else [None]."""
    if path.suffix.lower() != ".gpkg":
        return [None]
    import pyogrio

    try:
        layers = pyogrio.list_layers(path)
    except Exception as exc:  # pyogrio raises DataSourceError and friends
        raise VectorFileError(path.name, FileProblem.UNREADABLE, f"cannot open ({exc})") from exc
    tables = [str(name) for name, gtype in layers if gtype is not None]
    if not tables:
        raise VectorFileError(path.name, FileProblem.NO_LAYER, "the GeoPackage has no vector table")
    return tables


def _crs_key(crs) -> str:
    authority = crs.to_authority(min_confidence=90)
    return f"{authority[0]}:{authority[1]}" if authority else crs.to_wkt()


def display_value(value: object) -> str:
    """An attribute value as the attribute table shows it (empty for null / NaN, long
    texts cut)."""
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return ""
    text = str(value)
    return text if len(text) <= MAX_CELL_CHARS else text[: MAX_CELL_CHARS - 1] + "…"


def read_table(path: Path, table: str | None) -> VectorTable:
    """Read one table and reproject it. Blocking: worker thread only."""
    import geopandas as gpd
    from pyproj.exceptions import ProjError

    where = f"{path.name}" + (f" / {table}" if table else "")
    try:
        frame = gpd.read_file(path, layer=table, engine="pyogrio")
    except Exception as exc:
        raise VectorFileError(where, FileProblem.UNREADABLE, f"cannot read ({exc})") from exc
    if frame.crs is None:
        raise VectorFileError(
            where,
            FileProblem.NO_CRS,
            "the file has no coordinate reference system; "
            "add a .prj / CRS so it can be placed on the map",
        )
    frame = frame[frame.geometry.notna() & ~frame.geometry.is_empty]
    if frame.empty:
        raise VectorFileError(where, FileProblem.NO_GEOMETRY, "no geometry")
    geoms = np.asarray(frame.geometry.values, dtype=object)
    coords = shapely.get_coordinates(geoms)
    if not np.isfinite(coords).all():
        raise VectorFileError(
            where, FileProblem.BAD_GEOMETRY, "broken geometry (non-finite coordinates)"
        )
    source_crs = _crs_key(frame.crs)
    try:
        project = transformer(source_crs, WEB_MERCATOR)
        projected = shapely.transform(
            geoms, lambda xy: np.column_stack(project.transform(xy[:, 0], xy[:, 1]))
        )
    except (ProjError, ValueError) as exc:
        raise VectorFileError(
            where, FileProblem.UNKNOWN_CRS, f"unknown or unsupported CRS ({exc})"
        ) from exc
    if not np.isfinite(shapely.get_coordinates(projected)).all():
        raise VectorFileError(
            where, FileProblem.BAD_GEOMETRY, "coordinates fall outside the CRS's valid area"
        )
    warnings: list[str] = []
    invalid = ~shapely.is_valid(projected)
    if invalid.any():
        projected[invalid] = shapely.make_valid(projected[invalid])
        warnings.append(f"{where}: repaired {int(invalid.sum())} invalid geometries")
    columns = [str(c) for c in frame.columns if c != frame.geometry.name]
    rows = [
        [display_value(v) for v in record]
        for record in frame[columns].itertuples(index=False, name=None)
    ]
    return VectorTable(path, table, source_crs, projected, columns, rows, warnings)


def read_vector(path: Path) -> list[VectorTable]:
    """Every table of `path`. Raises VectorFileError if none can be shown."""
    path = Path(path)
    if not path.is_file():
        raise VectorFileError(path.name, FileProblem.MISSING, "no such file")
    if path.suffix.lower() not in SUFFIXES:
        raise VectorFileError(
            path.name,
            FileProblem.UNSUPPORTED_TYPE,
            "unsupported file type (use GeoJSON, GeoPackage or Shapefile)",
        )
    return [read_table(path, table) for table in list_tables(path)]
