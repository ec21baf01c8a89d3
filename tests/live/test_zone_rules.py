"""Zone rules: entering / leaving restricted areas and fishing in the coastal band."""

from __future__ import annotations

import numpy as np

from console.rules.geofence import BoundaryTier, parse_zones

EXERCISE = (110.10, 13.30)  # inside the military exercise area of zones.geojson
OFFSHORE = (110.60, 13.30)  # open sea, inside the permitted area, no zone


def test_entering_and_leaving_a_restricted_area_raises_then_closes_one_alert(rig):
    rig.fix("v1", *OFFSHORE)
    assert rig.inbox.active() == []
    rig.fix("v1", *EXERCISE)
    active = rig.inbox.active("vessel")
    assert len(active) == 1
    alert = active[0]
    assert alert.key == "zone:restricted-exercise:v1"
    assert "BĐ-v1-TS" in alert.title and "Military exercise area" in alert.title
    assert alert.raised_at == rig.clock.t and alert.severity == "high"
    rig.fix("v1", EXERCISE[0] + 0.01, EXERCISE[1])  # still inside: no duplicate
    assert len(rig.inbox) == 1
    rig.fix("v1", *OFFSHORE)
    assert rig.inbox.active() == []
    assert "left at" in rig.inbox.by_key("zone:restricted-exercise:v1").message
    kinds = [e[3] for e in rig.engine.vessel_rules.zone_events]
    assert kinds == ["enter", "leave"]


def test_transit_through_coastal_zone_is_not_fishing_but_slow_trawling_is(rig):
    coastal = (109.34, 13.95)  # ~5 km off the coast
    rig.fix("v2", *coastal, speed_kn=9.0)
    assert rig.inbox.active() == []
    rig.fix("v2", *coastal, speed_kn=2.5)
    keys = [a.key for a in rig.inbox.active()]
    assert keys == ["zone:coastal:v2"]
    assert rig.engine.vessel_rules.violating[rig.vessels.row_of("v2")]


def test_small_vessels_may_fish_in_the_coastal_zone(rig):
    rig.fix("v3", 109.34, 13.95, speed_kn=2.0, length_m=12.0)
    assert rig.inbox.active() == []


def test_bad_zone_file_is_rejected_with_a_reason():
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"rule": "nonsense"},
                "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
            }
        ],
    }
    try:
        parse_zones(doc)
    except ValueError as exc:
        assert "unknown rule" in str(exc)
    else:
        raise AssertionError("accepted a zone with an unknown rule")


def test_fleet_wide_update_is_vectorised(rig):
    """3,000 vessels in one ingest: the rules see all of them in one pass."""
    from tests.live.conftest import vessel

    rng = np.random.default_rng(1)
    lon = rng.uniform(110.0, 110.2, 3000)
    lat = rng.uniform(13.2, 13.4, 3000)
    rig.clock.t += 60
    rig.vessels.apply([vessel(f"f{i}", rig.clock.t, lon[i], lat[i]) for i in range(3000)])
    assert len(rig.inbox.active("vessel")) == 3000  # all inside the exercise area
    assert (rig.engine.vessel_rules.tier[:3000] == BoundaryTier.INSIDE).all()
