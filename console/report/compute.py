"""The shift report's figures from an archive for a window [start, end] (pure, no Qt).

Runs on a worker thread (or in the headless `--report` run): a day of the full fleet is
numpy over the archive's columns. The choices a reader must know are stated where they
are made: rain totals sum the readings in (start, end] (each reading is the rain since the
previous one, as console.series.aggregate treats them); peaks are over [start, end]; a
vessel's VMS state is judged at `end` by the age of its last fix at or before `end`.
"""

from __future__ import annotations

import math

import numpy as np

from console import bulletin
from console.archive.reader import ArchiveData
from console.model.freshness import VmsState, VmsThresholds
from console.model.incident import Incident
from console.report import storm
from console.report.model import (
    AlertRow,
    CameraRow,
    IncidentRow,
    LevelRow,
    RainRow,
    ReservoirRow,
    ShiftReport,
    VesselRow,
)
from console.storm.history import in_force

VIOLATION_KEYS = ("zone:", "boundary:crossed:")  # console.rules.vessel_rules alert keys
CLOSING = ("resolved", "closed")


def build_report(
    data: ArchiveData,
    start: float,
    end: float,
    language: str = "vi",
    thresholds: VmsThresholds | None = None,
    source: str | None = None,
) -> ShiftReport:
    """Every figure of the report for [start, end] (epoch seconds UTC)."""
    if not end > start:
        raise ValueError("the report window must end after it starts")
    rain, levels, reservoirs = _stations(data, start, end, language)
    vessels, known = _vessels(data, start, end, thresholds or VmsThresholds())
    opened, closed = _incidents(data, start, end)
    heaviest = max(rain, key=lambda r: r.total_mm, default=None)
    top_level = levels[0] if levels else None
    return ShiftReport(
        start=start,
        end=end,
        source=source or str(data.path),
        language=language,
        rain=rain,
        levels=levels,
        reservoirs=reservoirs,
        vessels=vessels,
        incidents_opened=opened,
        incidents_closed=closed,
        cameras_offline=_cameras(data, start, end),
        alerts=_alerts(data, start, end),
        alerts_have_acks=data.alert_acks_recorded,
        alerts_available="period" not in data.meta,  # console.archive.history writes none
        vessels_known=known,
        rain_chart=_rain_chart(data, heaviest, start, end) if heaviest else None,
        level_chart=_level_chart(data, top_level, start, end) if top_level else None,
        simulated_sources=sorted(s.name for s in data.stations if s.simulated),
        storms=[b for b, _t0, _t1 in in_force(data.storms, start, end)],
        storm_vessels=storm.storm_vessels(data, start, end),
        storms_recorded=data.storms_recorded,
        positions={s.id: (s.lon, s.lat) for s in data.stations},
    )


def _window(data: ArchiveData, sid: str, lo: float, hi: float, open_lo: bool):
    t, v = data.obs.get(sid, (np.empty(0), np.empty(0)))
    a = np.searchsorted(t, lo, "right" if open_lo else "left")
    b = np.searchsorted(t, hi, "right")
    tt, vv = t[a:b], v[a:b]
    ok = np.isfinite(vv)
    return tt[ok], vv[ok]


def _stations(data: ArchiveData, start: float, end: float, lang: str):
    rain: list[RainRow] = []
    levels: list[LevelRow] = []
    reservoirs: list[ReservoirRow] = []
    for s in data.stations:
        if s.kind == "rain":
            t, v = _window(data, s.id, start, end, open_lo=True)
            if len(t):
                rain.append(RainRow(s.id, s.name, float(v.sum()), len(t), float(v.max())))
            continue
        t, v = _window(data, s.id, start, end, open_lo=False)
        if not len(t):
            continue
        i = int(np.argmax(v))  # the first time the peak was reached
        peak, peak_t, last, last_t = float(v[i]), float(t[i]), float(v[-1]), float(t[-1])
        if s.kind == "reservoir":
            margin = None if s.normal_level is None else last - s.normal_level
            reservoirs.append(
                ReservoirRow(s.id, s.name, peak, peak_t, last, last_t, s.normal_level, margin)
            )
        else:
            reached = 0
            if s.alarm_levels:
                reached = bulletin.level_status(peak, s.alarm_levels).reached
            phrase = bulletin.level_phrase(peak, s.alarm_levels, s.unit, lang)
            levels.append(
                LevelRow(s.id, s.name, s.river, peak, peak_t, s.alarm_levels, reached,
                         phrase, last, last_t)
            )
    rain.sort(key=lambda r: (-r.total_mm, r.name))
    levels.sort(key=lambda r: (-r.reached, -_over_bd1(r), r.name))
    reservoirs.sort(key=lambda r: r.name)
    return rain, levels, reservoirs


def _over_bd1(row: LevelRow) -> float:
    return row.peak_m - row.levels[0] if row.levels else -math.inf


def _vessels(data: ArchiveData, start: float, end: float, thresholds: VmsThresholds):
    last = data.last_fixes(end)
    age = end - data.fix_t[last]
    in_port = data.fix_status[last] == "in_port"
    states = thresholds.classify(age, in_port.astype(bool))
    rows: list[VesselRow] = []
    named = {VmsState.LOST.value: "lost", VmsState.MUST_RETURN.value: "must_return"}
    for k in np.flatnonzero(states >= VmsState.LOST.value).tolist():
        r = int(last[k])
        v = data.vessels[int(data.fix_vessel[r])]
        rows.append(
            VesselRow(v.id, v.registration, v.name, named[int(states[k])],
                      float(data.fix_t[r]), float(data.fix_lon[r]), float(data.fix_lat[r]),
                      float(age[k]))
        )
    rows.sort(key=lambda r: (-r.silent_s, r.registration))
    by_id = {v.id: v for v in data.vessels}
    seen: set[str] = set()
    for a in data.alerts:
        key, title, raised, item = a[1], a[4], a[6], a[8]
        if raised is None or not start <= raised < end or item in seen:
            continue
        if key and key.startswith(VIOLATION_KEYS) and item in by_id:
            seen.add(item)
            v = by_id[item]
            lon = a[9] if a[9] is not None else v.lon
            lat = a[10] if a[10] is not None else v.lat
            rows.append(VesselRow(v.id, v.registration, v.name, "violation", float(raised),
                                  float(lon), float(lat), 0.0, title or ""))
    return rows, len(last)


def _status_times(inc: Incident) -> tuple[float | None, float | None]:
    """First acknowledgement (leaving 'new') and first resolution/closure, by the audit
    trail."""
    ack = close = None
    for e in sorted(inc.history, key=lambda e: e.at):
        if ack is None and e.from_status == "new" and e.to_status != "new":
            ack = e.at
        if close is None and e.to_status in CLOSING:
            close = e.at
    return ack, close


def _incidents(data: ArchiveData, start: float, end: float):
    opened: list[IncidentRow] = []
    closed: list[IncidentRow] = []
    for versions in data.incident_versions.values():
        known = [v for v in versions if v.updated_at <= end] or versions[:1]
        latest = known[-1]  # versions come by (updated_at, version)
        ack, close = _status_times(latest)
        ack = ack if ack is not None and ack <= end else None
        close = close if close is not None and close <= end else None
        row = IncidentRow(
            latest.id, latest.title, latest.type, latest.severity, latest.reported_at,
            ack, close, _status_at(latest, end),
            None if ack is None else ack - latest.reported_at,
            None if close is None else close - latest.reported_at,
            latest.lon, latest.lat,
        )
        if start <= latest.reported_at < end:
            opened.append(row)
        if close is not None and start <= close < end:
            closed.append(row)
    opened.sort(key=lambda r: r.reported_at)
    closed.sort(key=lambda r: r.closed_at or 0.0)
    return opened, closed


def _status_at(inc: Incident, end: float) -> str:
    status = "new"
    for e in sorted(inc.history, key=lambda e: e.at):
        if e.at <= end:
            status = e.to_status
    return status if inc.history else inc.status


def _cameras(data: ArchiveData, start: float, end: float) -> list[CameraRow]:
    rows: list[CameraRow] = []
    for states in data.camera_states.values():
        since: float | None = None
        for c in [*states, None]:
            if c is not None and c.status != "online":
                since = c.last_seen if since is None else since
                continue
            if since is not None:
                back = None if c is None or c.last_seen > end else c.last_seen
                if since < end and (back is None or back > start):
                    cam = states[-1]
                    rows.append(CameraRow(cam.id, cam.name, since, back, cam.lon, cam.lat))
                since = None
    rows.sort(key=lambda r: (r.offline_since, r.name))
    return rows


def _alerts(data: ArchiveData, start: float, end: float) -> list[AlertRow]:
    rows = []
    for a in data.alerts:
        raised = a[6]
        if raised is None or not start <= raised < end:
            continue
        ack_by = a[11] if len(a) > 11 else None
        ack_at = a[12] if len(a) > 12 else None
        rows.append(AlertRow(int(a[0]), a[2] or "", a[3] or "", a[4] or "", float(raised),
                             a[7], ack_by, ack_at))
    return rows


def _rain_chart(data: ArchiveData, row: RainRow, start: float, end: float):
    t, v = _window(data, row.station_id, start, end, open_lo=True)
    return row.name, t.tolist(), np.cumsum(v).tolist()


def _level_chart(data: ArchiveData, row: LevelRow, start: float, end: float):
    t, v = _window(data, row.station_id, start, end, open_lo=False)
    return row.name, t.tolist(), v.tolist(), row.levels
