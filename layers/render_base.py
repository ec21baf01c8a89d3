"""Renderer base: owns the graphics items of one layer on one map view."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem

from layers.base import MapLayer
from layers.map_theme import LIGHT, MapTheme


class Renderer:
    """Draws `layer` into `view`. Called on the GUI thread by the canvas's frame clock."""

    def __init__(self, layer: MapLayer, view: pg.ViewBox) -> None:
        self.layer = layer
        self.view = view
        self._items: list[QGraphicsItem] = []
        self._z = 0.0
        self.theme: MapTheme = LIGHT

    def add_item(self, item: Any) -> Any:
        self.view.addItem(item)
        item.setZValue(self._z)
        item.setVisible(self.layer.visible)
        item.setOpacity(self.layer.opacity)
        self._items.append(item)
        return item

    def items(self) -> tuple[QGraphicsItem, ...]:
        """The graphics items drawing this layer now (the canvas stacks its pictures)."""
        return tuple(self._items)

    def set_z(self, z: float) -> None:
        self._z = z
        for i, item in enumerate(self._items):
            item.setZValue(z + i * 0.001)

    def set_visible(self, visible: bool) -> None:
        for item in self._items:
            item.setVisible(visible)

    def set_opacity(self, opacity: float) -> None:
        for item in self._items:
            item.setOpacity(opacity)

    def update(self) -> None:
        """Redraw from the layer's current data."""

    # While the view moves the canvas shows its last picture moved and calls
    # `view_changed` once the view settles; a renderer whose `view_changed` must follow
    # every move (a tile layer asking for the tiles of the view it will settle on, and
    # dropping those that left it) says so here.
    follows_moves = False

    def view_changed(self) -> None:
        """The visible range changed (zoom-dependent drawing hooks here)."""

    def set_theme(self, theme: MapTheme) -> None:
        """Draw for another map theme (light / dark); renderers with themed colours
        override this. Called by the canvas, also right after creation."""
        self.theme = theme

    def highlight_changed(self) -> None:
        """The layer's highlighted item changed (renderers with a halo move it)."""

    def remove(self) -> None:
        for item in self._items:
            self.view.removeItem(item)
        self._items.clear()
