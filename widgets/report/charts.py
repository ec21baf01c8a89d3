"""Small line charts for the shift report, drawn with QPainter into an image (the same
pixels go into the PDF and, as PNG, into the HTML file). GUI thread (or the headless
report run's main thread): QImage painting is not for workers sharing fonts."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QPolygonF

from console import bulletin, symbology
from console.export.print import graticule_values
from console.timefmt import local

CHART_SIZE = (900, 420)  # px; shown at half a page width


def line_chart(
    title: str,
    t: list[float],
    values: list[float],
    unit: str,
    levels: tuple[float, ...] | None = None,
    colour: str = "#1d4e75",
) -> QImage:
    """`values` over time `t` (epoch s, shown in Vietnam time), with horizontal BĐ lines
    in the alarm colours when `levels` are given."""
    w, h = CHART_SIZE
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(20)
    p.setFont(font)
    p.setPen(QColor("#123a5c"))
    p.drawText(QRectF(10, 4, w - 20, 30), Qt.AlignmentFlag.AlignLeft, title)
    font.setPixelSize(16)
    p.setFont(font)
    plot = QRectF(90, 44, w - 110, h - 90)
    if len(t) >= 2:
        lo, hi = min(values), max(values)
        if levels:
            lo, hi = min(lo, levels[0]), max(hi, min(levels[-1], hi + (hi - lo) * 0.5 + 0.1))
        if hi - lo < 1e-9:
            hi = lo + 1.0
        pad = (hi - lo) * 0.08
        lo, hi = lo - pad, hi + pad
        t0, t1 = t[0], t[-1] if t[-1] > t[0] else t[0] + 1

        def px(tt: float, v: float) -> QPointF:
            return QPointF(plot.left() + (tt - t0) / (t1 - t0) * plot.width(),
                           plot.bottom() - (v - lo) / (hi - lo) * plot.height())

        p.setPen(QPen(QColor("#d9d9d9"), 1))
        for v in graticule_values(lo, hi, 5):
            y = px(t0, v).y()
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(QColor("#404040"))
            p.drawText(QRectF(0, y - 10, plot.left() - 8, 20), Qt.AlignmentFlag.AlignRight,
                       bulletin.number(v, 1))
            p.setPen(QPen(QColor("#d9d9d9"), 1))
        hours = max(1, round((t1 - t0) / 3600 / 6))
        first = (int(t0) // 3600 + 1) * 3600
        for tick in range(first, int(t1) + 1, 3600 * hours):
            x = px(tick, lo).x()
            p.setPen(QColor("#404040"))
            p.drawText(QRectF(x - 40, plot.bottom() + 6, 80, 20), Qt.AlignmentFlag.AlignCenter,
                       local(tick).strftime("%H:%M"))
        for i, level in enumerate(levels or ()):
            if lo <= level <= hi:
                p.setPen(QPen(QColor(symbology.STATION_BD[i].fill), 2, Qt.PenStyle.DashLine))
                y = px(t0, level).y()
                p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
                p.drawText(QRectF(plot.right() - 60, y - 20, 60, 18),
                           Qt.AlignmentFlag.AlignRight, f"BĐ{i + 1}")
        p.setPen(QPen(QColor(colour), 3))
        p.drawPolyline(QPolygonF([px(a, b) for a, b in zip(t, values, strict=True)]))
    p.setPen(QPen(QColor("#404040"), 1))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(plot)
    p.drawText(QRectF(4, plot.top() - 24, 80, 20), Qt.AlignmentFlag.AlignLeft, unit)
    p.end()
    return image
