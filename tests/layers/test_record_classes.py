"""Cameras' and incidents' symbol classes are computed once per change of their store
(they read the record alone); a change must still show at once: a camera going offline
gets the offline symbol, a closed incident leaves the map."""

from __future__ import annotations

import numpy as np

from console.stores.records import RecordStore
from layers.cameras.layer import OFFLINE, ONLINE, CameraLayer
from layers.incidents.layer import IncidentLayer
from tests.live.conftest import FakeClock, camera, incident


def test_a_camera_going_offline_changes_its_symbol_at_once():
    store = RecordStore()
    layer = CameraLayer(store, FakeClock())
    store.apply([camera("c1", "online", 100.0), camera("c2", "online", 100.0)])
    assert layer.classes().tolist() == [ONLINE, ONLINE]
    assert layer.classes() is layer.classes(), "unchanged store: the classes are reused"
    store.apply([camera("c2", "offline", 160.0)])
    assert layer.classes().tolist() == [ONLINE, OFFLINE]
    store.apply([camera("c3", "offline", 170.0)])  # a new camera gets its class too
    assert layer.classes().tolist() == [ONLINE, OFFLINE, OFFLINE]


def test_a_closed_incident_leaves_the_map_at_once():
    store = RecordStore()
    layer = IncidentLayer(store, FakeClock())
    store.apply([incident("i1", "high", "new", 100.0), incident("i2", "low", "new", 100.0)])
    x, _y = layer.coords()
    assert np.isfinite(x).all()
    before = layer.classes().copy()
    store.apply([incident("i2", "low", "closed", 200.0)])
    x, y = layer.coords()
    assert np.isfinite(x[0]) and np.isnan(x[1]) and np.isnan(y[1]), "closed: never drawn"
    assert layer.classes()[1] != before[1]
    hits = layer.hit_test(float(store.x[1]), float(store.y[1]), 1.0)
    assert [h.item_id for h in hits] == ["i1"], "a click finds the open incident only"
