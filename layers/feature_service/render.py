"""Draws a feature-service layer like a file layer; rebuilds its items when a refresh
replaced the data (the file renderer builds them once: file geometry never changes)."""

from __future__ import annotations

import pyqtgraph as pg

from layers.feature_service.layer import FeatureServiceLayer
from layers.vector_file.render import VectorRenderer


class FeatureServiceRenderer(VectorRenderer):
    layer: FeatureServiceLayer

    def __init__(self, layer: FeatureServiceLayer, view: pg.ViewBox) -> None:
        self._generation = layer.generation
        super().__init__(layer, view)

    def update(self) -> None:
        if self.layer.generation != self._generation:
            self._generation = self.layer.generation
            self.rebuild()
        super().update()
