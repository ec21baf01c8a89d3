"""The permitted fishing boundary: approaching, crossed, returned, and closing a crossing."""

from __future__ import annotations

import pytest

from console.rules.crossings import CrossingError, CrossingLog
from console.rules.geofence import BoundaryTier

# the permitted polygon's east edge is lon 114.3 between lat 8 and 12
FAR = (113.5, 10.0)
NEAR = (114.20, 10.0)  # ~5.9 nm inside
OUT = (114.40, 10.0)


def tier(rig, vid):
    return BoundaryTier(int(rig.engine.vessel_rules.tier[rig.vessels.row_of(vid)]))


def test_three_tiers_and_close_with_reason_is_audited(rig):
    rig.fix("b1", *FAR)
    assert tier(rig, "b1") == BoundaryTier.INSIDE
    rig.fix("b1", *NEAR, speed_kn=6.0, course_deg=90.0)
    assert tier(rig, "b1") == BoundaryTier.APPROACHING
    approach = rig.inbox.by_key("boundary:approach:b1")
    assert approach.active and " nm from the permitted boundary" in approach.message
    # ~5.9 nm at 6 kn: just under an hour
    assert "0 h 5" in approach.message or "0 h 6" in approach.message
    rig.fix("b1", *OUT)
    assert tier(rig, "b1") == BoundaryTier.CROSSED
    assert not rig.inbox.by_key("boundary:approach:b1").active
    crossed = rig.inbox.by_key("boundary:crossed:b1")
    assert crossed.active and crossed.severity == "critical"
    assert rig.engine.vessel_rules.violating[rig.vessels.row_of("b1")]
    rig.fix("b1", *FAR, dt=1800)
    assert tier(rig, "b1") == BoundaryTier.RETURNED
    assert rig.inbox.by_key("boundary:returned:b1").active
    assert not rig.inbox.by_key("boundary:crossed:b1").active
    crossing = rig.engine.close_crossing("b1", "returned_within_2h", "operator.an", "đã liên lạc")
    assert crossing.reason == "returned_within_2h" and crossing.closed_by == "operator.an"
    assert not rig.inbox.by_key("boundary:returned:b1").active
    trail = CrossingLog(rig.log._db.execute("PRAGMA database_list").fetchone()[2]).audit_trail()
    assert len(trail) == 1
    at, actor, action, crossing_id, detail = trail[0]
    assert (actor, action, crossing_id) == ("operator.an", "close_crossing", crossing.id)
    assert "returned_within_2h" in detail and at > 0


def test_returned_within_2h_refused_after_a_long_trip(rig):
    rig.fix("b2", *OUT)
    rig.fix("b2", *FAR, dt=3 * 3600)
    with pytest.raises(CrossingError):
        rig.engine.close_crossing("b2", "returned_within_2h", "op", None)
    c = rig.engine.close_crossing("b2", "case_opened", "op", "biên bản 12/2026")
    assert c.reason == "case_opened"
    assert rig.log.open_crossings() == []


def test_open_crossing_survives_in_the_log(rig):
    rig.fix("b3", *OUT)
    open_ = rig.log.open_crossings()
    assert [c.vessel_id for c in open_] == ["b3"]
