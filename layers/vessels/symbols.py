"""Pre-rendered vessel symbols: one atlas pixmap holding every (style, heading bucket).

Why: drawing 100,000 vector symbols per frame is far too slow; blitting fragments of
one pixmap with QPainter.drawPixmapFragments is a single call. Symbols are rotated to
the course in 10° buckets (36 per style) when the atlas is built, not per frame.
Shapes differ per state as well as colours (colour-blind safety): a slim arrow when
reporting, an arrow with a bar when late, a hollow arrow when the signal is lost, a
diamond when the vessel must return to port, a square in port; a violation adds a
thick ring. A target known by AIS only is a plain triangle with a black outline and a
heading line (as on AIS displays; a circle in port); one seen by both VMS and AIS is
the VMS arrow with a white dot. GUI thread only (QPixmap).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from console.symbology import VESSEL_CLUSTER

BUCKETS = 36
CELL = 26  # px per atlas cell (symbol + ring + rotation margin)


@dataclass(frozen=True, slots=True)
class SymbolStyle:
    shape: str  # "square" | "arrow" | "arrow_bar" | "hollow" | "diamond"
    size: float  # px, tip to tail
    fill: str
    outline: str
    ring: str | None = None
    variant: str = "vms"  # "vms" | "ais" (plain triangle, circle in port) | "both" (dot)


def _arrow(size: float) -> QPolygonF:
    h = size / 2
    return QPolygonF(
        [QPointF(0, -h), QPointF(h * 0.55, h), QPointF(0, h * 0.55), QPointF(-h * 0.55, h)]
    )


def _triangle(size: float) -> QPolygonF:
    """The AIS target symbol of ship displays (IEC 62288): an isosceles triangle."""
    h = size / 2
    return QPolygonF([QPointF(0, -h), QPointF(h * 0.6, h), QPointF(-h * 0.6, h)])


def _path(style: SymbolStyle) -> QPainterPath:
    path = QPainterPath()
    s = style.size
    if style.variant == "ais" and style.shape != "diamond":
        if style.shape == "square":
            path.addEllipse(QPointF(0, 0), s / 2, s / 2)
        else:
            path.addPolygon(_triangle(s))
            path.closeSubpath()
        return path
    if style.shape == "square":
        path.addRect(QRectF(-s / 2, -s / 2, s, s))
    elif style.shape == "diamond":
        h = s / 2
        path.addPolygon(
            QPolygonF([QPointF(0, -h), QPointF(h * 0.7, 0), QPointF(0, h), QPointF(-h * 0.7, 0)])
        )
        path.closeSubpath()
    else:
        path.addPolygon(_arrow(s))
        path.closeSubpath()
    return path


def _draw(p: QPainter, style: SymbolStyle, angle: float) -> None:
    p.save()
    p.translate(CELL / 2, CELL / 2)
    if style.ring:
        p.setPen(QPen(QColor(style.ring), 2.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        r = style.size / 2 + 3.5
        p.drawEllipse(QPointF(0, 0), r, r)
    if style.shape != "square":
        p.rotate(angle)
    path = _path(style)
    ais = style.variant == "ais"
    if style.shape == "hollow":
        p.setPen(QPen(QColor(style.fill), 2.2))
        p.setBrush(QColor("#ffffff"))
    else:  # an AIS target: a heavier black outline, read apart from VMS at a glance
        p.setPen(QPen(QColor("#000000" if ais else style.outline), 1.6 if ais else 1.0))
        p.setBrush(QColor(style.fill))
    p.drawPath(path)
    if ais and style.shape not in ("square", "diamond"):  # AIS heading line ahead
        p.setPen(QPen(QColor("#000000"), 1.4))
        # as long as the cell allows, leaving the atlas' crop margin (CELL / 2 - 2 px)
        tip = style.size / 2
        p.drawLine(QPointF(0, -tip), QPointF(0, -max(tip + 2.5, CELL / 2 - 2.0)))
    if style.shape == "arrow_bar":
        p.setPen(QPen(QColor(style.outline), 2.0))
        h = style.size / 2
        p.drawLine(QPointF(-h * 0.6, h + 2.5), QPointF(h * 0.6, h + 2.5))
    if style.variant == "both":  # seen by VMS and AIS: a white dot ringed in black
        p.setPen(QPen(QColor("#000000"), 1.2))
        p.setBrush(QColor("#ffffff"))
        p.drawEllipse(QPointF(0, style.size * 0.1), 2.4, 2.4)
    p.restore()


HALO_SIDE = 22  # px: the disc drawn under a symbol that stands for several vessels


def _draw_halo(p: QPainter) -> None:
    p.save()
    p.translate(CELL / 2, CELL / 2)
    p.setPen(QPen(QColor(VESSEL_CLUSTER.outline), 1.2))
    p.setBrush(QColor(VESSEL_CLUSTER.fill))
    r = HALO_SIDE / 2 - 1
    p.drawEllipse(QPointF(0, 0), r, r)
    p.restore()


class SymbolAtlas:
    """Row = style index, column = heading bucket. Rows `clustered + style` hold the
    same symbols on a halo: the variant drawn when a thinned view lets one symbol stand
    for several vessels (baked in, so a cluster costs no extra fragment)."""

    def __init__(self, styles: list[SymbolStyle]) -> None:
        self.styles = styles
        self.clustered = len(styles)
        self.pixmap = QPixmap(CELL * BUCKETS, CELL * 2 * len(styles))
        self.pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(self.pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for row in range(2 * len(styles)):
            style = styles[row % len(styles)]
            for b in range(BUCKETS):
                p.save()
                p.translate(b * CELL, row * CELL)
                if row >= len(styles):
                    _draw_halo(p)
                _draw(p, style, b * 360.0 / BUCKETS)
                p.restore()
        p.end()

        self.extent = self._extents()

    def _extents(self) -> np.ndarray:
        """Per style, the side (px, even) of the smallest centred square holding the
        symbol at every heading: blitting only that, not the whole cell, halves the
        pixels a dense fleet costs to draw (most styles have no ring)."""
        image = self.pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
        width, height = image.width(), image.height()
        pixels = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
        alpha = pixels.reshape(height, image.bytesPerLine() // 4, 4)[:, :width, 3]
        rows = 2 * len(self.styles)
        cells = alpha.reshape(rows, CELL, BUCKETS, CELL)  # row, y, bucket, x
        offsets = np.abs(np.arange(CELL) + 0.5 - CELL / 2)
        sides = []
        for row in range(rows):
            inked = cells[row] > 0
            ys = offsets[inked.any(axis=(1, 2))]
            xs = offsets[inked.any(axis=(0, 1))]
            half = max(ys.max() if len(ys) else 0.0, xs.max() if len(xs) else 0.0) + 0.5
            sides.append(min(CELL, 2 * int(np.ceil(half))))
        return np.asarray(sides, dtype=np.float64)

    def icon(self, style: int, bucket: int = 0) -> QPixmap:
        """One symbol as its own pixmap (legend, lists)."""
        return self.pixmap.copy(bucket * CELL, style * CELL, CELL, CELL)
