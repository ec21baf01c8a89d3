"""RecordPointLayer: a PointLayer over a RecordStore (stations, cameras, incidents)."""

from __future__ import annotations

from typing import Any

import numpy as np

from console.stores.records import RecordStore
from layers.points import PointLayer


class RecordPointLayer(PointLayer):
    """Subclasses define `styles`, `classify(record)` and `describe_record(record)`.

    `classes_follow_records`: a subclass whose `classify` reads the record alone (not the
    clock, not other state) sets it, and its classes are computed once per change of the
    store instead of at every repaint (the freshness tick re-evaluates every live layer
    each few seconds, and a moving map's renders did it each frame)."""

    classes_follow_records = False

    def __init__(self, layer_id: str, title: str, store: RecordStore[Any]) -> None:
        super().__init__(layer_id, title)
        self.store = store
        store.changed.connect(self._on_store_changed)
        self._classes: tuple[int, np.ndarray] | None = None  # (store revision, classes)

    def _on_store_changed(self, _ids: list[str]) -> None:
        self.changed.emit()

    def close(self) -> None:
        self.store.changed.disconnect(self._on_store_changed)

    def coords(self) -> tuple[np.ndarray, np.ndarray]:
        return self.store.x, self.store.y

    def classes(self) -> np.ndarray:
        cached = self._classes
        if cached is not None and cached[0] == self.store.revision:
            return cached[1]
        classes = np.fromiter(
            (self.classify(r) for r in self.store.records()), dtype=np.int8, count=len(self.store)
        )
        if self.classes_follow_records:
            classes.flags.writeable = False  # shared by every caller until the next change
            self._classes = (self.store.revision, classes)
        return classes

    def item_id(self, row: int) -> str:
        return self.store.at(row).id

    def describe(self, row: int) -> tuple[str, list[tuple[str, str]]]:
        return self.describe_record(self.store.at(row))

    def attribute_colours(self, row: int) -> dict[str, str]:
        return self.record_colours(self.store.at(row))

    def record_colours(self, record: Any) -> dict[str, str]:
        """Colour swatches for some attributes of `describe_record(record)`; none by default."""
        return {}

    def classify(self, record: Any) -> int:
        raise NotImplementedError

    def describe_record(self, record: Any) -> tuple[str, list[tuple[str, str]]]:
        raise NotImplementedError
