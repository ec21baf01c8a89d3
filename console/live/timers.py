"""One way to make a Qt timer, so every periodic or deferred job reads the same:
`timer(owner, 1000, self.refresh, start=True)`; and `Ticking`, the start/stop of the
sources that look every so often what is due. QtCore only (usable from console/)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def timer(owner: QObject, interval_ms: int, slot: Callable[..., object], *,
          single_shot: bool = False, start: bool = False) -> QTimer:
    """A timer owned by `owner` (it dies with it) calling `slot` every `interval_ms`, or
    once per `start()` when `single_shot`; running at once when `start`."""
    t = QTimer(owner)
    t.setSingleShot(single_shot)
    t.setInterval(interval_ms)
    t.timeout.connect(slot)
    if start:
        t.start()
    return t


class Ticking(QObject):
    """A source that looks on the GUI thread every `tick_ms` for what is due (`_tick`):
    `start()` ticks at once and then on the timer, `stop()` stops the timer."""

    def __init__(self, tick_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = timer(self, tick_ms, self._tick)

    def start(self) -> None:
        self._timer.start()
        self._tick()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        raise NotImplementedError
