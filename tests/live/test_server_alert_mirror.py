"""The backend's alert occurrences replayed into the inbox (console/rules/server_alerts.py):
the inbox behaves as if its own rules had raised them (one row per condition, a worse
state is a new occurrence, a clear ends it), worded in this console's language, and an
occurrence that was over before the console heard of it is history without a cue."""

from __future__ import annotations

from datetime import UTC, datetime

from console.rules.alerts import AlertInbox
from console.rules.server_alerts import ServerAlerts
from console.sources import wire

T0 = 1_800_000_000.0
PARAMS = {"name": "Thạnh Hòa", "river": "Kôn", "value": 6.31, "unit": "m",
          "levels": [6.0, 7.0, 8.0], "normal_level": None, "level": 1, "station": "TH"}


def occurrence(onset: float, severity: str = "medium", level: int = 1, value: float = 6.31,
               **kw) -> wire.ServerAlert:
    return wire.ServerAlert(
        key="water:TH", onset=datetime.fromtimestamp(onset, UTC), kind="water_level",
        rule="water_level", severity=severity, item_id="TH",
        geometry=wire.PointGeometry(coordinates=(109.0, 13.9)),
        params={**PARAMS, "level": level, "value": value}, active=kw.pop("active", True), **kw)


def rig() -> tuple[AlertInbox, ServerAlerts, list]:
    inbox = AlertInbox(now=lambda: T0)
    cues: list = []
    inbox.cue.connect(cues.append)
    return inbox, ServerAlerts(inbox), cues


def test_raised_escalated_and_cleared_as_the_backend_says():
    inbox, mirror, cues = rig()
    mirror.apply([])  # the first page
    mirror.apply([occurrence(T0)])
    alert = inbox.by_key("water:TH")
    assert alert.active and alert.origin == "server" and alert.raised_at == T0
    assert str(alert.title) == "Water level at BĐ1: Thạnh Hòa"
    assert str(alert.message).startswith("Thạnh Hòa (Kôn): 6.31 m, above BĐ1 by 0.31 m")
    assert cues == [alert]
    inbox.acknowledge([alert.id], "minh.op")
    # BĐ2 reached: the backend ends the occurrence and begins a new one in one change
    t1 = T0 + 3600
    mirror.apply([occurrence(T0, active=False, ended="escalated",
                             cleared_at=datetime.fromtimestamp(t1, UTC)),
                  occurrence(t1, "high", 2, 7.3)])
    assert inbox.by_key("water:TH") is alert and len(inbox) == 1
    assert (alert.severity, alert.raised_at, alert.acknowledged) == ("high", t1, False)
    assert "above BĐ2 by 0.30 m" in str(alert.message) and len(cues) == 2
    # the same page again changes nothing (a replayed page after a reconnect)
    mirror.apply([occurrence(t1, "high", 2, 7.3)])
    assert len(cues) == 2 and alert.occurrences == 1
    t2 = t1 + 7200
    mirror.apply([occurrence(t1, "high", 2, 7.3, active=False, ended="cleared",
                             cleared_at=datetime.fromtimestamp(t2, UTC))])
    assert not alert.active and alert.cleared_at == t2


def test_an_occurrence_over_before_the_console_heard_of_it_is_history_without_a_cue():
    inbox, mirror, cues = rig()
    ended = occurrence(T0, active=False, ended="cleared",
                       cleared_at=datetime.fromtimestamp(T0 + 600, UTC))
    # the first page (the day's ended occurrences with the active ones): only what is
    # going on, as a console's own rules would show at its start
    mirror.apply([ended])
    assert inbox.by_key("water:TH") is None
    # later, one that began and ended between two polls: history, without a cue
    mirror.apply([ended])
    alert = inbox.by_key("water:TH")
    assert alert is not None and not alert.active and alert.raised_at == T0
    assert cues == [] and inbox.flood_count() == 0


def test_a_rule_this_console_does_not_know_still_shows():
    inbox, mirror, _ = rig()
    mirror.apply([occurrence(T0).model_copy(update={"rule": "tsunami", "params": {"m": 2}})])
    alert = inbox.by_key("water:TH")
    assert str(alert.title) == "Alert: tsunami" and str(alert.message) == "m=2"


def test_a_vessel_alert_ended_on_the_backend_says_how_it_ended():
    """The backend clears a crossing case when an operator's closure names it; the
    ended occurrence carries who closed it and why, and the console's row says so, as
    it says it for a case closed here."""
    inbox, mirror, _cues = rig()
    mirror.apply([])
    params = {"vessel": "v7", "registration": "BĐ-90007-TS", "name": "Tàu 7", "at": T0,
              "crossed_at": T0 - 3600}
    returned = wire.ServerAlert(
        key="boundary:returned:v7", onset=datetime.fromtimestamp(T0, UTC), kind="vessel",
        rule="boundary_returned", severity="high", item_id="v7", params=params, active=True)
    mirror.apply([returned])
    alert = inbox.by_key("boundary:returned:v7")
    assert alert.active and "BĐ-90007-TS (Tàu 7) returned inside" in str(alert.message)
    mirror.apply([returned.model_copy(update={
        "active": False, "cleared_at": datetime.fromtimestamp(T0 + 600, UTC),
        "ended": "cleared", "params": {**params, "closed_by": "minh.op",
                                       "reason": "returned_within_2h"}})])
    assert not alert.active and alert.cleared_at == T0 + 600
    assert str(alert.message).endswith("; case closed by minh.op (returned within 2 h)")


def test_a_flapping_occurrence_is_marked_and_does_not_cue():
    """The backend counted the condition's onsets (every occurrence, also those before
    this console started): its flapping occurrence is marked here and cues nobody."""
    inbox, mirror, cues = rig()
    mirror.apply([])
    mirror.apply([occurrence(T0, flapping=True)])
    alert = inbox.by_key("water:TH")
    assert alert.active and alert.flapping and cues == []


def test_a_flapping_backend_occurrence_keeps_its_own_onset():
    """Re-opened while flapping, the row takes the backend occurrence's onset (the
    operators' decisions name it), where a console's own flapping row keeps its first."""
    inbox, mirror, cues = rig()
    mirror.apply([])
    first = occurrence(T0)
    mirror.apply([first])
    mirror.apply([first.model_copy(update={
        "active": False, "cleared_at": datetime.fromtimestamp(T0 + 60, UTC),
        "ended": "cleared"})])
    for onset in (T0 + 120, T0 + 240):  # the row is flapping before the second one
        again = occurrence(onset, flapping=True)
        mirror.apply([again])
        alert = inbox.by_key("water:TH")
        assert alert.active and alert.flapping and alert.raised_at == onset
        mirror.apply([again.model_copy(update={
            "active": False, "cleared_at": datetime.fromtimestamp(onset + 60, UTC),
            "ended": "cleared"})])
    assert len(cues) == 1  # the first occurrence only
