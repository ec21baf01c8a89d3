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

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt import internals
from PySide6.QtCore import QLineF, QPointF, QRectF, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QTransform

from layers._draw.bounds import finite_bounds
from layers.render_base import Renderer
from layers.vessels.layer import VesselLayer
from layers.vessels.symbols import BUCKETS, CELL, SymbolAtlas

TAIL_LOD = 4_000  # beyond this many visible vessels, one tail per TAIL_CELL px cell
TAIL_CELL = 14.0
MIN_SEGMENT_PX = 8.0  # fixes closer than this on screen are skipped (stride)
MAX_TAIL_SEGMENTS = 6_000  # per frame; QPainter costs ~0.4 µs a line plus its pixels
MAX_LABELS = 300
MAX_SYMBOLS = 6_000  # per frame; each costs ~0.4 µs to blit. Beyond this the view is a
# carpet of ~13 px symbols: thinning further (the most severe per cell wins) costs nothing
# to read, and lost-signal and late vessels stand out better than in a denser carpet


def _declutter(px: np.ndarray, py: np.ndarray, rank: np.ndarray, cell: float) -> np.ndarray:
    """Indices keeping one point per `cell`-px square of the viewport, the highest `rank`
    winning. O(n): points are written into a cell grid in ascending rank order, so the
    last (most severe) write of each cell survives."""
    cx = np.clip((px / cell).astype(np.int64) + 1, 0, None)
    cy = np.clip((py / cell).astype(np.int64) + 1, 0, None)
    ncols = int(cx.max()) + 1 if len(cx) else 1
    cells = cy * ncols + cx
    # ranks are symbol classes (small ints): on a 16-bit copy numpy's stable sort is a
    # radix sort, 4x faster than on int64 for 100,000 vessels (called several times a frame)
    if len(rank) and rank.min() >= -32768 and rank.max() <= 32767:
        rank = rank.astype(np.int16, copy=False)
    order = np.argsort(rank, kind="stable")
    grid = np.full(int(cells.max()) + 1 if len(cells) else 1, -1, dtype=np.int64)
    grid[cells[order]] = order
    return grid[grid >= 0]


def _symbol_lod(px: np.ndarray, py: np.ndarray, cls: np.ndarray) -> np.ndarray:
    """Which of many visible symbols to draw: one per few-pixel cell (the most severe
    wins), with the cell grown until at most MAX_SYMBOLS remain. Symbols (~12 px)
    already overlap at that density, so a coarser grid looks the same; occupied cells
    fall roughly with the cell area."""
    rank = cls.astype(np.int64)
    cell = 3.0 if len(px) < 20_000 else 4.0
    keep = _declutter(px, py, rank, cell)
    for _ in range(4):
        if len(keep) <= MAX_SYMBOLS:
            break
        cell *= float(np.sqrt(len(keep) / MAX_SYMBOLS)) * 1.1
        keep = _declutter(px, py, rank, cell)
    return keep


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
        self._label_font = QFont()
        self._label_font.setPointSize(8)
        self._prepared: Transform | None = None  # the transform the arrays are for
        self._n_lines = 0
        self._labels: list[tuple[int, float, float]] = []
        self.last_drawn = 0
        self._update_soon = QTimer(self)
        self._update_soon.setSingleShot(True)
        self._update_soon.setInterval(0)
        self._update_soon.timeout.connect(self.update)

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
            self._update_soon.start()  # paint in a later turn: input and timers go between
        else:
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
        self.last_drawn = self._n_lines = 0
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
        keep = _symbol_lod(px, py, cls) if len(vis) > 4000 else None
        if keep is not None:
            vis, px, py, cls = vis[keep], px[keep], py[keep], cls[keep]
        heading = layer.headings()[vis]
        bucket = np.round(heading / (360.0 / BUCKETS)).astype(np.int64) % BUCKETS
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
            self._labels = list(zip(vis.tolist(), px.tolist(), py.tolist(), strict=True))

    def _prepare_tails(self, vis, px, py, cls, t: Transform) -> None:
        if len(vis) > TAIL_LOD:
            keep = _declutter(px, py, cls.astype(np.int64), TAIL_CELL)
            vis, cls = vis[keep], cls[keep]
        rank = cls.astype(np.int64)
        tx, ty, valid = self.layer.tail_grid(vis)  # (m, k) oldest..newest
        if tx.size == 0:
            return
        m11, m12, m21, m22, dx, dy = t
        gx = m11 * tx + m21 * ty + dx
        gy = m12 * tx + m22 * ty + dy
        k = gx.shape[1]
        if k > 2:  # zoomed out: keep every n-th fix so segments stay >= MIN_SEGMENT_PX
            step = np.hypot(np.diff(gx[:200], axis=1), np.diff(gy[:200], axis=1))
            typical = float(np.nanmedian(step)) if np.isfinite(step).any() else MIN_SEGMENT_PX
            stride = int(min(k - 1, max(1, np.ceil(MIN_SEGMENT_PX / max(typical, 1e-6)))))
            if stride > 1:
                cols = np.unique(np.r_[np.arange(k - 1, -1, -stride)[::-1], k - 1])
                gx, gy, valid = gx[:, cols], gy[:, cols], valid[:, cols]
        seg = valid[:, :-1] & valid[:, 1:]
        total = int(seg.sum())
        if total > MAX_TAIL_SEGMENTS:  # level of detail: a spatially even subset
            cell = TAIL_CELL
            keep = np.arange(len(vis))
            for _ in range(6):
                cell *= 1.5
                keep = _declutter(np.nan_to_num(gx[:, -1]), np.nan_to_num(gy[:, -1]), rank, cell)
                if int(seg[keep].sum()) <= MAX_TAIL_SEGMENTS:
                    break
            gx, gy, seg = gx[keep], gy[keep], seg[keep]
        x0, y0 = gx[:, :-1][seg], gy[:, :-1][seg]
        x1, y1 = gx[:, 1:][seg], gy[:, 1:][seg]
        self._lines.resize(len(x0))
        a = self._lines.ndarray()
        a[:, 0], a[:, 1], a[:, 2], a[:, 3] = x0, y0, x1, y1
        self._n_lines = len(x0)

    def _paint_labels(self, p: QPainter) -> None:
        p.setFont(self._label_font)
        names = self.layer.label_texts()
        halo = QColor(255, 255, 255, 230)
        ink = QColor("#102030")
        for i, sx, sy in self._labels:
            text = names[i]
            pt = QPointF(sx + 9, sy + 4)
            p.setPen(halo)
            for ox, oy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                p.drawText(pt + QPointF(ox, oy), text)
            p.setPen(ink)
            p.drawText(pt, text)


class VesselRenderer(Renderer):
    layer: VesselLayer

    def __init__(self, layer: VesselLayer, view: pg.ViewBox) -> None:
        super().__init__(layer, view)
        self.item = self.add_item(FleetItem(layer))

    def update(self) -> None:
        self.item.refresh()
