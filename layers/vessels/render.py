"""Vessels: one custom graphics item draws every symbol, tail and label of the fleet.

Why not ScatterPlotItem: with 100,000 vessels its per-point bookkeeping costs ~70 ms a
frame. `FleetItem.paint` instead maps the store's numpy columns to device pixels in one
vectorised step, culls to the view, declutters (one symbol per few-pixel cell, the most
severe wins — hidden symbols cost nothing to skip), and blits fragments of a
pre-rendered, pre-rotated symbol atlas with one `drawPixmapFragments` call. Tails are
one `drawLines` call over the same culled set (level of detail: beyond `TAIL_LOD`
visible vessels only one tail per 6-px cell is drawn). Labels appear when zoomed in.

Runs on the GUI thread: the canvas frame clock calls `refresh` (prepares the frame's
arrays), Qt calls `paint` in a later event-loop turn (draws them).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt import internals
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QTransform

from layers._draw.bounds import finite_bounds
from layers._draw.halo import HaloItem
from layers._draw.label_place import LabelPlacer
from layers._draw.label_sprites import LabelSprites
from layers.map_theme import MapTheme, themed_edge
from layers.render_base import Renderer
from layers.vessels.layer import VesselLayer
from layers.vessels.symbols import BUCKETS, CELL, SymbolAtlas

TAIL_LOD = 4_000  # beyond this many visible vessels, one tail per TAIL_CELL px cell
TAIL_CELL = 14.0
MIN_SEGMENT_PX = 8.0  # fixes closer than this on screen are skipped (stride)
MAX_TAIL_SEGMENTS = 6_000  # per frame; QPainter costs ~0.4 µs a line plus its pixels
MAX_LABELS = 300
LABEL_CELL_H = 14.0  # px: a label's height; its cell is LABEL_ASPECT times as wide
LABEL_ASPECT = 6.0
LABEL_DX, LABEL_DY = 9.0, 4.0  # px from a vessel to its label's baseline start
THIN_ABOVE = 4_000  # visible vessels beyond which symbols are thinned to the layer's budget


def _cells(px: np.ndarray, py: np.ndarray, cell: float) -> np.ndarray:
    """Index of the `cell`-px square of the viewport that holds each point."""
    cx = np.clip((px / cell).astype(np.int64) + 1, 0, None)
    cy = np.clip((py / cell).astype(np.int64) + 1, 0, None)
    ncols = int(cx.max()) + 1 if len(cx) else 1
    return cy * ncols + cx


def _declutter(px: np.ndarray, py: np.ndarray, rank: np.ndarray, cell: float) -> np.ndarray:
    """Indices keeping one point per `cell`-px square of the viewport, the highest `rank`
    winning. O(n): points are written into a cell grid in ascending rank order, so the
    last (most severe) write of each cell survives."""
    return _declutter_counted(px, py, rank, cell)[0]


def _declutter_counted(
    px: np.ndarray, py: np.ndarray, rank: np.ndarray, cell: float
) -> tuple[np.ndarray, np.ndarray]:
    """`_declutter`, plus how many points each kept one stands for (its cell's count)."""
    cells = _cells(px, py, cell)
    # ranks are symbol classes (small ints): on a 16-bit copy numpy's stable sort is a
    # radix sort, 4x faster than on int64 for 100,000 vessels (called several times a frame)
    if len(rank) and rank.min() >= -32768 and rank.max() <= 32767:
        rank = rank.astype(np.int16, copy=False)
    order = np.argsort(rank, kind="stable")
    size = int(cells.max()) + 1 if len(cells) else 1
    grid = np.full(size, -1, dtype=np.int64)
    grid[cells[order]] = order
    keep = grid[grid >= 0]
    counts = np.bincount(cells, minlength=size)[cells[keep]]
    return keep, counts


def _symbol_lod(
    px: np.ndarray, py: np.ndarray, cls: np.ndarray, budget: int
) -> tuple[np.ndarray, np.ndarray]:
    """Which of many visible symbols to draw: one per few-pixel cell (the most severe
    wins), with the cell grown until at most `budget` remain. Symbols (~12 px)
    already overlap at that density, so a coarser grid looks the same; occupied cells
    fall roughly with the cell area. Returns the kept indices and how many vessels each
    kept symbol stands for (the picture marks those > 1 with a halo)."""
    rank = cls.astype(np.int64)
    # start near the cell size that leaves about `budget` occupied cells over the
    # points' extent, so the search takes one or two passes instead of five
    cell = 3.0 if len(px) < 20_000 else 4.0
    if len(px) > budget:
        area = float(np.ptp(px) * np.ptp(py))
        cell = max(cell, 0.8 * float(np.sqrt(area / max(budget, 1))))
    keep, counts = _declutter_counted(px, py, rank, cell)
    for _ in range(4):
        if len(keep) <= budget:
            break
        cell *= float(np.sqrt(len(keep) / budget)) * 1.1
        keep, counts = _declutter_counted(px, py, rank, cell)
    return keep, counts


Transform = tuple[float, float, float, float, float, float]  # m11 m12 m21 m22 dx dy


def _affine(t: QTransform) -> Transform:
    return (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy())


class FleetItem(pg.GraphicsObject):
    """Frames are prepared (cull, project, declutter, fragment and line arrays) when the
    frame clock refreshes the layer and only blitted by `paint`, which Qt runs in a later
    event-loop turn: the numpy half (~40 % of a 20,000-vessel frame) and the painting
    half never add up into one long stall. A paint for another transform (pan, zoom,
    export) prepares on the spot."""

    def __init__(self, layer: VesselLayer) -> None:
        super().__init__()
        self.layer = layer
        self.atlas = SymbolAtlas(layer.symbol_styles())
        self._frags = internals.PrimitiveArray(QPainter.PixmapFragment, 10)
        self._lines = internals.PrimitiveArray(QLineF, 4)
        self._bounds = QRectF()
        self._tail_pen = QPen(QColor(layer.tail_color), 1.0)
        self._tail_pen.setCosmetic(True)
        label_font = QFont()
        label_font.setPointSize(8)
        self._label_sprites = LabelSprites(label_font)
        self._prepared: Transform | None = None  # the transform the arrays are for
        self._n_lines = 0
        self._labels: list[tuple[int, float, float]] = []
        self.last_drawn = 0  # vessel symbols drawn in the last prepared frame
        self.last_in_view = 0  # vessels inside the view in the last prepared frame
        self.last_clustered = 0  # drawn symbols standing for more than one vessel
        self.last_labels = 0  # vessel labels drawn (decluttered) in the last prepared frame

    def refresh(self) -> None:
        bounds = finite_bounds(*self.layer.coords())
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self._prepared = None
        vb = self.getViewBox()
        if vb is not None:  # pyqtgraph applies a pan or zoom lazily, just before painting:
            vb.updateMatrix()  # apply it now, or this frame is prepared for the old view
        transform = self._device_transform()
        if transform is not None and self.isVisible():
            self._prepare(transform)
        # Qt paints in a later turn (input and timers go between) and coalesces this
        # with a paint the same turn already asked for (a pan): one paint, not two
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def _device_transform(self) -> Transform | None:
        t = self.deviceTransform_()
        return None if t is None else _affine(t)

    def paint(self, p: QPainter, *_args: object) -> None:
        transform = _affine(p.transform())
        if self._prepared is None or not np.allclose(transform, self._prepared, rtol=1e-9):
            self._prepare(transform)
        if self.last_drawn == 0 and self._n_lines == 0:
            return
        p.save()
        p.resetTransform()
        # thin tails and pre-rendered symbols gain nothing from antialiasing but cost 3-5x
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if self._n_lines:
            p.setPen(self._tail_pen)
            p.drawLines(*self._lines.drawargs())
        if self.last_drawn:
            p.drawPixmapFragments(*self._frags.drawargs(), self.atlas.pixmap)
        if self._labels:
            self._paint_labels(p)
        p.restore()

    def _prepare(self, t: Transform) -> None:
        """Fill the fragment and line arrays (device pixels) for transform `t`."""
        self._prepared = t
        self.last_drawn = self.last_in_view = self.last_clustered = self._n_lines = 0
        self.last_labels = 0
        self._labels = []
        layer = self.layer
        x, y = layer.coords()
        vb = self.getViewBox()
        if len(x) == 0 or vb is None:
            return
        (vx0, vx1), (vy0, vy1) = vb.viewRange()
        mx, my = (vx1 - vx0) * 0.02, (vy1 - vy0) * 0.02
        vis = np.flatnonzero((x >= vx0 - mx) & (x <= vx1 + mx) & (y >= vy0 - my) & (y <= vy1 + my))
        if len(vis) == 0:
            return
        m11, m12, m21, m22, dx, dy = t
        xv, yv = x[vis], y[vis]
        px = m11 * xv + m21 * yv + dx
        py = m12 * xv + m22 * yv + dy
        cls = layer.symbol_classes()[vis]
        if layer.show_tails:
            self._prepare_tails(vis, px, py, cls, t)
        self.last_in_view = len(vis)
        budget = layer.symbol_budget
        counts = None
        if budget is not None and len(vis) > THIN_ABOVE:
            keep, counts = _symbol_lod(px, py, cls, budget)
            vis, px, py, cls = vis[keep], px[keep], py[keep], cls[keep]
        heading = layer.headings()[vis]
        bucket = np.round(heading / (360.0 / BUCKETS)).astype(np.int64) % BUCKETS
        if counts is not None:  # a symbol standing for several vessels wears a halo
            clustered = counts > 1
            self.last_clustered = int(clustered.sum())
            cls = cls + self.atlas.clustered * clustered
        self._frags.resize(len(vis))
        f = self._frags.ndarray()
        side = self.atlas.extent[cls]  # the inked square of each style, centred
        margin = (CELL - side) / 2
        f[:, 0] = px
        f[:, 1] = py
        f[:, 2] = bucket * CELL + margin
        f[:, 3] = cls * CELL + margin
        f[:, 4] = side
        f[:, 5] = side
        f[:, 6:10] = (1.0, 1.0, 0.0, 1.0)
        self.last_drawn = len(vis)
        if layer.labels_visible(vb.width() / max(vx1 - vx0, 1e-9)) and len(vis) <= MAX_LABELS:
            self._labels = self._place_labels(vis, px, py, cls)
            self.last_labels = len(self._labels)

    def _prepare_tails(self, vis, px, py, cls, t: Transform) -> None:
        """Tail segments in device pixels. The level of detail is chosen before the ring
        buffers are read: gathering 100,000 tails to keep 6,000 segments cost more than
        drawing them."""
        if len(vis) > TAIL_LOD:
            keep = _declutter(px, py, cls.astype(np.int64), TAIL_CELL)
            vis, px, py, cls = vis[keep], px[keep], py[keep], cls[keep]
        if len(vis) == 0:
            return
        cols = self._tail_columns(vis[:200], t)  # zoomed out: every n-th fix
        lengths = self.layer.tail_lengths(vis)
        # segments each tail would draw: fixes kept of its valid ones, minus one
        per_tail = np.maximum(0, np.ceil(lengths * (len(cols) / max(1, cols[-1] + 1))) - 1)
        total = float(per_tail.sum())
        if total > MAX_TAIL_SEGMENTS:  # a spatially even subset, the most severe first
            rank = cls.astype(np.int64)
            wanted = len(vis) * MAX_TAIL_SEGMENTS / total  # tails to keep
            area = float(np.ptp(px) * np.ptp(py))
            cell = max(TAIL_CELL, 0.8 * float(np.sqrt(area / max(wanted, 1.0)))) / 1.5
            keep = np.arange(len(vis))
            for _ in range(6):
                cell *= 1.5
                keep = _declutter(px, py, rank, cell)
                if float(per_tail[keep].sum()) <= MAX_TAIL_SEGMENTS:
                    break
            vis = vis[keep]
        tx, ty, valid = self.layer.tail_grid(vis)  # (m, k) oldest..newest
        if tx.size == 0:
            return
        tx, ty, valid = tx[:, cols], ty[:, cols], valid[:, cols]
        m11, m12, m21, m22, dx, dy = t
        gx = m11 * tx + m21 * ty + dx
        gy = m12 * tx + m22 * ty + dy
        seg = valid[:, :-1] & valid[:, 1:]
        x0, y0 = gx[:, :-1][seg], gy[:, :-1][seg]
        x1, y1 = gx[:, 1:][seg], gy[:, 1:][seg]
        self._lines.resize(len(x0))
        a = self._lines.ndarray()
        a[:, 0], a[:, 1], a[:, 2], a[:, 3] = x0, y0, x1, y1
        self._n_lines = len(x0)

    def _tail_columns(self, sample: np.ndarray, t: Transform) -> np.ndarray:
        """Which fixes of a tail to draw (oldest..newest, the newest always): every n-th,
        so that segments stay >= MIN_SEGMENT_PX at this zoom (judged on `sample`)."""
        tx, ty, _valid = self.layer.tail_grid(sample)
        k = tx.shape[1]
        if k <= 2 or tx.size == 0:
            return np.arange(k)
        m11, m12, m21, m22, _dx, _dy = t
        step = np.hypot(np.diff(m11 * tx + m21 * ty, axis=1), np.diff(m12 * tx + m22 * ty, axis=1))
        typical = float(np.nanmedian(step)) if np.isfinite(step).any() else MIN_SEGMENT_PX
        stride = int(min(k - 1, max(1, np.ceil(MIN_SEGMENT_PX / max(typical, 1e-6)))))
        return np.unique(np.r_[np.arange(k - 1, -1, -stride)[::-1], k - 1])

    def _place_labels(self, vis, px, py, cls) -> list[tuple[int, float, float]]:
        """(vessel row, x, y) of the labels to draw: moored boats would print their
        registrations on top of each other, so a cheap pass keeps one candidate per
        label-sized screen cell (the most severe), then the candidates, most severe
        first, are placed where they overlap no label already placed."""
        shown = _declutter(px / LABEL_ASPECT, py, cls.astype(np.int64), LABEL_CELL_H)
        shown = shown[np.argsort(-cls[shown].astype(np.int64), kind="stable")]
        names = self.layer.label_texts()
        placer = LabelPlacer()
        placed = []
        for i, sx, sy in zip(vis[shown].tolist(), px[shown].tolist(), py[shown].tolist(),
                             strict=True):
            rect = self._label_sprites.extent(sx + LABEL_DX, sy + LABEL_DY, names[i])
            if placer.place(rect):
                placed.append((i, sx, sy))
        return placed

    def _paint_labels(self, p: QPainter) -> None:
        names = self.layer.label_texts()
        for i, sx, sy in self._labels:
            self._label_sprites.draw(p, sx + LABEL_DX, sy + LABEL_DY, names[i])


class VesselRenderer(Renderer):
    layer: VesselLayer

    def __init__(self, layer: VesselLayer, view: pg.ViewBox) -> None:
        super().__init__(layer, view)
        self.item = self.add_item(FleetItem(layer))
        self.halo = self.add_item(HaloItem())  # the selected vessel, above the fleet

    def highlight_changed(self) -> None:
        self.halo.place(self.layer.highlight_position())

    def set_theme(self, theme: MapTheme) -> None:
        """Symbols too dark for the dark map get a light edge (layers/map_theme.py)."""
        super().set_theme(theme)
        styles = [
            replace(s, outline=themed_edge(s.fill, s.outline, 1.0, theme)[0])
            for s in self.layer.symbol_styles()
        ]
        self.item.atlas = SymbolAtlas(styles)
        self.item.refresh()

    def update(self) -> None:
        self.item.refresh()
        self.halo.place(self.layer.highlight_position())  # it moves with its vessel
