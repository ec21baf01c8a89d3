"""Layers emit their own signals, only on a real change; views subscribe. Opacity is a
layer property with its own signal, and the renderer follows it without the canvas
reaching into the renderer."""

from __future__ import annotations

import pytest

from layers.layer_list import LayerList
from layers.tiles.layer import TileLayer
from layers.vector_file.layer import VectorFileLayer, prepare_vector
from tests.map.data import make_gpkg
from widgets.map_canvas import MapCanvas
from widgets.style_dialog import StyleDialog


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    return prepare_vector(make_gpkg(tmp_path_factory.mktemp("signals") / "q.gpkg"))


def _points(prepared) -> VectorFileLayer:
    return VectorFileLayer(next(p for p in prepared if p.table.kind == "point"))


def test_opacity_is_clamped_and_signalled_only_on_change(qtbot, prepared) -> None:
    layer = _points(prepared)
    with qtbot.waitSignal(layer.opacity_changed) as blocker:
        layer.set_opacity(0.25)
    assert blocker.args == [0.25] and layer.opacity == 0.25
    with qtbot.assertNotEmitted(layer.opacity_changed), qtbot.assertNotEmitted(layer.changed):
        layer.set_opacity(0.25)
    layer.set_opacity(7)
    assert layer.opacity == 1.0


def test_the_renderer_follows_the_layers_opacity(qtbot, prepared) -> None:
    layer = _points(prepared)
    layers = LayerList()
    layers.append(layer)
    canvas = MapCanvas(layers)
    qtbot.addWidget(canvas, before_close_func=lambda c: c.close_canvas())
    renderer = canvas.renderer(layer)
    assert renderer.scatter is not None and renderer.scatter.opacity() == 1.0
    layer.set_opacity(0.4)  # the model alone, no canvas call
    assert renderer.scatter.opacity() == pytest.approx(0.4)
    assert renderer.selected_scatter.opacity() == pytest.approx(0.4)
    layers.remove(layer)
    layer.set_opacity(0.9)  # disconnected on removal: no error, no effect
    assert renderer.scatter.opacity() == pytest.approx(0.4)


def test_style_dialog_leaves_the_signals_to_the_layer(qtbot, prepared) -> None:
    layer = _points(prepared)
    dialog = StyleDialog(layer)
    qtbot.addWidget(dialog)
    with qtbot.assertNotEmitted(layer.changed), qtbot.assertNotEmitted(layer.opacity_changed):
        dialog.apply()  # nothing changed
    dialog.opacity.setValue(40)
    with qtbot.assertNotEmitted(layer.changed), qtbot.waitSignal(layer.opacity_changed):
        dialog.apply()
    dialog.fill.color = "#ff000080"
    changes = []
    layer.changed.connect(lambda: changes.append(1))
    dialog.apply()
    assert changes == [1] and layer.style.fill == "#ff000080"


class _Source:
    key = attribution = "test"
    min_zoom, max_zoom = 0, 19

    def fetch(self, _tile):
        return None


def test_tile_layer_reports_its_error_state_only_on_change(qtbot) -> None:
    layer = TileLayer(_Source(), "Tiles", "tiles-1")
    with qtbot.waitSignal(layer.changed):
        layer.set_error("HTTP 503")
    with qtbot.assertNotEmitted(layer.changed):
        layer.set_error("HTTP 503")
    assert "HTTP 503" in layer.legend()[0].label
    with qtbot.waitSignal(layer.changed):
        layer.set_error(None)  # tiles arrive again: the legend loses the error
    with qtbot.assertNotEmitted(layer.changed):
        layer.set_error(None)
