"""The common frame of the dock lists of map items (gauges, dark vessels, vessels in a
storm's danger zone): rows rebuilt through a `DeferredRefresh` while the list is shown,
and "Zoom to" for the current row.

Signals: `zoom_requested(str)` (the row's item id).
"""

from __future__ import annotations

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QTableView, QWidget

from widgets.live.deferred_refresh import DeferredPanel, DeferredRefresh
from widgets.live.simple_table import ID_ROLE


class ItemList(DeferredPanel, QWidget):
    zoom_requested = Signal(str)
    view: QTableView

    def _rebuild_on(self, changed: SignalInstance, delay_ms: int) -> None:
        """Rebuild (`_rebuild`) at most every `delay_ms` after `changed`, and now."""
        self._deferred = DeferredRefresh(self, self._rebuild, delay_ms)
        self._deferred.watch(changed)
        self.refresh()

    def _rebuild(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        self._deferred.stop()

    def _zoom(self, *_a: object) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.zoom_requested.emit(self.view.model().data(index, ID_ROLE))
