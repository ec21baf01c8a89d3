"""Garbage collection only on the GUI thread.

Python's cyclic collector runs in whichever thread happens to allocate when a
threshold is crossed. If that is a worker thread and the cycle holds Qt objects (a
window kept alive by a signal lambda, say), Qt objects get destroyed off the GUI
thread and the process crashes later on a dangling timer. So automatic collection is
switched off and a GUI-thread timer collects instead (the approach pyqtgraph's
GarbageCollector takes too).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject

from console.live.timers import timer


class GuiThreadGarbageCollector(QObject):
    """Create on the GUI thread; keep a reference for the application's lifetime.

    Collects every `interval_ms`: a collection's pause grows with what was allocated
    since the last one, and a live feed allocates ~15,000 records a second at full
    rate; a pass a second paused the GUI thread 8-17 ms, one every 250 ms 2-4 ms."""

    def __init__(self, interval_ms: int = 250, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = timer(self, interval_ms, self.collect_due, start=True)

    def collect_due(self) -> None:
        """Collect the generations whose allocation counts passed their thresholds."""
        c0, c1, c2 = gc.get_count()
        if c0 > self._threshold[0]:
            generation = 0
            if c1 > self._threshold[1]:
                generation = 2 if c2 > self._threshold[2] else 1
            gc.collect(generation)

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()


def freeze_long_lived() -> None:
    """Move everything allocated so far (basemap, first pages, widgets) out of the
    collector's view: later full collections then scan only new objects, instead of
    pausing the GUI thread for hundreds of milliseconds over the whole heap."""
    gc.collect()
    gc.freeze()
