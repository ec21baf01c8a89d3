"""The storm picture on a live console: the layer shows the bulletin, the danger-zone
list holds exactly the vessels the zone holds (checked against the fleet's own
positions), the overview counts them, the first picture raises one summary alert, and
the exported CSV and PDF carry every listed vessel."""

from __future__ import annotations

import csv
import re
import subprocess

import pytest
from PySide6.QtWidgets import QFileDialog

from console.settings import PollIntervals
from tests.conftest import open_live_window
from tests.externals import require_program

POLL = PollIntervals(vessels=5, stations=5, cameras=5, incidents=5, storm=5)


@pytest.fixture
def window(qtbot, live_backend):
    win = open_live_window(qtbot, live_backend, POLL, size=(1920, 1080))
    yield win
    win.close()


def _fleet_in_box(app, box):
    inside = set()
    for v in app.vessels.records():
        if v.status == "at_sea" and box.west <= v.lon <= box.east and \
                box.south <= v.lat <= box.north:
            inside.add(v.id)
    return inside


def test_danger_list_matches_the_zone(qtbot, window):
    app = window.app
    watch = app.storm
    bulletin = watch.bulletin
    assert bulletin is not None and bulletin.danger_zone is not None
    layer = window.model.domain_layer("storm")
    assert layer.has_data()

    # the whole fleet in (its first pages arrive in chunks), then assessed
    qtbot.waitUntil(lambda: app.feeds.is_ready("vessels") and watch.assessment is not None,
                    timeout=20000)
    watch.reassess()  # against the fleet as it is now (it moves between assessments)
    listed = {v.vessel_id for v in watch.at_risk() if v.inside}
    assert listed == _fleet_in_box(app, bulletin.danger_zone)
    assert listed, "the demo storm's zone holds part of the fleet"

    panel = window.services.danger_list
    dock = window.shell.find_dock("dangerZoneDock")
    dock.show()
    dock.raise_()
    window.flush_pending()
    inside, heading = watch.counts()
    qtbot.waitUntil(lambda: panel.model.rowCount() == inside + heading,
                    timeout=10000)
    overview = window.services.live.overview
    overview.refresh()
    assert overview.value("storm_danger") == inside + heading

    # the storm's first picture, one alert, raised by the backend (console/storm/judge.py)
    # when it started: the fleet has moved since (those entering since have alerts of
    # their own), so its count is near this console's count now, not equal to it
    def summaries() -> list:
        return [a for a in app.rules.inbox.alerts() if a.key.startswith("storm:first:")]

    qtbot.waitUntil(lambda: bool(summaries()), timeout=15000)  # the alerts feed's page
    alerts = summaries()
    assert len(alerts) == 1 and alerts[0].origin == "server"
    assert bulletin.name in str(alerts[0].message)
    counted = int(re.sub(r"[.,]", "", re.search(r"(\d[\d.,]*)", str(alerts[0].title)).group(1)))
    assert abs(counted - inside) <= max(10, inside // 20), (counted, inside)


def test_list_zooms_to_and_selects_the_vessel(qtbot, window):
    panel = window.services.danger_list
    dock = window.shell.find_dock("dangerZoneDock")
    dock.show()
    dock.raise_()
    window.flush_pending()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10000)
    view = panel.view
    qtbot.waitUntil(lambda: view.isVisible() and view.viewport().height() > 40, timeout=5000)
    index = panel.model.index(0, 0)
    rect = view.visualRect(index)
    from PySide6.QtCore import Qt

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selection = window.model.selection
    assert selection is not None and selection.layer_id == "vessels"
    v = window.app.vessels.get(selection.item_id)
    x0, y0, x1, y1 = window.canvas.extent()
    from console.geo.crs import lonlat_to_map_scalar

    x, y = lonlat_to_map_scalar(v.lon, v.lat)
    assert x0 < x < x1 and y0 < y < y1


@pytest.mark.parametrize("kind", ["csv", "pdf"])
def test_export_carries_every_listed_vessel(qtbot, window, tmp_path, monkeypatch, kind):
    out = tmp_path / f"danger.{kind}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    panel = window.services.danger_list
    watch = window.app.storm
    # (the first assessment may come before the fleet's first page: wait for the list)
    qtbot.waitUntil(lambda: watch.assessment is not None and bool(watch.at_risk()),
                    timeout=20000)
    expected = [v.registration for v in watch.at_risk()]
    with qtbot.waitSignal(window.statusBar().messageChanged, timeout=20000):
        panel.export_requested.emit(kind)
    if kind == "csv":
        with out.open(encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        assert "Bão số 9" in rows[0][0]
        assert [r[0] for r in rows[3:]] == expected
    else:
        pdftotext = require_program("pdftotext", install_hint="apt-get install -y poppler-utils")
        text = subprocess.run([pdftotext, "-layout", str(out), "-"], capture_output=True,
                              text=True, check=True).stdout
        missing = [r for r in expected if r not in text]
        assert not missing
