"""Alerts raised by the backend (backend/alerting.py): the console's own judgements, run
once on the server.

- one implementation: the backend's alerts over a simulated storm are, at every step,
  exactly the alerts a console's local rules raise from the same records (same keys,
  onsets, severities);
- a SIGKILL of the backend mid-run loses nothing: after the restart every occurrence is
  there once, the judgement resumes (an alert under way is cleared once, later, not
  raised again), and the cursor only moves forward (SQLite and PostgreSQL);
- `GET /api/v1/alerts` joins the operators' decision on an occurrence (who and when);
- `--no-alerts` makes a backend that raises none and says so in /health.
"""

from __future__ import annotations

import collections
import json
import signal
import time
import uuid
from datetime import UTC, datetime

import pytest
import requests
from conftest import TOKEN, RunningBackend, start_backend, stop_backend

from backend import decisions, features
from backend.alerting import ALERT_KINDS, AlertRules
from backend.db import Store
from backend.sim.engine import SimConfig, Simulator
from backend.sim.storm_track import StormTrack
from backend.sim.vessels import Fix
from backend.summaries import station_summaries
from backend.users import User
from console.model.freshness import FreshnessPolicy
from console.model.station_summary import StationSummary
from console.rules.phrases import phrase
from console.sources import change_pages, parse, wire
from console.storm.watch import StormWatch
from tests.live.conftest import Rig

START = 1_795_000_000.0  # 2026-11-18T08:26:40Z, as the simulator tests
HOUR = 3600.0
FAST = ("--speed", "3600", "--vessels", "50", "--cameras", "60")


def _server_active(store: Store) -> set[tuple[str, float, str]]:
    _, bodies = store.alerts()
    alerts = [wire.ServerAlert.model_validate_json(b) for b in bodies]
    return {(a.key, a.onset.timestamp(), a.severity) for a in alerts if a.active}


def _report(store: Store, sim: Simulator, t: float, lon: float, lat: float) -> None:
    """Vessel 0 reports a fix at (lon, lat), fishing speed, heading east."""
    fix = Fix(0, t, lon, lat, 3.0, 90.0, False)
    with store.write() as tx:
        tx.upsert_features("vessels", [features.vessel_row(sim.fleet.infos[0], fix)])


def _small_world() -> tuple[Store, Simulator, AlertRules]:
    """Five seeded vessels on an in-memory backend, judged once (no ticking: the tests
    write their own fixes)."""
    store = Store(":memory:")
    sim = Simulator(store, SimConfig(start=START, seed=7, vessels=5, cameras=2))
    sim.bootstrap()
    rules = AlertRules(store)
    rules.run(now=START)
    return store, sim, rules


def _history(store: Store, key: str) -> list[wire.ServerAlert]:
    """Every occurrence of one condition the backend wrote, oldest first."""
    _, bodies = store.alerts(since=0)
    return [a for b in bodies if (a := wire.ServerAlert.model_validate_json(b)).key == key]


def test_a_crossing_case_on_the_backend_ends_with_the_operators_closure():
    """Vessel 0 leaves the permitted area and comes back: the backend raises the
    crossing (critical), moves the case to "returned", resumes it after a restart without
    raising it again, and clears it when an operator's closure names it, saying who
    closed it and why."""
    store, sim, rules = _small_world()
    vessel = sim.fleet.infos[0].id
    crossed, returned = START + 600, START + 3000
    _report(store, sim, crossed, 114.6, 12.0)  # east of the permitted boundary
    rules.run(now=crossed)
    (alert,) = _history(store, f"boundary:crossed:{vessel}")
    assert alert.active and alert.severity == "critical"
    assert alert.onset.timestamp() == crossed and alert.params["crossed_at"] == crossed

    _report(store, sim, returned, 113.5, 12.0)  # back inside
    rules.run(now=returned)
    assert not _history(store, f"boundary:crossed:{vessel}")[-1].active
    (back,) = _history(store, f"boundary:returned:{vessel}")
    assert back.active and back.params["crossed_at"] == crossed

    rules = AlertRules(store)  # a restart: the case resumes, nothing is raised again
    written = len(store.alerts(since=0)[1])
    rules.run(now=returned + 60)
    assert len(store.alerts(since=0)[1]) == written

    _close(store, vessel, crossed, returned, "returned_within_2h", returned + 120)
    # out again before the backend's next round: judged after the closure, it is a new
    # case (the closure of the old one must not silence it)
    again = returned + 180
    _report(store, sim, again, 114.6, 12.1)
    rules.run(now=again)
    (closed,) = _history(store, f"boundary:returned:{vessel}")
    assert not closed.active and closed.params["closed_by"] == "minh.op"
    _, message = phrase(closed.rule, closed.params)
    assert "case closed by minh.op (returned within 2 h)" in str(message)
    new = _history(store, f"boundary:crossed:{vessel}")
    assert [a.active for a in new] == [False, True]
    assert new[-1].onset.timestamp() == again and new[-1].params["crossed_at"] == again


def _close(store: Store, vessel: str, crossed: float, returned: float | None, reason: str,
           at: float) -> None:
    """An operator closes the crossing case that began at `crossed` (POST /crossings)."""
    request = wire.CrossingCloseRequest(vessel_id=vessel, crossed_at=crossed,
                                        returned_at=returned, reason=reason)
    with store.write() as tx:
        decisions.close_crossing(tx, User("minh.op", "operator"), request, at)


def test_a_case_closed_while_the_vessel_is_still_outside_stays_closed():
    """Closed as a position error while the vessel is still outside: its alert ends; a
    restart does not raise it again, and the vessel's return opens no case nobody could
    close."""
    store, sim, rules = _small_world()
    vessel = sim.fleet.infos[0].id
    crossed = START + 600
    _report(store, sim, crossed, 114.6, 12.0)
    rules.run(now=crossed)
    _close(store, vessel, crossed, None, "position_error", crossed + 60)
    rules.run(now=crossed + 60)
    assert not _history(store, f"boundary:crossed:{vessel}")[-1].active
    written = len(store.alerts(since=0)[1])
    rules = AlertRules(store)  # a restart while the vessel is still out
    _report(store, sim, crossed + 120, 114.7, 12.0)
    rules.run(now=crossed + 120)
    _report(store, sim, crossed + 3600, 113.5, 12.0)  # back inside
    rules.run(now=crossed + 3600)
    assert len(store.alerts(since=0)[1]) == written, [
        a.key for a in _history(store, f"boundary:crossed:{vessel}")
        + _history(store, f"boundary:returned:{vessel}")]


def test_a_closure_from_a_console_that_saw_the_vessel_leave_sooner_closes_the_case():
    """A console whose AIS saw the vessel outside two minutes before its VMS fix opened
    its case earlier; its closure, decided after the backend's case began, is the one
    for that case."""
    store, sim, rules = _small_world()
    vessel = sim.fleet.infos[0].id
    crossed = START + 600
    _report(store, sim, crossed, 114.6, 12.0)
    rules.run(now=crossed)
    _close(store, vessel, crossed - 120, None, "case_opened", crossed + 300)
    rules.run(now=crossed + 300)
    assert not _history(store, f"boundary:crossed:{vessel}")[-1].active


def test_a_restart_rewrites_nothing():
    """Judged again after a restart, a world that did not change writes no row: the
    silences, zones and cases resume as they were (a dark vessel's alert is not cleared
    and raised again)."""
    store = Store(":memory:")
    sim = Simulator(store, SimConfig(start=START, seed=7, vessels=400, cameras=60))
    sim.bootstrap()
    AlertRules(store).run(now=START)
    _, bodies = store.alerts(since=0)
    assert any(b.find('"dark:') >= 0 for b in bodies)  # silent vessels to resume
    assert AlertRules(store).run(now=START) == 0


def _vessel_page(store: Store, cursor: int) -> tuple[int, object]:
    """The vessels changed after `cursor` as a console's poll gets and parses them
    (`GET /vessels?format=rows`, console/sources/change_pages.py)."""
    now, rows, _ = store.collection("vessels", cursor, tabular=True)
    body = (f'{{"fields":{json.dumps(wire.VESSEL_ROW_FIELDS)},"rows":[{",".join(rows)}],'
            f'"cursor":{now},"server_time":"2026-11-18T08:26:40Z"}}')
    return now, change_pages.vessels(body.encode()).items


def test_backend_and_console_judge_the_same_records_identically(tmp_path):
    """The backend's alert rules and a console's local rules, fed the same stored records
    step by step through a storm, hold the same active alerts at every step: gauges,
    cameras, incidents, and the vessels' zones, boundary tiers and silences."""
    store = Store(":memory:")
    sim = Simulator(store, SimConfig(start=START, seed=7, vessels=400, cameras=60))
    sim.bootstrap()
    rig = Rig(tmp_path)  # a console's RulesEngine with its own inbox, judging locally
    watch = StormWatch(rig.vessels, rig.clock, FreshnessPolicy(), rig.inbox)
    track = StormTrack(sim.storm.start)
    assert sim.alerts is not None
    cursor = 0
    compared = raised = rained = 0
    seen: collections.Counter[str] = collections.Counter()
    for step in range(1, 73):  # three days, hourly
        sim.advance_to(START + step * HOUR)
        if step in (30, 50):  # the judge restarts (a crash): it resumes from the table
            sim.alerts = AlertRules(store, bulletin_at=StormTrack(sim.storm.start).bulletin)
        sim.alerts.run(now=sim.advanced_to)
        for table, model, convert, local in (
                ("stations", wire.StationFeature, parse.station, rig.stations),
                ("cameras", wire.CameraFeature, parse.camera, rig.cameras),
                ("incidents", wire.IncidentFeature, parse.incident, rig.incidents)):
            now, features, _ = store.collection(table, cursor)
            local.apply([convert(model.model_validate_json(f)) for f in features])
        _, batch = _vessel_page(store, cursor)
        rig.vessels.apply(batch)
        rig.clock.t = sim.advanced_to
        rig.engine.check_time()  # the console's periodic silence check, at the same time
        doc = track.bulletin(sim.advanced_to)  # what the console's GET /storm gets
        watch.apply([None if doc is None else parse.storm(wire.StormBulletin(
            active=True, server_time=datetime.fromtimestamp(sim.advanced_to, UTC), **doc))])
        cursor = now
        # what the console's summary poll gets (GET /station-summaries), a little later
        sums = station_summaries(store, sim.advanced_to + 300)
        rig.engine.apply_rain_summaries([StationSummary(
            w.station_id, w.acc_1h, w.acc_3h, w.acc_24h, w.change_1h) for w in sums])
        mine = {(a.key, a.raised_at, a.severity) for a in rig.inbox.active()
                if a.source in ALERT_KINDS}
        assert _server_active(store) == mine, f"after {step} h"
        compared += 1
        raised = max(raised, sum(1 for k, _, _ in mine if k.startswith("water:")))
        rained = max(rained, sum(1 for k, _, _ in mine if k.startswith("rain:")))
        seen.update({":".join(k.split(":")[:2]) if k.startswith(("boundary", "storm"))
                     else k.split(":")[0] for k, _, _ in mine})
    # the storm took gauges past their alarm levels and poured heavy rain; vessels fished
    # in closed zones, went near and past the permitted boundary, and went silent
    assert compared == 72 and raised >= 3 and rained >= 3
    assert seen["zone"] and seen["dark"] and seen["boundary:approach"], seen
    # the storm's first picture, and vessels entering its zone after it
    assert seen["storm:first"] and seen["storm:inside"], seen
    watch.stop()
    _, bodies = store.alerts(since=0)
    ends = collections.Counter(wire.ServerAlert.model_validate_json(b).ended for b in bodies)
    assert ends["escalated"] and ends["cleared"]  # levels rose to the next and fell back


def _get(backend: RunningBackend, path: str, **params) -> dict:
    r = requests.get(f"{backend.url}{path}", params=params, timeout=10,
                     headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    return r.json()


def _until(what: str, check, timeout_s: float = 45.0):
    deadline = time.monotonic() + timeout_s
    while not (found := check()):
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {timeout_s} s")
        time.sleep(0.1)
    return found


def _occurrences(backend: RunningBackend) -> list[dict]:
    return _get(backend, "/api/v1/alerts", since=0)["alerts"]


def _assert_each_once(alerts: list[dict]) -> None:
    occurrences = collections.Counter((a["key"], a["onset"]) for a in alerts)
    assert [o for o, n in occurrences.items() if n > 1] == []
    active = collections.Counter(a["key"] for a in alerts if a["active"])
    assert [k for k, n in active.items() if n > 1] == []


def test_alerts_survive_a_sigkill_and_resume(tmp_path, database):
    backend, _ = start_backend(tmp_path, *FAST, db=database)
    try:
        water = _until("a water-level alert", lambda: [
            a for a in _occurrences(backend) if a["active"] and a["kind"] == "water_level"])
        before = _occurrences(backend)
        cursor = _get(backend, "/api/v1/alerts")["cursor"]
        backend.proc.send_signal(signal.SIGKILL)
        backend.proc.wait(10)
    finally:
        stop_backend(backend)
    backend, _ = start_backend(tmp_path, *FAST, db=database)
    try:
        after = _occurrences(backend)
        _assert_each_once(after)
        kept = {(a["key"], a["onset"]) for a in after}
        assert {(a["key"], a["onset"]) for a in before} <= kept  # nothing committed lost
        page = _get(backend, "/api/v1/alerts", since=cursor)
        assert page["cursor"] >= cursor  # cursors only forward
        # alerts active at the kill end once, later, and are not raised again
        was_active = {(a["key"], a["onset"]) for a in before if a["active"]}

        def ended() -> list[dict]:
            return [a for a in _occurrences(backend)
                    if (a["key"], a["onset"]) in was_active and not a["active"]]

        done = _until("an alert under way at the kill to end", ended, 60.0)
        final = _occurrences(backend)
        _assert_each_once(final)
        for a in done:
            rows = [b for b in final if (b["key"], b["onset"]) == (a["key"], a["onset"])]
            assert len(rows) == 1 and rows[0]["ended"] in ("cleared", "escalated")
        assert water[0]["params"]["levels"]  # raised against the published levels
    finally:
        stop_backend(backend)


def test_alert_list_joins_the_operators_decision(backend):
    health = requests.get(f"{backend.url}/health", timeout=10).json()
    assert set(health["alert_kinds"]) == set(ALERT_KINDS)
    alert = _until("an active alert", lambda: next(
        (a for a in _get(backend, "/api/v1/alerts")["alerts"] if a["active"]), None))
    r = requests.post(f"{backend.url}/api/v1/alerts/actions", timeout=10,
                      headers={"Authorization": f"Bearer {TOKEN}",
                               "Idempotency-Key": uuid.uuid4().hex},
                      json={"key": alert["key"], "raised_at": alert["onset"],
                            "action": "acknowledge", "comment": "đã xác minh"})
    assert r.status_code == 200, r.text
    listed = next(a for a in _get(backend, "/api/v1/alerts")["alerts"]
                  if (a["key"], a["onset"]) == (alert["key"], alert["onset"]))
    assert listed["decision"]["ack_comment"] == "đã xác minh"
    assert listed["decision"]["ack_at"] and listed["decision"]["ack_by"]


def test_the_first_page_of_alerts_is_the_whole_picture(launch_backend):
    """A backend judges its first round before it announces itself: the first GET
    /alerts (a console's first page, before any tick) already holds the conditions of the
    seeded world: silent vessels, the storm's first picture, rivers over their alarm levels."""
    backend = launch_backend("--speed", "1", "--vessels", "400", "--cameras", "60")
    kinds = collections.Counter(a["key"].split(":")[0]
                                for a in _get(backend, "/api/v1/alerts")["alerts"]
                                if a["active"])
    assert kinds["dark"] and kinds["storm"] and kinds["water"], kinds


def test_a_backend_without_alert_rules_raises_none_and_says_so(launch_backend):
    backend = launch_backend("--no-alerts", "--speed", "3600", "--vessels", "20")
    assert requests.get(f"{backend.url}/health", timeout=10).json()["alert_kinds"] == []
    # its world moves on (stations change) and still nothing is raised
    first = _get(backend, "/api/v1/stations")["cursor"]
    _until("a tick", lambda: _get(backend, "/api/v1/stations", since=first)["cursor"] > first)
    assert _get(backend, "/api/v1/alerts")["alerts"] == []


def test_a_condition_that_keeps_coming_back_is_flapping_on_the_backend():
    """A camera that drops out four times within the flap window (rules.json: more than
    3 onsets in 900 s): the backend marks the fourth occurrence flapping, so every
    console (one started later too) shows it alike; a re-wording keeps the mark."""
    from console.rules.judge import Transition

    rules = AlertRules(Store(":memory:"))
    rules._load()
    transitions = []
    for k in range(4):
        t = START + 200 * k
        transitions += [Transition("camera:c1:offline", "camera", True, t, "medium",
                                   "camera_offline", "c1", params={"name": "Cam 1"}),
                        Transition("camera:c1:offline", "camera", False, t + 60)]
    rows = rules._occurrences(transitions[:-1])  # the fourth one still active
    raised = [r for r in rows if r.active]
    assert [r.flapping for r in raised] == [False, False, False, True]
    rules.active = {raised[-1].key: raised[-1]}
    (reworded,) = rules._occurrences([Transition(
        "camera:c1:offline", "camera", True, START + 700, "medium", "camera_offline", "c1",
        params={"name": "Cam 1 (renamed)"})])
    assert reworded.flapping and reworded.onset == raised[-1].onset
    # a condition that only worsens (an escalation is a new occurrence) is no flap
    rules.active = {}
    rising = rules._occurrences([
        Transition("water:TH", "water_level", True, START + 60 * k, severity, "water_level",
                   "TH", params={"level": k + 1})
        for k, severity in enumerate(("low", "medium", "high", "critical"))])
    assert not any(r.flapping for r in rising if r.active)
    rules.active = {raised[-1].key: raised[-1]}
    # much later the same condition is not flapping any more
    (later,) = [r for r in rules._occurrences([
        Transition("camera:c1:offline", "camera", False, START + 800),
        Transition("camera:c1:offline", "camera", True, START + 5000, "medium",
                   "camera_offline", "c1", params={"name": "Cam 1"})]) if r.active]
    assert not later.flapping
