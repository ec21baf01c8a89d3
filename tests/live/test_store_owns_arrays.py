"""The vessel store owns its arrays: replay writes through `show_frame`, history through
`seed_tails_grouped`; changed rows travel in the signal; the rules read them from there,
report a violation change only when there is one, and the vessel layer redraws once
per ingest."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

from console.geo.crs import lonlat_to_map
from console.model.freshness import VmsThresholds
from console.stores.vessels import VesselChange, VesselStore
from layers.vessels.layer import VesselLayer
from tests.live.conftest import FakeClock, vessel
from tests.live.test_zone_rules import EXERCISE, OFFSHORE

T0 = 1_800_000_000.0


def _store(n: int = 3, k: int = 4) -> VesselStore:
    store = VesselStore(tail_length=k)
    store.apply([vessel(f"v{i}", T0, 110.0 + i / 10, 13.0) for i in range(n)])
    return store


def test_apply_sends_the_changed_rows_with_the_ids(qtbot) -> None:
    store = _store()
    with qtbot.waitSignal(store.changed) as blocker:
        store.apply([vessel("v2", T0 + 60, 110.3, 13.1), vessel("new", T0, 111.0, 13.0)])
    change = blocker.args[0]
    assert isinstance(change, VesselChange) and change == ["v2", "new"]
    assert change.rows.tolist() == [store.row_of("v2"), store.row_of("new")]


def test_show_frame_moves_rows_back_in_time_and_emits_once(qtbot) -> None:
    store = _store()
    row = store.row_of("v1")
    rows = np.array([row])
    older = vessel("v1", T0 - 3600, 109.5, 12.5)
    columns = {
        "x": np.array([1.0]), "y": np.array([2.0]), "fix_time": np.array([T0 - 3600]),
        "speed": np.array([3.0]), "course": np.array([45.0]), "in_port": np.array([True]),
        "length_m": np.array([18.0]),
    }  # fmt: skip
    tail = np.full((1, 4), np.nan)
    tail[0, 2:] = [T0 - 7200, T0 - 3600]
    seen = []
    store.changed.connect(seen.append)
    store.show_frame(rows, columns, {row: older}, (rows, tail, tail * 0 + 5.0, tail * 0 + 6.0))
    assert len(seen) == 1 and seen[0] == ["v1"] and seen[0].rows.tolist() == [row]
    c = store.columns()
    assert (c["x"][row], c["y"][row], c["fix_time"][row]) == (1.0, 2.0, T0 - 3600)
    assert c["in_port"][row] and c["length_m"][row] == 18.0 and store.get("v1") is older
    x, _y, valid = store.tail_grid(rows)
    assert valid.tolist() == [[False, False, True, True]] and x[0, 3] == 5.0


def test_tail_grid_reads_the_ring_buffer_oldest_first(qtbot) -> None:
    store = _store(n=1, k=3)
    for step in range(1, 6):  # five more fixes through a ring of three: it wraps
        store.apply([vessel("v0", T0 + step * 60, 110.0 + step, 13.0)])
    x, _y, valid = store.tail_grid(np.array([0]))
    assert valid.all()
    assert np.all(np.diff(x[0]) > 0)  # eastward each step: oldest .. newest
    xs, _ys, connect = store.tail_polylines()
    assert xs.tolist() == x[0].tolist() and connect.tolist() == [True, True, False]


def test_seeding_history_emits_once_without_ids(qtbot) -> None:
    store = _store(n=2, k=4)
    seen = []
    store.changed.connect(seen.append)
    ids = ["v0", "v0", "v1", "v1", "v1"]
    t = np.array([1.0, 2.0, 1.0, 2.0, 3.0]) + T0
    lon = np.array([110.0, 110.1, 110.1, 110.2, 110.3])
    store.seed_tails_grouped(ids, t, lon, np.full(5, 13.0))
    assert len(seen) == 1 and seen[0] == [] and len(seen[0].rows) == 0
    assert store.tail_len[: len(store)].tolist() == [2, 3]


def test_seeded_tails_keep_each_vessels_newest_fixes_in_order(qtbot) -> None:
    """A fleet track page seeds each known vessel's tail with its newest K fixes,
    oldest first, projected to the map; a vessel the store does not know is skipped."""
    store = _store(n=2, k=2)
    ids = ["v0", "v0", "v0", "ghost", "v1"]
    t = T0 + np.array([1.0, 2.0, 3.0, 1.0, 5.0])
    lon = np.array([110.0, 110.1, 110.2, 111.0, 110.5])
    lat = np.array([13.0, 13.1, 13.2, 14.0, 13.5])
    store.seed_tails_grouped(ids, t, lon, lat)
    x, y, valid = store.tail_grid(np.array([store.row_of("v0"), store.row_of("v1")]))
    ex, ey = lonlat_to_map(np.array([110.1, 110.2, 110.5]), np.array([13.1, 13.2, 13.5]))
    assert valid.tolist() == [[True, True], [False, True]]
    assert np.allclose(x[0], ex[:2]) and np.allclose(y[0], ey[:2])  # the newest two
    assert np.isclose(x[1, 1], ex[2]) and np.isclose(y[1, 1], ey[2])
    assert store.row_of("ghost") is None


def test_history_ahead_of_a_vessels_latest_fix_is_left_to_the_feed(qtbot) -> None:
    """The track history is read a moment after the fleet page and may hold a fix the
    page did not: that fix is not seeded (the vessel feed brings it), so no tail runs
    ahead of its vessel and a recorded archive's history ends at the latest fix."""
    from console.app import ConsoleApp
    from console.settings import Settings
    from console.sources.rest_v1 import FleetTrackColumns

    app = ConsoleApp(Settings())
    try:
        app.vessels.apply([vessel("v0", T0, 110.0, 13.0), vessel("v1", T0, 110.5, 13.0)])
        ids = ["v0", "v0", "v1", "v1", "ghost"]
        t = T0 + np.array([-7200.0, 0.0, -7200.0, 7200.0, 0.0])  # v1's last: not seen yet
        assert app.vessels.not_ahead(ids, t).tolist() == [True, True, True, False, True]
        app._apply_tails(FleetTrackColumns(ids, t, np.full(5, 110.0), np.full(5, 13.0)))
        assert app._startup_tracks.t.tolist() == [t[0], t[1], t[2], t[4]]
        assert app.vessels.tail_len[app.vessels.row_of("v1")] == 1
    finally:
        app.shutdown()


def test_violations_changed_only_on_a_real_change(rig, qtbot) -> None:
    seen = []
    rig.engine.violations_changed.connect(seen.append)
    rig.fix("v1", *OFFSHORE)
    assert seen == []  # a new vessel, nothing violated
    rig.fix("v1", *EXERCISE)
    assert len(seen) == 1 and seen[0] == ["v1"]  # the ingest that caused it
    rig.fix("v1", EXERCISE[0] + 0.01, EXERCISE[1])  # still inside: same state
    assert len(seen) == 1
    rig.fix("v1", *OFFSHORE)
    assert len(seen) == 2


class _Rules(QObject):
    """Stands in for the rules engine's binding, connected after the layer (the app's
    engine is connected first: the layer must redraw once in either order)."""

    violations_changed = Signal(object)


def test_the_vessel_layer_redraws_once_per_ingest(rig, qtbot) -> None:
    layer = VesselLayer(rig.vessels, FakeClock(), VmsThresholds())
    rig.engine.violations_changed.connect(layer.on_violations_changed)
    late = _Rules()
    layer.store.changed.connect(late.violations_changed.emit)  # after the layer's slot
    late.violations_changed.connect(layer.on_violations_changed)
    redraws = []
    layer.changed.connect(lambda: redraws.append(1))
    rig.fix("v1", *OFFSHORE)
    rig.fix("v1", *EXERCISE)  # violations change: engine, store and late stand-in all fire
    rig.fix("v1", EXERCISE[0] + 0.01, EXERCISE[1])
    assert redraws == [1, 1, 1]
    layer.on_violations_changed(None)  # a change outside an ingest still redraws
    assert len(redraws) == 4
    layer.close()
