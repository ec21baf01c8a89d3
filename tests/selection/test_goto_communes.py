"""'Go to' finds the province's communes and wards (issue 18): by the name in force since
1 July 2025 ("Phường Quy Nhơn Nam", "quy nhon nam") or a former one ("nhon ly", now part
of phường Quy Nhơn Đông), without diacritics, suggested as one types with the kind shown
(a ward is told apart from a town of its name), and Enter centres the map on it.
Driven with keys; without the shipped communes file the same entry is refused."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication
from shapely.geometry import Point, shape

from console.communes import read_communes
from console.geo.crs import lonlat_to_map_scalar
from console.place_index import PlaceIndex, place
from console.settings import PollIntervals
from layers.basemap_vector import layer as basemap_layer
from tests.conftest import open_live_window
from tests.selection.helpers import centre, type_into
from widgets.goto_places import commune_places

COMMUNES = basemap_layer.BASEMAP_DIR / basemap_layer.COMMUNES_FILE


def commune(name: str):
    return next(c for c in read_communes(COMMUNES) if c.name == name)


def test_the_shipped_communes_are_the_new_provinces_135_with_their_sources():
    doc = json.loads(COMMUNES.read_text(encoding="utf-8"))
    assert "sapnhap.bando.com.vn" in doc["source"] and "vietnamadminunits" in doc["source"]
    units = read_communes(COMMUNES)
    # Resolution 1664/NQ-UBTVQH15: 135 units, 110 communes and 25 wards
    assert len(units) == 135
    assert sum(u.kind == "commune" for u in units) == 110
    assert sum(u.kind == "ward" for u in units) == 25
    assert sum(u.former_province == "Bình Định" for u in units) == 58
    assert len({(u.kind, u.name) for u in units}) == 135
    # each point inside the new province, and on the right side of the former Bình Định
    # line, give or take the outlines' precision (Natural Earth: ~1-2 km; Cửu An, former
    # An Khê, lies 1.2 km on the Bình Định side of it)
    outline = {
        f["properties"]["kind"]: shape(f["geometry"])
        for f in json.loads((COMMUNES.parent / "province.geojson").read_text("utf-8"))["features"]
    }
    for u in units:
        at_point = Point(u.lon, u.lat)
        assert outline["province"].distance(at_point) < 0.01, u.name
        bd = outline["province_historic"]
        depth = bd.boundary.distance(at_point) * (1 if bd.contains(at_point) else -1)
        if u.former_province == "Bình Định":
            assert depth > -0.01, u.name
        else:
            assert depth < 0.02, u.name
    # Nhơn Lý commune (former Quy Nhơn city) is part of phường Quy Nhơn Đông now
    east = commune("Quy Nhơn Đông")
    assert {"Nhơn Lý", "Nhơn Hội", "Nhơn Hải", "Nhơn Bình"} == {f.name for f in east.former_units}
    assert (east.former_district, east.former_district_kind) == ("Quy Nhơn", "city")
    assert commune("Nhơn Châu").former_units == ()  # the island commune was not merged


def test_the_index_finds_communes_by_new_official_and_former_names():
    index = PlaceIndex(
        [place("Quy Nhơn", "city", x=0.0, y=0.0)]
        + [p for c in read_communes(COMMUNES) for p in commune_places(c)]
    )
    found = index.suggest("nhon ly")
    assert (found[0].label, found[0].kind) == ("Nhơn Lý", "former_commune")
    assert found[0].context == "now in Quy Nhơn Đông ward"
    east = commune("Quy Nhơn Đông")
    assert (found[0].x, found[0].y) == pytest.approx(lonlat_to_map_scalar(east.lon, east.lat))
    # the official name typed whole names one ward, not the city of the same name
    ward = index.resolve("phuong quy nhon")
    assert (ward.label, ward.kind) == ("Quy Nhơn", "ward")
    assert index.resolve("Quy Nhơn").kind == "city"
    assert index.resolve("Thị trấn Cát Tiến").kind == "former_township"
    # the type word is not searched inside: "an nhon" is not "thị trấn Nhơn Hòa"
    assert {p.label for p in index.suggest("an nhon", 50)} == {
        "An Nhơn", "An Nhơn Bắc", "An Nhơn Nam", "An Nhơn Đông", "An Nhơn Tây"
    }


def test_missing_communes_file_reads_as_none_and_a_broken_one_names_itself(tmp_path):
    assert read_communes(tmp_path / "communes.geojson") == []
    bad = tmp_path / "communes.geojson"
    bad.write_text('{"features": [{"properties": {}}]}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"communes\.geojson"):
        read_communes(bad)


def at(c) -> tuple[float, float]:
    return lonlat_to_map_scalar(c.lon, c.lat)


def test_a_commune_is_suggested_as_typed_and_enter_centres_the_map_on_it(qtbot, window):
    goto = window.services.map_features.goto
    # a former commune's name, no diacritics: suggested with where it went
    shown = type_into(qtbot, goto, "nhon ly")
    assert shown[0] == "Nhơn Lý — former commune (now in Quy Nhơn Đông ward)"
    assert goto.completer_.popup().isVisible()
    save_popup_shot(window, goto)
    qtbot.keyClick(goto.completer_.popup(), Qt.Key.Key_Down)
    with qtbot.waitSignal(goto.went_to, timeout=2000):
        qtbot.keyClick(goto.completer_.popup(), Qt.Key.Key_Return)
    x, y = centre(window)
    px, py = at(commune("Quy Nhơn Đông"))
    assert abs(x - px) < 50 and abs(y - py) < 50
    x0, _y0, x1, _y1 = window.canvas.extent()
    assert x1 - x0 > 10_000  # 82 km²: the whole ward in view, not a 5 km window

    # the official full name typed whole, then Enter (the popup is not used)
    shown = type_into(qtbot, goto, "Phường Quy Nhơn Nam")
    assert shown[0] == "Quy Nhơn Nam — ward (former Quy Nhơn city)"
    with qtbot.waitSignal(goto.went_to, timeout=2000):
        qtbot.keyClick(goto, Qt.Key.Key_Return)
    x, y = centre(window)
    px, py = at(commune("Quy Nhơn Nam"))
    assert abs(x - px) < 50 and abs(y - py) < 50

    # a ward and a town of one name are told apart by their kind
    shown = type_into(qtbot, goto, "an nhon")
    assert "An Nhơn — town" in shown
    assert "An Nhơn — ward (former An Nhơn town)" in shown
    goto.completer_.popup().hide()


def test_without_the_communes_file_a_commune_is_not_found(qtbot, live_backend, monkeypatch):
    monkeypatch.setattr(basemap_layer, "COMMUNES_FILE", "absent-communes.geojson")
    poll = PollIntervals(vessels=2, stations=2, cameras=2, incidents=2)
    win = open_live_window(qtbot, live_backend, poll, size=(1600, 1000))
    try:
        goto = win.services.map_features.goto
        # vessels named after the village are still found, the commune is not
        assert not any(s.startswith("Nhơn Lý —") for s in type_into(qtbot, goto, "nhon ly"))
        assert type_into(qtbot, goto, "Phường Quy Nhơn Nam") == []
        with qtbot.waitSignal(goto.rejected, timeout=2000) as blocker:
            qtbot.keyClick(goto, Qt.Key.Key_Return)
        assert "Phường Quy Nhơn Nam" in blocker.args[0]
        assert goto.toolTip() == blocker.args[0]
        assert win.model.basemap is not None  # the map itself still loaded
    finally:
        win.close()


def save_popup_shot(window, goto) -> None:
    """The window with the suggestions popup where the operator sees it, to look at
    (IOC_GOTO_SHOT=path.png); offscreen, the popup is its own top-level window."""
    path = os.environ.get("IOC_GOTO_SHOT")
    if not path:
        return
    QApplication.processEvents()
    picture = window.grab()
    popup = goto.completer_.popup()
    painter = QPainter(picture)
    painter.drawPixmap(window.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0))), popup.grab())
    painter.end()
    assert picture.save(str(Path(path)))
