"""Map labels drawn from cached sprites.

Why: a haloed label is five `drawText` calls (four offset halo passes and the ink); at
harbour scale the fleet labels ~260 vessels, which cost ~20 ms a frame as text. A label's
pixels do not change while its text stays, so each text is rendered once into a small
pixmap and every frame blits it. GUI thread only (QPixmap).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPixmap

MAX_SPRITES = 4_000  # distinct texts kept; the cache starts afresh beyond this
HALO_PX = 1  # the halo's reach around each glyph


class LabelSprites:
    def __init__(self, font: QFont, ink: str = "#102030", halo: QColor | None = None) -> None:
        self.font = font
        self.ink = QColor(ink)
        self.halo = halo if halo is not None else QColor(255, 255, 255, 230)
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
