"""Drives the console's live stores from an archive at the replay cursor's time.

Review mode keeps every view unchanged (map layers, inspector, lists, charts): they read
the same stores as in live operation, and this driver writes the archive's state at T
into them on each `time_changed`. Stations, incidents and cameras go through the
stores' public `apply`. The vessel store's `apply` refuses to move a vessel back in time
(correct for live data, wrong for a slider moved backwards), so the vessels whose fix
changed go through the store's `show_frame`, which writes their rows and the tails and
emits `changed` once -- the same contract a live ingest has. The alert inbox is
refilled with the recorded alerts as they stood at T, the rules' station level
trackers (which the map and lists read) are set to the exact level at T, and the storm
watch gets the bulletin in force at T (its danger list follows; it raises no alerts). The rules
themselves are off in review.

Incidents not yet reported at T are written as a "closed" copy of their first version:
the store has no removal, and closed incidents are hidden on the map.

GUI thread only. Emits nothing itself; the stores emit `changed`.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QObject

from console.live.clock import SourceClock
from console.model.storm import StormBulletin
from console.model.vessel import Vessel
from console.replay.cursor import ReplayCursor
from console.replay.state import ReplayState
from console.rules.alerts import AlertInbox
from console.rules.station_rules import StationRules
from console.sources import wire
from console.stores.records import RecordStore
from console.stores.vessels import VesselStore
from console.storm import history as storm_history
from console.storm.watch import StormWatch


class ReplayDriver(QObject):
    def __init__(
        self,
        state: ReplayState,
        cursor: ReplayCursor,
        vessels: VesselStore,
        stations: RecordStore,
        incidents: RecordStore,
        cameras: RecordStore,
        clock: SourceClock,
        inbox: AlertInbox | None = None,
        station_rules: StationRules | None = None,
        storm: StormWatch | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.cursor = cursor
        self.vessels, self.stations = vessels, stations
        self.incidents, self.cameras = incidents, cameras
        self.clock = clock
        self.inbox = inbox
        self.station_rules = station_rules
        self.storm = storm
        self._bulletin: StormBulletin | None = None
        d = state.data
        self._status = d.fix_status
        self._cols = (d.fix_lon, d.fix_lat, d.fix_t, d.fix_speed, d.fix_course)
        self._in_port = d.fix_status == "in_port"
        if d.vessels:
            vessels.apply(d.vessels)  # creates the rows (live records until the first frame)
        self._rows = np.array([vessels.row_of(v.id) for v in d.vessels], dtype=np.int64)
        self._fix = np.full(len(d.vessels), -2, dtype=np.int64)
        self._lengths = np.array([v.length_m for v in d.vessels], dtype=np.float64)
        self._identity = [  # what a fix never changes, per vessel (id + identity fields)
            (v.id, *(getattr(v, f) for f in wire.VESSEL_IDENTITY_FIELDS)) for v in d.vessels
        ]
        cursor.time_changed.connect(self.show)
        self._connected = True

    def close(self) -> None:
        """Stop following the cursor (idempotent: the window and the app both close)."""
        if self._connected:
            self.cursor.time_changed.disconnect(self.show)
            self._connected = False

    def show(self, t: float) -> None:
        """Write the state at `t` into the stores (each emits `changed` once if needed)."""
        self.clock.speed = 0.0
        self.clock.observe(t)
        self._show_vessels(t)
        stations = self.state.stations_at(t)
        self._set_levels(stations)
        self.stations.apply(stations)
        self.cameras.apply(self.state.cameras_at(t))
        self._show_incidents(t)
        if self.inbox is not None:
            self._show_alerts(t)
        if self.storm is not None:
            self._show_storm(t)

    def _show_storm(self, t: float) -> None:
        """The bulletin in force at `t`, as the live feed would have given it."""
        bulletin = storm_history.at(self.state.data.storms, t)
        if bulletin != self._bulletin or self.storm.bulletin != bulletin:
            self._bulletin = bulletin
            self.storm.apply([bulletin])

    def _show_vessels(self, t: float) -> None:
        frame = self.state.vessel_frame(t)
        which = np.flatnonzero(frame.fix != self._fix)
        store = self.vessels
        rows = self._rows[which]
        columns: dict[str, np.ndarray] = {}
        records: dict[int, Vessel] = {}  # `apply` refuses to move back in time
        if len(rows):
            fix = frame.fix[which]
            has = fix >= 0
            safe = np.where(has, fix, 0)
            s = self.state
            lon, lat, ft, spd, crs = (c[safe] for c in self._cols)
            columns = {
                "x": np.where(has, s.fix_x[safe], np.nan),
                "y": np.where(has, s.fix_y[safe], np.nan),
                "fix_time": np.where(has, ft, np.nan),
                "speed": spd,
                "course": crs,
                "in_port": self._in_port[safe] & has,
                "length_m": self._lengths[which],
            }
            identity = self._identity
            status = self._status[safe].tolist()
            for vi, row, ok, st, a, b, c, d, e in zip(
                which.tolist(),
                rows.tolist(),
                has.tolist(),
                status,
                lon.tolist(),
                lat.tolist(),
                ft.tolist(),
                spd.tolist(),
                crs.tolist(),
                strict=True,
            ):
                if ok:  # positional: `Vessel` declares wire.VESSEL_ROW_FIELDS in order
                    records[row] = Vessel(*identity[vi], st, a, b, c, d, e)
            self._fix[which] = frame.fix[which]
        tails = (self._rows, frame.tail_t, frame.tail_x, frame.tail_y)
        store.show_frame(rows, columns, records, tails)

    def _set_levels(self, stations: list) -> None:
        """Alarm levels at T, exactly (no hysteresis carried over from another time), in
        the rules' trackers that the map and lists read (`station_rules.level_of`). Set
        before the stores emit, so every view sees the level of the same instant."""
        if self.station_rules is None:
            return
        water, reservoir = self.station_rules.water, self.station_rules.reservoir
        for s in stations:
            if s.kind == "water_level" and s.alarm_levels:
                water.update(s.id, 0.0, ())  # reset to 0 via the public update
                water.update(s.id, s.latest_value, s.alarm_levels)
            elif s.kind == "reservoir" and s.normal_level is not None:
                reservoir.update(s.id, 0.0, ())
                reservoir.update(s.id, s.latest_value, (s.normal_level,))

    def _show_incidents(self, t: float) -> None:
        items = []
        for versions, current in zip(
            self.state.data.incident_versions.values(), self.state.incidents_at(t), strict=True
        ):
            items.append(current or replace(versions[0], status="closed"))
        self.incidents.apply(items)

    def _show_alerts(self, t: float) -> None:
        # the recorded inbox, not re-evaluated rules
        self.inbox.replace_all({a.id: a for a in self.state.alerts_at(t)})
