"""From a click on a station to its chart, in the real main window against the real
backend (the demo storm has Thạnh Hòa above BĐ1)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDockWidget, QPushButton

from console.settings import PollIntervals
from layers.base import Hit
from tests.conftest import open_live_window
from widgets.main_window import MainWindow


@pytest.fixture
def window(qtbot, live_backend):
    poll = PollIntervals(vessels=5, stations=1, cameras=5, incidents=5)
    win = open_live_window(qtbot, live_backend, poll)
    yield win
    win.close()


def chart_docks(win: MainWindow) -> list[QDockWidget]:
    return [d for d in win.findChildren(QDockWidget) if d.objectName().startswith("stationChart")]


def test_clicking_a_station_opens_its_chart(qtbot, window):
    hit = Hit("stations", "TV-THANHHOA", 0.0, "Thạnh Hòa")
    with qtbot.waitSignal(window.services.chart_docks.opened, timeout=5000) as opened:
        window.canvas.identified.emit([hit])
    view = opened.args[0]
    with qtbot.waitSignal(view.drawn, timeout=15000) as drawn:
        pass  # the chart builds over a few event-loop turns, then fetches and paints
    assert drawn.args == ["TV-THANHHOA"]
    panel = view.panels[0]
    assert panel.level_positions() == [6.0, 7.0, 8.0]
    assert len(panel.traces[0].clean.t) > 400  # 3 days of 10-minute readings
    assert "BĐ" in view.headline.text()  # the storm has it above BĐ1: stated as bulletins do
    button = window.findChild(QPushButton, "openStationChart")
    assert button.isEnabled()

    window.canvas.identified.emit([hit])  # again: raised, not duplicated
    assert len(chart_docks(window)) == 1
    window.canvas.identified.emit([Hit("vessels", "v00001", 0.0, "x")])
    assert len(chart_docks(window)) == 1
    # the station panel (and its button) goes when something else is shown
    qtbot.waitUntil(lambda: window.findChild(QPushButton, "openStationChart") is None,
                    timeout=2000)
    rain = window.services.open_station_chart("RG-01")
    assert rain is not None and len(chart_docks(window)) == 2
    assert window.services.open_station_chart("RG-02") is None  # same turn: queued, built next turn
    qtbot.waitUntil(lambda: len(chart_docks(window)) == 3, timeout=5000)
    assert window.services.open_station_chart("NOPE") is None
