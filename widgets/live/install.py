"""Plugs the live operational picture into the main shell (listed in widgets/features.py):
rules bindings on the vessel and station layers, the zones layer, the selected vessel's
track, and the docks — overview strip, alert inbox, vessel list, dark vessels, stations.

Everything created is kept on `shell.services.live` (a `LivePicture`) for tests and other
features; teardown is registered with `shell.on_close`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDockWidget, QMessageBox

from console.geo.crs import lonlat_to_map_scalar
from console.model.vessel import Track
from console.rules.crossings import CrossingError
from console.summary import Summary, summarize
from layers.map_model import Selection
from layers.stations.layer import RAIN_HEAVY, RAIN_VERY_HEAVY
from layers.vessels.track import TrackLayer
from layers.zones.layer import ZoneLayer
from widgets.live.alert_panel import AlertPanel
from widgets.live.crossing_dialog import CloseCrossingDialog
from widgets.live.dark_list import DarkVesselList
from widgets.live.overview import OverviewStrip
from widgets.live.simple_table import id_at, index_of
from widgets.live.station_list import StationList
from widgets.live.vessel_list import VesselList
from widgets.rights import not_permitted_text
from widgets.selection_sync import follow_list

if TYPE_CHECKING:
    from widgets.shell import FeatureShell

log = logging.getLogger(__name__)
_tr = QCoreApplication.translate
ZOOM_HALF_WIDTH_M = 8000.0


@dataclass
class LivePicture:
    zones: ZoneLayer
    track: TrackLayer
    alerts: AlertPanel
    overview: OverviewStrip
    vessels: VesselList
    dark: DarkVesselList
    stations: StationList
    selected_vessel: str | None = None


def zoom_to_lonlat(shell: FeatureShell, lon: float, lat: float) -> None:
    x, y = lonlat_to_map_scalar(lon, lat)
    h = ZOOM_HALF_WIDTH_M
    shell.canvas.set_extent((x - h, y - h, x + h, y + h))


def zoom_to_lonlat_box(shell: FeatureShell, lon0: float, lat0: float, lon1: float,
                       lat1: float) -> None:
    """Show an area (a group of alerts), with a margin, never closer than one object."""
    x0, y0 = lonlat_to_map_scalar(lon0, lat0)
    x1, y1 = lonlat_to_map_scalar(lon1, lat1)
    h = ZOOM_HALF_WIDTH_M
    pad_x, pad_y = max((x1 - x0) * 0.1, h), max((y1 - y0) * 0.1, h)
    shell.canvas.set_extent((x0 - pad_x, y0 - pad_y, x1 + pad_x, y1 + pad_y))


def overview_summary(shell: FeatureShell) -> Summary:
    app = shell.app
    rules = app.rules
    station_layer = shell.model.stations
    heavy = sum(
        1
        for s in app.stations.records()
        if s.kind == "rain" and station_layer.classify(s) in (RAIN_HEAVY, RAIN_VERY_HEAVY)
    )
    return summarize(
        app.vessels,
        app.stations,
        app.incidents,
        app.cameras,
        app.clock.now(),
        app.settings.freshness,
        violating=rules.vessel_rules.violating,
        station_level=rules.station_rules.level_of,
        rain_heavy=heavy,
        alerts_unacknowledged=len([a for a in rules.inbox.unacknowledged() if a.active]),
    )


def _select_vessel(shell: FeatureShell, live: LivePicture, vessel_id: str) -> None:
    """Fetch the vessel's track for the configured shell on a worker and draw it."""
    app = shell.app
    live.selected_vessel = vessel_id
    client = app.client
    if client is None:
        return
    end = app.clock.now()
    start = end - app.rules.config.map.selected_track_hours * 3600.0

    def done(track: Track) -> None:
        if live.selected_vessel == vessel_id:
            live.track.set_track(track)

    def failed(exc: Exception) -> None:
        shell.status.showMessage(
            _tr("LivePicture", "Track not available: %1").replace("%1", str(exc)), 8000
        )

    app.runner.submit("selected-track", lambda: client.track(vessel_id, start, end), done, failed)


def _close_crossing(shell: FeatureShell, vessel_id: str) -> None:
    app = shell.app
    v = app.vessels.get(vessel_id)
    dialog = CloseCrossingDialog(v.registration if v else vessel_id, shell.widget)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    reason, comment = dialog.values()
    try:  # decided on the backend (through the outbox); every console applies it
        app.decisions.close_crossing(vessel_id, reason, comment)
    except CrossingError as exc:
        QMessageBox.warning(shell.widget, _tr("LivePicture", "Crossing not closed"), str(exc))
        return
    shell.show_message(_tr("LivePicture", "Crossing closure queued for %1").replace(
        "%1", v.registration if v else vessel_id), 8000)


def _docks(
    shell: FeatureShell,
) -> tuple[AlertPanel, OverviewStrip, VesselList, DarkVesselList, StationList]:
    """Create the five docks: overview strip on top, alerts under the inspector, the
    three lists tabbed with the incident list at the bottom."""
    app, rules = shell.app, shell.app.rules
    area = Qt.DockWidgetArea
    overview = OverviewStrip(lambda: overview_summary(shell))
    over_dock = shell.add_dock(
        overview, "overviewDock", _tr("LivePicture", "Overview"), area.TopDockWidgetArea
    )
    over_dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetMovable
    )
    alerts = AlertPanel(rules.inbox, lambda: app.operator_name)
    alerts.crossing_closer = lambda vid: _close_crossing(shell, vid)
    alert_dock = shell.add_dock(
        alerts, "alertsDock", _tr("LivePicture", "Alerts"), area.RightDockWidgetArea
    )
    vessels = VesselList(shell.model.vessels)
    vessel_dock = shell.add_dock(
        vessels, "vesselListDock", _tr("LivePicture", "Vessels"), area.BottomDockWidgetArea
    )
    dark = DarkVesselList(shell.model.vessels)
    dark_dock = shell.add_dock(
        dark, "darkVesselsDock", _tr("LivePicture", "Dark vessels"), area.BottomDockWidgetArea
    )
    stations = StationList(shell.model.stations)
    station_dock = shell.add_dock(
        stations, "stationListDock", _tr("LivePicture", "Stations"), area.BottomDockWidgetArea
    )
    incidents_dock = shell.find_dock("incidentListDock")
    first = incidents_dock if incidents_dock is not None else vessel_dock
    for dock in (vessel_dock, dark_dock, station_dock):
        if dock is not first:
            shell.tabify(first, dock)
    first.raise_()
    inspector_dock = shell.inspector.parent()
    if isinstance(inspector_dock, QDockWidget):
        shell.split(inspector_dock, alert_dock, Qt.Orientation.Vertical)
    return alerts, overview, vessels, dark, stations


def _follow_identity(shell: FeatureShell, alerts: AlertPanel) -> None:
    """Acknowledgements record the backend's account name once it is known (GET /me);
    what the role may not do is disabled with the reason; the backend's refusals and
    "already decided" answers are shown in the inbox and the status bar."""
    app = shell.app
    alerts.decisions = app.decisions

    def on_identity() -> None:
        alerts.set_rights(app.may, lambda: not_permitted_text(app.identity))

    def on_message(text: str) -> None:
        alerts.show_notice(text)
        shell.show_message(text, 15000)

    on_identity()
    app.identity_changed.connect(on_identity)
    app.decisions.message.connect(on_message)
    app.outbox.changed.connect(alerts.schedule_refresh)

    def teardown() -> None:
        app.identity_changed.disconnect(on_identity)
        app.decisions.message.disconnect(on_message)
        app.outbox.changed.disconnect(alerts.schedule_refresh)

    shell.on_close(teardown)


def install(shell: FeatureShell) -> None:
    app = shell.app
    rules = app.rules
    zones = ZoneLayer(
        [*rules.zones.zones, *([rules.zones.boundary] if rules.zones.boundary else [])],
        app.settings.language,
    )
    shell.model.layers.append(zones)
    shell.model.layers.move(len(shell.model.layers) - 1, 0)  # under every live layer
    track = TrackLayer(rules.config.map.track_tick_minutes)
    shell.model.layers.append(track)  # on top

    alerts, overview, vessels, dark, stations = _docks(shell)
    rules.summaries_updated.connect(stations.refresh)
    # the strip follows the data (its timer only catches age-based changes in between)
    app.feeds.feed_updated.connect(overview.schedule_refresh)

    live = LivePicture(zones, track, alerts, overview, vessels, dark, stations)
    shell.services.live = live

    def zoom_vessel(vessel_id: str) -> None:
        v = app.vessels.get(vessel_id)
        if v is not None:
            zoom_to_lonlat(shell, v.lon, v.lat)
            shell.model.select("vessels", vessel_id)

    def zoom_station(station_id: str) -> None:
        s = app.stations.get(station_id)
        if s is not None:
            zoom_to_lonlat(shell, s.lon, s.lat)
            shell.model.select("stations", station_id)

    def open_chart(station_id: str) -> None:
        shell.model.select("stations", station_id)
        if shell.services.open_station_chart is not None:
            shell.services.open_station_chart(station_id)

    def on_selection(selection: Selection | None) -> None:
        """Wherever the vessel was picked (map, list, alert), its track follows."""
        if selection is not None and selection.layer_id == "vessels":
            _select_vessel(shell, live, selection.item_id)

    vessels.zoom_requested.connect(zoom_vessel)
    dark.zoom_requested.connect(zoom_vessel)
    stations.zoom_requested.connect(zoom_station)
    stations.chart_requested.connect(open_chart)
    alerts.object_selected.connect(shell.model.select)
    # every list selects its object everywhere and follows a selection made elsewhere
    follow_list(shell, vessels.view, "vessels", vessels.id_at, vessels.index_of)
    for panel in (dark, stations):
        layer_id = "vessels" if panel is dark else "stations"
        follow_list(
            shell, panel.view, layer_id, id_at(panel.proxy), index_of(panel.model, panel.proxy)
        )
    alerts.zoom_requested.connect(lambda lon, lat: zoom_to_lonlat(shell, lon, lat))
    alerts.extent_requested.connect(lambda *box: zoom_to_lonlat_box(shell, *box))
    shell.model.selection_changed.connect(on_selection)
    _follow_identity(shell, alerts)

    def teardown() -> None:
        shell.model.selection_changed.disconnect(on_selection)
        rules.summaries_updated.disconnect(stations.refresh)
        app.feeds.feed_updated.disconnect(overview.schedule_refresh)
        for w in (alerts, overview, dark, stations):
            w.stop()
        vessels.close_list()

    shell.on_close(teardown)
