"""Banners across the top of the map: the backend's while it is unreachable, and one
per other data source that fails (`SourceBanners`).

The operator must never mistake old data for live data: while reconnecting or
offline the banner says since when, how old the picture is, and that the console is
reconnecting by itself. It disappears when data flows again.

Two clocks, each named in the text: the outage start is this computer's wall clock
(one start per outage, kept when "reconnecting" turns into "disconnected"); "data as
of" is the data's own time stamps (the backend's clock)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from console.live.clock import SourceClock
from console.live.feeds import ConnectionState, ConnectionStatus, LiveFeeds
from console.live.timers import timer
from console.sources.health import BACKEND_KEY, HealthBoard, SourceHealth
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


class SourceBanners(QWidget):
    """One banner per failing data source other than the backend (feature servers,
    SensorThings, AIS...: console/sources/health.py), stacked under the backend's banner
    across the top of the map. Each says which source, since when it fails, how old its
    data on the map is and that it retries by itself; the others keep running, and the
    banner goes when the source delivers again."""

    def __init__(self, health: HealthBoard, above: QLabel, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("sourceBanners")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, False)
        self.health = health
        self.above = above
        self.labels: dict[str, QLabel] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(1)
        self._timer = timer(self, 1000, self.refresh)
        health.changed.connect(self._on_changed)
        health.removed.connect(self._on_changed)
        parent.installEventFilter(self)
        above.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self._place()
        return False

    def _on_changed(self, _key: str) -> None:
        failing = {h.key for h in self.health.failing() if h.key != BACKEND_KEY}
        for key in list(self.labels):
            if key not in failing:
                label = self.labels.pop(key)
                self._layout.removeWidget(label)
                label.deleteLater()
        for key in sorted(failing - set(self.labels)):
            label = QLabel(self)
            label.setObjectName("sourceBanner")
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet(STYLES[ConnectionState.RECONNECTING] + "padding:3px;")
            self._layout.addWidget(label)
            self.labels[key] = label
        self.refresh()
        if self.labels:
            self._timer.start()
            self.show()
        else:
            self._timer.stop()
            self.hide()
        self._place()

    def text_for(self, health: SourceHealth) -> str:
        since = health.failing_since or time.time()
        text = (
            self.tr("%1 (%2) is not answering since %3 (attempts failed: %4).")
            .replace("%1", health.name)
            .replace("%2", health.url)
            .replace("%3", format_local(since, True))
            .replace("%4", str(health.failures))
        )
        age = health.age()
        if age is not None:
            text += " " + self.tr("Its data on the map is %1 old.").replace("%1", format_age(age))
        else:
            text += " " + self.tr("Nothing has arrived from it yet.")
        return text + " " + self.tr("Retrying automatically…")

    def refresh(self) -> None:
        for key, label in self.labels.items():
            health = self.health.get(key)
            if health is not None:
                label.setText(self.text_for(health))
                label.setToolTip(health.last_error or "")

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None or not self.labels:
            return
        top = self.above.height() if self.above.isVisible() else 0
        width = parent.width()
        self.setGeometry(0, top, width, self._layout.heightForWidth(width) if
                         self._layout.hasHeightForWidth() else self.sizeHint().height())
        self.raise_()

    def stop(self) -> None:
        self._timer.stop()
        self.health.changed.disconnect(self._on_changed)
        self.health.removed.disconnect(self._on_changed)
