"""The shift report's map: the province basemap with the period's stations (coloured by
the level reached), dark and offending vessels, incidents and offline cameras, and the
overview inset that shows and names the Hoàng Sa and Trường Sa archipelagos as Viet
Nam's (a legal requirement for maps published in Vietnam; DESIGN.md). Drawn with
QPainter from the shipped basemap (no window needed: the report runs headless)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QPolygonF

from console import symbology
from console.export.print import graticule_values
from console.geo.crs import lonlat_to_map_scalar
from console.report.model import ShiftReport
from layers._draw.qt_style import qcolor
from layers.basemap_vector.layer import BasemapData, load_basemap
from layers.map_theme import LIGHT
from layers.storm.layer import DANGER_FILL, DANGER_LINE
from widgets.overview_inset import INSET_LONLAT, MARGIN_PX, OverviewInset

MAP_SIZE = (1800, 1350)
STORM_VESSEL_FILL = "#8e24aa"  # purple: apart from the red of dark and offending vessels
INSET_SCALE = 2.6
_basemap: dict[str, BasemapData] = {}


def _data() -> BasemapData:
    if "data" not in _basemap:
        _basemap["data"] = load_basemap()
    return _basemap["data"]


def _extent(data: BasemapData, points: list[tuple[float, float]], aspect: float):
    """The province outline and every plotted item, padded, at the image's aspect."""
    xs, ys = [], []
    for group in data.groups:
        if group.kind == "province":
            for rings in group.polygons:
                xs += [rings[0][:, 0].min(), rings[0][:, 0].max()]
                ys += [rings[0][:, 1].min(), rings[0][:, 1].max()]
    lo = lonlat_to_map_scalar(INSET_LONLAT[0], INSET_LONLAT[1])
    hi = lonlat_to_map_scalar(INSET_LONLAT[2], INSET_LONLAT[3])
    for lon, lat in points:
        x, y = lonlat_to_map_scalar(lon, lat)
        if lo[0] <= x <= hi[0] and lo[1] <= y <= hi[1]:
            xs.append(x)
            ys.append(y)
    if not xs:
        xs, ys = [data.extent[0], data.extent[2]], [data.extent[1], data.extent[3]]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    if x1 - x0 > 0.25 * (hi[0] - lo[0]):
        # reaching well out to sea: show the archipelagos on the map itself, named
        for lb in data.labels:
            if lb.kind == "archipelago":
                x0, x1 = min(x0, lb.x - 3e5), max(x1, lb.x + 3e5)
                y0, y1 = min(y0, lb.y - 1.5e5), max(y1, lb.y + 2.5e5)
    pad = 0.06 * max(x1 - x0, y1 - y0)
    x0, x1, y0, y1 = x0 - pad, x1 + pad, y0 - pad, y1 + pad
    if (x1 - x0) / (y1 - y0) < aspect:
        grow = ((y1 - y0) * aspect - (x1 - x0)) / 2
        x0, x1 = x0 - grow, x1 + grow
    else:
        grow = ((x1 - x0) / aspect - (y1 - y0)) / 2
        y0, y1 = y0 - grow, y1 + grow
    return x0, y0, x1, y1


def render_map(report: ShiftReport) -> QImage:
    """The map page's picture (MAP_SIZE pixels)."""
    w, h = MAP_SIZE
    data = _data()
    items = _items(report)
    extent = _extent(data, [(lon, lat) for lon, lat, *_ in items], w / h)
    x0, y0, x1, y1 = extent

    def px(x: float, y: float) -> QPointF:
        return QPointF((x - x0) / (x1 - x0) * w, (y1 - y) / (y1 - y0) * h)

    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor(LIGHT.inset_sea))  # paper is light, whatever the screen theme
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    for group in data.groups:
        style = group.style
        pen = QPen(QColor(style.stroke or "#00000000"), style.width * 1.5)
        if style.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(QColor(style.fill) if style.fill else Qt.BrushStyle.NoBrush)
        for rings in group.polygons:
            for ring in rings[:1]:
                p.drawPolygon(QPolygonF([px(a, b) for a, b in ring]))
        for line in group.lines:
            p.drawPolyline(QPolygonF([px(a, b) for a, b in line]))
    _grid(p, extent, w, h, px)
    _danger_zone(p, report, px)
    font = QFont("DejaVu Sans")
    font.setPixelSize(22)
    p.setFont(font)
    for label in data.labels:
        if label.kind in ("city", "town"):
            q = px(label.x, label.y)
            p.setPen(QColor("#333333"))
            p.drawText(q + QPointF(8, -6), label.name_vi if report.language == "vi"
                       else (label.name_en or label.name_vi))
    r = 10.0 if len(items) < 60 else 6.0  # a crowded map gets smaller symbols
    for lon, lat, fill, outline, shape in items:
        q = px(*lonlat_to_map_scalar(lon, lat))
        p.setPen(QPen(QColor(outline), 2))
        p.setBrush(QColor(fill))
        if shape == "square":
            p.drawRect(QRectF(q.x() - r, q.y() - r, 2 * r, 2 * r))
        elif shape == "triangle":
            p.drawPolygon(QPolygonF([q + QPointF(0, -1.2 * r), q + QPointF(1.1 * r, 0.8 * r),
                                     q + QPointF(-1.1 * r, 0.8 * r)]))
        else:
            p.drawEllipse(q, r, r)
    if _archipelagos_named(p, data, report.language, extent, px):
        p.end()
        return image
    # the archipelagos are outside this view: the console's own overview inset names them,
    # scaled up for paper, in the top-right corner (open sea: the fewest items there)
    p.scale(INSET_SCALE, INSET_SCALE)
    inset = OverviewInset(data, report.language)
    inset.paint(p, round(w / INSET_SCALE), inset.height + MARGIN_PX + 80, extent)  # top >= 80
    p.end()
    return image


def _danger_zone(p: QPainter, report: ShiftReport, px) -> None:
    """The danger zone of the last bulletin in force, as the live map draws it (clipped by
    the picture: a zone reaching far out to sea must not shrink the province)."""
    zoned = [b for b in report.storms if b.danger_zone is not None]
    if not zoned:
        return
    box = zoned[-1].danger_zone
    a = px(*lonlat_to_map_scalar(box.west, box.north))
    b = px(*lonlat_to_map_scalar(box.east, box.south))
    p.setPen(QPen(qcolor(DANGER_LINE), 4, Qt.PenStyle.DashLine))
    p.setBrush(qcolor(DANGER_FILL))
    p.drawRect(QRectF(a, b))


def _archipelagos_named(p: QPainter, data: BasemapData, language: str, extent, px) -> bool:
    """Name the archipelagos on the map itself when both are inside the view (a map
    reaching that far out to sea); False when the inset must show them instead."""
    x0, y0, x1, y1 = extent
    labels = [lb for lb in data.labels if lb.kind == "archipelago"]
    if not labels or not all(x0 <= lb.x <= x1 and y0 <= lb.y <= y1 for lb in labels):
        return False
    font = QFont("DejaVu Sans")
    font.setPixelSize(30)
    font.setItalic(True)
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#1d4e75"))
    for lb in labels:
        text = lb.name_en if language == "en" and lb.name_en else lb.name_vi
        q = px(lb.x, lb.y)
        p.drawText(QRectF(q.x() - 250, q.y() - 90, 500, 80), Qt.AlignmentFlag.AlignCenter,
                   text.replace(" (", "\n("))
    return True


def _grid(p: QPainter, extent, w: int, h: int, px) -> None:
    from console.geo.crs import map_to_lonlat

    (lon0, lon1), (lat0, lat1) = map_to_lonlat(
        np.array([extent[0], extent[2]]), np.array([extent[1], extent[3]])
    )
    font = QFont("DejaVu Sans")
    font.setPixelSize(18)
    p.setFont(font)
    for lon in graticule_values(float(lon0), float(lon1), 6):
        x = px(*lonlat_to_map_scalar(lon, float(lat0))).x()
        p.setPen(QPen(QColor("#7f8c9880"), 1))
        p.drawLine(QPointF(x, 0), QPointF(x, h))
        p.setPen(QColor("#34495e"))
        p.drawText(QPointF(x + 4, 20), f"{lon:g}°E")
    for lat in graticule_values(float(lat0), float(lat1), 6):
        y = px(*lonlat_to_map_scalar(float(lon0), lat)).y()
        p.setPen(QPen(QColor("#7f8c9880"), 1))
        p.drawLine(QPointF(0, y), QPointF(w, y))
        p.setPen(QColor("#34495e"))
        p.drawText(QPointF(4, y - 4), f"{lat:g}°N")


def _items(report: ShiftReport) -> list[tuple[float, float, str, str, str]]:
    """(lon, lat, fill, outline, shape) of everything the map shows."""
    out = []
    for r in report.levels:
        if r.station_id in report.positions:
            sw = symbology.level_swatch(r.reached)
            out.append((*report.positions[r.station_id], sw.fill, sw.outline, "circle"))
    for r in report.rain:
        if r.station_id in report.positions:
            sw = symbology.RAIN[min(4, int(r.total_mm > 0) + int(r.total_mm >= 16)
                                    + int(r.total_mm > 50) + int(r.total_mm > 100))]
            out.append((*report.positions[r.station_id], sw.fill, sw.outline, "circle"))
    for r in report.reservoirs:
        if r.station_id in report.positions:
            sw = (symbology.RESERVOIR_AT_NORMAL if (r.margin_m or -1) >= 0
                  else symbology.RESERVOIR_BELOW_NORMAL)
            out.append((*report.positions[r.station_id], sw.fill, sw.outline, "circle"))
    for v in report.vessels:
        if np.isfinite(v.lon) and np.isfinite(v.lat):
            fill = (symbology.VIOLATION_RING if v.state == "violation"
                    else symbology.VESSEL[4 if v.state == "must_return" else 3].fill)
            out.append((v.lon, v.lat, fill, "#2d0000", "triangle"))
    for s in report.storm_vessels:
        out.append((s.lon, s.lat, STORM_VESSEL_FILL, "#2d0030", "triangle"))
    for i in report.incidents_opened:
        out.append((i.lon, i.lat, symbology.INCIDENT_SEVERITY.get(i.severity, "#fdae61"),
                    "#5a2d00", "square"))
    for c in report.cameras_offline:
        out.append((c.lon, c.lat, symbology.STATION_NO_DATA.fill, "#303030", "square"))
    return out
