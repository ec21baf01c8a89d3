"""The map model stands without a window: its layers come from the registry with their
rule bindings, the selection and time cursor emit only on a real change, and closing it
leaves no connection behind."""

from __future__ import annotations

import numpy as np
import pytest

from layers.map_model import DOMAIN_LAYERS, MapModel, Selection
from tests.live.conftest import Rig, vessel


class _App(Rig):
    """The parts of ConsoleApp the model reads: real stores and a real rules engine."""

    def __init__(self, tmp_path) -> None:
        from console.settings import Settings

        super().__init__(tmp_path)
        from console.storm.watch import StormWatch

        self.settings = Settings()
        self.rules = self.engine
        self.storm = StormWatch(self.vessels, self.clock, self.settings.freshness, self.inbox)


@pytest.fixture
def model(qapp, tmp_path):
    app = _App(tmp_path)
    m = MapModel(app)
    yield m
    m.close()
    app.close()


def test_domain_layers_come_from_the_registry_in_stacking_order(model):
    assert [layer.layer_id for layer in model.layers] == [k.layer_id for k in DOMAIN_LAYERS]
    assert model.vessels is model.domain_layer("vessels")


def test_rule_bindings_are_passed_in_by_constructor(model):
    """The layers read the rules engine's results without any window binding them."""
    app = model.app
    engine = app.rules
    assert model.stations.summaries is engine.station_rules.summaries
    assert model.stations.level_of == engine.station_rules.level_of
    assert model.vessels.label_min_px_per_km == engine.config.map.label_min_scale_px_per_km
    app.vessels.apply([vessel("a", app.clock.t - 60, 111.0, 13.0)])
    assert np.asarray(model.vessels.violations()).shape == (1,)


def test_selection_emits_only_on_a_real_change(model, qtbot):
    seen: list[object] = []
    model.selection_changed.connect(seen.append)
    model.select("vessels", "v1")
    model.select("vessels", "v1")  # the same pick again: nothing to tell
    model.select("stations", "s1")
    model.select(None)
    assert seen == [Selection("vessels", "v1"), Selection("stations", "s1"), None]


def test_time_cursor_emits_only_on_a_real_change(model):
    seen: list[object] = []
    model.time_cursor_changed.connect(seen.append)
    model.set_time_cursor(100.0)
    model.set_time_cursor(100.0)
    model.set_time_cursor(None)
    assert seen == [100.0, None]


def test_closing_the_model_disconnects_the_rules_and_the_stores(qapp, tmp_path):
    app = _App(tmp_path)
    model = MapModel(app)
    layer = model.vessels
    redraws: list[int] = []
    layer.changed.connect(lambda: redraws.append(1))
    model.close()
    assert len(model.layers) == 0
    app.vessels.apply([vessel("a", app.clock.t - 60, 110.0, 13.0)])
    app.rules.violations_changed.emit(object())
    assert redraws == []
    app.close()
