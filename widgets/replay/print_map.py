"""Printable map: the map canvas scene plus title, legend, scale bar, north arrow,
lon/lat grid, time and source, on an A4 landscape page (PDF via QPdfWriter, or PNG).

The canvas is rendered with `QGraphicsView.render` into the map frame (vector output in
the PDF); the decorations are drawn with QPainter around and over it. GUI thread only
(Qt painting); a page takes well under a second.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

from console.export import print as layout
from console.geo.crs import crs_label, map_to_lonlat
from console.timefmt import format_local
from widgets.legend_icons import legend_icon
from widgets.overview_inset import OverviewInset

if TYPE_CHECKING:
    from widgets.shell import FeatureShell

_tr = QCoreApplication.translate
PNG_SIZE = (3508 // 2, 2480 // 2)  # A4 landscape at 150 dpi


def export_print(
    shell: FeatureShell, path: str | Path, title: str, time: float, source: str,
    local_grid: str | None = None,
) -> Path:
    """Write the page to `path`: PDF if it ends in .pdf, else PNG. `local_grid` (a
    projected CRS such as VN-2000 / TM-3, 'EPSG:9217') adds its kilometre grid."""
    path = Path(path)
    shell.canvas.flush()
    if path.suffix.lower() == ".pdf":
        writer = QPdfWriter(str(path))
        writer.setResolution(150)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                QMarginsF(0, 0, 0, 0),
            )
        )
        writer.setTitle(title)
        writer.setCreator("IOC Console")
        painter = QPainter(writer)
        page = QRectF(0, 0, writer.width(), writer.height())
        _paint(painter, page, shell, title, time, source, local_grid)
        painter.end()
    else:
        image = QImage(*PNG_SIZE, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        _paint(painter, QRectF(0, 0, *PNG_SIZE), shell, title, time, source, local_grid)
        painter.end()
        if not image.save(str(path)):
            raise OSError(f"could not write {path}")
    return path


def _font(painter: QPainter, px: float, bold: bool = False) -> None:
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(int(px), 6))
    font.setBold(bold)
    painter.setFont(font)


def _paint(
    painter: QPainter, page: QRectF, shell: FeatureShell, title: str, time: float, source: str,
    local_grid: str | None = None,
) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    u = page.height() / 100.0  # layout unit
    margin = 4 * u
    title_rect = QRectF(margin, margin * 0.6, page.width() - 2 * margin, 6 * u)
    legend_w = 46 * u
    footer_lines = 4 if local_grid else 3  # time and source; CRS and credits (wrapping)
    frame = QRectF(margin + 10 * u, title_rect.bottom() + 1.5 * u, 0,
                   page.height() - (14 + 2.3 * footer_lines) * u)
    frame.setRight(page.width() - 2 * margin - legend_w)
    legend_rect = QRectF(frame.right() + margin, frame.top(), legend_w, frame.height())
    painter.setPen(QColor("#111111"))
    _font(painter, 4.2 * u, bold=True)
    painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    extent = _render_map(painter, shell, frame)
    painter.setPen(QPen(QColor("#222222"), 0.25 * u))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(frame)
    _grid(painter, frame, extent, u)
    if local_grid:
        _local_grid(painter, frame, extent, local_grid, u)
    _scale_bar(painter, frame, extent, u)
    _north_arrow(painter, frame, u)
    _inset(painter, frame, shell, extent, u)
    _legend(painter, legend_rect, shell, u)
    _font(painter, 1.8 * u)
    painter.setPen(QColor("#222222"))
    footer = QRectF(margin, frame.bottom() + 3.0 * u, page.width() - 2 * margin,
                    page.height() - frame.bottom() - 3.2 * u)
    text = footer_text(shell, time, source)
    if local_grid:
        text += "\n" + _tr("PrintMap", "Red grid: %1, kilometres.").replace(
            "%1", crs_label(local_grid))
    painter.drawText(footer, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                     | Qt.TextFlag.TextWordWrap, text)


def _inset(painter: QPainter, frame: QRectF, shell: FeatureShell, extent: tuple,
           u: float) -> None:
    """The overview inset in the map frame's bottom-right corner: the coast and the
    sea with Hoàng Sa and Trường Sa named, whatever the print's own view (a published
    map that shows the sea must show both)."""
    screen_inset = shell.canvas.inset
    if screen_inset is None:
        return
    inset = OverviewInset(screen_inset.data, screen_inset.language)  # paper is light
    width = frame.width() * 0.24
    height = width * inset.height / inset.width
    target = QRectF(frame.right() - width - 1.2 * u, frame.bottom() - height - 1.2 * u,
                    width, height)
    inset.paint_in(painter, target, extent)


def footer_text(shell: FeatureShell, time: float, source: str) -> str:
    """Time, data source and map credits under the print (the basemap's sources'
    licences ask for their credit line on every map made from them)."""
    text = (
        _tr("PrintMap", "Time: %1 (UTC+7)    Source: %2")
        .replace("%1", format_local(time))
        .replace("%2", source)
        + "\n"
        + _tr(
            "PrintMap",
            "Map: WGS 84 / Web Mercator (EPSG:3857); grid in WGS 84 degrees. IOC Console.",
        )
    )
    basemap = shell.model.basemap
    credit = basemap.attribution if basemap is not None else ""
    if credit:
        text += "  " + _tr("PrintMap", "Basemap: %1").replace("%1", credit)
    return text


def _render_map(painter: QPainter, shell: FeatureShell, frame: QRectF) -> tuple:
    """Render the canvas scene into `frame`, widened to the frame's shape around the
    current view (the canvas is resized for the moment of the render, then restored).
    Returns the extent drawn."""
    canvas = shell.canvas
    x0, y0, x1, y1 = canvas.extent()
    aspect = frame.width() / frame.height()
    cx, cy, w, h = (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0
    if w / h < aspect:
        w = h * aspect
    else:
        h = w / aspect
    extent = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
    old_min, old_max, old_extent = canvas.minimumSize(), canvas.maximumSize(), (x0, y0, x1, y1)
    # the fixed print size can push the window past its screen and squeeze the docks:
    # the window and its docks go back exactly where the operator had them
    window = shell.host
    old_state, old_rect, old_docks = window.windowState(), window.geometry(), window.saveState()
    px_w = 1200  # symbols and labels keep their pixel size: this sets their print size
    canvas.setFixedSize(px_w, round(px_w / aspect))
    QCoreApplication.processEvents()
    canvas.set_extent(extent, padding=0.0)
    canvas.flush()
    QCoreApplication.processEvents()  # labels follow the new view
    x0, y0, x1, y1 = canvas.extent()  # what the view really shows (aspect lock)
    inset, canvas.inset = canvas.inset, None  # the print draws its own, sized for paper
    canvas.render(painter, frame, QRect(canvas.viewport().rect()))
    canvas.inset = inset
    canvas.setMinimumSize(old_min)
    canvas.setMaximumSize(old_max)
    window.layout().activate()  # the minimum of the normal canvas again, then the old size
    if window.windowState() != old_state:
        window.setWindowState(old_state)
    if window.geometry() != old_rect:
        window.setGeometry(old_rect)
    window.restoreState(old_docks)
    canvas.set_extent(old_extent, padding=0.0)
    return x0, y0, x1, y1


def _to_px(map_rect: QRectF, extent: tuple, x: float, y: float) -> QPointF:
    x0, y0, x1, y1 = extent
    return QPointF(
        map_rect.left() + (x - x0) / (x1 - x0) * map_rect.width(),
        map_rect.bottom() - (y - y0) / (y1 - y0) * map_rect.height(),
    )


def _grid(painter: QPainter, map_rect: QRectF, extent: tuple, u: float) -> None:
    from console.geo.crs import lonlat_to_map

    x0, y0, x1, y1 = extent
    lon, lat = map_to_lonlat(np.array([x0, x1]), np.array([y0, y1]))
    painter.save()
    painter.setClipRect(map_rect.adjusted(-10 * u, -6 * u, 6 * u, 6 * u))
    pen = QPen(QColor(40, 40, 40, 110), 0.12 * u, Qt.PenStyle.DashLine)
    _font(painter, 1.8 * u)
    max_x = int(map_rect.width() / (14 * u))
    max_y = int(map_rect.height() / (8 * u))
    for value in layout.graticule_values(float(lon[0]), float(lon[1]), max_x):
        gx, _ = lonlat_to_map(np.array([value]), np.array([0.0]))
        p = _to_px(map_rect, extent, float(gx[0]), y0)
        painter.setPen(pen)
        painter.drawLine(QPointF(p.x(), map_rect.top()), QPointF(p.x(), map_rect.bottom()))
        painter.setPen(QColor("#222222"))
        painter.drawText(
            QRectF(p.x() - 8 * u, map_rect.bottom() + 0.2 * u, 16 * u, 2.2 * u),
            Qt.AlignmentFlag.AlignCenter,
            layout.format_degrees(value, "E", "W"),
        )
    for value in layout.graticule_values(float(lat[0]), float(lat[1]), max_y):
        _, gy = lonlat_to_map(np.array([0.0]), np.array([value]))
        p = _to_px(map_rect, extent, x0, float(gy[0]))
        painter.setPen(pen)
        painter.drawLine(QPointF(map_rect.left(), p.y()), QPointF(map_rect.right(), p.y()))
        painter.setPen(QColor("#222222"))
        painter.drawText(
            QRectF(map_rect.left() - 8.4 * u, p.y() - 1.1 * u, 8 * u, 2.2 * u),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            layout.format_degrees(value, "N", "S"),
        )
    painter.restore()


def _local_grid(painter: QPainter, map_rect: QRectF, extent: tuple, crs: str, u: float) -> None:
    """The local projected grid (VN-2000 / TM-3 kilometres) in thin dark red, labelled
    on the top (eastings) and right (northings) edges, apart from the WGS 84 degrees on
    the bottom and left."""
    eastings, northings = layout.local_grid_lines(extent, crs)
    colour = QColor("#9b1c1c")
    painter.save()
    painter.setClipRect(map_rect)
    painter.setPen(QPen(QColor(155, 28, 28, 150), 0.14 * u))
    for _value, line in eastings + northings:
        path = QPainterPath(_to_px(map_rect, extent, *line[0]))
        for x, y in line[1:]:
            path.lineTo(_to_px(map_rect, extent, x, y))
        painter.drawPath(path)
    painter.restore()
    painter.save()
    _font(painter, 1.5 * u)
    painter.setPen(colour)
    for value, line in eastings:
        top = max(line, key=lambda p: p[1])
        p = _to_px(map_rect, extent, *top)
        if map_rect.left() + 4 * u < p.x() < map_rect.right() - 4 * u:
            painter.drawText(QRectF(p.x() - 8 * u, map_rect.top() - 2.4 * u, 16 * u, 2.2 * u),
                             Qt.AlignmentFlag.AlignCenter, "E " + layout.format_grid_km(value))
    for value, line in northings:
        right = max(line, key=lambda p: p[0])
        p = _to_px(map_rect, extent, *right)
        if map_rect.top() + 2 * u < p.y() < map_rect.bottom() - 2 * u:
            # inside the frame, above its line: the legend sits right of the frame
            painter.drawText(QRectF(map_rect.right() - 14 * u, p.y() - 2.4 * u, 13.4 * u,
                                    2.2 * u),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             "N " + layout.format_grid_km(value))
    painter.restore()


def _scale_bar(painter: QPainter, map_rect: QRectF, extent: tuple, u: float) -> None:
    x0, y0, x1, y1 = extent
    _, lat = map_to_lonlat(np.array([(x0 + x1) / 2]), np.array([(y0 + y1) / 2]))
    units_per_px = (x1 - x0) / map_rect.width()
    metres_per_px = units_per_px * layout.ground_metres_per_unit(float(lat[0]))
    _metres, length, label = layout.scale_bar(metres_per_px, map_rect.width() * 0.25)
    left = QPointF(map_rect.left() + 3 * u, map_rect.bottom() - 3 * u)
    box = QRectF(left.x() - u, left.y() - 4.2 * u, length + 2 * u, 5.4 * u)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 220))
    painter.drawRect(box)
    half = length / 2
    for i, colour in enumerate(("#222222", "#ffffff")):
        painter.setBrush(QColor(colour))
        painter.setPen(QPen(QColor("#222222"), 0.15 * u))
        painter.drawRect(QRectF(left.x() + i * half, left.y() - 0.8 * u, half, 0.8 * u))
    painter.setPen(QColor("#111111"))
    _font(painter, 1.9 * u)
    painter.drawText(
        QRectF(left.x(), left.y() - 3.6 * u, length, 2.6 * u), Qt.AlignmentFlag.AlignCenter, label
    )


def _north_arrow(painter: QPainter, map_rect: QRectF, u: float) -> None:
    cx, top = map_rect.right() - 5 * u, map_rect.top() + 2.5 * u
    h = 6 * u
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 220))
    painter.drawEllipse(QPointF(cx, top + h * 0.55), 3.6 * u, 4.6 * u)
    for sign, colour in ((-1, "#111111"), (1, "#ffffff")):
        path = QPainterPath(QPointF(cx, top + 1.6 * u))
        path.lineTo(cx + sign * 1.6 * u, top + h)
        path.lineTo(cx, top + h - 1.2 * u)
        path.closeSubpath()
        painter.setPen(QPen(QColor("#111111"), 0.15 * u))
        painter.setBrush(QColor(colour))
        painter.drawPath(path)
    painter.setPen(QColor("#111111"))
    _font(painter, 2.0 * u, bold=True)
    painter.drawText(
        QRectF(cx - 2 * u, top - 0.9 * u, 4 * u, 2.4 * u), Qt.AlignmentFlag.AlignCenter, "N"
    )


def _legend_rows(shell: FeatureShell) -> list[tuple[str, object]]:
    """(text, entry) per line: a layer's title (entry None), then its entries."""
    rows: list[tuple[str, object]] = []
    for layer in shell.model.layers:
        entries = layer.legend() if getattr(layer, "visible", True) else []
        if entries:
            rows.append((layer.title, None))
            rows += [(e.label, e) for e in entries]
    return rows


def _legend_layout(
    painter: QPainter, rows: list[tuple[str, object]], rect: QRectF, u: float
) -> tuple[float, int, list[tuple[float, float, float]]] | None:
    """Find the largest text size (and fewest columns) at which every legend line fits
    whole, wrapped where long: (font px, columns, (x, y, height) per row), or None when
    even the smallest size does not fit."""
    top = rect.top() + 4.6 * u
    for columns in (2, 3):
        col_w = (rect.width() - 2 * u) / columns
        px = 1.6 * u
        while px >= 1.05 * u:
            icon = 1.9 * px / 1.5
            placed: list[tuple[float, float, float]] = []
            col, y = 0, top
            for label, entry in rows:
                _font(painter, px, bold=entry is None)
                width = col_w - (0.6 * u if entry is None else icon + 1.8 * u)
                box = painter.fontMetrics().boundingRect(
                    QRect(0, 0, int(width), 10_000), Qt.TextFlag.TextWordWrap, label)
                height = max(box.height(), icon) + 0.35 * u
                if y + height > rect.bottom() - 0.8 * u:
                    col, y = col + 1, top
                if col >= columns:
                    break
                placed.append((rect.left() + 1.2 * u + col * col_w, y, height))
                y += height
            if len(placed) == len(rows):
                return px, columns, placed
            px *= 0.92
    return None


def _legend(painter: QPainter, rect: QRectF, shell: FeatureShell, u: float) -> None:
    """Layer titles and their entries, every one whole: long labels wrap, and the text
    shrinks (then flows into a third column) until all of them fit."""
    painter.setPen(QPen(QColor("#888888"), 0.12 * u))
    painter.setBrush(QColor("#fbfbfb"))
    painter.drawRect(rect)
    painter.setPen(QColor("#111111"))
    _font(painter, 2.4 * u, bold=True)
    painter.drawText(
        QRectF(rect.left() + 1.2 * u, rect.top() + 1.2 * u, rect.width(), 3 * u),
        Qt.AlignmentFlag.AlignLeft,
        _tr("PrintMap", "Legend"),
    )
    rows = _legend_rows(shell)
    fitted = _legend_layout(painter, rows, rect, u)
    if fitted is None:  # cannot happen with the console's layers; say so if it does
        _font(painter, 1.5 * u)
        painter.drawText(rect.adjusted(u, 5 * u, -u, -u), Qt.TextFlag.TextWordWrap,
                         _tr("PrintMap", "Too many layers for the legend: hide some"))
        return
    px, columns, placed = fitted
    col_w = (rect.width() - 2 * u) / columns
    icon_px = int(1.9 * px / 1.5)
    for (label, entry), (x, y, height) in zip(rows, placed, strict=True):
        _font(painter, px, bold=entry is None)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        if entry is None:
            painter.drawText(QRectF(x, y, col_w - 0.6 * u, height), flags, label)
            continue
        pixmap = legend_icon(entry).pixmap(icon_px, icon_px)
        painter.drawPixmap(QRectF(x, y, icon_px, icon_px).toRect(), pixmap)
        width = col_w - icon_px - 1.8 * u
        painter.drawText(QRectF(x + icon_px + 0.6 * u, y - 0.1 * u, width, height), flags, label)
