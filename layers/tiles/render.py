"""Draws a raster tile layer: one graphics item that paints the tiles of the view.

Tiles come from a `TileFetcher` (worker threads) into an in-memory LRU of QImages.
While a tile loads, its square shows the nearest loaded ancestor scaled up, or a
light placeholder grid. `view_changed` (GUI thread) asks for the tiles of the new
view; the fetcher drops those that left it.
"""

from __future__ import annotations

from collections import OrderedDict

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsObject

from console.geo.tiles import ORIGIN, TileId, tile_bounds, tile_range, zoom_for_resolution
from layers.render_base import Renderer
from layers.tiles.fetcher import TileFetcher
from layers.tiles.layer import TileLayer

MEMORY_TILES = 768
PLACEHOLDER = QColor("#e6e4df")
PLACEHOLDER_LINE = QColor("#cfcbc2")
MAX_TILES_PER_VIEW = 400


class TileItem(QGraphicsObject):
    def __init__(self, renderer: TileRenderer) -> None:
        super().__init__()
        self._renderer = renderer

    def boundingRect(self) -> QRectF:
        return QRectF(-ORIGIN, -ORIGIN, 2 * ORIGIN, 2 * ORIGIN)

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        r = self._renderer
        for tile in r.view_tiles():
            xmin, ymin, xmax, ymax = tile_bounds(tile)
            image, source = r.best_image(tile)
            if image is None and tile in r.missing:
                continue  # the source has no tile here: let what is beneath show
            if image is None:
                rect = QRectF(xmin, ymin, xmax - xmin, ymax - ymin)
                painter.fillRect(rect, PLACEHOLDER)
                line = QPen(PLACEHOLDER_LINE)
                line.setCosmetic(True)
                painter.setPen(line)
                painter.drawRect(rect)
                continue
            painter.save()
            # image rows run north -> south; the map's y axis points north: flip
            painter.translate(xmin, ymax)
            size = xmax - xmin
            scale = size / 256.0
            painter.scale(scale, -scale)
            if source == tile:
                painter.drawImage(QRectF(0, 0, 256, 256), image)
            else:  # an ancestor: draw the part of it that covers this tile
                factor = 1 << (tile.z - source.z)
                sub = 256.0 / factor
                sx = (tile.x - source.x * factor) * sub
                sy = (tile.y - source.y * factor) * sub
                painter.drawImage(QRectF(0, 0, 256, 256), image, QRectF(sx, sy, sub, sub))
            painter.restore()


class TileRenderer(Renderer):
    layer: TileLayer
    follows_moves = True  # the tiles wanted follow the view even while it moves

    def __init__(self, layer: TileLayer, view: pg.ViewBox) -> None:
        super().__init__(layer, view)
        self.images: OrderedDict[TileId, QImage] = OrderedDict()
        self.missing: set[TileId] = set()
        self.fetcher = TileFetcher(layer.source)
        self.fetcher.tile_loaded.connect(self._on_loaded)
        self.fetcher.tile_failed.connect(self._on_failed)
        self.item = self.add_item(TileItem(self))
        self.view_changed()

    def zoom(self) -> int:
        (x0, x1), _ = self.view.viewRange()
        upp = (x1 - x0) / max(1.0, self.view.width())
        src = self.layer.source
        return max(src.min_zoom, min(src.max_zoom, zoom_for_resolution(upp)))

    def view_tiles(self) -> list[TileId]:
        """Tiles covering the view at the current zoom, nearest the centre first."""
        z = self.zoom()
        (vx0, vx1), (vy0, vy1) = self.view.viewRange()
        x0, y0, x1, y1 = tile_range((vx0, vy0, vx1, vy1), z)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        tiles = [TileId(z, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]
        tiles.sort(key=lambda t: (t.x - cx) ** 2 + (t.y - cy) ** 2)
        return tiles[:MAX_TILES_PER_VIEW]

    def best_image(self, tile: TileId) -> tuple[QImage | None, TileId]:
        """The tile's image, or its nearest loaded ancestor's (for the placeholder)."""
        probe = tile
        while True:
            image = self.images.get(probe)
            if image is not None:
                self.images.move_to_end(probe)
                return image, probe
            if probe.z == 0 or tile.z - probe.z >= 6:
                return None, tile
            probe = TileId(probe.z - 1, probe.x // 2, probe.y // 2)

    def view_changed(self) -> None:
        if not self.layer.visible:
            return
        wanted = [t for t in self.view_tiles() if t not in self.images and t not in self.missing]
        self.fetcher.want(wanted)

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        if visible:
            self.view_changed()
        else:
            self.fetcher.want([])

    def update(self) -> None:
        self.item.update()

    def _on_loaded(self, tile: TileId, image: QImage) -> None:
        if image.isNull():
            self.missing.add(tile)
            return
        self.images[tile] = image
        while len(self.images) > MEMORY_TILES:
            self.images.popitem(last=False)
        self.layer.set_error(None)
        self.item.update()

    def _on_failed(self, tile: TileId, message: str) -> None:
        self.missing.add(tile)
        self.layer.set_error(message)

    def remove(self) -> None:
        self.fetcher.close()
        super().remove()
