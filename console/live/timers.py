"""One way to make a Qt timer, so every periodic or deferred job reads the same:
`timer(owner, 1000, self.refresh, start=True)`. QtCore only (usable from console/)."""

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
