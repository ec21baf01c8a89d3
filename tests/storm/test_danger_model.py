"""The danger-zone list with thousands of vessels at risk: every one is listed, only the
rows on screen are formatted, and a re-assessment keeps the operator's place (the
selected vessel stays selected while others move, leave or arrive)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QAbstractItemModelTester

from console.model.freshness import FreshnessPolicy
from console.model.storm import DangerBox, StormBulletin, StormPoint
from console.rules.alerts import AlertInbox
from console.rules.config import AlertSettings
from console.stores.vessels import VesselStore
from console.storm.watch import StormWatch
from tests.live.conftest import FakeClock, vessel
from widgets.storm import danger_model
from widgets.storm.danger_list import DangerList

T0 = 1_800_000_000.0
BOX = DangerBox(110.0, 12.0, 114.0, 16.0)
FLEET = 3000  # more than the old list's cap of 2,000 rows


@pytest.fixture
def world(qtbot):
    clock = FakeClock(T0)
    store = VesselStore()
    inbox = AlertInbox(AlertSettings(), now=clock.now, wall=clock.now)
    watch = StormWatch(store, clock, FreshnessPolicy(), inbox)
    # a column of vessels inside the zone, each a little deeper in than the last
    store.apply([vessel(f"v{k:04d}", T0, 110.0 + 2.0 * k / FLEET, 14.0) for k in range(FLEET)])
    centre = StormPoint(T0, 113.0, 14.0, 11, 13, 200.0)
    watch.apply([StormBulletin("Bão số 9", 21, T0, (centre,), (), BOX, 24.0, "simulated")])
    panel = DangerList(watch)
    panel.resize(600, 400)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    QAbstractItemModelTester(panel.model, QAbstractItemModelTester.FailureReportingMode.Fatal,
                             panel)
    yield clock, store, watch, panel
    panel.stop()
    watch.stop()


def _ids(panel: DangerList) -> list[str]:
    return [panel.model.index(r, 0).data(danger_model.ID_ROLE)
            for r in range(panel.model.rowCount())]


def _select(panel: DangerList, vessel_id: str) -> None:
    row = panel.model.view_row_of(vessel_id)
    assert row is not None
    panel.view.selectionModel().setCurrentIndex(
        panel.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


def test_every_vessel_listed_and_only_the_visible_rows_formatted(world, monkeypatch):
    panel = world[3]
    formatted = []
    real_row = danger_model.row
    monkeypatch.setattr(danger_model, "row", lambda v: formatted.append(v) or real_row(v))
    panel.refresh()
    assert panel.model.rowCount() == FLEET
    panel.view.viewport().repaint()
    assert 0 < len(formatted) < 60, "only the rows on screen are formatted"
    # deepest in first: the zone's middle is 112 E, the column runs 110 -> 112 E
    first = panel.model.vessel_at(0)
    assert first.vessel_id == f"v{FLEET - 1:04d}" and first.inside
    assert panel.model.index(0, 3).data().startswith("14")


def test_the_selected_vessel_stays_selected_while_the_fleet_moves(world):
    clock, store, watch, panel = world
    panel.refresh()
    _select(panel, "v1500")
    clock.t += 60
    # half the column sails out of the zone (west), a new vessel comes in, and the
    # rest keep their order: removals and an insertion, not a reset
    store.apply([vessel(f"v{k:04d}", clock.t, 108.0, 14.0) for k in range(1400)])
    store.apply([vessel("new", clock.t, 113.9, 14.0)])
    watch.reassess()
    panel.refresh()
    assert panel.model.rowCount() == FLEET - 1400 + 1
    assert panel.model.vessel_at(panel.view.currentIndex().row()).vessel_id == "v1500"
    # the order turns round (every vessel now deeper in the further west it is)
    clock.t += 60
    store.apply([vessel(f"v{k:04d}", clock.t, 110.05 + 1.9 * (FLEET - 1 - k) / 1600, 14.0)
                 for k in range(1400, FLEET)])
    watch.reassess()
    panel.refresh()
    assert panel.model.vessel_at(panel.view.currentIndex().row()).vessel_id == "v1500"
    ids = _ids(panel)
    assert ids.index("v1400") < ids.index("v2999")


def test_scattered_departures_keep_the_selection_through_a_reset(world):
    clock, store, watch, panel = world
    panel.refresh()
    _select(panel, "v0777")
    clock.t += 60
    store.apply([vessel(f"v{k:04d}", clock.t, 108.0, 14.0) for k in range(0, FLEET, 2)])
    watch.reassess()
    panel.refresh()
    assert panel.model.rowCount() == FLEET // 2
    assert panel.model.vessel_at(panel.view.currentIndex().row()).vessel_id == "v0777"


def test_sorting_by_a_column_holds_across_updates(world):
    clock, store, watch, panel = world
    panel.refresh()
    panel.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # registration, Z to A
    regs = [panel.model.vessel_at(r).registration for r in range(panel.model.rowCount())]
    assert regs == sorted(regs, reverse=True)
    clock.t += 60
    store.apply([vessel(f"v{k:04d}", clock.t, 113.0 - k / FLEET, 14.0) for k in range(FLEET)])
    watch.reassess()
    panel.refresh()
    regs = [panel.model.vessel_at(r).registration for r in range(panel.model.rowCount())]
    assert regs == sorted(regs, reverse=True)
    panel.view.sortByColumn(danger_model.WHERE_COLUMN, Qt.SortOrder.AscendingOrder)
    distances = [panel.model.vessel_at(r).distance_km for r in range(panel.model.rowCount())]
    assert distances == sorted(distances, reverse=True)  # deepest in (farthest from the edge)
