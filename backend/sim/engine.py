"""The simulation engine: start-up history, then ticks that write changes to the store.

A background thread wakes every ~0.5 real second and advances the world to the
clock's current sim time; everything that changed since the previous tick is
written in one transaction (one change-sequence number). Because every model is
a function of time, the result does not depend on tick timing.

The world's identity (its ``SimConfig`` minus the speed) and the sim time reached
are stored with the data, in the same transactions: a restarted backend rebuilds
the same world from them and ``resume``s at that instant instead of seeding anew,
so operators' changes to stored items are never overwritten.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import threading
import time
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from backend import features
from backend.alerting import AlertRules
from backend.clock import SimClock
from backend.db import FeatureRow, Store, Tx
from backend.sim.backfill import (
    OBSERVATIONS,
    PENDING_KEY,
    POSITIONS,
    RECENT_H,
    HistoryBackfill,
    Span,
    encode,
    pending_spans,
    wait_for_history,
)
from backend.sim.cameras import CameraStatus, build_cameras
from backend.sim.hydrology import Hydrology
from backend.sim.incidents import IncidentSource
from backend.sim.scenario import Storm
from backend.sim.storm_track import StormTrack
from backend.sim.vessels import Fix, Fleet
from console.sources import wire

log = logging.getLogger(__name__)

HOUR = 3600.0
DAY = 24 * HOUR
LAG_WARNING_S = 2.0


@dataclass(frozen=True)
class SimConfig:
    start: float  # sim start instant, epoch seconds (UTC)
    seed: int = 7
    speed: float = 1.0
    vessels: int = 3242
    cameras: int = 300
    vms_interval_s: int = 7200
    vessel_history_h: float = 24.0
    station_history_days: float = 7.0
    retention_days: float = 35.0
    tick_s: float = 0.5
    # the backend's own alert rules (backend/alerting.py); off: it raises none and says
    # so in /health, and consoles judge every alert themselves (as with older backends)
    raise_alerts: bool = True

    def world_json(self) -> str:
        """What identifies the simulated world (speed and tick are how fast, not which)."""
        world = {k: v for k, v in dataclasses.asdict(self).items() if k not in _NOT_WORLD}
        return json.dumps(world, sort_keys=True)

    @classmethod
    def from_world_json(cls, text: str, speed: float, raise_alerts: bool = True) -> SimConfig:
        fields = {f.name for f in dataclasses.fields(cls)} - _NOT_WORLD
        stored = {k: v for k, v in json.loads(text).items() if k in fields}
        return cls(**stored, speed=speed, raise_alerts=raise_alerts)


_NOT_WORLD = frozenset({"speed", "tick_s", "raise_alerts"})
ADVANCED_TO_KEY = "advanced_to"
WORLD_KEY = "sim"


class Simulator:
    def __init__(self, store: Store, config: SimConfig, clock: SimClock | None = None) -> None:
        self.store = store
        self.config = config
        self.clock = clock or SimClock(config.start, config.speed)
        self.storm = Storm(config.start)
        self.hydrology = Hydrology(config.seed, self.storm)
        self.cameras = build_cameras(config.seed, config.cameras)
        self._camera_status = [CameraStatus(config.seed, c.idx, config.start - 2 * DAY)
                               for c in self.cameras]
        self.incidents = IncidentSource(config.seed, self.storm)
        self.advanced_to = config.start
        self._station_latest: list[tuple[float | None, float | None]] = [
            (None, None) for _ in self.hydrology.stations
        ]
        self._last_prune = config.start
        # the backend's alert rules judge what each tick wrote (backend/alerting.py)
        self.alerts = (AlertRules(store, bulletin_at=StormTrack(self.storm.start).bulletin)
                       if config.raise_alerts else None)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._alert_thread: threading.Thread | None = None
        # a commit happened (in this process, or on PostgreSQL in another worker too:
        # Store.follow_other_processes): the alert rules look at once
        self._changed = threading.Event()
        # the fleet's voyages are built lazily as time goes on: the tick and the backfill
        # of older history (backfill.py) take turns with it
        self._fleet_lock = threading.Lock()
        self._backfill: HistoryBackfill | None = None
        self._complete: set[str] = set()  # history tables with nothing pending (for good)

    @cached_property
    def fleet(self) -> Fleet:
        """Built on first use: only a simulator that ticks needs it, and for a large fleet
        it is most of the cost of building one (a backend worker that serves requests
        while another one simulates never pays it)."""
        cfg = self.config
        return Fleet(cfg.seed, cfg.vessels, cfg.vms_interval_s, anchor=cfg.start - 5 * DAY)

    # --- start-up ------------------------------------------------------------------------

    def bootstrap(self, defer_older_history: bool = False) -> None:
        """Write the catalogue and history up to the sim start, so charts have data at once.

        ``defer_older_history``: write only the last hours of history now (RECENT_H) and
        the older ones once serving (backfill.py), for a backend that runs this
        simulator itself (``start`` writes them)."""
        cfg = self.config
        start = cfg.start
        spans = {POSITIONS: (start - cfg.vessel_history_h * HOUR, start),
                 OBSERVATIONS: (start - cfg.station_history_days * DAY, start)}
        deferred: dict[str, Span] = {}
        written_from = {table: t0 for table, (t0, _t1) in spans.items()}
        if defer_older_history:
            for table, (t0, _t1) in spans.items():
                written_from[table] = max(t0, start - RECENT_H[table] * HOUR)
                if written_from[table] > t0:
                    deferred[table] = (t0, written_from[table])
        fixes = self.fleet.fixes_between(written_from[POSITIONS], start)
        latest = self._latest_fixes(fixes, start)
        # Vessels dark since before the window still show where they were last heard from.
        fixes.extend(f for f in latest if f.t <= written_from[POSITIONS])

        # every reading of the week is computed (a gauge silent for days still shows its
        # last value); those before written_from are stored by the backfill
        times = self.hydrology.steps_between(spans[OBSERVATIONS][0], start)
        values = self.hydrology.values(times)
        self._note_station_latest(times, values)
        recent = times > written_from[OBSERVATIONS]

        for status in self._camera_status:
            status.advance(start)
        initial_incidents = self.incidents.initial()

        with self.store.write() as tx:
            tx.insert_positions(_position_rows(fixes))
            tx.upsert_features("vessels", [features.vessel_row(self.fleet.infos[f.vessel], f)
                                           for f in latest])
            tx.insert_observations(_observation_rows(times[recent], values[recent]))
            for unit in ("m", "mm"):
                tx.upsert_features("stations", self._station_rows(unit), unit=unit)
            tx.upsert_features("cameras",
                               [self._camera_row(i, start) for i in range(len(self.cameras))])
            tx.upsert_features("incidents", [_incident_row(f) for f in initial_incidents])
            tx.set_meta(WORLD_KEY, cfg.world_json())
            tx.set_meta(ADVANCED_TO_KEY, repr(start))
            if deferred:
                tx.set_meta(PENDING_KEY, encode(deferred))

    def _latest_fixes(self, recent: list[Fix], t: float) -> list[Fix]:
        """Each vessel's last report at or before ``t``: its newest fix in ``recent``
        (sorted by time, ending at ``t``), else looked up back past its dark spells."""
        newest = {f.vessel: f for f in recent}
        return [newest.get(i) or self.fleet.last_fix_at_or_before(i, t)
                for i in range(len(self.fleet))]

    def _position_rows_between(self, t0: float, t1: float) -> list[tuple]:
        with self._fleet_lock:
            return _position_rows(self.fleet.fixes_between(t0, t1))

    def _observation_rows_between(self, t0: float, t1: float) -> list[tuple]:
        times = self.hydrology.steps_between(t0, t1)
        return _observation_rows(times, self.hydrology.values(times)) if len(times) else []

    def history_ready(self, table: str, t0: float, t1: float) -> bool:
        """Whether a read of ``table`` (positions, observations) over [t0, t1] can go
        ahead: at once, unless it reaches into older history still being written (then
        it waits; False if that takes too long)."""
        if table in self._complete:
            return True
        ready = wait_for_history(self.store, table, t0, t1, self._backfill)
        if ready and table not in pending_spans(self.store):
            self._complete.add(table)
        return ready

    def _forget_voyages_before(self, t: float) -> None:
        """Drop voyages that ended before ``t``, but none that older history still to be
        written needs (at a high --speed the world passes a day before the backfill)."""
        span = (pending_spans(self.store).get(POSITIONS)
                if POSITIONS not in self._complete else None)
        with self._fleet_lock:
            self.fleet.forget_before(t if span is None else min(t, span[0]))

    def resume(self, t: float) -> None:
        """Bring the in-memory generators to sim time ``t`` without writing: the store
        already holds everything up to ``t`` (the last committed tick). Generators whose
        state is sequential (incident numbering, camera on/off spells) are replayed from
        the start; vessels and gauges are functions of time."""
        cfg = self.config
        self.incidents.initial()
        self.incidents.arrivals(t)
        for status in self._camera_status:
            status.advance(t)
        times = self.hydrology.steps_between(t - cfg.station_history_days * DAY, t)
        if len(times):
            self._note_station_latest(times, self.hydrology.values(times))
        self._forget_voyages_before(t - 2 * DAY)
        self.advanced_to = self._last_prune = t

    # --- ticking -------------------------------------------------------------------------

    def advance_to(self, t: float) -> None:
        """Bring the world to sim time ``t`` and store what changed (no-op if not later)."""
        prev = self.advanced_to
        if t <= prev:
            return
        with self._fleet_lock:
            fixes = self.fleet.fixes_between(prev, t)
        last_by_vessel: dict[int, Fix] = {f.vessel: f for f in fixes}

        times = self.hydrology.steps_between(prev, t)
        values = self.hydrology.values(times) if len(times) else None
        if values is not None:
            self._note_station_latest(times, values)

        camera_rows: list[FeatureRow] = []
        for i, status in enumerate(self._camera_status):
            before = (status.online, status.last_seen(prev))
            status.advance(t)
            if (status.online, status.last_seen(t)) != before:
                camera_rows.append(self._camera_row(i, t))
        new_incidents = self.incidents.arrivals(t)

        if fixes or values is not None or camera_rows or new_incidents:
            with self.store.write() as tx:
                if fixes:
                    tx.insert_positions(_position_rows(fixes))
                    tx.upsert_features("vessels", [features.vessel_row(self.fleet.infos[i], f)
                                                   for i, f in last_by_vessel.items()])
                if values is not None:
                    tx.insert_observations(_observation_rows(times, values))
                    for unit in ("m", "mm"):
                        tx.upsert_features("stations", self._station_rows(unit), unit=unit)
                if camera_rows:
                    tx.upsert_features("cameras", camera_rows)
                if new_incidents:
                    tx.upsert_features("incidents", [_incident_row(f) for f in new_incidents])
                if t - self._last_prune >= HOUR:
                    tx.prune(t - self.config.retention_days * DAY)
                tx.set_meta(ADVANCED_TO_KEY, repr(t))
        if t - self._last_prune >= HOUR:
            self._forget_voyages_before(t - 2 * DAY)
            self._last_prune = t
        self.advanced_to = t

    # --- background thread ---------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        if self.alerts is not None:
            # the first judgement before the threads (and before the backend announces
            # itself): a console's first page of alerts is then the whole picture, not an
            # empty inbox that fills at the next poll
            try:
                self.alerts.run(now=self.advanced_to)
            except Exception:
                log.exception("alert rules failed; judged again at the next change")
        self._stop.clear()
        spans = pending_spans(self.store)
        if spans:  # older history still to write (a new world, or an interrupted one)
            self._backfill = HistoryBackfill(self.store, spans, {
                POSITIONS: (self._position_rows_between, Tx.insert_positions),
                OBSERVATIONS: (self._observation_rows_between, Tx.insert_observations),
            })
            self._backfill.start()
        self._thread = threading.Thread(target=self._run, name="simulator", daemon=True)
        self._thread.start()
        if self.alerts is not None:
            self.store.changes.add_listener(self._changed.set)
            self._alert_thread = threading.Thread(target=self._run_alerts, name="alert-rules",
                                                  daemon=True)
            self._alert_thread.start()

    def stop(self, timeout: float = 1.5) -> None:
        self._stop.set()
        self._changed.set()
        self.store.changes.remove_listener(self._changed.set)
        if self._backfill is not None:  # what it did not write stays pending, for the next
            self._backfill.stop(timeout)  # leader; this process's reads then poll for it
            self._backfill = None
        for thread in (self._thread, self._alert_thread):
            if thread is not None:
                thread.join(timeout)
        self._thread = self._alert_thread = None

    def _run(self) -> None:
        last_warning = -math.inf
        while not self._stop.wait(self.config.tick_s):
            try:
                self.advance_to(self.clock.now())
            except Exception:
                # A bad tick must not kill the simulator: log it and try again next tick.
                log.exception("simulation tick failed")
            # At extreme --speed the world cannot keep up with the clock; say so (rarely).
            behind_real_s = self.clock.real_seconds_for(self.clock.now() - self.advanced_to)
            if behind_real_s > LAG_WARNING_S and time.monotonic() - last_warning > 30:
                last_warning = time.monotonic()
                log.warning("simulator is %.1f real seconds behind the clock; lower --speed",
                            behind_real_s)

    def _run_alerts(self) -> None:
        """The alert rules judge each commit's changes as soon as it is made (a tick, an
        operator's incident on any worker), and at least every tick; their own commits
        wake them once more, to find nothing new."""
        assert self.alerts is not None
        while not self._stop.is_set():
            self._changed.wait(self.config.tick_s)
            self._changed.clear()
            if self._stop.is_set():
                break
            try:
                self.alerts.run(now=self.advanced_to)  # silences grow with sim time
            except Exception:
                log.exception("alert rules failed; judged again at the next change")

    # --- helpers -------------------------------------------------------------------------

    def _note_station_latest(self, times: np.ndarray, values: np.ndarray) -> None:
        for j in range(values.shape[1]):
            column = values[:, j]
            valid = np.nonzero(~np.isnan(column))[0]
            if len(valid):
                k = valid[-1]
                self._station_latest[j] = (float(times[k]), float(column[k]))

    def _station_rows(self, unit: str) -> list[FeatureRow]:
        return [features.station_row(s, *self._station_latest[s.idx])
                for s in self.hydrology.stations if s.unit == unit]

    def _camera_row(self, idx: int, t: float) -> FeatureRow:
        status = self._camera_status[idx]
        return features.camera_row(self.cameras[idx], status.online, status.last_seen(t))


def _position_rows(fixes: list[Fix]) -> list[tuple[int, float, float, float, float, float]]:
    return [(f.vessel, float(f.t), round(f.lon, 5), round(f.lat, 5), f.speed_kn, f.course_deg)
            for f in fixes]


def _observation_rows(
    times: np.ndarray, values: np.ndarray
) -> list[tuple[int, float, float | None]]:
    rows = []
    for i, t in enumerate(times.tolist()):
        for j, v in enumerate(values[i].tolist()):
            rows.append((j, float(t), None if math.isnan(v) else v))
    return rows


def _incident_row(feature: wire.IncidentFeature) -> FeatureRow:
    return features.incident_row(int(feature.id.split("-")[1]), feature)
