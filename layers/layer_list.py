"""The ordered list of map layers (index 0 is drawn at the bottom).

Signals:
- `inserted(int, object)`, `removed(int, object)`, `moved(int, int)`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from layers.base import MapLayer


class LayerList(QObject):
    inserted = Signal(int, object)
    removed = Signal(int, object)
    moved = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._layers: list[MapLayer] = []

    def __len__(self) -> int:
        return len(self._layers)

    def __iter__(self):
        return iter(list(self._layers))

    def __getitem__(self, index: int) -> MapLayer:
        return self._layers[index]

    def index(self, layer: MapLayer) -> int:
        return self._layers.index(layer)

    def by_id(self, layer_id: str) -> MapLayer | None:
        return next((lyr for lyr in self._layers if lyr.layer_id == layer_id), None)

    def append(self, layer: MapLayer) -> None:
        self._layers.append(layer)
        self.inserted.emit(len(self._layers) - 1, layer)

    def remove(self, layer: MapLayer) -> None:
        index = self._layers.index(layer)
        del self._layers[index]
        self.removed.emit(index, layer)
        layer.close()

    def move(self, source: int, target: int) -> None:
        if source == target:
            return
        layer = self._layers.pop(source)
        self._layers.insert(target, layer)
        self.moved.emit(source, target)
