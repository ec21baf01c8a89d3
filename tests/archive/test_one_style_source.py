"""One style source per layer kind: the map's symbols, its legend (which the print and
PNG render), the picture snapshot and the HTML export show each class in one colour."""

from __future__ import annotations

import re
from types import SimpleNamespace

import numpy as np

from console.export.html import _legend
from console.export.picture import build_picture
from console.model.freshness import FreshnessPolicy, VmsState, VmsThresholds
from console.stores.records import RecordStore
from console.stores.vessels import VesselStore
from layers.incidents.layer import IncidentLayer
from layers.stations.layer import StationLayer
from layers.vessels.layer import VARIANTS, VesselLayer
from tests.live.conftest import FakeClock, gauge, incident, vessel


def _html_swatches(html: str) -> list[str]:
    return re.findall(r"background:(#[0-9a-fA-F]{6})", html)


def test_vessel_states_have_one_colour_on_map_legend_picture_and_html(qtbot) -> None:
    clock, vms = FakeClock(), VmsThresholds()
    ages = {  # fix age per state, in seconds
        VmsState.IN_PORT: 600,
        VmsState.FRESH: 600,
        VmsState.LATE: 3 * 3600,
        VmsState.LOST: 8 * 3600,
        VmsState.MUST_RETURN: 11 * 86400,
    }
    store = VesselStore()
    store.apply([
        vessel(state.name, clock.t - age, 109.5 + i / 10, 13.5,
               status="in_port" if state is VmsState.IN_PORT else "at_sea")
        for i, (state, age) in enumerate(ages.items())
    ])  # fmt: skip
    layer = VesselLayer(store, clock, vms)
    classes = layer.classes()
    assert [VmsState(int(c)).name for c in classes] == [s.name for s in ages]
    app = SimpleNamespace(
        settings=SimpleNamespace(vms=vms, freshness=FreshnessPolicy(vms=vms)), vessels=store,
        stations=RecordStore(), incidents=RecordStore(),
    )  # fmt: skip
    picture = build_picture(app, None, clock.t)
    symbols = layer.symbol_styles()
    legend = {e.label: e.style.fill for e in layer.legend() if e.style is not None}
    for point, cls in zip(picture.vessels, classes, strict=True):
        drawn = symbols[int(cls) * len(VARIANTS)].fill  # the VMS variant of the state
        assert layer.styles[int(cls)].fill == drawn  # the legend's swatch
        assert legend[layer.styles[int(cls)].label] == drawn
        assert point.colour == drawn  # the picture (HTML markers)
    html = _html_swatches(_legend(picture, {}))
    assert html[: len(ages)] == [symbols[s.value * len(VARIANTS)].fill for s in ages]
    layer.close()


def test_station_classes_have_one_colour_on_map_and_picture(qtbot) -> None:
    clock = FakeClock()
    stations = RecordStore()
    records = [gauge(v, clock.t - 60, sid=f"w{v}") for v in (5.0, 6.5, 7.5, 8.5)]
    records.append(gauge(None, clock.t - 60, sid="nodata"))
    stations.apply(records)
    layer = StationLayer(stations, clock, stale_after_s=3600)
    app = SimpleNamespace(
        settings=SimpleNamespace(vms=VmsThresholds()), vessels=VesselStore(),
        stations=stations, incidents=RecordStore(),
    )  # fmt: skip
    picture = build_picture(app, None, clock.t)
    colours = [p.colour for p in picture.stations]
    drawn = [layer.styles[int(c)].fill for c in layer.classes()]
    assert colours[:4] == drawn[:4] and len(set(colours[:4])) == 4
    assert colours[4] == layer.styles[-1].fill  # no data: the map's grey
    html = _html_swatches(_legend(picture, {}))
    assert all(c in html for c in colours)
    layer.close()


def test_incident_severities_have_one_colour_on_map_legend_picture_and_html(qtbot) -> None:
    clock = FakeClock()
    incidents = RecordStore()
    severities = ("low", "medium", "high", "critical")
    incidents.apply([incident(f"i{s}", s, "new", clock.t) for s in severities])
    layer = IncidentLayer(incidents, clock)
    app = SimpleNamespace(
        settings=SimpleNamespace(vms=VmsThresholds()), vessels=VesselStore(),
        stations=RecordStore(), incidents=incidents,
    )  # fmt: skip
    picture = build_picture(app, None, clock.t)
    drawn = [layer.styles[int(c)].fill for c in layer.classes()]
    assert [p.colour for p in picture.incidents] == drawn
    legend = [e.style.fill for e in layer.legend()[: len(severities)]]
    assert legend == drawn
    html = _html_swatches(_legend(picture, {}))
    assert html[-len(severities) :] == drawn
    assert np.unique(drawn).size == len(severities)
    layer.close()
