"""'Go to' finds places by name (issue 18): typed without diacritics, with suggestions
as one types — a town from the basemap, a fishing port, a station, a vessel by its
registration — and an entry that is neither a place nor a coordinate says why."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from console.geo.crs import lonlat_to_map_scalar
from tests.selection.helpers import centre, type_into


def test_places_typed_without_accents_are_suggested_and_reached(qtbot, window):
    goto = window.services.map_features.goto
    shown = type_into(qtbot, goto, "cang ca de gi")
    assert shown and shown[0].startswith("Cảng cá Đề Gi")
    assert goto.completer_.popup().isVisible()
    # pick it from the list with the keys
    qtbot.keyClick(goto.completer_.popup(), Qt.Key.Key_Down)
    with qtbot.waitSignal(goto.went_to, timeout=2000) as blocker:
        qtbot.keyClick(goto.completer_.popup(), Qt.Key.Key_Return)
    lon, lat = blocker.args
    assert (lon, lat) == (pytest.approx(109.2, abs=0.1), pytest.approx(14.1, abs=0.1))
    x, y = centre(window)
    px, py = lonlat_to_map_scalar(lon, lat)
    assert abs(x - px) < 50 and abs(y - py) < 50

    # a town typed and entered goes there
    shown = type_into(qtbot, goto, "hoai nhon")
    assert any(s.startswith("Bồng Sơn (Hoài Nhơn)") for s in shown)
    goto.completer_.popup().hide()
    goto.setText("Bồng Sơn (Hoài Nhơn)")
    with qtbot.waitSignal(goto.went_to, timeout=2000):
        qtbot.keyClick(goto, Qt.Key.Key_Return)

    # an unknown name says why, in the box and the status bar
    type_into(qtbot, goto, "zzzq nowhere")
    qtbot.keyClick(goto, Qt.Key.Key_Return)
    reason = goto.toolTip()
    assert "zzzq nowhere" in reason and "13.7765, 109.2237" in reason
    assert window.statusBar().currentMessage() == reason
    # a malformed coordinate says what is wrong with it
    goto.setText("13.7765, 309.2")
    qtbot.keyClick(goto, Qt.Key.Key_Return)
    assert goto.toolTip().startswith("Not a coordinate")


def test_a_vessel_by_registration_and_a_station_by_name_are_selected(qtbot, window):
    app = window.app
    goto = window.services.map_features.goto
    vessel = app.vessels.at(17)
    typed = vessel.registration.replace("Đ", "D").replace("-", " ").lower()  # "bd 96789 ts"
    shown = type_into(qtbot, goto, typed)
    assert shown[0].startswith(vessel.registration)
    qtbot.keyClick(goto.completer_.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(goto.completer_.popup(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.model.selection is not None, timeout=2000)
    assert (window.model.selection.layer_id, window.model.selection.item_id) == (
        "vessels",
        vessel.id,
    )
    row = app.vessels.row_of(vessel.id)
    x, y = centre(window)
    cols = app.vessels.columns()
    assert abs(x - cols["x"][row]) < 50 and abs(y - cols["y"][row]) < 50

    # a station by its name
    station = next(s for s in window.app.stations.records() if s.kind == "water_level")
    goto.setText(station.name)
    qtbot.keyClick(goto, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.model.selection is not None, timeout=2000)
    assert window.model.selection.item_id == station.id

