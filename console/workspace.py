"""The workspace file: layers (source, style, order, visibility), view and bookmarks.

A readable JSON document, so administrators can diff and hand-edit it:

    {"format": "ioc-console-workspace", "version": 1,
     "view": [xmin, ymin, xmax, ymax],            # EPSG:3857 metres
     "scale_units": "metric",
     "layers": [ {"id": ..., "kind": "builtin|vector|xyz|mbtiles", "title": ...,
                  "source": path or URL template, "table": GeoPackage table or null,
                  "visible": true, "opacity": 1.0, "style": {...}, "attribution": ...},
                 ... ],                            # bottom first
     "bookmarks": [ {"name": ..., "extent": [...]} ],
     "camera_wall": {"grid": 1 | 2 | 3,           # 1, 2x2 or 3x3 tiles
                     "tiles": [camera id or null, ... 9 entries]}}   # optional

Pure data and file I/O (no Qt): callers run save/load wherever they like; the files
are small.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path

FORMAT = "ioc-console-workspace"
VERSION = 1
KINDS = ("builtin", "vector", "xyz", "mbtiles")
WALL_GRIDS = (1, 2, 3)
WALL_TILES = 9

Extent = tuple[float, float, float, float]


class WorkspaceError(ValueError):
    """The file is not a workspace this version can open (message says why)."""


@dataclass(frozen=True, slots=True)
class Bookmark:
    name: str
    extent: Extent


@dataclass
class LayerEntry:
    id: str
    kind: str
    title: str
    visible: bool = True
    opacity: float = 1.0
    source: str | None = None
    table: str | None = None
    style: dict[str, object] = field(default_factory=dict)
    attribution: str = ""


@dataclass
class CameraWallLayout:
    """The camera wall: its grid (n x n tiles) and the camera on each of the nine tiles
    (those beyond the grid are kept, so a smaller grid loses nothing)."""

    grid: int = 2
    tiles: list[str | None] = field(default_factory=lambda: [None] * WALL_TILES)

    def to_dict(self) -> dict[str, object]:
        return {"grid": self.grid, "tiles": list(self.tiles)}


@dataclass
class Workspace:
    view: Extent | None = None
    layers: list[LayerEntry] = field(default_factory=list)
    bookmarks: list[Bookmark] = field(default_factory=list)
    scale_units: str = "metric"
    camera_wall: CameraWallLayout | None = None

    def to_json(self) -> str:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "view": list(self.view) if self.view else None,
            "scale_units": self.scale_units,
            "layers": [asdict(entry) for entry in self.layers],
            "bookmarks": [{"name": b.name, "extent": list(b.extent)} for b in self.bookmarks],
        }
        if self.camera_wall is not None:
            doc["camera_wall"] = self.camera_wall.to_dict()
        return json.dumps(doc, ensure_ascii=False, indent=2)

    def save(self, path: Path) -> None:
        Path(path).write_text(self.to_json() + "\n", encoding="utf-8")


def _extent(value: object, what: str) -> Extent:
    if (
        not isinstance(value, list)
        or len(value) != 4
        or not all(isinstance(v, int | float) and math.isfinite(v) for v in value)
        or value[0] >= value[2]
        or value[1] >= value[3]
    ):
        raise WorkspaceError(f"{what}: expected [xmin, ymin, xmax, ymax]")
    return float(value[0]), float(value[1]), float(value[2]), float(value[3])


def _camera_wall(value: object) -> CameraWallLayout | None:
    if value is None:
        return None
    tiles = value.get("tiles") if isinstance(value, dict) else None
    grid = value.get("grid") if isinstance(value, dict) else None
    if (
        grid not in WALL_GRIDS
        or not isinstance(tiles, list)
        or len(tiles) > WALL_TILES
        or not all(t is None or (isinstance(t, str) and t) for t in tiles)
    ):
        raise WorkspaceError(
            f"camera_wall: expected a grid in {WALL_GRIDS} and up to {WALL_TILES} tiles "
            "(camera ids or null)"
        )
    return CameraWallLayout(int(grid), [*tiles, *[None] * (WALL_TILES - len(tiles))])


def parse_workspace(text: str) -> Workspace:
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise WorkspaceError(f"not JSON ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise WorkspaceError("not an IOC Console workspace file")
    if doc.get("version") != VERSION:
        raise WorkspaceError(f"unsupported workspace version {doc.get('version')!r}")
    view = _extent(doc["view"], "view") if doc.get("view") is not None else None
    layers = []
    for i, raw in enumerate(doc.get("layers") or []):
        if not isinstance(raw, dict) or raw.get("kind") not in KINDS or not raw.get("id"):
            raise WorkspaceError(f"layer {i + 1}: needs an id and a kind in {KINDS}")
        layers.append(
            LayerEntry(
                id=str(raw["id"]),
                kind=str(raw["kind"]),
                title=str(raw.get("title") or raw["id"]),
                visible=bool(raw.get("visible", True)),
                opacity=float(raw.get("opacity", 1.0)),
                source=raw.get("source"),
                table=raw.get("table"),
                style=dict(raw.get("style") or {}),
                attribution=str(raw.get("attribution") or ""),
            )
        )
    bookmarks = [
        Bookmark(str(b.get("name", "")), _extent(b.get("extent"), f"bookmark {i + 1}"))
        for i, b in enumerate(doc.get("bookmarks") or [])
    ]
    units = doc.get("scale_units", "metric")
    return Workspace(
        view, layers, bookmarks, units if units in ("metric", "nautical") else "metric",
        _camera_wall(doc.get("camera_wall")),
    )


def load_workspace(path: Path) -> Workspace:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise WorkspaceError(f"{Path(path).name}: cannot read ({exc})") from exc
    return parse_workspace(text)
