"""Feature-service layers in a real main window, fed by a real pygeoapi server: on the map
with attributes, refreshed when the view moves, saved in the workspace, and a server
that is down or hangs gives a clear message while the GUI keeps running."""

from __future__ import annotations

import socket

import pytest
import shapely
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bench.report import StallMeter
from console.geo.crs import lonlat_to_map_scalar
from console.settings import Settings
from console.sources.health import HealthState
from console.sources.http import HttpSettings
from console.sources.registry import source_key
from layers.feature_service.layer import FeatureServiceLayer
from layers.vector_file.style import VectorLayerStyle
from tests import ogc_server
from tests.conftest import map_window, workspace_in_new_window
from widgets.attribute_table import AttributeTable
from widgets.main_window import MainWindow
from widgets.sources.feature import open_add_dialog

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")
FAST = HttpSettings(connect_timeout_s=2.0, read_timeout_s=4.0, total_timeout_s=8.0,
                    get_retries=0)
QUY_NHON = (109.2237, 13.7765)
TRUONG_SA = (114.3, 10.4)  # the Spratlys: islets of the land theme, far from Quy Nhon


def make_window(qtbot, **settings) -> MainWindow:
    return map_window(qtbot, Settings(language="en", http=FAST, **settings))


@pytest.fixture
def window(qtbot):
    win = make_window(qtbot)
    yield win
    win.close()


def view_at(win, lonlat, span_deg):
    lon, lat = lonlat
    x0, y0 = lonlat_to_map_scalar(lon - span_deg, lat - span_deg / 2)
    x1, y1 = lonlat_to_map_scalar(lon + span_deg, lat + span_deg / 2)
    win.canvas.set_extent((x0, y0, x1, y1), padding=0)
    QApplication.processEvents()


def add_collection(qtbot, win, url, **kwargs) -> FeatureServiceLayer:
    loader = win.services.map_features.loader
    with qtbot.waitSignal(loader.layers_added, timeout=30000) as blocker:
        loader.add_path(url, **kwargs)
    (layer,) = blocker.args[1]
    return layer


def test_collection_layer_is_drawn_with_its_attributes(qtbot, window, pygeoapi):
    view_at(window, QUY_NHON, 0.3)
    layer = add_collection(qtbot, window, f"{pygeoapi.url}/collections/places/items")
    assert isinstance(layer, FeatureServiceLayer) and layer.title == ogc_server.THEMES["places"]
    assert layer in list(window.layers) and layer.kind == "point"
    # the features around the view, not the whole collection
    assert 0 < layer.feature_count() < pygeoapi.counts["places"]
    window.canvas.flush()
    renderer = window.canvas.renderer(layer)
    assert renderer.scatter is not None and len(renderer.scatter.data) == layer.feature_count()
    # attributes: the attribute table shows the server's properties
    table = AttributeTable(layer, window.canvas, window)
    horizontal = Qt.Orientation.Horizontal
    columns = [table.model.headerData(c, horizontal) for c in range(table.model.columnCount())]
    assert {"id", "fid", "name_vi", "name_en"} <= set(columns)
    assert table.model.rowCount() == layer.feature_count()
    names = {table.model.data(table.model.index(r, columns.index("name_en")))
             for r in range(table.model.rowCount())}
    assert "Quy Nhon" in names
    # identify: a click on Quy Nhon's place point names it
    row = next(r for r in range(len(layer.table.rows))
               if layer.table.rows[r][columns.index("name_en")] == "Quy Nhon")
    x, y = shapely.get_coordinates(layer.table.geometries[row])[0]
    layer.set_style(VectorLayerStyle(label_field="name_en"))
    hits = window.canvas.identify(x, y)
    assert any(h.title == f"{layer.title}: Quy Nhon" for h in hits)
    # its health: OK, with the number of features
    health = window.app.health.get(source_key("ogcapi-features", layer.url))
    assert health.state is HealthState.OK and health.items == layer.feature_count()
    table.close()


def test_moving_the_view_refetches_and_the_table_follows(qtbot, window, pygeoapi):
    view_at(window, QUY_NHON, 0.5)
    layer = add_collection(qtbot, window, f"{pygeoapi.url}/collections/land")
    controller = window.services.map_features.loader.controllers[layer.layer_id]
    table = AttributeTable(layer, window.canvas, window)
    before = {r[0] for r in layer.table.rows}
    # a small pan stays inside what was fetched: no request
    x0, y0, x1, y1 = window.canvas.extent()
    dx = (x1 - x0) * 0.1
    window.canvas.set_extent((x0 + dx, y0, x1 + dx, y1), padding=0)
    qtbot.wait(1000)  # longer than the settle delay: a refresh would have been sent
    assert controller.refreshes == 0
    # far away: the Spratlys' islets replace Quy Nhon's coast
    view_at(window, TRUONG_SA, 1.0)
    qtbot.waitUntil(lambda: controller.refreshes == 1, timeout=20000)
    after = {r[0] for r in layer.table.rows}
    assert after and not (after & before)
    # what the operator sees (the sorted view) follows the new rows
    assert table.proxy.rowCount() == len(after) == layer.feature_count()
    window.canvas.flush()
    assert window.canvas.renderer(layer).lod_item is not None
    table.close()


def test_workspace_round_trip_keeps_the_collection_layer(qtbot, window, pygeoapi, tmp_path):
    view_at(window, QUY_NHON, 0.3)
    layer = add_collection(qtbot, window, f"{pygeoapi.url}/collections/rivers/items",
                           refresh_s=120.0)
    layer.set_style(VectorLayerStyle(stroke="#0055ff", width=3.0, label_field="name_vi"))
    layer.set_title("Sông")
    path = tmp_path / "ws.json"
    window.services.map_features.workspace.save(path)
    assert '"kind": "ogcapi-features"' in path.read_text(encoding="utf-8")
    with workspace_in_new_window(qtbot, make_window, path, timeout_ms=30000) as other:
        restored = other.layers.by_id(layer.layer_id)
        assert isinstance(restored, FeatureServiceLayer)
        assert restored.url == layer.url and restored.refresh_s == 120.0
        assert restored.style == layer.style and restored.title == "Sông"
        # fetched for the view of the moment, which covers the saved one
        assert {r[0] for r in layer.table.rows} <= {r[0] for r in restored.table.rows}
        assert restored.covers(other.canvas.extent())
        assert other.canvas.extent() == pytest.approx(window.canvas.extent(), rel=1e-9)


def _hanging_server() -> tuple[socket.socket, str]:
    """A port that accepts connections and never answers (a hung server)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    return sock, f"http://127.0.0.1:{sock.getsockname()[1]}"


def test_server_down_or_hanging_says_so_and_never_freezes(qtbot, window):
    loader = window.services.map_features.loader
    dead = f"http://127.0.0.1:{ogc_server.free_port()}/collections/land"
    hung_sock, hung = _hanging_server()
    try:
        meter = StallMeter().start()
        for url in (dead, f"{hung}/collections/land/items"):
            with qtbot.waitSignal(loader.load_failed, timeout=20000) as blocker:
                loader.add_path(url)
            source, message = blocker.args
            assert source == url
            assert "does not answer" in message and "127.0.0.1" in message
        qtbot.wait(50)  # let the loop turn: a stall is only measured at the next tick
        stall = meter.stop()
    finally:
        hung_sock.close()
    assert not any(isinstance(lyr, FeatureServiceLayer) for lyr in window.layers)
    assert stall < 150, f"GUI event loop stalled {stall:.0f} ms"


def test_add_from_server_dialog_lists_and_adds(qtbot, window, pygeoapi):
    dialog = open_add_dialog(window.shell)
    qtbot.addWidget(dialog)
    dialog.url.setEditText(f"http://127.0.0.1:{ogc_server.free_port()}")
    dialog.list_collections()
    qtbot.waitUntil(lambda: "does not answer" in dialog.status.text(), timeout=20000)
    assert dialog.collections.topLevelItemCount() == 0 and dialog.list_button.isEnabled()
    dialog.url.setEditText(pygeoapi.url)
    dialog.list_collections()
    qtbot.waitUntil(lambda: dialog.collections.topLevelItemCount() == len(ogc_server.THEMES),
                    timeout=20000)
    ids = [dialog.collections.topLevelItem(i).text(1)
           for i in range(dialog.collections.topLevelItemCount())]
    assert sorted(ids) == sorted(ogc_server.THEMES)
    dialog.collections.topLevelItem(ids.index("places")).setSelected(True)
    loader = window.services.map_features.loader
    with qtbot.waitSignal(loader.layers_added, timeout=30000) as blocker:
        dialog.add_button.click()
    assert blocker.args[1][0].title == ogc_server.THEMES["places"]
    dialog.close()
    # the server is remembered for next time
    again = open_add_dialog(window.shell)
    qtbot.addWidget(again)
    assert again.url.itemText(0) == pygeoapi.url
    again.close()


def test_the_time_cursor_filters_collections_with_time(qtbot, window, pygeoapi):
    view_at(window, QUY_NHON, 0.5)
    province = add_collection(qtbot, window, f"{pygeoapi.url}/collections/province")
    land = add_collection(qtbot, window, f"{pygeoapi.url}/collections/land")
    controllers = window.services.map_features.loader.controllers
    cursor = 1_767_225_600.0  # 2026-01-01T00:00:00Z
    window.model.set_time_cursor(cursor)
    qtbot.waitUntil(lambda: controllers[province.layer_id].refreshes == 1, timeout=20000)
    assert controllers[land.layer_id].refreshes == 0  # no time: nothing to filter
    log = pygeoapi.log_path.read_text(encoding="utf-8", errors="replace")
    assert "datetime=2025-12-31T00:00:00Z/2026-01-01T00:00:00Z" in log.replace("%3A", ":")
    assert province.feature_count() == pygeoapi.counts["province"]


def test_the_refresh_interval_refetches_without_a_view_change(qtbot, window, pygeoapi):
    view_at(window, QUY_NHON, 0.3)
    layer = add_collection(qtbot, window, f"{pygeoapi.url}/collections/places",
                           refresh_s=1.0)
    controller = window.services.map_features.loader.controllers[layer.layer_id]
    qtbot.waitUntil(lambda: controller.refreshes >= 2, timeout=15000)
    controller.set_refresh_interval(None)  # Layer panel › Refresh interval… 0
    done = controller.refreshes
    qtbot.wait(2500)  # more than two former intervals: nothing more is fetched
    assert controller.refreshes == done and layer.refresh_s is None
