"""Which backend decision applies to which local alert (console/model/decisions.py
`same_occurrence`, AlertInbox.apply_decisions), and closures from the backend closing the
rules' crossing cases, without a window."""

from __future__ import annotations

from console.model.decisions import AlertDecision, CrossingClosure, same_occurrence
from console.rules.alerts import AlertInbox


def ack(key: str, raised_at: float, by: str = "minh.op") -> AlertDecision:
    return AlertDecision(key=key, version=1, raised_at=raised_at, ack_by=by, ack_at=1000.0,
                         ack_comment="ok")


def test_same_occurrence_rules():
    assert same_occurrence(100.0, 100.0, None)  # same onset
    assert same_occurrence(100.0, 100.4, None)  # wire rounding
    assert same_occurrence(100.0, 250.0, None)  # the backend knows a later occurrence
    assert not same_occurrence(300.0, 100.0, 200.0)  # a new occurrence we saw begin
    assert same_occurrence(150.0, 100.0, 200.0)  # found under way: onset unknown


def test_decision_applies_to_its_occurrence_only(qtbot):
    now = [500.0]
    inbox = AlertInbox(now=lambda: now[0], wall=lambda: 2000.0)
    inbox.watch_from = 200.0
    # known before the alert is raised (start-up order): applied when it is
    inbox.apply_decisions([ack("dark:v1", 100.0)])
    found = inbox.raise_alert("dark:v1", "vessel", "medium", "t", "m", at=150.0)
    assert found is not None and found.ack_by == "minh.op"  # under way at start: adopted
    assert found.raised_at == 100.0  # and named as the backend names it
    seen = inbox.raise_alert("zone:z:v2", "vessel", "high", "t", "m", at=300.0)
    inbox.apply_decisions([ack("zone:z:v2", 250.0)])
    assert seen is not None and not seen.acknowledged  # an older occurrence's decision
    inbox.apply_decisions([ack("zone:z:v2", 300.0, "hoa.op")])
    assert seen.ack_by == "hoa.op"
    # a record older than the one known (a replayed answer) changes nothing
    assert inbox.apply_decisions([AlertDecision("zone:z:v2", 1, 250.0)]) == 0
    # refused: back to what the backend says (here: acknowledged by hoa.op)
    seen.ack_by = "someone"
    inbox.restore("zone:z:v2")
    assert seen.ack_by == "hoa.op"


def test_backend_closure_closes_the_open_crossing():
    from console.model.freshness import VmsThresholds
    from console.rules.config import ZoneSettings
    from console.rules.crossings import Crossing, crossing_id
    from console.rules.geofence import ZoneSet
    from console.rules.vessel_rules import VesselRules
    from console.stores.vessels import VesselStore

    inbox = AlertInbox()
    rules = VesselRules(VesselStore(), ZoneSet([], 5.0), ZoneSettings(), VmsThresholds(), inbox)
    rules.crossings["v7"] = Crossing(crossing_id("v7", 1000.0), "v7", "BĐ-7-TS", 1000.0)
    inbox.raise_alert("boundary:crossed:v7", "vessel", "critical", "t", "m", at=1000.0)
    closure = CrossingClosure("v7@1000", "v7", 1000.0, None, "case_opened", "biên bản",
                              "minh.op", 2000.0)
    assert rules.apply_closure(closure, watch_from=None)
    assert "v7" not in rules.crossings
    assert not inbox.by_key("boundary:crossed:v7").active
    # a closure of an earlier case does not close a crossing this console saw begin later
    rules.crossings["v7"] = Crossing(crossing_id("v7", 5000.0), "v7", "BĐ-7-TS", 5000.0)
    assert not rules.apply_closure(closure, watch_from=100.0)
    assert "v7" in rules.crossings
    # ... but one decided after it began is about it: that console saw the vessel leave
    # sooner (an AIS fix this one did not get); the backend applies the same rule
    sooner = CrossingClosure("v7@4880", "v7", 4880.0, None, "case_opened", "biên bản",
                             "minh.op", 5600.0)
    assert rules.apply_closure(sooner, watch_from=100.0)
    assert "v7" not in rules.crossings
