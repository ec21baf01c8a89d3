"""Selection follows the operator (issue 18): a row picked in any list selects its
object everywhere — the map draws a halo, the inspector shows it, the other lists
follow — a station's chart opens on double-click or Enter, and "Zoom to" from an alert
zooms and selects. Driven with mouse clicks and keys on a window on a real backend."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.settings import PollIntervals
from tests.conftest import open_live_window
from tests.selection.helpers import click_row, halo_pixels, raise_dock_of


@pytest.fixture
def window(qtbot, live_backend):
    poll = PollIntervals(vessels=1, stations=1, cameras=1, incidents=1)
    win = open_live_window(qtbot, live_backend, poll, size=(1920, 1040))
    win.flush_pending()
    yield win
    win.close()


def zoom_on(window, x: float, y: float, half: float = 6000.0) -> None:
    window.canvas.set_extent((x - half, y - half, x + half, y + half))
    QApplication.processEvents()


def test_station_row_selects_everywhere_and_enter_opens_its_chart(qtbot, window):
    live = window.services.live
    stations = live.stations
    raise_dock_of(stations)
    qtbot.waitUntil(lambda: stations.proxy.rowCount() > 5, timeout=10000)
    click_row(qtbot, stations.view, 3)
    station_id = stations.proxy.index(3, 0).data(Qt.ItemDataRole.UserRole + 2)
    station = window.app.stations.get(station_id)
    # selected in the model, shown in the inspector with its chart button
    qtbot.waitUntil(lambda: window.model.selection is not None, timeout=3000)
    assert (window.model.selection.layer_id, window.model.selection.item_id) == (
        "stations",
        station_id,
    )
    qtbot.waitUntil(lambda: station.name in window.inspector.heading.text(), timeout=3000)
    assert any(p.objectName() == "openStationChart" for p in window.inspector.panels)
    # and ringed on the map
    x, y = window.app.stations.x[window.app.stations.row_of(station_id)], None
    y = window.app.stations.y[window.app.stations.row_of(station_id)]
    zoom_on(window, float(x), float(y))
    assert halo_pixels(window.canvas, float(x), float(y)) > 20
    # Enter on the row opens its chart (the list keeps the focus)
    stations.view.setFocus()
    qtbot.keyClick(stations.view, Qt.Key.Key_Return)
    docks = window.services.chart_docks
    qtbot.waitUntil(lambda: docks.find(station_id) is not None, timeout=5000)


def test_vessel_picked_in_the_list_is_ringed_and_other_lists_follow(qtbot, window):
    app = window.app
    live = window.services.live
    raise_dock_of(live.dark)
    qtbot.waitUntil(lambda: live.dark.proxy.rowCount() > 3, timeout=10000)
    # pick a dark vessel with the mouse
    click_row(qtbot, live.dark.view, 2)
    vessel_id = live.dark.proxy.index(2, 0).data(Qt.ItemDataRole.UserRole + 2)
    qtbot.waitUntil(
        lambda: window.model.selection is not None
        and window.model.selection.item_id == vessel_id,
        timeout=3000,
    )
    vessel = app.vessels.get(vessel_id)
    assert vessel.registration in window.inspector.heading.text()
    # the vessel list (another tab) follows: that vessel's row is the selected one (once
    # the row is listed: the list takes in new vessels every second, in chunks)
    qtbot.waitUntil(lambda: live.vessels.current_vessel() == vessel_id, timeout=5000)
    assert [live.vessels.id_at(i) for i in live.vessels.view.selectionModel().selectedRows()] == [
        vessel_id
    ]
    # the map rings it (and only it: nothing else on its layer is highlighted)
    row = app.vessels.row_of(vessel_id)
    x, y = float(app.vessels.columns()["x"][row]), float(app.vessels.columns()["y"][row])
    zoom_on(window, x, y)
    assert halo_pixels(window.canvas, x, y) > 20
    assert window.model.stations.highlight is None

    # picking another vessel in the vessel list moves the ring and the dark list follows
    raise_dock_of(live.vessels)
    click_row(qtbot, live.vessels.view, 0)
    other = live.vessels.current_vessel()
    assert other is not None and other != vessel_id
    qtbot.waitUntil(lambda: window.model.selection.item_id == other, timeout=3000)
    assert live.dark.view.selectionModel().selectedRows() == [] or [
        live.dark.proxy.data(i, Qt.ItemDataRole.UserRole + 2)
        for i in live.dark.view.selectionModel().selectedRows()
    ] == [other]
    assert halo_pixels(window.canvas, x, y) == 0  # the old ring is gone

    # a selection made elsewhere (the map) moves the list's row, not the keyboard focus
    live.vessels.view.setFocus()
    QApplication.processEvents()
    focused = QApplication.focusWidget()
    window.model.select("vessels", vessel_id)
    QApplication.processEvents()
    assert live.vessels.current_vessel() == vessel_id
    assert QApplication.focusWidget() is focused


def test_zoom_to_from_an_alert_zooms_and_selects(qtbot, window):
    live = window.services.live
    alerts = live.alerts
    raise_dock_of(alerts)
    qtbot.waitUntil(lambda: alerts.proxy.rowCount() > 0, timeout=20000)
    # an alert about a station or vessel (they have an object to select); one folded into
    # a group is reached by opening the group, as the operator does
    def wanted() -> list:
        return [a for a in alerts.shown_alerts()
                if a.active and a.item_id and a.source in ("vessel", "water_level", "rain")]

    qtbot.waitUntil(lambda: bool(wanted()), timeout=20000)
    alert = wanted()[0]
    row = alerts.reveal(alert.id)
    assert row is not None
    window.model.select(None)
    alerts.view.setCurrentIndex(alerts.proxy.index(row, 3))  # the keyboard's current row
    alerts.view.clearSelection()
    window.model.select(None)
    qtbot.mouseClick(alerts.zoom, Qt.MouseButton.LeftButton)
    layer = "vessels" if alert.source == "vessel" else "stations"
    qtbot.waitUntil(lambda: window.model.selection is not None, timeout=3000)
    assert (window.model.selection.layer_id, window.model.selection.item_id) == (
        layer,
        alert.item_id,
    )
    x0, _y0, x1, _y1 = window.canvas.extent()
    assert x1 - x0 < 40000  # zoomed in
    store = window.app.vessels if layer == "vessels" else window.app.stations
    r = store.row_of(alert.item_id)
    x, y = (float(store.x[r]), float(store.y[r])) if layer == "stations" else (
        float(store.columns()["x"][r]),
        float(store.columns()["y"][r]),
    )
    assert halo_pixels(window.canvas, x, y) > 20
