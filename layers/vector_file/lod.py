"""Level-of-detail quadtree for large polygon / line layers (pure: numpy + shapely).

Why: a national coastline has hundreds of thousands of vertices; drawing them all at
every frame stutters, and at town zoom most of them are off-screen. Each quadtree
node holds the layer's geometry clipped to the node's square and simplified to
1/`NODE_PX` of the node's width. The renderer walks the tree from the root and draws
the first nodes that are (a) visible and (b) detailed enough for the current
resolution (tolerance <= one screen pixel), so a frame draws a few nodes whose vertex
count is bounded by the number of screen pixels, whatever the layer's size.

Polygon fills are stored as rings clipped to the node square; outlines are stored
separately as the polygon boundaries clipped as lines, so clip edges never show as
strokes. Built once per layer on a worker thread (`build_lod`). Leaves (a few thousand
vertices) are drawn at full detail when zoomed in and simplified on demand, cached per
power-of-two resolution, when a coarser view selects them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import shapely

NODE_PX = 512  # a node is drawn when it spans at most this many screen pixels
LEAF_VERTICES = 4000  # stop splitting below this many vertices
MAX_DEPTH = 12


@dataclass
class LodNode:
    """One square of the tree. Coordinates are (n, 2) arrays with NaN rows between parts."""

    bounds: tuple[float, float, float, float]
    tolerance: float  # simplification tolerance in map units
    fill: np.ndarray | None  # polygon rings (None for line layers / nothing here)
    stroke: np.ndarray | None  # lines / polygon boundaries
    children: list[LodNode] = field(default_factory=list)
    vertices: int = 0
    # leaves keep their geometry so they can be simplified for coarser views on demand
    leaf_fills: np.ndarray | None = None
    leaf_strokes: np.ndarray | None = None
    _levels: dict[int, tuple[np.ndarray | None, np.ndarray | None]] = field(default_factory=dict)

    def level_for(self, units_per_pixel: float) -> int:
        """Detail level for a resolution: 0 = as stored; k > 0 = leaf simplified to
        2**k map units (never coarser than one screen pixel)."""
        if self.leaf_strokes is None or units_per_pixel <= 1.0:
            return 0
        return max(0, math.floor(math.log2(units_per_pixel)))

    def coords(self, level: int) -> tuple[np.ndarray | None, np.ndarray | None]:
        """(fill, stroke) coordinates at `level` (see level_for); cached."""
        if level == 0 or self.leaf_strokes is None:
            return self.fill, self.stroke
        found = self._levels.get(level)
        if found is None:
            tolerance = float(2**level)
            fills = self.leaf_fills
            found = (
                parts_xy(shapely.simplify(fills, tolerance, preserve_topology=False))
                if fills is not None and fills.size
                else None,
                parts_xy(shapely.simplify(self.leaf_strokes, tolerance, preserve_topology=False)),
            )
            self._levels[level] = found
        return found


def parts_xy(geoms: np.ndarray) -> np.ndarray | None:
    """Rings / lines of `geoms` as one (n, 2) array with a NaN row after each part."""
    geoms = geoms[~shapely.is_empty(geoms)]
    if geoms.size == 0:
        return None
    polys = shapely.get_parts(geoms)
    lines = []
    is_poly = np.isin(shapely.get_type_id(polys), (3,))
    if is_poly.any():
        lines.append(shapely.get_rings(polys[is_poly]))
    is_line = np.isin(shapely.get_type_id(polys), (1, 2))
    if is_line.any():
        lines.append(polys[is_line])
    if not lines:
        return None
    parts = np.concatenate(lines)
    coords, index = shapely.get_coordinates(parts, return_index=True)
    if coords.size == 0:
        return None
    breaks = np.flatnonzero(np.diff(index)) + 1
    return np.insert(coords, breaks, np.nan, axis=0)


def _clip(geoms: np.ndarray, bounds: tuple[float, float, float, float]) -> np.ndarray:
    box = shapely.box(*bounds)
    keep = shapely.intersects(geoms, box)
    clipped = shapely.clip_by_rect(geoms[keep], *bounds)
    return clipped[~shapely.is_empty(clipped)]


def _node(
    fills: np.ndarray | None,
    strokes: np.ndarray,
    bounds: tuple[float, float, float, float],
    depth: int,
) -> LodNode:
    width = bounds[2] - bounds[0]
    tolerance = width / NODE_PX
    vertices = int(shapely.get_num_coordinates(strokes).sum())
    simple_strokes = shapely.simplify(strokes, tolerance, preserve_topology=False)
    simple_fill = None
    if fills is not None and fills.size:
        simple_fill = parts_xy(shapely.simplify(fills, tolerance, preserve_topology=False))
    node = LodNode(bounds, tolerance, simple_fill, parts_xy(simple_strokes), vertices=vertices)
    if vertices <= LEAF_VERTICES or depth >= MAX_DEPTH:
        node.tolerance = 0.0 if vertices <= LEAF_VERTICES else tolerance
        node.fill = parts_xy(fills) if fills is not None and fills.size else None
        node.stroke = parts_xy(strokes)
        node.leaf_fills, node.leaf_strokes = fills, strokes
        return node
    x0, y0, x1, y1 = bounds
    xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
    for quad in ((x0, y0, xm, ym), (xm, y0, x1, ym), (x0, ym, xm, y1), (xm, ym, x1, y1)):
        child_strokes = _clip(strokes, quad)
        if child_strokes.size == 0 and (fills is None or not fills.size):
            continue
        child_fills = _clip(fills, quad) if fills is not None and fills.size else None
        if child_strokes.size == 0 and (child_fills is None or not child_fills.size):
            continue
        node.children.append(_node(child_fills, child_strokes, quad, depth + 1))
    return node


def build_lod(geoms: np.ndarray) -> LodNode | None:
    """Build the tree for polygons and lines in `geoms` (points are not handled here)."""
    types = shapely.get_type_id(geoms)
    polygons = geoms[np.isin(types, (3, 6))]
    lines = geoms[np.isin(types, (1, 2, 5))]
    strokes = np.concatenate([shapely.boundary(polygons), lines]) if polygons.size else lines
    if strokes.size == 0:
        return None
    xmin, ymin, xmax, ymax = shapely.total_bounds(strokes)
    side = max(xmax - xmin, ymax - ymin, 1.0)
    bounds = (xmin, ymin, xmin + side, ymin + side)
    return _node(polygons if polygons.size else None, strokes, bounds, 0)


def select_nodes(
    root: LodNode, view: tuple[float, float, float, float], units_per_pixel: float
) -> list[LodNode]:
    """The nodes to draw for a view: visible, and fine enough (tolerance <= 1 px)."""
    vx0, vy0, vx1, vy1 = view
    chosen: list[LodNode] = []
    stack = [root]
    while stack:
        node = stack.pop()
        x0, y0, x1, y1 = node.bounds
        if x1 < vx0 or x0 > vx1 or y1 < vy0 or y0 > vy1:
            continue
        if node.tolerance <= units_per_pixel or not node.children:
            chosen.append(node)
        else:
            stack.extend(node.children)
    return chosen
