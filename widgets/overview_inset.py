"""Overview inset: a small map of the Vietnamese coast and sea in a corner of the canvas,
with the Hoàng Sa and Trường Sa archipelagos named, and the current view outlined.

Maps published in Vietnam that show the sea must show and name both archipelagos as
Vietnamese; when the main view is zoomed on the province the inset keeps that true,
and it tells the operator where the view is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap, QPolygonF

from console.geo.crs import lonlat_to_map_scalar
from layers.basemap_vector.layer import BasemapData
from layers.map_theme import LIGHT, MapTheme

if TYPE_CHECKING:
    from widgets.overlay_sprites import OverlaySprites

INSET_LONLAT = (106.4, 7.0, 118.2, 18.4)
INSET_WIDTH_PX = 230
MARGIN_PX = 12


class OverviewInset:
    def __init__(self, data: BasemapData, language: str) -> None:
        self.data = data
        self.language = language
        x0, y0 = lonlat_to_map_scalar(INSET_LONLAT[0], INSET_LONLAT[1])
        x1, y1 = lonlat_to_map_scalar(INSET_LONLAT[2], INSET_LONLAT[3])
        self.extent = (x0, y0, x1, y1)
        self.width = INSET_WIDTH_PX
        self.height = round(INSET_WIDTH_PX * (y1 - y0) / (x1 - x0))
        self._pixmap: QPixmap | None = None
        self.theme: MapTheme = LIGHT

    def set_theme(self, theme: MapTheme) -> None:
        """The inset darkens with the map (a bright corner would dazzle at night)."""
        if theme is not self.theme:
            self.theme = theme
            self._pixmap = None

    def _to_px(self, x: float, y: float) -> QPointF:
        x0, y0, x1, y1 = self.extent
        return QPointF((x - x0) / (x1 - x0) * self.width, (y1 - y) / (y1 - y0) * self.height)

    def _render(self, scale: float = 1.0) -> QPixmap:
        """The inset picture at `scale` times its screen size (a print wants more pixels;
        the drawing itself is in the unscaled units)."""
        pixmap = QPixmap(round(self.width * scale), round(self.height * scale))
        pixmap.fill(QColor(self.theme.inset_sea))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        painter.setPen(QPen(QColor("#8c8270"), 0.6))
        painter.setBrush(QColor(self.theme.inset_land))
        for group in self.data.groups:
            if group.kind != "land_overview":
                continue
            for rings in group.polygons:
                ring = rings[0][:: max(1, len(rings[0]) // 400)]
                painter.drawPolygon(QPolygonF([self._to_px(x, y) for x, y in ring]))
        painter.setPen(QPen(QColor(self.theme.inset_ink), 0.8))
        painter.setBrush(QColor(self.theme.inset_ink))
        for group in self.data.groups:
            if group.kind == "island":  # the archipelagos' islets: dots at this scale
                for rings in group.polygons:
                    c = rings[0].mean(axis=0)
                    painter.drawEllipse(self._to_px(c[0], c[1]), 1.0, 1.0)
        painter.end()
        return pixmap

    def paint(
        self,
        painter: QPainter,
        viewport_w: int,
        viewport_h: int,
        view: tuple[float, float, float, float],
        sprites: OverlaySprites | None = None,
    ) -> None:
        """Draw in screen pixels at the bottom-right corner, with the view rectangle;
        with `sprites`, the picture, its frame and the names come from one sprite (on the
        screen: they change only with the theme) and only the view rectangle is drawn."""
        left = viewport_w - self.width - MARGIN_PX
        top = viewport_h - self.height - MARGIN_PX
        if left < 200 or top < 80:
            return  # viewport too small to spare the room
        if self._pixmap is None:
            self._pixmap = self._render()
        target = QRectF(left, top, self.width, self.height)
        if sprites is None:
            self.paint_in(painter, target, view, self._pixmap)
            return
        sprites.draw(painter, ("inset", self.theme.name, self.language),
                     target.toAlignedRect().adjusted(-1, -1, 1, 1),
                     lambda p: self._paint_picture(p, target, self._pixmap))
        painter.save()
        self._paint_view(painter, target, view)
        painter.restore()

    def paint_in(
        self,
        painter: QPainter,
        target: QRectF,
        view: tuple[float, float, float, float],
        pixmap: QPixmap | None = None,
    ) -> None:
        """Draw the inset into `target` (any size: a print places it in its map frame),
        outlining `view` in red. Both archipelagos are always inside the picture."""
        if pixmap is None:
            pixmap = self._render(scale=max(1.0, target.width() / self.width))
        painter.save()
        self._paint_picture(painter, target, pixmap)
        self._paint_view(painter, target, view)
        painter.restore()

    def _paint_picture(self, painter: QPainter, target: QRectF, pixmap: QPixmap) -> None:
        """The coast picture, its frame and the archipelagos' names."""
        painter.drawPixmap(target, pixmap, QRectF(pixmap.rect()))
        line = max(1.0, target.width() / self.width)
        painter.setPen(QPen(QColor("#404040"), line))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(target)
        self._archipelago_names(painter, target)

    def _paint_view(self, painter: QPainter, target: QRectF,
                    view: tuple[float, float, float, float]) -> None:
        """The main view's outline (red) over the picture."""
        line = max(1.0, target.width() / self.width)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        k = target.width() / self.width
        a = self._to_px(view[0], view[3])
        b = self._to_px(view[2], view[1])
        rect = (
            QRectF(a * k, b * k)
            .translated(target.left(), target.top())
            .intersected(target)
        )
        if rect.width() < 3 * line:
            rect.adjust(-2 * line, -2 * line, 2 * line, 2 * line)
        painter.setPen(QPen(QColor("#d62728"), 1.5 * line))
        painter.drawRect(rect)

    def _archipelago_names(self, painter: QPainter, target: QRectF) -> None:
        """The archipelagos' names as text, not pixels: a PDF print keeps them as text
        (searchable, and checked by the tests), and they stay sharp at any size."""
        k = target.width() / self.width
        font = QFont()
        font.setPixelSize(max(6, round(8 * k)))
        font.setItalic(True)
        painter.setFont(font)
        painter.setPen(QColor(self.theme.inset_ink))
        for label in self.data.labels:
            if label.kind != "archipelago":
                continue
            text = label.name_en if self.language == "en" and label.name_en else label.name_vi
            p = self._to_px(label.x, label.y)
            rect = QRectF(p.x() - 75, p.y() - 38, 150, 26)  # above the islets
            rect = QRectF(target.left() + rect.left() * k, target.top() + rect.top() * k,
                          rect.width() * k, rect.height() * k)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text.replace(" (", "\n("))
