"""Fishing rules (zones, permitted boundary) apply to the fishing fleet: VMS vessels and
AIS targets that say they fish, not a cargo ship passing through a restricted area."""

from __future__ import annotations

import pytest

from console.model.freshness import VesselSource
from console.sources.ais.decode import AisPosition, AisStatic
from console.sources.ais.identity import AisIdentities
from tests.live.conftest import Rig

EXERCISE = (110.10, 13.30)  # inside the military exercise area of zones.geojson


@pytest.fixture
def rig(tmp_path, qtbot):
    r = Rig(tmp_path)
    yield r
    r.close()


def ais_fix(rig, mmsi: int, ship_type: int, lon: float, lat: float) -> None:
    statics = {mmsi: AisStatic(name=f"TEST {mmsi}", ship_type=ship_type, length_m=120.0)}
    p = AisPosition(mmsi, VesselSource.AIS_A, lon, lat, rig.clock.t, 8.0, 90.0, False)
    rig.vessels.apply(AisIdentities(statics).batch([p]))


def test_a_cargo_ship_on_ais_breaks_no_fishing_rule_but_an_ais_fishing_vessel_does(rig):
    ais_fix(rig, 574000001, 70, *EXERCISE)  # cargo
    assert rig.inbox.active("vessel") == []
    ais_fix(rig, 574000002, 30, *EXERCISE)  # fishing
    assert [a.key for a in rig.inbox.active("vessel")] == [
        "zone:restricted-exercise:ais:574000002"
    ]
    rig.fix("v1", *EXERCISE)  # and a VMS vessel, as before
    assert len(rig.inbox.active("vessel")) == 2
