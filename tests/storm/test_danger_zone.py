"""Danger-zone membership: inside, heading in by dead reckoning, distance to the edge;
vessels in port never counted."""

from __future__ import annotations

import math

import numpy as np

from console.geo.crs import lonlat_to_map
from console.model.storm import DangerBox
from console.storm.danger import assess

BOX = DangerBox(west=110.0, south=12.0, east=114.0, north=16.0)
KM_PER_DEG = 111.32


def _assess(rows, lookahead_h=6.0):
    lon = np.array([r[0] for r in rows], dtype=float)
    lat = np.array([r[1] for r in rows], dtype=float)
    x, y = lonlat_to_map(lon, lat)
    speed = np.array([r[2] for r in rows], dtype=float)
    course = np.array([r[3] for r in rows], dtype=float)
    in_port = np.array([r[4] if len(r) > 4 else False for r in rows])
    return assess(x, y, speed, course, in_port, BOX, lookahead_h)


def test_inside_outside_and_in_port():
    a = _assess([
        (112.0, 14.0, 0.0, 0.0),  # centre: inside
        (109.0, 14.0, 0.0, 0.0),  # 1 deg west: outside, drifting
        (111.0, 13.0, 0.0, 0.0, True),  # in port (an island harbour): never counted
        (114.0, 16.0, 0.0, 0.0),  # on the corner: inside (the edge belongs to the zone)
    ])
    assert a.inside.tolist() == [True, False, False, True]
    assert not a.heading_in.any()
    assert a.at_risk.tolist() == [True, False, False, True]


def test_distance_to_the_edge_in_ground_km():
    a = _assess([(109.0, 14.0, 0, 0), (112.0, 15.5, 0, 0), (108.0, 17.0, 0, 0)])
    west_km = 1.0 * KM_PER_DEG * math.cos(math.radians(14.0))
    assert abs(a.distance_km[0] - west_km) / west_km < 0.01
    assert abs(a.distance_km[1] - 0.5 * KM_PER_DEG) / (0.5 * KM_PER_DEG) < 0.02  # to north
    corner = math.hypot(2.0 * KM_PER_DEG * math.cos(math.radians(16.5)), 1.0 * KM_PER_DEG)
    assert abs(a.distance_km[2] - corner) / corner < 0.02


def test_heading_in_by_course_and_speed():
    west_km = 1.0 * KM_PER_DEG * math.cos(math.radians(14.0))  # ~108 km to the zone
    need_kn = west_km / 1.852 / 6.0  # just enough to reach it in 6 h
    a = _assess([
        (109.0, 14.0, need_kn * 1.2, 90.0),  # east, fast enough: heading in
        (109.0, 14.0, need_kn * 0.8, 90.0),  # east, too slow for the look-ahead
        (109.0, 14.0, need_kn * 1.2, 270.0),  # west, away
        (109.0, 14.0, need_kn * 3.0, 0.0),  # north, parallel to the edge: never in
        (109.0, 11.0, 40.0, 45.0),  # north-east from below the south-west corner
        (109.0, 14.0, 0.5, 90.0),  # drifting (< 1 kn): no heading
    ])
    assert a.heading_in.tolist() == [True, False, False, False, True, False]
    hours = a.hours_to_enter[0]
    assert abs(hours - 6.0 / 1.2) < 0.1
    assert np.isnan(a.hours_to_enter[1])
