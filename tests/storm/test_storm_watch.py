"""StormWatch: one summary alert for the storm's first picture, then one alert per
vessel that enters the danger zone, cleared when it leaves; nothing before the whole
fleet is in (a half-loaded store would make every later vessel 'enter')."""

from __future__ import annotations

from console.model.freshness import FreshnessPolicy
from console.model.storm import DangerBox, StormBulletin, StormPoint
from console.rules.alerts import AlertInbox
from console.rules.config import AlertSettings
from console.stores.vessels import VesselStore
from console.storm.watch import StormWatch
from tests.live.conftest import FakeClock, vessel

T0 = 1_800_000_000.0
BOX = DangerBox(110.0, 12.0, 114.0, 16.0)


def _bulletin(name: str = "Bão số 9") -> StormBulletin:
    centre = StormPoint(T0, 113.0, 14.0, 11, 13, 200.0)
    return StormBulletin(name, 21, T0, (centre,), (), BOX, 24.0, "simulated")


def _setup(qtbot, ready=lambda: True):
    clock = FakeClock(T0)
    store = VesselStore()
    inbox = AlertInbox(AlertSettings(), now=clock.now, wall=clock.now)
    watch = StormWatch(store, clock, FreshnessPolicy(), inbox, fleet_ready=ready)
    return clock, store, inbox, watch


def _active(inbox, prefix):
    return [a for a in inbox.alerts() if a.key.startswith(prefix) and a.active]


def test_first_picture_is_one_alert_then_one_per_entering_vessel(qtbot):
    clock, store, inbox, watch = _setup(qtbot)
    store.apply([vessel("a", T0, 112.0, 14.0), vessel("b", T0, 112.5, 14.5),
                 vessel("c", T0, 108.0, 14.0, speed_kn=0.0)])
    watch.apply([_bulletin()])
    summary = _active(inbox, "storm:first:")
    assert len(summary) == 1 and "2" in str(summary[0].title)
    assert not _active(inbox, "storm:inside:")

    clock.t += 600
    store.apply([vessel("c", clock.t, 110.5, 14.0, speed_kn=0.0)])  # c enters
    watch.reassess()
    entered = _active(inbox, "storm:inside:")
    assert [a.item_id for a in entered] == ["c"]

    clock.t += 600
    store.apply([vessel("c", clock.t, 109.0, 14.0, speed_kn=0.0)])  # and leaves
    watch.reassess()
    assert not _active(inbox, "storm:inside:")
    watch.stop()


def test_no_alerts_before_the_fleet_is_in(qtbot):
    ready = {"fleet": False}
    _, store, inbox, watch = _setup(qtbot, ready=lambda: ready["fleet"])
    watch.apply([_bulletin()])
    store.apply([vessel("a", T0, 112.0, 14.0)])
    watch.reassess()
    assert not inbox.alerts()
    ready["fleet"] = True
    store.apply([vessel("b", T0, 112.5, 14.5)])
    watch.reassess()
    summary = _active(inbox, "storm:first:")
    assert len(summary) == 1 and "2" in str(summary[0].title)
    assert not _active(inbox, "storm:inside:")
    watch.stop()


def test_storm_over_clears_vessel_alerts(qtbot):
    _, store, inbox, watch = _setup(qtbot)
    watch.apply([_bulletin()])  # empty sea: nothing to summarise
    store.apply([vessel("a", T0, 112.0, 14.0)])
    watch.reassess()
    assert len(_active(inbox, "storm:inside:")) == 1
    watch.apply([None])
    assert not _active(inbox, "storm:inside:")
    assert watch.counts() == (0, 0)
    watch.stop()


def test_flush_makes_the_waiting_assessment_now(qtbot):
    """The fleet arriving after the bulletin waits a second to be assessed (coalesced);
    a picture taken at once flushes it, so the list is not empty while the map is full."""
    _, store, _inbox, watch = _setup(qtbot)
    watch.apply([_bulletin()])
    assert watch.at_risk() == []
    store.apply([vessel("a", T0, 112.0, 14.0)])  # the fleet's first page, after
    assert watch.at_risk() == []  # not yet: the assessment waits for its second
    watch.flush()
    assert [v.vessel_id for v in watch.at_risk()] == ["a"]
    watch.stop()


def test_a_new_storm_ends_the_last_ones_alerts(qtbot):
    """Bulletins of a new storm follow those of the last without a gap: the last storm's
    summary and its vessels' entry alerts end; the new one gets its own first picture."""
    clock, store, inbox, watch = _setup(qtbot)
    store.apply([vessel("a", T0, 112.0, 14.0), vessel("c", T0, 108.0, 14.0, speed_kn=0.0)])
    watch.apply([_bulletin("Bão số 9")])
    clock.t += 600
    store.apply([vessel("c", clock.t, 110.5, 14.0, speed_kn=0.0)])  # c enters
    watch.reassess()
    assert [a.item_id for a in _active(inbox, "storm:inside:")] == ["c"]
    clock.t += 600
    watch.apply([_bulletin("Bão số 10")])
    assert [a.key for a in _active(inbox, "storm:")] == ["storm:first:Bão số 10"]
    watch.stop()
