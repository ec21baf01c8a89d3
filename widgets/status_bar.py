"""Status bar: backend state, time of last update, key counts, cursor coordinates.

Its texts grow during an outage ("Disconnected since …", "no update for …"). A label's
natural width is its minimum in a layout, and a main window whose minimum width
exceeds its size grows (past the screen's edge, cutting off the right dock). So the
long, low-priority counts label may shrink to nothing (its full text stays in the
tooltip), and the window keeps its size whatever the state texts say.

A temporary message ("Incident … queued") hides the state labels while it shows. Qt
hides them as not explicitly hidden, and a layout pass of the bar (a label's text
changing height, once a second) queues them to be shown again: the message was then
drawn over them, unreadable. `eventFilter` hides them again as they are shown."""

from __future__ import annotations

import math
import time
from html import escape

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from console import bulletin
from console.app import ConsoleApp
from console.geo.crs import VN2000_BINH_DINH, WEB_MERCATOR, format_dms, transformer
from console.live.feeds import ConnectionState, ConnectionStatus
from console.live.timers import timer
from console.settings import default_operator
from console.sources.health import HealthState, SourceHealth
from console.summary import summarize
from console.timefmt import format_age, format_local
from widgets.theme import readable_hue

STATE_COLORS = {
    ConnectionState.CONNECTING: "#8a6d00",
    ConnectionState.CONNECTED: "#1b7f3b",
    ConnectionState.RECONNECTING: "#b35900",
    ConnectionState.OFFLINE: "#b00020",
}


class ConsoleStatusBar(QStatusBar):
    def __init__(self, app: ConsoleApp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.app = app
        self.connection = QLabel()
        self.connection.setObjectName("connectionLabel")
        self.updated = QLabel()
        self.counts = QLabel()
        # shrinkable: never the reason the window grows (see module doc)
        self.counts.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.cursor = QLabel()
        self.cursor.setMinimumWidth(360)
        # whose name this console's actions carry: on the shared account that is the
        # operator name set on this workstation, the OS login until someone sets it
        self.identity = QLabel()
        self.identity.setObjectName("identityLabel")
        self.identity.setTextFormat(Qt.TextFormat.RichText)  # (names are escaped)
        self._counts_text = ""  # every count; the label shows what fits (_fit_counts)
        self.sources = QLabel()  # every data source's health: summary, detail in tooltip
        self.sources.setObjectName("sourcesLabel")
        self.addWidget(self.connection)
        self.addWidget(self.updated)
        self.addWidget(self.sources)
        self.addWidget(self.counts, 1)
        for label in (self.connection, self.updated, self.sources, self.counts):
            label.installEventFilter(self)
        self.addPermanentWidget(self.identity)
        self.addPermanentWidget(self.cursor)
        self._status = app.feeds.status
        app.identity_changed.connect(self.show_identity)
        app.feeds.connection_changed.connect(self.show_connection)
        app.feeds.feed_ready.connect(self.refresh)
        app.health.changed.connect(self._show_sources)
        app.health.removed.connect(self._show_sources)
        self._timer = timer(self, 1000, self.refresh, start=True)
        self.show_connection(self._status)
        self.show_identity()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A state label shown while a message is up: hide it again (see module doc).
        The counts label refits its counts to its new width."""
        if watched is self.counts and event.type() == QEvent.Type.Resize:
            self._fit_counts()
        if (event.type() == QEvent.Type.Show and self.currentMessage()
                and isinstance(watched, QWidget)):
            # hidden as Qt hides them for a message: not explicitly, so they come back
            # when it clears
            watched.hide()
            watched.setAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide, False)
        return False

    def show_identity(self) -> None:
        """Who the actions of this console are recorded as (call again after the
        operator name changes in Settings)."""
        app = self.app
        identity = app.identity
        name = app.operator_name
        how = self.tr("Acknowledgements, incident actions and reports from this console "
                      "are recorded under this name.")
        text = escape(self.tr("Operator: %1").replace("%1", name))
        if identity is not None and identity.shared:
            text += " " + escape(self.tr("(shared account)"))
            how += " " + self.tr("Several people use this account: set your own name in "
                                 "Settings → Operator name.")
            if name == default_operator():  # still the OS login: nobody has set a name
                text = f"<span style='color:{readable_hue(self, '#8a6d00')}'>{text}</span>"
        self.identity.setText(text)  # the palette's ink otherwise (light or dark theme)
        self.identity.setToolTip(how)

    def state_text(self, state: ConnectionState) -> str:
        return {
            ConnectionState.CONNECTING: self.tr("Connecting…"),
            ConnectionState.CONNECTED: self.tr("Connected"),
            ConnectionState.RECONNECTING: self.tr("Reconnecting…"),
            ConnectionState.OFFLINE: self.tr("Disconnected"),
        }[state]

    def transport_text(self, transport: str) -> tuple[str, str]:
        """(label, tooltip) of how changes arrive: pushed by the backend's change stream,
        or polled while the stream is unavailable."""
        if transport == "push":
            return self.tr("push"), self.tr("Changes arrive as the backend makes them "
                                            "(change stream)")
        return self.tr("poll"), self.tr("Changes are fetched every few seconds "
                                        "(the change stream is unavailable)")

    def show_connection(self, status: ConnectionStatus) -> None:
        self._status = status
        color = STATE_COLORS[status.state]
        text = self.state_text(status.state)
        if status.state is not ConnectionState.CONNECTED and status.state is not (
            ConnectionState.CONNECTING
        ):
            start = status.outage_since if status.outage_since is not None else status.since
            text += " " + self.tr("since %1").replace("%1", format_local(start))
        transport, how = self.transport_text(status.transport)
        self.connection.setText(f"<b style='color:{color}'>● {text}</b> · {transport}")
        self.connection.setToolTip("\n".join(filter(None, (how, status.message))))
        self._show_freshness()  # cheap: this runs on every page received

    def refresh(self) -> None:
        """Once a second (and when a feed gets its first data): freshness and counts."""
        self._show_freshness()
        self._show_counts()
        self._show_sources()

    def source_line(self, health: SourceHealth) -> str:
        """One source's health for the tooltip: state, last data and its age, errors."""
        state = {
            HealthState.WAITING: self.tr("waiting for data"),
            HealthState.OK: self.tr("OK"),
            HealthState.FAILING: self.tr("failing"),
        }[health.state]
        parts = [f"{health.name} — {state}"]
        if health.last_data is not None:
            parts.append(
                self.tr("last data %1 (%2 ago)")
                .replace("%1", format_local(health.last_data))
                .replace("%2", format_age(health.age() or 0.0))
            )
        if health.items is not None:
            parts.append(self.tr("%1 items").replace("%1", str(health.items)))
        if health.error_count:
            parts.append(self.tr("%1 errors").replace("%1", str(health.error_count)))
        if health.failures and health.last_error:
            parts.append(self.tr("last error: %1").replace("%1", health.last_error))
        return " · ".join(parts)

    def _show_sources(self, *_args: object) -> None:
        sources = self.app.health.sources()
        others = [h for h in sources if h.kind != "backend"]
        if not others:  # the backend alone: the connection label says it all
            self.sources.hide()
            return
        failing = sum(h.state is HealthState.FAILING for h in sources)
        text = self.tr("Sources: %1 OK").replace(
            "%1", str(sum(h.state is HealthState.OK for h in sources))
        )
        if failing:
            text += " · <b style='color:#b00020'>" + self.tr("%1 failing").replace(
                "%1", str(failing)
            ) + "</b>"
        self.sources.setText(text)
        self.sources.setToolTip("\n".join(self.source_line(h) for h in sources))
        self.sources.show()

    def _show_freshness(self) -> None:
        status = self._status
        if status.last_update is not None:
            # wall clock since the newest page arrived (one outage, one start)
            received = status.received_at or status.outage_since or status.since
            age = time.time() - received if status.state is not ConnectionState.CONNECTED else None
            text = self.tr("Data as of %1").replace("%1", format_local(status.last_update, True))
            if age is not None:
                text += " (" + self.tr("no update for %1").replace("%1", format_age(age)) + ")"
            self.updated.setText(text)
        else:
            self.updated.setText(self.tr("Waiting for data…"))

    def _show_counts(self) -> None:
        a = self.app
        s = summarize(
            a.vessels, a.stations, a.incidents, a.cameras, a.clock.now(), a.settings.freshness
        )
        text = (
            self.tr(
                "Vessels: %1 at sea, %2 in port, %3 dark · Stations ≥BĐ1/2/3: %4/%5/%6 · "
                "Open incidents: %7 · Cameras offline: %8"
            )
            .replace("%1", bulletin.number(s.vessels_at_sea, 0))
            .replace("%2", bulletin.number(s.vessels_in_port, 0))
            .replace("%3", bulletin.number(s.vessels_dark, 0))
            .replace("%4", str(s.stations_alarm[0]))
            .replace("%5", str(s.stations_alarm[1]))
            .replace("%6", str(s.stations_alarm[2]))
            .replace("%7", bulletin.number(s.incidents_open, 0))
            .replace("%8", bulletin.number(s.cameras_offline, 0))
        )
        self._counts_text = text
        self.counts.setToolTip(text)
        self._fit_counts()

    def _fit_counts(self) -> None:
        """Show as many whole counts as the label's width holds, then '…': a count cut
        mid-word ('Camera mất kết nố') reads as a wrong number. All of them stay in
        the tooltip."""
        parts = self._counts_text.split(" · ")
        metrics = self.counts.fontMetrics()
        room = self.counts.contentsRect().width()
        for n in range(len(parts), 0, -1):
            text = " · ".join(parts[:n]) + ("" if n == len(parts) else " · …")
            if metrics.horizontalAdvance(text) <= room:
                break
        else:  # not even the first count fits: at least say it is cut
            text = metrics.elidedText(parts[0], Qt.TextElideMode.ElideRight, room)
        if text != self.counts.text():
            self.counts.setText(text)

    def show_cursor(self, x: float, y: float) -> None:
        grid = getattr(self.app.settings, "local_grid_crs", VN2000_BINH_DINH)
        lon, lat = transformer(WEB_MERCATOR, "EPSG:4326").transform(x, y)
        east, north = transformer(WEB_MERCATOR, grid).transform(x, y)
        grid_text = (
            f"VN-2000: X {bulletin.number(north, 0)} Y {bulletin.number(east, 0)}"
            if math.isfinite(east) and math.isfinite(north)
            else self.tr("VN-2000: outside the grid")
        )
        self.cursor.setText(
            f"{bulletin.latlon(lat, lon)} · "
            f"{format_dms(lat, 'N', 'S')} {format_dms(lon, 'E', 'W')}"
            f" · {grid_text}"
        )

    def stop(self) -> None:
        self._timer.stop()
        self.app.feeds.connection_changed.disconnect(self.show_connection)
        self.app.feeds.feed_ready.disconnect(self.refresh)
        self.app.health.changed.disconnect(self._show_sources)
        self.app.health.removed.disconnect(self._show_sources)
        self.app.identity_changed.disconnect(self.show_identity)
