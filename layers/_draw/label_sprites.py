"""Map labels drawn from cached sprites.

Why: a haloed label is five `drawText` calls (four offset halo passes and the ink); at
harbour scale the fleet labels ~260 vessels, which cost ~20 ms a frame as text. A label's
pixels do not change while its text stays, so each text is rendered once into a small
pixmap and every frame blits it. GUI thread only (QPixmap).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPixmap

MAX_SPRITES = 4_000  # distinct texts kept; the cache starts afresh beyond this
HALO_PX = 1  # the halo's reach around each glyph


class LabelSprites:
    """Sprites of one label style: haloed text, or text on a box (`box` colour)."""

    def __init__(self, font: QFont, ink: str = "#102030", halo: QColor | None = None,
                 box: QColor | None = None) -> None:
        self.font = font
        self.ink = QColor(ink)
        self.halo = halo if halo is not None else QColor(255, 255, 255, 230)
        self.box = box
        self._metrics = QFontMetricsF(font)
        self._sprites: dict[str, QPixmap] = {}

    def sprite(self, text: str) -> QPixmap:
        pixmap = self._sprites.get(text)
        if pixmap is None:
            if len(self._sprites) >= MAX_SPRITES:
                self._sprites.clear()
            pixmap = self._sprites[text] = self._render(text)
        return pixmap

    def _render(self, text: str) -> QPixmap:
        width = int(self._metrics.horizontalAdvance(text)) + 2 * HALO_PX + 2
        height = int(self._metrics.height()) + 2 * HALO_PX + 1
        pixmap = QPixmap(max(1, width), max(1, height))
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setFont(self.font)
        base = QPointF(HALO_PX + 1, HALO_PX + self._metrics.ascent())
        if self.box is not None:
            p.fillRect(pixmap.rect(), self.box)
        else:
            p.setPen(self.halo)
            for ox, oy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                p.drawText(base + QPointF(ox * HALO_PX, oy * HALO_PX), text)
        p.setPen(self.ink)
        p.drawText(base, text)
        p.end()
        return pixmap

    def draw(self, p: QPainter, x: float, y: float, text: str) -> None:
        """Draw `text` with its baseline's left end at device point (x, y)."""
        sprite = self.sprite(text)
        p.drawPixmap(QPointF(x - HALO_PX - 1, y - HALO_PX - self._metrics.ascent()), sprite)

    def extent(self, x: float, y: float, text: str) -> QRectF:
        """The device rectangle `draw(p, x, y, text)` covers (label placement)."""
        sprite = self.sprite(text)
        ratio = sprite.devicePixelRatio()
        return QRectF(x - HALO_PX - 1, y - HALO_PX - self._metrics.ascent(),
                      sprite.width() / ratio, sprite.height() / ratio)


class LabelsItem(pg.GraphicsObject):
    """Many map labels as one item: positions in map units, each drawn as its cached
    sprite at a fixed pixel offset, whatever the zoom. Replaces one QGraphicsItem per
    label (pyqtgraph's TextItem re-maps every label at every pan: ~2 ms a frame)."""

    floats_over_pictures = True  # labels may be drawn above a PictureStack (picture_stack)

    def __init__(self, sprites: LabelSprites, offset: tuple[float, float] = (6.0, 4.0),
                 centred: bool = False) -> None:
        """`offset`: device pixels from the anchor to the text's start; `centred`: the
        text's middle (not its baseline) at the anchor's height."""
        super().__init__()
        self.sprites = sprites
        self.offset = offset
        if centred:
            metrics = QFontMetricsF(sprites.font)
            self.offset = (offset[0], offset[1] + (metrics.ascent() - metrics.descent()) / 2)
        self._labels: list[tuple[float, float, str]] = []

    def set_labels(self, labels: list[tuple[float, float, str]]) -> None:
        """(x, y, text) in map units. Called when the data or the view changes."""
        self.prepareGeometryChange()  # the bounds follow the view (see boundingRect)
        self._labels = labels
        self.update()

    def texts(self) -> list[str]:
        return [text for _, _, text in self._labels]

    def boundingRect(self) -> QRectF:
        """The whole view while there are labels: a label reaches beyond its anchor by a
        size in pixels, which no rectangle in map units can hold at every zoom."""
        view = self.getViewBox()
        if view is None or not self._labels:
            return QRectF()
        (x0, x1), (y0, y1) = view.viewRange()
        return QRectF(x0, y0, x1 - x0, y1 - y0)

    def paint(self, p: QPainter, *_args: object) -> None:
        if not self._labels:
            return
        t = p.transform()
        dx, dy = self.offset
        p.save()
        p.resetTransform()
        for x, y, text in self._labels:
            point = t.map(QPointF(x, y))
            self.sprites.draw(p, point.x() + dx, point.y() + dy, text)
        p.restore()
