"""Alerts raised by the backend: the console's own judgements, run once, on the server.

The rules are the console's (`console/rules/judge.py`: water levels against the published
alarm levels and reservoirs against their normal level, heavy rain over 24 h and 3-hour
bursts, cameras going offline, new loud incidents; `console/rules/vessel_judge.py`:
vessels fishing in a closed zone or entering a restricted one, approaching, crossing and
returning inside the permitted boundary, VMS silent past the Decree 37/2024 thresholds),
imported, not copied: one implementation. They read the very records the backend serves
(the stored wire features, parsed as a console parses them; the vessels as the
`format=rows` table a console polls, merged into the same `VesselTable`), so a console
that judged them itself would name the same conditions with the same onsets.

Vessels are judged when they report (their new fixes) and by time (a silence grows with
no new data: at each round, at the sim time the world has reached). A crossing case ends
when an operator's closure (backend/decisions.py) names it: its alert is cleared, saying
who closed it and why.

Who writes: the process that leads the simulator (backend/leader.py), after each tick, so
exactly one writer raises even when several workers share PostgreSQL. What it reads: the
stations, cameras, incidents, vessels and closures changed after its own cursor
(`meta.alerts_judged`), which is stored in the same transaction as the alerts it led to.
After a crash the judgement resumes from the stored cursor and the stored active alerts
(the level each gauge holds; the zones, boundary tier and silence each vessel is in), so
a condition is neither raised twice nor left uncleared: judging a record again changes
nothing that was already written.

Each occurrence is a row of the `alerts` table (key, onset, active, body = the
`wire.ServerAlert` JSON) with a change-sequence number, served by `GET /api/v1/alerts`
and the change stream. Raising is not an operator decision, so it is not in the audit
log; acknowledgements and shelving stay operators' decisions (backend/decisions.py).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

import numpy as np
from pydantic import TypeAdapter

from backend.db import Store
from backend.summaries import station_summaries
from console.model.camera import Camera
from console.model.decisions import closure_names_case
from console.model.incident import Incident
from console.model.station import Station
from console.model.station_summary import StationSummary
from console.model.storm import StormBulletin
from console.model.vessel_batch import VesselBatch
from console.rules.config import RulesConfig, load_rules
from console.rules.geofence import ZoneSet, load_zones
from console.rules.judge import (
    SHARED_KINDS,
    VESSEL_KIND,
    RainJudge,
    StationJudge,
    Transition,
    camera_transition,
    incident_transition,
)
from console.rules.vessel_judge import VesselJudge
from console.sources import parse, wire
from console.stores.vessel_table import VesselTable
from console.storm.judge import StormJudge

log = logging.getLogger(__name__)

CURSOR_KEY = "alerts_judged"
STORM_KEY = "alerts_storm"  # the storm judge's state (console/storm/judge.py)
CASES_KEY = "alerts_cases"  # the vessel judge's crossing cases (console/rules/vessel_judge.py)
ALERT_KINDS = SHARED_KINDS  # advertised in /health: consoles mirror these kinds
CLOSURES = "closure"  # the operator records of crossing closures (backend/decisions.py)
SEVERITY_RANK = {s: i for i, s in enumerate(("info", "low", "medium", "high", "critical"))}


def _utc(t: float) -> datetime:
    return datetime.fromtimestamp(round(t, 3), UTC)


class AlertRules:
    """The server's alert state: the judges' memory (levels held) and the active
    occurrence of each condition, kept equal to the `alerts` table."""

    def __init__(self, store: Store, config: RulesConfig | None = None,
                 bulletin_at: Callable[[float], dict | None] | None = None) -> None:
        """`bulletin_at(t)`: the storm bulletin in force at sim time t, the fields GET
        /storm serves (None: no storm; `bulletin_at` None: no storm alerts)."""
        self.store = store
        self.bulletin_at = bulletin_at
        self.config = config or load_rules()
        self._judge: StationJudge | None = None
        self._rain = RainJudge(self.config.rain)
        self.active: dict[str, wire.ServerAlert] = {}
        self._onsets: dict[str, list[float]] = {}  # recent onsets per key (flapping)
        self._zones = ZoneSet(load_zones(self.config.zones.file),
                              self.config.zones.boundary_warning_nm)
        self._fresh_judges()
        # the judges' state the alerts table cannot hold, stored with the cursor
        self._cases = StoredState(CASES_KEY, lambda: self.vessels.cases(self.fleet))
        self._storm = StoredState(STORM_KEY, lambda: self.storm.state(self.fleet))
        self._unjudged = np.empty(0, dtype=np.int64)  # fleet rows to judge at the next round

    def _fresh_judges(self) -> None:
        self.fleet = VesselTable(tail_length=1)
        self.vessels = VesselJudge(self._zones, self.config.zones, self.config.freshness())
        self.storm = StormJudge()

    def _load(self) -> StationJudge:
        """The state the table holds: active occurrences, and each gauge's level."""
        judge = StationJudge(self.config.water_hysteresis_m, self.config.reservoir_hysteresis_m)
        self._rain = RainJudge(self.config.rain)
        self.active = {}
        self._load_recent_onsets()
        for (body,) in self.store.query("SELECT body FROM alerts WHERE active = 1"):
            alert = wire.ServerAlert.model_validate_json(body)
            self.active[alert.key] = alert
            level = alert.params.get("level")
            if not isinstance(level, int):
                continue
            if alert.rule in ("water_level", "reservoir"):
                judge.resume(alert.key, level)
            elif alert.rule == "rain":
                self._rain.levels.set_level(alert.key.partition(":")[2], level)
        self._load_fleet()
        self._judge = judge
        return judge

    def _load_recent_onsets(self) -> None:
        """The onsets within the flap window before the newest one, per key."""
        self._onsets = {}
        newest = self.store.query("SELECT MAX(onset) FROM alerts")[0][0]
        if newest is None:
            return
        window = self.config.alerts.flap_window_s
        for key, onset in self.store.query(
                "SELECT key, onset FROM alerts WHERE onset >= ? ORDER BY onset",
                (float(newest) - window,)):
            self._onsets.setdefault(key, []).append(float(onset))

    def _flapping(self, key: str, onset: float) -> bool:
        """A new occurrence of `key` from `onset`: whether the condition now began more
        than `flap_max_transitions` times within the flap window (the console's inbox
        counts alike, console/rules/alerts.py)."""
        window = self.config.alerts.flap_window_s
        recent = [t for t in self._onsets.get(key, ()) if onset - t <= window and t != onset]
        recent.append(onset)
        self._onsets[key] = recent
        return len(recent) > self.config.alerts.flap_max_transitions

    def _load_fleet(self) -> None:
        """Every vessel as it stands, the vessel conditions the table holds, and every
        vessel judged once more at the next round: a vessel that changed after the
        stored cursor is already at its newest fix here (so the round's changes would
        not show it), and one judged before changes nothing."""
        self._fresh_judges()
        _, rows, _ = self.store.collection("vessels", tabular=True)
        change = self.fleet.apply(_vessel_batch(rows))
        self.vessels.resume(self.fleet, [(a.key, a.params) for a in self.active.values()
                                         if a.kind == VESSEL_KIND])
        self.vessels.resume_cases(self.fleet, self._cases.load(self.store))
        self.storm.resume(self.fleet, self._storm.load(self.store))
        self._unjudged = np.asarray(change.rows, dtype=np.int64)

    def _judge_vessels(self, since: int, now: float | None) -> tuple[int, list[Transition]]:
        """The vessels that reported after `since` (and any left from a reload), then
        every vessel's silence at `now` (the sim time reached), then the crossing cases
        operators closed after `since`."""
        # the closures first: a vessel out again after its case was closed (both since
        # the last round) begins a new case, which the old closure must not close
        closed_cursor, bodies = self.store.records(CLOSURES, since)
        out: list[Transition] = []
        for body in bodies:
            c = wire.CrossingClosure.model_validate_json(body)
            case = self.vessels.open_case(self.fleet, c.vessel_id)
            if case is not None and closure_names_case(
                    case, c.crossed_at.timestamp(), c.closed_at.timestamp(), None):
                out.extend(self.vessels.close_case(self.fleet, c.vessel_id, c.closed_by,
                                                   c.reason, c.closed_at.timestamp()))
        current, rows, _ = self.store.collection("vessels", since, tabular=True)
        change = self.fleet.apply(_vessel_batch(rows))
        # after a reload every vessel once, as it stands (no new fix: no silence ends)
        out.extend(self.vessels.update(self.fleet, self._unjudged, fresh=False))
        self._unjudged = np.empty(0, dtype=np.int64)
        out.extend(self.vessels.update(self.fleet, change.rows))
        # the stored cases change only with a boundary transition or a closure
        self._cases.dirty |= any(t.key.startswith("boundary:") for t in out)
        if now is not None:
            out.extend(self.vessels.check_time(self.fleet, now))
        if now is not None and self.bulletin_at is not None:
            bulletin = self._bulletin(now)
            summarised = self.storm.summarised
            storm = self.storm.judge(self.fleet, bulletin, self.storm.assess(self.fleet, bulletin),
                                     now)
            # its stored state changes only with a transition or a new storm
            self._storm.dirty |= bool(storm) or self.storm.summarised != summarised
            out.extend(storm)
        return min(current, closed_cursor), out

    def _judge_stations(self, stations: list[Station]) -> list[Transition]:
        """Level gauges by their readings; rain gauges by their sums over the last hours,
        computed as GET /station-summaries computes them, at their latest reading."""
        assert self._judge is not None
        out = self._judge.judge(stations)
        rain = {s.id: (s, s.latest_time) for s in stations
                if s.kind == "rain" and s.latest_time is not None}
        if rain:
            end = max(t for _, t in rain.values())
            sums = {w.station_id: StationSummary(w.station_id, w.acc_1h, w.acc_3h, w.acc_24h,
                                                 w.change_1h)
                    for w in station_summaries(self.store, end, unit="mm")}
            out.extend(self._rain.judge([(s, sums[i], t) for i, (s, t) in rain.items()
                                         if i in sums]))
        return out

    def _bulletin(self, now: float) -> StormBulletin | None:
        """The bulletin in force, parsed as a console parses GET /storm."""
        assert self.bulletin_at is not None
        doc = self.bulletin_at(now)
        if doc is None:
            return None
        return parse.storm(wire.StormBulletin(active=True, server_time=_utc(now), **doc))

    def run(self, now: float | None = None) -> int:
        """Judge what changed since the last round, and the vessels' silences at `now`
        (source time; None: not this round); write the alerts' transitions and the new
        cursor in one transaction. Returns how many occurrences were written."""
        if self._judge is None:
            self._load()
        since = int(self.store.meta(CURSOR_KEY) or 0)
        cursors, transitions = [], []
        for table, judge_all in (("stations", self._judge_stations), ("cameras", _cameras),
                                 ("incidents", _incidents)):
            current, features, _ = self.store.collection(table, since)
            cursors.append(current)  # read apart: the least is safe (judging is repeatable)
            if features:
                transitions.extend(judge_all(_parse(table, features)))
        current, vessel_transitions = self._judge_vessels(since, now)
        cursors.append(current)
        transitions.extend(vessel_transitions)
        cursor = min(cursors)
        states = [(state, text) for state in (self._cases, self._storm)
                  if (text := state.changed()) is not None]
        try:
            rows = self._occurrences(transitions)
            if rows or cursor != since or states:
                with self.store.write() as tx:
                    for alert in rows:
                        end = alert.cleared_at or alert.onset
                        tx.put_alert(alert.key, round(alert.onset.timestamp(), 3),
                                     alert.active, end.timestamp(), alert.model_dump_json())
                    tx.set_meta(CURSOR_KEY, str(cursor))
                    for state, text in states:
                        tx.set_meta(state.key, text)
                for state, text in states:
                    state.written(text)
        except BaseException:
            self._judge = None  # judged but not stored: start again from the table
            raise
        for alert in rows:
            if alert.active:
                self.active[alert.key] = alert
            elif self.active.get(alert.key, alert).onset == alert.onset:
                self.active.pop(alert.key, None)
        return len(rows)

    def _occurrences(self, transitions: Iterable[Transition]) -> list[wire.ServerAlert]:
        """The rows the transitions change, in order: a new occurrence, a re-worded or
        lower-graded one (same onset), an escalated one (ended, and a new occurrence from
        now: a worse state needs a new acknowledgement, as in the console's inbox), a
        cleared one. A transition that changes nothing writes nothing."""
        rows: list[wire.ServerAlert] = []
        active = dict(self.active)
        for t in transitions:
            current = active.get(t.key)
            if not t.active:
                if current is not None:  # how it ended (left at, closed by) joins its params
                    rows.append(current.model_copy(update={
                        "active": False, "cleared_at": _utc(t.at), "ended": "cleared",
                        "params": {**current.params, **t.params}}))
                    del active[t.key]
                continue
            new = _alert(t)
            if current is not None and SEVERITY_RANK[t.severity] <= SEVERITY_RANK[
                    current.severity]:
                new = new.model_copy(update={"onset": current.onset,
                                             "flapping": current.flapping})
                if new == current:
                    continue
            elif current is not None:  # escalated: the same condition, worse (not a flap)
                if new.onset != current.onset:
                    rows.append(current.model_copy(update={
                        "active": False, "cleared_at": _utc(t.at), "ended": "escalated"}))
                new = new.model_copy(update={"flapping": current.flapping})
            else:  # it began (again): flapping when it keeps coming back
                new = new.model_copy(update={"flapping": self._flapping(t.key, t.at)})
            rows.append(new)
            active[t.key] = new
        return rows


def _alert(t: Transition) -> wire.ServerAlert:
    geometry = (None if t.lon is None or t.lat is None
                else wire.PointGeometry(coordinates=(t.lon, t.lat)))
    return wire.ServerAlert(key=t.key, onset=_utc(t.at), kind=t.kind, rule=t.rule,
                            severity=t.severity, item_id=t.item_id, geometry=geometry,
                            params=dict(t.params), active=True)  # type: ignore[arg-type]


class StoredState:
    """A judge's state that the alerts table cannot hold (the crossing cases, the storm
    summarised), kept in `meta` under `key` and written with the cursor, in the same
    transaction, only when it changed. `dirty`: something that may change it happened
    this round (serialising it every round would cost more than judging)."""

    def __init__(self, key: str, dump: Callable[[], object]) -> None:
        self.key, self._dump = key, dump
        self.text, self.dirty = "{}", False

    def load(self, store: Store) -> dict:
        self.text, self.dirty = store.meta(self.key) or "{}", False
        return json.loads(self.text)

    def changed(self) -> str | None:
        """The text to write, or None when the state is as stored."""
        if not self.dirty:
            return None
        text = json.dumps(self._dump(), sort_keys=True)
        if text == self.text:
            self.dirty = False
            return None
        return text

    def written(self, text: str) -> None:
        self.text, self.dirty = text, False


_VESSEL_ROWS = TypeAdapter(list[wire.VesselRow])


def _vessel_batch(rows: list[str]) -> VesselBatch:
    """The stored `format=rows` rows (JSON arrays), validated as a console's poll
    validates them, as the batch it makes of them."""
    if not rows:
        return VesselBatch.of_rows([])
    return VesselBatch.of_rows(_VESSEL_ROWS.validate_json("[" + ",".join(rows) + "]"))


def _parse(table: str, features: list[str]) -> list:
    """The stored features as the console's records (parsed as a console parses them)."""
    model, convert = {
        "stations": (wire.StationFeature, parse.station),
        "cameras": (wire.CameraFeature, parse.camera),
        "incidents": (wire.IncidentFeature, parse.incident),
    }[table]
    return [convert(model.model_validate_json(f)) for f in features]


def _cameras(cameras: list[Camera]) -> list[Transition]:
    return [camera_transition(c) for c in cameras]


def _incidents(incidents: list[Incident]) -> list[Transition]:
    return [incident_transition(i) for i in incidents]

