"""A banner across the top of the map while the backend is unreachable.

The operator must never mistake old data for live data: while reconnecting or
offline the banner says since when, how old the picture is, and that the console is
reconnecting by itself. It disappears when data flows again.

Two clocks, each named in the text: the outage start is this computer's wall clock
(one start per outage, kept when "reconnecting" turns into "disconnected"); "data as
of" is the data's own time stamps (the backend's clock)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

from console.live.clock import SourceClock
from console.live.feeds import ConnectionState, ConnectionStatus, LiveFeeds
from console.live.timers import timer
from console.timefmt import format_age, format_local

STYLES = {
    ConnectionState.RECONNECTING: "background:#b35900; color:white;",
    ConnectionState.OFFLINE: "background:#b00020; color:white;",
}


class ConnectionBanner(QLabel):
    def __init__(self, feeds: LiveFeeds, clock: SourceClock, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setContentsMargins(8, 6, 8, 6)
        self.feeds = feeds
        self.clock = clock
        self._status = feeds.status
        self._timer = timer(self, 1000, self.refresh)
        feeds.connection_changed.connect(self.show_status)
        self.hide()
        if parent is not None:
            # an overlay across the top of the map, not a row in a layout: showing it
            # must not resize (and so fully re-render) the map at the worst moment
            parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            width = parent.width()
            self.setGeometry(0, 0, width, self.heightForWidth(width))
            self.raise_()

    def show_status(self, status: ConnectionStatus) -> None:
        self._status = status
        if status.state in STYLES:
            self.setStyleSheet(STYLES[status.state] + "font-weight:bold; padding:4px;")
            self.refresh()
            self._place()
            self.show()
            self._timer.start()
        else:
            self._timer.stop()
            self.hide()

    def refresh(self) -> None:
        status = self._status
        title = (
            self.tr("Disconnected from the backend")
            if status.state is ConnectionState.OFFLINE
            else self.tr("Reconnecting to the backend")
        )
        start = status.outage_since if status.outage_since is not None else status.since
        text = (
            title
            + " "
            + self.tr("since %1 (%2 ago, this computer's clock).")
            .replace("%1", format_local(start, True))
            .replace("%2", format_age(time.time() - start))
        )
        if status.last_update is not None:
            age = self.clock.now() - status.last_update
            text += " " + self.tr(
                "The map shows data as of %1 (%2 old, by the data's time stamps), not live."
            ).replace("%1", format_local(status.last_update, True)).replace("%2", format_age(age))
        text += " " + self.tr("Retrying automatically…")
        self.setText(text)
        self.setToolTip(status.message)
        self._place()

    def stop(self) -> None:
        self._timer.stop()
        self.feeds.connection_changed.disconnect(self.show_status)
