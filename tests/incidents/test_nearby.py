"""Nearest cameras / station and possible duplicates (pure functions)."""

from __future__ import annotations

import math

from console.model.camera import Camera
from console.model.incident import Incident
from console.nearby import (
    NearbySettings,
    distance_m,
    is_possible_duplicate,
    nearby_open_incidents,
    nearest,
)
from tests.builders import an_incident

LON, LAT = 109.22, 13.77  # Quy Nhon
DEG_LAT_M = 111_195.0  # metres per degree of latitude on the mean sphere


def incident(id_: str, dlat_m: float = 0.0, **kw) -> Incident:
    return an_incident(**{"id": id_, "type": "flooding", "title": id_, "lon": LON,
                          "lat": LAT + dlat_m / DEG_LAT_M, **kw})


def camera(id_: str, dlat_m: float, status: str = "online") -> Camera:
    return Camera(id_, id_, "traffic", status, LON, LAT + dlat_m / DEG_LAT_M, 0.0)


def test_distance_matches_a_known_length():
    # one degree of latitude on the mean sphere is ~111.2 km
    assert abs(distance_m(LON, LAT, LON, LAT + 1) - DEG_LAT_M) < 5
    assert math.isnan(distance_m(LON, math.nan, LON, LAT))


def test_nearest_cameras_sorted_limited_and_within_radius():
    cams = [
        camera("far", 9000),
        camera("c3", 3000),
        camera("c1", 100),
        camera("c2", -800),
        Camera("bad", "bad", "traffic", "online", math.nan, math.nan, 0.0),
    ]
    found = nearest(cams, LON, LAT, count=2, max_distance_m=5000)
    assert [c.id for c, _ in found] == ["c1", "c2"]
    assert abs(found[0][1] - 100) < 1
    everything = nearest(cams, LON, LAT, count=10, max_distance_m=5000)
    assert [c.id for c, _ in everything] == ["c1", "c2", "c3"]  # 'far' and NaN excluded


def test_duplicates_need_same_type_open_close_in_space_and_time():
    a = incident("a")
    assert is_possible_duplicate(a, incident("b", 300), 1000, 3600)
    assert not is_possible_duplicate(a, incident("b", 1500), 1000, 3600)  # too far
    assert not is_possible_duplicate(a, incident("b", 300, type="fire"), 1000, 3600)
    assert not is_possible_duplicate(a, incident("b", 300, reported_at=9000.0), 1000, 3600)
    assert not is_possible_duplicate(a, incident("b", 300, status="resolved"), 1000, 3600)
    assert not is_possible_duplicate(a, a, 1000, 3600)  # itself


def test_nearby_open_incidents_lists_duplicates_first():
    cfg = NearbySettings(incident_radius_m=2000, duplicate_radius_m=1000, duplicate_window_s=3600)
    me = incident("me")
    others = [
        me,
        incident("fire-near", 200, type="fire"),
        incident("dup", 700),
        incident("closed", 100, status="closed"),
        incident("far", 5000),
    ]
    result = nearby_open_incidents(me, others, cfg)
    assert [(n.incident.id, n.possible_duplicate) for n in result] == [
        ("dup", True),
        ("fire-near", False),
    ]
