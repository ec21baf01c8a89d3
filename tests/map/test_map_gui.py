"""The map features in a real main window (headless; no backend is needed: the map
and the user's layers work without one)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from console.geo.crs import lonlat_to_map_scalar
from console.geo.tiles import TileId, tiles_in_extent
from console.settings import Settings
from layers.tiles.layer import TileLayer
from layers.vector_file.layer import VectorFileLayer
from layers.vector_file.style import VectorLayerStyle
from tests.conftest import map_window, workspace_in_new_window
from tests.map.data import QUY_NHON, TileServer, make_gpkg, make_mbtiles, png_tile
from widgets.attribute_table import AttributeTable
from widgets.layer_panel import LAYER_ROLE
from widgets.main_window import MainWindow
from widgets.map_features import layer_menu_for
from widgets.offline_area import OfflineAreaDialog

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def make_window(qtbot) -> MainWindow:
    return map_window(qtbot, Settings(language="en"))


@pytest.fixture
def window(qtbot):
    win = make_window(qtbot)
    yield win
    win.close()


@pytest.fixture(scope="module")
def gpkg(tmp_path_factory):
    return make_gpkg(tmp_path_factory.mktemp("gui") / "quy_nhon.gpkg")


def load(qtbot, win, path) -> list:
    loader = win.services.map_features.loader
    with qtbot.waitSignal(loader.layers_added, timeout=20000) as blocker:
        loader.add_path(path)
    return blocker.args[1]


def view_quy_nhon(win, span_deg=0.2):
    lon, lat = QUY_NHON
    x0, y0 = lonlat_to_map_scalar(lon - span_deg, lat - span_deg / 2)
    x1, y1 = lonlat_to_map_scalar(lon + span_deg, lat + span_deg / 2)
    win.canvas.set_extent((x0, y0, x1, y1), padding=0)
    QApplication.processEvents()


def click_map_at(qtbot, win, x, y, double=False):
    scene_point = win.canvas.view.mapViewToScene(QPointF(x, y))
    widget_point = win.canvas.mapFromScene(scene_point)
    pos = QPoint(widget_point.x(), widget_point.y())
    viewport, left = win.canvas.viewport(), Qt.MouseButton.LeftButton
    qtbot.mouseClick(viewport, left, pos=pos)
    if double:  # what a real double-click sends: click, double-click, release
        qtbot.mouseDClick(viewport, left, pos=pos)
        qtbot.mouseRelease(viewport, left, pos=pos)


def test_geopackage_tables_load_under_the_live_layers_and_identify(qtbot, window, gpkg):
    added = load(qtbot, window, gpkg)
    assert sorted(layer.table.table for layer in added) == ["communes", "roads", "stations"]
    order = [layer.layer_id for layer in window.layers]
    first_live = min(order.index(lyr.layer_id) for lyr in window.layers if lyr.live)
    assert all(order.index(layer.layer_id) < first_live for layer in added)
    assert all(window.layer_panel.layer_item(layer) is not None for layer in added)
    view_quy_nhon(window)
    x, y = lonlat_to_map_scalar(*QUY_NHON)
    with qtbot.waitSignal(window.canvas.identified, timeout=3000) as blocker:
        click_map_at(qtbot, window, x, y)
    titles = [h.title for h in blocker.args[0]]
    assert "quy_nhon — communes: feature 2" in titles  # the polygon under the click
    assert "quy_nhon — stations: feature 1" in titles  # the point within tolerance
    communes = next(lyr for lyr in added if lyr.table.table == "communes")
    assert communes.selected == {1}
    assert window.inspector.isVisible()
    canvas = window.canvas
    assert canvas.zoom_to_selection()
    x0, y0, x1, y1 = canvas.extent()
    fx0, fy0, fx1, fy1 = communes.feature_extent({1})
    assert x0 <= fx0 and x1 >= fx1 and y0 <= fy0 and y1 >= fy1
    roads = next(lyr for lyr in added if lyr.table.table == "roads")
    assert canvas.zoom_to_layer(roads)
    rx0, _ry0, rx1, _ry1 = roads.extent()
    x0, _y0, x1, _y1 = canvas.extent()
    assert x0 <= rx0 < rx1 <= x1 and (x1 - x0) < 1.5 * (rx1 - rx0)


def test_bad_files_get_a_message_and_are_not_added(qtbot, window, tmp_path):
    bad = tmp_path / "broken.geojson"
    bad.write_text("{ not geojson", encoding="utf-8")
    before = len(window.layers)
    loader = window.services.map_features.loader
    with qtbot.waitSignal(loader.load_failed, timeout=20000) as blocker:
        loader.add_path(bad)
    assert "broken.geojson" in blocker.args[1]
    assert len(window.layers) == before
    box = window.findChild(QMessageBox, "layerLoadError")
    assert box is not None and box.isVisible() and "broken.geojson" in box.text()
    assert "broken.geojson" in window.statusBar().currentMessage()
    box.close()


def test_scrambled_geopackage_gets_a_sentence_and_the_detail_goes_to_the_log(
    qtbot, window, tmp_path, caplog
):
    scrambled = tmp_path / "ranh_gioi.gpkg"
    scrambled.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)
    loader = window.services.map_features.loader
    with qtbot.waitSignal(loader.load_failed, timeout=20000) as blocker:
        loader.add_path(scrambled)
    sentence = (
        "ranh_gioi.gpkg could not be read: the file is damaged or is not the format its "
        "name says. The technical details are in the log."
    )
    assert blocker.args[1] == sentence
    box = window.findChild(QMessageBox, "layerLoadError")
    assert box.text() == f"Layer not added: {sentence}"
    assert window.statusBar().currentMessage() == f"Layer not added: {sentence}"
    logged = [r.getMessage() for r in caplog.records if "ranh_gioi.gpkg" in r.getMessage()]
    assert any("cannot open (" in message for message in logged)  # GDAL's own words
    box.close()


def test_drop_files_on_the_map(qtbot, window, gpkg):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(gpkg))])
    event = QDropEvent(
        QPointF(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.services.map_features.loader.layers_added, timeout=20000):
        window.canvas.dropEvent(event)
    assert sum(isinstance(layer, VectorFileLayer) for layer in window.layers) == 3


def settled(qtbot, canvas):
    """Waits until the canvas records the view that settles after the `with` block."""
    return qtbot.waitSignal(canvas.view_history_changed, timeout=5000)


def test_keyboard_navigation_history_and_bookmarks(qtbot, window):
    canvas = window.canvas
    with settled(qtbot, canvas):  # history records settled views only
        view_quy_nhon(window)
    start = canvas.extent()
    canvas.setFocus()
    with settled(qtbot, canvas):
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
    moved = canvas.extent()
    width = start[2] - start[0]
    assert moved[0] - start[0] == pytest.approx(width * 0.25, rel=1e-3)
    with settled(qtbot, canvas):
        qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    zoomed = canvas.extent()
    assert zoomed[2] - zoomed[0] == pytest.approx(width / 2, rel=1e-3)
    canvas.previous_view()
    assert canvas.extent() == pytest.approx(moved, rel=1e-9)
    canvas.previous_view()
    assert canvas.extent() == pytest.approx(start, rel=1e-9)
    canvas.next_view()
    assert canvas.extent() == pytest.approx(moved, rel=1e-9)
    canvas.next_view()
    assert canvas.extent() == pytest.approx(zoomed, rel=1e-9)
    assert not canvas.can_go_forward()
    bookmarks = window.services.map_features.bookmarks
    bookmarks.add("Cảng Quy Nhơn")
    canvas.set_extent((0, 0, 1e6, 1e6))
    assert bookmarks.go("Cảng Quy Nhơn")
    assert canvas.extent() == pytest.approx(zoomed, rel=1e-6)


def test_goto_box_accepts_vn2000_and_rejects_junk(qtbot, window):
    goto = window.services.map_features.goto
    goto.setText("X 1523792 Y 605093")
    with qtbot.waitSignal(goto.went_to, timeout=1000) as blocker:
        goto.returnPressed.emit()
    lon, lat = blocker.args
    assert (lon, lat) == (pytest.approx(109.2237, abs=2e-5), pytest.approx(13.7765, abs=2e-5))
    x0, y0, x1, y1 = window.canvas.extent()
    x, y = lonlat_to_map_scalar(109.2237, 13.7765)
    assert x0 < x < x1 and y0 < y < y1
    goto.setText("somewhere nice")  # neither a coordinate nor a known place
    assert not goto.go()
    assert "No place, station or vessel is called “somewhere nice”" in goto.toolTip()
    goto.setText("13.7765, 309.2")
    assert not goto.go()
    assert "Not a coordinate" in goto.toolTip()


def test_measure_tool_by_clicking(qtbot, window):
    view_quy_nhon(window, 0.6)
    action = window.services.map_features.actions["measure"]
    action.trigger()
    measure = window.services.map_features.measure
    assert window.canvas.map_tool is measure
    a = lonlat_to_map_scalar(109.2, 13.7)
    b = lonlat_to_map_scalar(109.2, 13.9)
    c = lonlat_to_map_scalar(109.4, 13.9)
    hits: list = []
    window.canvas.identified.connect(hits.append)
    for point in (a, b, c):
        click_map_at(qtbot, window, *point)
    click_map_at(qtbot, window, *c, double=True)
    assert measure.finished
    assert measure.result.length_km == pytest.approx(22.1 + 21.6, rel=0.03)
    label = measure.label.text()
    assert "km" in label and "NM" in label and "Area" in label and "Bearing" in label
    assert hits == []  # clicks went to the tool, not to identify
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert window.canvas.map_tool is None and not action.isChecked()


def _share_of_color(win, rgb) -> float:
    QApplication.processEvents()
    image = win.canvas.grab().toImage()
    hits = total = 0
    for y in range(0, image.height(), 8):
        for x in range(0, image.width(), 8):
            c = image.pixelColor(x, y)
            total += 1
            hits += (c.red(), c.green(), c.blue()) == rgb
    return hits / total


def test_mbtiles_basemap_draws_under_vectors_with_attribution(qtbot, window, tmp_path):
    lon, lat = QUY_NHON
    x0, y0 = lonlat_to_map_scalar(lon - 1, lat - 1)
    x1, y1 = lonlat_to_map_scalar(lon + 1, lat + 1)
    tiles = {
        (t.z, t.x, t.y): png_tile((250, 0, 250))
        for z in (7, 8, 9)
        for t in tiles_in_extent((x0, y0, x1, y1), z)
    }
    path = make_mbtiles(
        tmp_path / "magenta.mbtiles",
        tiles,
        {"name": "Magenta", "minzoom": "7", "maxzoom": "9", "attribution": "© Test tiles"},
    )
    (layer,) = load(qtbot, window, path)
    assert isinstance(layer, TileLayer)
    assert window.layers.index(layer) == 0
    assert window.basemap_layer.fills is False
    x, y = lonlat_to_map_scalar(lon - 0.5, lat)  # inland: tiles, not the basemap's sea
    window.canvas.set_extent((x - 30000, y - 20000, x + 30000, y + 20000), padding=0)
    renderer = window.canvas.renderer(layer)
    qtbot.waitUntil(lambda: renderer.fetcher.idle() and len(renderer.images) > 0, timeout=5000)
    # most of the view becomes tile (live symbols may cover a few pixels, never most);
    # tiles of the new zoom arrive after those requested for the previous view
    qtbot.waitUntil(lambda: _share_of_color(window, (250, 0, 250)) > 0.5, timeout=5000)
    # the tiles' credit and the shipped basemap's (it still draws outlines on top)
    credits = window.canvas.attribution_text().split(" · ")
    assert credits[0] == "© Test tiles"
    assert {"GSHHG/WDBII (LGPL)", "Natural Earth", "GeoNames (CC BY 4.0)"} <= set(credits)
    window.layers.remove(layer)
    assert window.basemap_layer.fills is True
    assert window.canvas.attribution_text() == window.basemap_layer.attribution
    window.basemap_layer.set_visible(False)
    assert window.canvas.attribution_text() == ""


def _requested_tile(path: str) -> TileId:
    z, x, y = (int(p) for p in path.strip("/").removesuffix(".png").split("/"))
    return TileId(z, x, y)


def test_xyz_tiles_cached_with_user_agent_and_no_request_storm(qtbot, window, tmp_path):
    server = TileServer(max_zoom=14)
    server.gate.clear()  # hold every response: no load finishes while the view moves
    try:
        window.services.map_features.loader.add_path(server.url)  # what `--layer URL` does
        layer = window.layers[0]
        assert isinstance(layer, TileLayer) and layer.source.template == server.url
        renderer = window.canvas.renderer(layer)
        canvas = window.canvas
        view_quy_nhon(window, 0.3)
        first_view = set(renderer.view_tiles())
        cap = renderer.fetcher.max_in_flight
        assert len(first_view) > cap  # more tiles wanted than may load at once
        qtbot.waitUntil(lambda: len(server.requests) == cap, timeout=5000)
        for _ in range(30):  # a fast pan: every frame asks for a new view
            canvas.pan(0.1, 0.0)
            QApplication.processEvents()
        final_view = set(renderer.view_tiles())
        assert not first_view & final_view  # every tile of the first view left the view
        assert len(server.requests) == cap  # nothing new starts while the cap is reached
        server.gate.set()
        qtbot.waitUntil(renderer.fetcher.idle, timeout=10000)
        # tiles that left the view before their turn were never requested: besides the
        # loads already running when the view moved on, only the final view's tiles
        later = [_requested_tile(p) for p in server.requests[cap:]]
        assert [t for t in later if t not in final_view] == []
        assert len(later) == len(set(later)) <= len(final_view)
        assert all(t in renderer.images for t in renderer.view_tiles())
        assert server.user_agents and all("IOC-Console" in ua for ua in server.user_agents)
        cached = layer.source.cache.get(renderer.view_tiles()[0])
        assert cached is not None and cached.startswith(b"\x89PNG")
    finally:
        server.close()


def test_layer_panel_reorder_rename_style_remove_and_attribute_table(qtbot, window, gpkg):
    added = load(qtbot, window, gpkg)
    panel = window.layer_panel
    top_id = panel.tree.topLevelItem(0).data(0, LAYER_ROLE)
    # drag the bottom-most file layer to the top of the list
    communes = next(lyr for lyr in added if lyr.table.table == "communes")
    item = panel.layer_item(communes)
    index = panel.tree.indexOfTopLevelItem(item)
    panel.tree.insertTopLevelItem(0, panel.tree.takeTopLevelItem(index))
    panel.apply_tree_order()
    assert window.layers[len(window.layers) - 1] is communes
    assert panel.tree.topLevelItem(0) is panel.layer_item(communes)
    assert panel.tree.topLevelItem(1).data(0, LAYER_ROLE) == top_id  # former top: one down
    item = panel.layer_item(communes)
    item.setText(0, "Phường (chính thức)")
    assert communes.title == "Phường (chính thức)"
    communes.set_style(VectorLayerStyle(fill="#00ff0080", label_field="name"))
    renderer = window.canvas.renderer(communes)
    view_quy_nhon(window, 0.1)
    texts = [t.toPlainText() for t in renderer._labels if t.isVisible()]
    assert "Phường Thị Nại" in texts
    table = AttributeTable(communes, window.canvas, window)
    qtbot.addWidget(table)
    table.select_row(2)
    window.canvas.set_extent((0, 0, 1e7, 1e7))
    assert table.zoom_to_selected()
    x0, _y0, x1, _y1 = window.canvas.extent()
    fx0, _fy0, fx1, _fy1 = communes.feature_extent({2})
    assert x0 <= fx0 and x1 >= fx1 and (x1 - x0) < 3 * (fx1 - fx0)
    assert communes.selected == {2}
    menu = layer_menu_for(window.shell, communes)
    remove = next(a for a in menu.actions() if a.text() == "Remove")
    remove.trigger()
    assert communes not in list(window.layers)
    assert panel.layer_item(communes) is None


def test_workspace_round_trip_restores_the_picture(qtbot, window, gpkg, tmp_path):
    added = load(qtbot, window, gpkg)
    stations = next(lyr for lyr in added if lyr.table.table == "stations")
    roads = next(lyr for lyr in added if lyr.table.table == "roads")
    stations.set_style(VectorLayerStyle(fill="#ff0000", symbol="s", size=14, label_field="code"))
    roads.set_visible(False)
    window.canvas.set_layer_opacity(stations, 0.5)
    window.layers.move(window.layers.index(stations), 1)
    view_quy_nhon(window, 0.15)
    window.services.map_features.bookmarks.add("Trạm")
    path = tmp_path / "ws.iocws.json"
    window.services.map_features.workspace.save(path)
    text = path.read_text(encoding="utf-8")
    assert '"format": "ioc-console-workspace"' in text and "Trạm" in text
    before_ids = [layer.title for layer in window.layers]
    before_image = window.canvas.grab().toImage()

    with workspace_in_new_window(qtbot, make_window, path) as other:
        assert [layer.title for layer in other.layers] == before_ids
        restored = next(
            lyr
            for lyr in other.layers
            if getattr(lyr, "table", None) and lyr.table.table == "stations"
        )
        assert restored.style == stations.style and restored.opacity == 0.5
        assert not next(lyr for lyr in other.layers if lyr.title == roads.title).visible
        assert other.canvas.extent() == pytest.approx(window.canvas.extent(), rel=1e-9)
        assert [b.name for b in other.services.map_features.bookmarks.bookmarks()] == ["Trạm"]
        QApplication.processEvents()
        after_image = other.canvas.grab().toImage()
        assert after_image.size() == before_image.size()
        diff = _mean_abs_diff(before_image, after_image)
        assert diff < 3.0, diff


def _mean_abs_diff(a, b) -> float:
    def arr(image):
        image = image.convertToFormat(image.Format.Format_RGB32)
        ptr = image.constBits()
        return (
            np.frombuffer(ptr, np.uint8)
            .reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4]
            .astype(float)
        )

    return float(np.abs(arr(a) - arr(b)).mean())


def test_offline_area_dialog_downloads_and_cancels(qtbot, window, tmp_path):
    server = TileServer(max_zoom=12)
    try:
        view_quy_nhon(window, 0.1)
        dialog = OfflineAreaDialog(window.app.runner, window.canvas.extent(), server.url, window)
        qtbot.addWidget(dialog)
        dialog.zmin.setValue(8)
        dialog.zmax.setValue(11)
        n = dialog.tile_count()
        assert f"{n:,}" in dialog.estimate.text()
        dialog.limit.setValue(max(1, n - 1))
        assert not dialog.start_button.isEnabled() and "over the limit" in dialog.estimate.text()
        dialog.limit.setValue(20000)
        dialog.target.setText(str(tmp_path / "area.mbtiles"))
        with qtbot.waitSignal(dialog.finished_download, timeout=20000) as blocker:
            dialog.start()
        result = blocker.args[0]
        assert result.fetched == n and not result.cancelled
        assert dialog.progress.value() == n
        (layer,) = load(qtbot, window, tmp_path / "area.mbtiles")
        assert layer.source.max_zoom == 11
    finally:
        server.close()


def test_main_accepts_repeatable_layer_argument():
    from main import parse_args

    args = parse_args(["--layer", "a.gpkg", "--layer", "b.mbtiles"])
    assert args.layer == ["a.gpkg", "b.mbtiles"]


def test_scale_bar_units_and_cursor_readout(qtbot, window):
    view_quy_nhon(window, 0.2)
    length_px, label = window.canvas.scale_bar()
    assert label.endswith("km") and 40 < length_px <= 140
    window.services.map_features.actions["nautical"].trigger()
    length_px, label = window.canvas.scale_bar()
    assert label.endswith("NM") and 40 < length_px <= 140
    x, y = lonlat_to_map_scalar(109.2237, 13.7765)
    window.status.show_cursor(x, y)
    text = window.status.cursor.text()
    assert "13.77650; 109.22370" in text
    assert "13°46′35.4″N" in text and "109°13′25.3″E" in text
    assert "X 1,523,792 Y 605,093" in text
