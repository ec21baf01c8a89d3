"""The one replay time cursor that drives the map, charts and alert list in review mode.

A small QtCore object: `set_time` clamps to the archive's range and emits
`time_changed(float)` only on a real change; `play()` advances the time by `speed`
simulated seconds per real second on a GUI-thread timer (measured with a monotonic
clock, so a slow frame does not slow the replay down, it skips ahead).

Lives on the GUI thread. Signals:
- `time_changed(float)`: the replay time (epoch seconds UTC) moved.
- `playing_changed(bool)`: play / pause state.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal

from console.live.timers import timer

SPEEDS = (1.0, 10.0, 60.0, 300.0, 900.0, 3600.0)


class ReplayCursor(QObject):
    time_changed = Signal(float)
    playing_changed = Signal(bool)

    TICK_MS = 40

    def __init__(self, start: float, end: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.start = float(start)
        self.end = float(max(end, start))
        self.time = self.start
        self.speed = 60.0
        self._timer = timer(self, self.TICK_MS, self._tick)
        self._last = 0.0

    def set_time(self, t: float) -> None:
        t = min(max(float(t), self.start), self.end)
        if t != self.time:
            self.time = t
            self.time_changed.emit(t)

    def step(self, seconds: float) -> None:
        self.set_time(self.time + seconds)

    def set_speed(self, speed: float) -> None:
        self.speed = min(max(float(speed), 1.0), 3600.0)

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def play(self) -> None:
        if self.playing:
            return
        if self.time >= self.end:
            self.set_time(self.start)
        self._last = time.monotonic()
        self._timer.start()
        self.playing_changed.emit(True)

    def pause(self) -> None:
        if self.playing:
            self._timer.stop()
            self.playing_changed.emit(False)

    def _tick(self) -> None:
        now = time.monotonic()
        self.step(self.speed * (now - self._last))
        self._last = now
        if self.time >= self.end:
            self.pause()
