"""What the operator reads about a station: the inspector rows and the station list say
the level as the bulletins do, name the disaster risk level with its official colour,
and label a station no published source stands behind as simulated."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from console import bulletin
from console.live.clock import SourceClock
from console.model.station import Station
from console.stores.records import RecordStore
from layers.stations.layer import StationLayer
from widgets.live.station_list import StationList

T = 1_795_321_800.0
CITED = "Đài KTTV Bình Định 24/11/2017 (pcttbinhdinh.gov.vn)"


def _station(sid: str, value: float, source: str | None) -> Station:
    return Station(sid, sid, f"Trạm {sid}", "water_level", "Kôn", "m", 109.0, 13.9,
                   (6.0, 7.0, 8.0), None, T, value, source)


@pytest.fixture
def layer(qtbot):
    clock = SourceClock()
    clock.observe(T + 60)
    store: RecordStore[Station] = RecordStore()
    store.apply([_station("TV-A", 7.34, CITED), _station("WL-01", 8.10, "simulated")])
    return StationLayer(store, clock, stale_after_s=3600)


def _rows(layer: StationLayer, sid: str) -> tuple[str, dict[str, str]]:
    title, rows = layer.describe_record(layer.store.get(sid))
    return title, dict(rows)


def test_inspector_gives_source_risk_and_bulletin_phrase(layer):
    title, rows = _rows(layer, "TV-A")
    assert title == "Trạm TV-A"
    assert rows["Latest value"] == "7.34 m, above BĐ2 by 0.34 m"
    assert rows["Source"] == CITED
    assert rows["Disaster risk"] == "level 1"  # BĐ2-BĐ3, area 1: Art. 45(1b)


def test_inspector_labels_a_simulated_station(layer):
    title, rows = _rows(layer, "WL-01")
    assert title == "Trạm WL-01 (simulated)"
    assert rows["Source"] == "simulated (not from a published source)"
    assert rows["Disaster risk"] == "level 2"  # at/above BĐ3: Art. 45(2c)


def test_inspector_numbers_follow_the_vietnamese_format(layer):
    bulletin.configure("vi")
    _title, rows = _rows(layer, "TV-A")
    assert rows["Latest value"].startswith("7,34 m")
    assert rows["Alarm levels BĐ1/BĐ2/BĐ3"] == "6,00 / 7,00 / 8,00 m"


def test_station_list_has_risk_in_its_official_colour_and_a_simulated_label(qtbot, layer):
    view = StationList(layer)
    qtbot.addWidget(view)
    view._rebuild()
    model = view.model
    titles = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
              for c in range(model.columnCount())]
    risk_col, source_col = titles.index("Risk level"), titles.index("Source")
    rows = {model.ids[r]: r for r in range(model.rowCount())}
    cell = model.index(rows["WL-01"], risk_col)
    assert model.data(cell) == "Level 2"
    assert model.data(cell, Qt.ItemDataRole.DecorationRole).name() == layer.risk.colour(2)
    assert model.data(model.index(rows["WL-01"], source_col)) == "simulated"
    assert model.data(model.index(rows["TV-A"], source_col)) == CITED
    view.stop()


def test_the_vietnamese_ui_writes_it_as_the_bulletin_does(qapp):
    from console.i18n import install_translator

    translator = install_translator(qapp, "vi")
    try:
        assert bulletin.level_phrase(6.31, (6.0, 7.0, 8.0)) == "6,31 m, trên BĐ1 0,31 m"
        assert bulletin.level_phrase(7.62, (6.0, 7.0, 8.0)) == "7,62 m, dưới BĐ3 0,38 m"
        assert bulletin.risk_phrase(1) == "cấp độ rủi ro thiên tai: cấp 1"
        assert bulletin.risk_level(1, open_ended=True) == "cấp 1 trở lên"  # under its heading
        assert bulletin.number(1523792, 0) == "1.523.792"
    finally:
        qapp.removeTranslator(translator)


def test_inspector_shows_the_risk_level_beside_its_official_colour(qtbot, layer):
    from widgets.inspector import Inspector

    row = layer.store.row_of("WL-01")
    hits = [h for h in layer.hit_test(layer.store.x[row], layer.store.y[row], 1.0)
            if h.item_id == "WL-01"]
    inspector = Inspector()
    qtbot.addWidget(inspector)
    inspector.show_hits(hits)
    top = inspector.tree.topLevelItem(0)
    children = {top.child(i).text(0): top.child(i) for i in range(top.childCount())}
    swatch = children["Disaster risk"].icon(1).pixmap(12, 12).toImage().pixelColor(6, 6)
    assert swatch.name() == layer.risk.colour(2)  # level 2: light yellow
    assert children["Source"].icon(1).isNull()  # only risk levels get the palette
