"""Measuring the GUI event loop's responsiveness.

A fast timer on the GUI thread notes the gap between its ticks; any gap much longer
than the interval means the event loop was blocked for that long (a frozen window).
Used by tests and benchmarks to prove the console never freezes.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer


class EventLoopStallMeter(QObject):
    def __init__(self, interval_ms: int = 5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.max_gap_ms = 0.0
        self.ticks = 0

    def start(self) -> None:
        self.max_gap_ms = 0.0
        self.ticks = 0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        return self.max_gap_ms

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_gap_ms = max(self.max_gap_ms, (now - self._last) * 1000)
        self._last = now
        self.ticks += 1
