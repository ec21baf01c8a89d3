"""Coalesced, visibility-aware rebuilds for the live list panels.

The dark-vessel, station and alert lists rebuild from their stores. Rebuilding on every
store signal (several a second during ingest) would waste the GUI thread, and rebuilding
a list that sits in a hidden dock tab wastes it entirely. `DeferredRefresh` turns a
burst of changes into one rebuild `delay_ms` after the first, skips rebuilds while the
panel is hidden and does the one it owes when the panel is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from console.live.timers import timer


class DeferredRefresh(QObject):
    def __init__(self, widget: QWidget, rebuild: Callable[[], None], delay_ms: int) -> None:
        super().__init__(widget)
        self._widget = widget
        self._rebuild = rebuild
        self.stale = True
        self._running = False  # inside `rebuild`
        self._again = False  # a refresh was asked for during it
        self._timer = timer(self, delay_ms, self.refresh, single_shot=True)
        self._watched: list = []
        widget.installEventFilter(self)

    def schedule(self, *_args: object) -> None:
        """Something changed: rebuild once, `delay_ms` after the first change of a burst."""
        if not self._timer.isActive():
            self._timer.start()

    def refresh(self, *_args: object) -> None:
        """Rebuild now if the panel is visible; otherwise when it is next shown.

        Asked for during a rebuild (a slot on the signals the rebuild itself causes: the
        alert list's held order is released when the selected row is removed, from
        inside the removal), the rebuild runs again right after the one under way, not
        inside it: half-way through, the list's model is in the middle of a change and
        the panel's own state (rows being restored, the selection) half-updated. Asked
        for yet again by that second run, it waits for the timer instead of looping."""
        if not self._widget.isVisible():
            self.stale = True
            return
        if self._running:
            self._again = True
            return
        self.stale = False
        self._running = True
        try:
            self._rebuild()
            if self._again:
                self._again = False
                self._rebuild()
        finally:
            self._running = False
        if self._again:
            self._again = False
            self.schedule()

    def flush(self) -> None:
        """A burst is pending: rebuild now instead of at the end of the delay (a picture
        taken now, e.g. --screenshot, must show the data that has arrived)."""
        if self._timer.isActive():
            self._timer.stop()
            self.refresh()

    def watch(self, signal) -> None:
        """Schedule a rebuild whenever `signal` fires (disconnected by `stop`)."""
        signal.connect(self.schedule)
        self._watched.append(signal)

    def stop(self) -> None:
        self._timer.stop()
        for signal in self._watched:
            signal.disconnect(self.schedule)
        self._watched.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self.stale:
            self.refresh()
        return False


class DeferredPanel:
    """Mixin of the list panels that rebuild through a `DeferredRefresh` (`_deferred`)."""

    _deferred: DeferredRefresh

    def refresh(self) -> None:
        """Rebuild the rows; skipped while the panel is hidden (done again when shown)."""
        self._deferred.refresh()
