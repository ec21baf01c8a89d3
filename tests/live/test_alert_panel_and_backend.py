"""The alert panel as an operator uses it, and the station-summaries endpoint through the
real client against the real backend."""

from __future__ import annotations

from console.rules.alerts import AlertInbox
from console.rules.config import AlertSettings
from console.sources.rest_v1 import RestClient
from widgets.live.alert_panel import AlertPanel


def test_panel_acknowledges_shelves_filters_and_beeps(qtbot):
    inbox = AlertInbox(AlertSettings(sound="once", sound_min_interval_s=0))
    panel = AlertPanel(inbox, lambda: "op.lan")
    panel.ask_comment = False
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    inbox.raise_alert("a", "camera", "medium", "Camera A offline", "m", "c1", 109.2, 13.7)
    inbox.raise_alert("b", "incident", "critical", "Fire at the port", "m", "i1", 109.2, 13.8)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=3000)
    assert panel.beeps == 1  # only the critical one is loud
    assert panel.banner.isVisible() and panel.banner.text().startswith("1 ")
    assert panel.model.data(panel.model.index(0, 3)) == "Fire at the port"  # newest first
    panel.view.selectRow(0)
    with qtbot.waitSignal(panel.zoom_requested) as zoom:
        panel.zoom_to_current()
    assert zoom.args == [109.2, 13.8]
    assert panel.acknowledge_selected("called the fire brigade") == 1
    assert inbox.by_key("b").ack_by == "op.lan"
    assert inbox.by_key("b").ack_comment == "called the fire brigade"
    qtbot.waitUntil(lambda: not panel.banner.isVisible(), timeout=3000)
    panel.source.setCurrentIndex(panel.source.findData("camera"))
    assert panel.model.rowCount() == 1
    panel.view.selectRow(0)
    panel.shelve_selected(600)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=3000)
    panel.stop()


def test_station_summaries_endpoint(live_backend):
    client = RestClient(live_backend.url, live_backend.token)
    try:
        page = client.station_summaries()
        stations = {s.id: s for s in client.stations().items}
    finally:
        client.close()
    by_id = {s.station_id: s for s in page.items}
    assert set(by_id) <= set(stations) and len(by_id) >= len(stations) * 0.9
    rain = [by_id[i] for i, s in stations.items() if s.kind == "rain" and i in by_id]
    level = [by_id[i] for i, s in stations.items() if s.kind == "water_level" and i in by_id]
    assert rain and all(
        r.acc_24h is not None and r.acc_24h >= r.acc_3h >= r.acc_1h >= 0 for r in rain
    )
    assert level and all(x.change_1h is not None and x.acc_24h is None for x in level)
    assert page.server_time > 0
