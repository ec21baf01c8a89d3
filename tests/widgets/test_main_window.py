"""The main window against a real backend on loopback: first data, identify, layers,
status bar and Vietnamese UI."""

from __future__ import annotations

import re
import uuid

import pytest
import requests
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.exceptions import TimeoutError as WaitTimeout

from console.i18n import install_translator
from console.settings import PollIntervals
from tests.conftest import open_live_window
from widgets.main_window import MainWindow


@pytest.fixture
def window(qtbot, live_backend):
    qt_app = QApplication.instance()
    translator = install_translator(qt_app, "vi")
    poll = PollIntervals(vessels=0.5, stations=0.5, cameras=0.5, incidents=0.5)
    win = open_live_window(qtbot, live_backend, poll)
    yield win
    win.close()
    qt_app.removeTranslator(translator)


def click_map_at(qtbot, win: MainWindow, x: float, y: float) -> None:
    scene_point = win.canvas.view.mapViewToScene(QPointF(x, y))
    widget_point = win.canvas.mapFromScene(scene_point)
    qtbot.mouseClick(
        win.canvas.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(widget_point.x(), widget_point.y()),
    )


def test_every_live_layer_has_data(window):
    app = window.app
    assert len(app.vessels) == 3242
    assert len(app.stations) == 102
    assert len(app.cameras) > 100
    assert len(app.incidents) > 10
    assert window.basemap_layer is not None
    # tails were filled from history, so the first picture shows movement
    assert int(app.vessels.tail_len[: len(app.vessels)].max()) >= 2


def test_click_on_vessel_shows_it_in_inspector(qtbot, window):
    app = window.app
    cols = app.vessels.columns()
    row = int(cols["x"].argmax())  # the easternmost vessel: far from any other symbol
    vessel = app.vessels.at(row)
    window.canvas.set_extent(
        (
            cols["x"][row] - 20000,
            cols["y"][row] - 20000,
            cols["x"][row] + 20000,
            cols["y"][row] + 20000,
        )
    )
    QApplication.processEvents()
    click_map_at(qtbot, window, float(cols["x"][row]), float(cols["y"][row]))
    qtbot.waitUntil(lambda: bool(window.inspector.hits), timeout=3000)
    first = window.inspector.hits[0]
    assert first.item_id == vessel.id
    assert vessel.registration in window.inspector.heading.text()
    values = dict(first.attributes)
    assert values["Chủ tàu"] == vessel.owner  # Vietnamese labels by default


def test_picking_a_vessel_in_the_list_inspects_it_and_draws_its_track(qtbot, window):
    """Search the list the way an operator types, pick the row: the inspector shows the
    vessel and its track for the configured window arrives from the backend with ticks."""
    app = window.app
    live = window.services.live
    cols = app.vessels.columns()
    # a vessel under way that reported in the last hour: a dark vessel (its last fix days
    # old) has no fix in the track window, and the track would rightly stay empty
    fresh = cols["fix_time"] > app.clock.now() - 3600
    row = int(((~cols["in_port"]) & (cols["speed"] > 3) & fresh).argmax())
    vessel = app.vessels.at(row)
    typed = vessel.registration.replace("Đ", "D").replace("-", " ").lower()  # "bd 96789 ts"
    live.vessels.search.setText(typed)
    proxy = live.vessels.proxy
    qtbot.waitUntil(lambda: proxy.rowCount() == 1, timeout=5000)  # the list may still fill
    live.vessels.view.setCurrentIndex(proxy.index(0, 0))
    try:
        qtbot.waitUntil(live.track.has_data, timeout=10000)
    except WaitTimeout:  # say why: a failed fetch leaves its reason in the status bar
        raise AssertionError(
            f"no track for {vessel.id} (selected {live.selected_vessel}); status bar: "
            f"{window.statusBar().currentMessage()!r}"
        ) from None
    assert window.inspector.hits[0].item_id == vessel.id
    assert vessel.registration in window.inspector.heading.text()
    assert live.selected_vessel == vessel.id
    assert len(live.track.x) >= 2 and len(live.track.ticks()[2]) >= 1


def test_click_on_empty_sea_says_nothing_here(qtbot, window):
    window.canvas.set_extent((12_800_000, 1_000_000, 12_810_000, 1_010_000))  # open sea far S
    QApplication.processEvents()
    click_map_at(qtbot, window, 12_805_000, 1_005_000)
    qtbot.waitUntil(
        lambda: window.inspector.heading.text() == "Không có đối tượng nào ở đây.", timeout=3000
    )


def test_layer_visibility_toggle_hides_items(qtbot, window):
    item = window.layer_panel.layer_item(window.vessel_layer)
    assert item is not None
    renderer = window.canvas.renderer(window.vessel_layer)
    assert all(i.isVisible() for i in renderer._items)
    item.setCheckState(0, Qt.CheckState.Unchecked)
    assert not window.vessel_layer.visible
    assert not any(i.isVisible() for i in renderer._items)
    # hidden layers are not identified
    cols = window.app.vessels.columns()
    hits = window.canvas.identify(float(cols["x"][0]), float(cols["y"][0]))
    assert all(h.layer_id != "vessels" for h in hits)


def test_status_bar_in_vietnamese_with_counts(window):
    text = window.status.connection.text()
    assert "Đã kết nối" in text
    counts = window.status.counts.toolTip()  # all of them (the bar shows what fits)
    assert counts.startswith("Tàu:")
    assert "Sự cố đang mở" in counts
    # Vietnamese numbers: thousands grouped by a dot (the demo has > 1,000 vessels at sea)
    assert re.search(r"Tàu: \d{1,3}\.\d{3} trên biển", counts), counts


def test_cursor_readout_in_vietnamese_number_format(qtbot, window):
    """Moving over Quy Nhơn harbour reads its position as a Vietnamese reader writes it:
    decimal commas, '; ' between latitude and longitude, VN-2000 metres grouped by dots."""
    from console.geo.crs import lonlat_to_map_scalar

    x, y = lonlat_to_map_scalar(109.2237, 13.7765)
    window.canvas.set_extent((x - 5000, y - 5000, x + 5000, y + 5000), padding=0)
    window.canvas.flush()
    scene = window.canvas.view.mapViewToScene(QPointF(x, y))
    pos = window.canvas.mapFromScene(scene)
    qtbot.mouseMove(window.canvas.viewport(), QPoint(pos.x(), pos.y()))
    qtbot.waitUntil(lambda: "VN-2000" in window.status.cursor.text(), timeout=5000)
    text = window.status.cursor.text()
    assert re.search(r"13,77\d{3}; 109,22\d{3}", text), text
    assert re.search(r"X 1\.5\d{2}\.\d{3} Y 6\d{2}\.\d{3}", text), text


def test_incident_action_reaches_console_incrementally(qtbot, window, live_backend):
    app = window.app
    incident = next(i for i in app.incidents.records() if i.status == "new")
    response = requests.post(
        f"{live_backend.url}/api/v1/incidents/{incident.id}/actions",
        json={
            "action": "acknowledge",
            "expected_version": incident.version,
            "actor": "op-test",
            "note": "đã nhận",
        },
        headers={
            "Authorization": f"Bearer {live_backend.token}",
            "Idempotency-Key": str(uuid.uuid4()),
        },
        timeout=10,
    )
    assert response.status_code == 200
    qtbot.waitUntil(lambda: app.incidents.get(incident.id).status == "acknowledged", timeout=10000)
    updated = app.incidents.get(incident.id)
    assert updated.version == incident.version + 1
    assert updated.history[-1].actor == "op-test"


def test_a_status_message_is_never_drawn_over_the_state_labels(qtbot, window):
    """A temporary message hides the connection, freshness and count labels while it
    shows. A layout pass of the bar (a label changing height: the texts change every
    second) used to queue them to be shown again, under the message: unreadable."""
    bar = window.status
    labels = (bar.connection, bar.updated, bar.counts)
    qtbot.waitUntil(lambda: all(label.isVisible() for label in labels), timeout=10000)
    bar.showMessage("Đã xếp hàng gửi sự cố “Sạt lở đất trên QL19”", 10000)
    qtbot.waitUntil(lambda: not any(label.isVisible() for label in labels), timeout=3000)
    bar.reformat()  # what a label's new height sets off
    for _ in range(3):  # the queued re-show, and the turn after it
        qtbot.wait(50)
        QApplication.processEvents()
        assert not any(label.isVisible() for label in labels)
    bar.clearMessage()
    qtbot.waitUntil(lambda: all(label.isVisible() for label in labels), timeout=3000)


def test_the_status_bar_says_whose_name_the_actions_carry(qtbot, window):
    """The demo backend's account is shared: this console's actions carry the name set
    on the workstation (the OS login until the operator sets theirs). The status bar
    says so and follows a new name set in Settings, and a local acknowledgement takes
    the new name too (the alert panel kept the name it was built with)."""
    from dataclasses import replace

    app = window.app
    qtbot.waitUntil(lambda: app.identity is not None, timeout=10000)
    assert app.identity.shared
    label = window.status.identity
    assert app.settings.operator in label.text()
    assert "tài khoản dùng chung" in label.text()
    assert "Cài đặt" in label.toolTip()  # where to set one's own name
    window.apply_settings(replace(app.settings, operator="Lê Văn Trực"))
    assert "Lê Văn Trực" in label.text()
    assert window.services.live.alerts.operator() == "Lê Văn Trực"


def test_the_status_counts_that_do_not_fit_are_left_out_whole_never_cut(qtbot, window):
    """At 1400 px the bar cannot hold every count: the ones shown are whole, an ellipsis
    says more follow, and the tooltip holds them all. A count cut mid-word ('Camera mất
    kết nố') reads as a wrong number."""
    counts = window.status.counts
    qtbot.waitUntil(lambda: bool(counts.toolTip()), timeout=10000)

    def fits() -> bool:
        return counts.fontMetrics().horizontalAdvance(counts.text()) <= (
            counts.contentsRect().width())

    everything = counts.toolTip().split(" · ")
    for width in (1400, 1600):
        window.resize(width, 900)
        qtbot.waitUntil(fits, timeout=5000)
        shown = counts.text().split(" · ")
        assert counts.text().endswith("…")  # some are left out, and it says so
        if len(shown) > 1:
            assert shown[:-1] == everything[:len(shown) - 1]  # whole counts, in order
    window.resize(3200, 900)  # room for all of them
    qtbot.waitUntil(lambda: counts.text() == counts.toolTip(), timeout=5000)


def test_the_first_picture_waits_for_the_rain_sums(qtbot, live_backend, monkeypatch):
    """Rain gauges are classed by their 24 h sums (station summaries, a request of their
    own). A first picture taken before they came showed light rain during a very heavy
    rain event (and no level trends), beside an inbox saying 'Mưa rất to'."""
    import threading

    from console.app import ConsoleApp
    from console.settings import Settings
    from console.sources.rest_v1 import RestClient
    from tests.conftest import show_window

    release = threading.Event()
    original = RestClient.station_summaries

    def held(self, *args):  # the summaries answer late (a slow backend, a busy worker)
        release.wait(30)
        return original(self, *args)

    monkeypatch.setattr(RestClient, "station_summaries", held)
    app = ConsoleApp(Settings(backend_url=live_backend.url, token=live_backend.token))
    win = show_window(qtbot, app)
    sums: list[int] = []
    app.rules.summaries_updated.connect(lambda: sums.append(1))
    ready: list[bool] = []
    win.picture_ready.connect(lambda: ready.append(bool(sums)))
    app.start()
    try:
        qtbot.waitUntil(lambda: app.feeds.all_ready() and app.tails_ready, timeout=30000)
        qtbot.wait(300)  # the rest of the picture is in: it must still wait
        assert ready == []
    finally:
        release.set()
    qtbot.waitUntil(lambda: bool(ready), timeout=10000)
    assert ready == [True]  # announced once, with the sums applied


def test_every_overview_figure_stays_on_screen_when_the_strip_wraps(qtbot, window):
    """At 1400 px the Vietnamese strip wraps onto a second line. A dock ignores its
    content's height for a width: the second line was clipped off, and the storm's
    danger-zone count on it silently gone."""
    strip = window.services.live.overview
    qtbot.waitUntil(lambda: "storm_danger" in strip.labels, timeout=10000)

    def all_shown() -> bool:
        return all(label.isVisible() and label.geometry().bottom() < strip.height()
                   for label in strip.labels.values())

    for width in (1400, 1000):
        window.resize(width, 900)
        qtbot.waitUntil(all_shown, timeout=3000)
    assert len({label.geometry().top() for label in strip.labels.values()}) >= 2  # wrapped
