"""The shipped basemap on a real canvas (headless): overview land at province scale,
detailed land at harbour scale, the former Bình Định as its own switchable layer, and
the sources' credit drawn on the map."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from console.geo.crs import lonlat_to_map_scalar
from layers.basemap_vector.layer import (
    HistoricProvinceLayer,
    VectorBasemapLayer,
    load_basemap,
)
from layers.layer_list import LayerList
from widgets.map_canvas import MapCanvas


@pytest.fixture(scope="module")
def data():
    return load_basemap()


@pytest.fixture
def canvas(qtbot, data):
    layers = LayerList()
    layers.append(VectorBasemapLayer(data, "en"))
    layers.append(HistoricProvinceLayer(data, "en"))
    canvas = MapCanvas(layers)
    canvas.resize(1000, 700)
    canvas.show()
    qtbot.waitExposed(canvas)
    yield canvas
    canvas.close_canvas()  # before the widget goes (as the bench does)
    canvas.close()
    canvas.deleteLater()


def _view(canvas, lon0, lat0, lon1, lat1) -> QImage:
    x0, y0 = lonlat_to_map_scalar(lon0, lat0)
    x1, y1 = lonlat_to_map_scalar(lon1, lat1)
    canvas.set_extent((x0, y0, x1, y1), padding=0)
    canvas.flush()
    return canvas.grab().toImage()


def _is_sea(image: QImage, canvas, lon, lat) -> bool:
    x, y = lonlat_to_map_scalar(lon, lat)
    (vx0, vx1), (vy0, vy1) = canvas.view.viewRange()
    px = round((x - vx0) / (vx1 - vx0) * (canvas.viewport().width() - 1))
    py = round((vy1 - y) / (vy1 - vy0) * (canvas.viewport().height() - 1))
    c = image.pixelColor(px, py)
    return c.blue() > c.red() + 20  # sea and water are blue, land is cream


def test_land_level_of_detail_follows_the_zoom(canvas, data):
    layer = canvas.layers[0]
    land = canvas.renderer(layer).lod_items["land"]
    total = sum(len(r) for rings in data.group("land").polygons for r in rings)
    _view(canvas, 104.5, 6.5, 117.5, 18.5)  # the whole map: ~1.4 km per pixel
    national = land.last_vertices
    assert 0 < national < total / 4  # simplified to about a pixel
    image = _view(canvas, 109.20, 13.74, 109.30, 13.80)  # Quy Nhơn harbour: ~11 m/px
    assert land.last_vertices < total / 4  # only the nodes around the harbour
    # full detail there: the ~500 m harbour channel and the lagoon are water, the
    # peninsula and the Quy Nhơn spit are land
    assert _is_sea(image, canvas, 109.250, 13.7655)
    assert _is_sea(image, canvas, 109.240, 13.790)
    assert not _is_sea(image, canvas, 109.283, 13.790)
    assert not _is_sea(image, canvas, 109.226, 13.776)


def test_historic_province_is_its_own_switchable_layer(canvas, data):
    historic = canvas.layers[1]
    assert isinstance(historic, HistoricProvinceLayer)
    assert historic.group is not None and historic.group.polygons
    assert [lb.name_en for lb in historic.labels] == ["Former Bình Định (before 1 July 2025)"]
    # the basemap layer itself does not draw the historic outline
    basemap_groups = canvas.renderer(canvas.layers[0])._groups
    assert all(g.kind != "province_historic" for g, _ in basemap_groups)
    renderer = canvas.renderer(historic)
    _view(canvas, 108.0, 13.3, 109.6, 14.8)
    assert all(item.isVisible() for item in renderer._items)
    historic.set_visible(False)
    canvas.flush()
    assert not any(item.isVisible() for item in renderer._items)


def test_basemap_credit_is_drawn_on_the_map(canvas, data):
    assert canvas.attribution_text() == data.attribution
    for source in ("GSHHG", "Natural Earth", "GeoNames"):
        assert source in data.attribution
    with_credit = _view(canvas, 109.0, 13.5, 109.5, 13.9)
    canvas.layers[0].attribution = ""
    without = _view(canvas, 109.0, 13.5, 109.5, 13.9)
    w, h = with_credit.width(), with_credit.height()
    corner = [(x, y) for x in range(w - 200, w) for y in range(h - 14, h)]
    differ = sum(with_credit.pixelColor(x, y) != without.pixelColor(x, y) for x, y in corner)
    assert differ > 100  # text and its box bottom-right


def test_labels_say_which_province(data):
    names = {(lb.kind, lb.name_vi) for lb in data.labels}
    assert ("province", "Tỉnh Gia Lai (từ 1/7/2025)") in names
    assert ("province_historic", "Bình Định cũ (trước 1/7/2025)") in names
    assert {lb.name_vi for lb in data.labels if lb.kind == "road"} == {"QL1", "QL19"}
    assert {lb.kind for lb in data.labels if "Hoàng Sa" in lb.name_vi} == {"archipelago"}


def test_place_labels_are_drawn_where_the_zoom_makes_them_legible(canvas, data):
    """Cities are named at province scale, towns only when zoomed in; the names are in
    the picture, not only in the model -- also for a basemap that arrives after the
    view was set (it loads on a worker) and no pan follows."""
    _view(canvas, 107.5, 12.0, 110.5, 16.5)  # the province: ~300 m per pixel
    late = VectorBasemapLayer(data, "en")
    canvas.layers.append(late)
    renderer = canvas.renderer(late)
    cities = renderer._labels["city"][0].texts()
    assert any("Quy Nhon" in t for t in cities)  # the layer speaks English here
    before = canvas.grab().toImage()
    renderer._labels["city"][0].set_labels([])  # the same picture without city names
    assert canvas.grab().toImage() != before
    renderer.view_changed()
    assert renderer._labels["city"][0].texts() == cities
    _view(canvas, 104.5, 6.5, 117.5, 18.5)  # the whole map: ~1.4 km per pixel
    assert renderer._labels["town"][0].texts() == []


def test_a_pan_past_the_margin_draws_the_coast_as_a_fresh_render(canvas):
    """A pan moves the cached basemap and renders only the strip that came into view
    (CachedPicture._scroll); the result is the picture a full render makes."""
    import numpy as np

    def pixels(image: QImage) -> np.ndarray:
        image = image.convertToFormat(QImage.Format.Format_RGB32)
        return np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes()).copy()

    _view(canvas, 108.6, 13.2, 109.5, 14.4)  # the coast, land on the left
    (stack,) = canvas.stacks.stacks
    px = canvas.units_per_pixel()
    x0, y0, x1, y1 = canvas.extent()
    canvas.set_extent((x0 - 150 * px, y0, x1 - 150 * px, y1), padding=0)  # 150 px west
    moved = pixels(canvas.grab().toImage())
    assert stack.scrolls == 1
    stack.restyle()  # the reference: the same view rendered afresh
    fresh = pixels(canvas.grab().toImage())
    # the same to the rounding of antialiased edges under a clip (a level or two of 255)
    assert np.abs(moved.astype(int) - fresh.astype(int)).max() <= 2
