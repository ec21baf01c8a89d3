"""The single-item point renderer draws every class, most severe on top, and only
what is in view."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QImage, QPainter

from layers._draw.points_item import PointsItem
from layers.base import PointStyle

STYLES = [
    PointStyle("normal", "o", 14, "#1f77b4", "#1f77b4", z=0),
    PointStyle("alarm", "s", 14, "#d62728", "#d62728", z=5),
    PointStyle("info", "t", 14, "#2ca02c", "#2ca02c", z=1),
]


def render(item: PointsItem, size: int = 200) -> QImage:
    """Paint the item with a map->pixel transform: map (0..100) -> image (0..size)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(size / 100, size / 100)
    item.paint(painter)
    painter.end()
    return image


def test_every_class_is_drawn_and_the_highest_z_is_on_top(qtbot):
    item = PointsItem(STYLES)
    # two points at the same place: alarm (z 5) must cover normal (z 0) whatever the order
    item.set_points(np.array([50.0, 50.0, 20.0]), np.array([50.0, 50.0, 20.0]), np.array([1, 0, 2]))
    image = render(item)
    centre = image.pixelColor(100, 100)
    assert (centre.red(), centre.green(), centre.blue()) == (214, 39, 40)  # the red square
    info = image.pixelColor(40, 42)
    assert info.green() > 150 and info.red() < 100  # the green triangle at (20, 20)
    assert item.point_count() == 3


def test_invalid_points_are_skipped_and_bounds_follow_the_data(qtbot):
    item = PointsItem(STYLES)
    item.set_points(
        np.array([10.0, np.nan, 30.0, 40.0]),
        np.array([10.0, 5.0, 30.0, 40.0]),
        np.array([0, 0, 7, 2]),
    )  # NaN position, unknown class 7
    assert item.point_count() == 2
    view = pg.ViewBox()
    view.addItem(item)
    rect = item.boundingRect()
    assert rect.left() <= 10 and rect.right() >= 40 and rect.top() <= 10 and rect.bottom() >= 40
    item.set_points(np.empty(0), np.empty(0), np.empty(0, dtype=np.int8))
    assert item.point_count() == 0
    assert render(item).pixelColor(100, 100) == QColor("white")
