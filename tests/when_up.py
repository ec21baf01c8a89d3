"""Act on a modal dialog or a popup menu once it is up: the call that opens it blocks
(its own event loop), so the test arranges the action beforehand. A timer looks every
20 ms until the widget is shown, however long a loaded machine takes, instead of
guessing a delay."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def when_up(find: Callable[[], QWidget | None], act: Callable[[QWidget], None]) -> None:
    """Call `act(widget)` once `find()` returns a visible widget (e.g.
    `QApplication.activeModalWidget`, `QApplication.activePopupWidget`)."""
    poll = QTimer(QApplication.instance())  # the application keeps it until it has acted
    poll.setInterval(20)

    def look() -> None:
        widget = find()
        if widget is None or not widget.isVisible():
            return
        poll.stop()
        poll.deleteLater()
        act(widget)

    poll.timeout.connect(look)
    poll.start()
