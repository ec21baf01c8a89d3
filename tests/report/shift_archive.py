"""A deterministic night shift archive for the report tests: rain gauges, river gauges,
a reservoir, a fleet with vessels that go silent, incidents, a camera outage and alerts
(some acknowledged). Everything is synthetic (simulated), written with the real
ArchiveWriter; the window of interest is 19:00-07:00 local (12:00-00:00 UTC)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import numpy as np

from console.archive.writer import ArchiveWriter, Batch
from console.model.camera import Camera
from console.model.station import Station
from console.model.storm import DangerBox, StormBulletin, StormPoint
from tests.archive.factory import incident, vessel

# 2025-11-18 19:00 local (UTC+7) = 12:00 UTC; the archive starts 3 h earlier and ends 2 h
# later, so the window's edges cut through the data
START = 1_763_467_200.0
END = START + 12 * 3600
STEP = 600.0


def _station(sid: str, name: str, kind: str, **kw) -> Station:
    base = Station(sid, sid.upper(), name, kind, kw.pop("river", None), "mm" if kind == "rain"
                   else "m", 109.0, 13.9, None, None, None, None, "simulated")
    return replace(base, **kw)


STATIONS = [
    _station("r1", "Vĩnh Kim", "rain", lon=108.80, lat=14.20),
    _station("r2", "An Hòa", "rain", lon=108.90, lat=14.50),
    _station("r3", "Hoài Nhơn", "rain", lon=109.03, lat=14.43),
    _station("w1", "Thạnh Hòa", "water_level", river="Kôn", alarm_levels=(6.0, 7.0, 8.0),
             lon=109.03, lat=13.93),
    _station("w2", "Bình Nghi", "water_level", river="Kôn", alarm_levels=(15.5, 16.5, 17.5),
             lon=108.85, lat=13.90),
    _station("h1", "Định Bình", "reservoir", normal_level=91.93, lon=108.78, lat=14.12),
]


def values(sid: str, t: np.ndarray) -> np.ndarray:
    """Each station's readings: rain as mm per 10 min, levels in m (smooth, one peak)."""
    hours = (t - START) / 3600.0
    peak = {"w1": 6.0, "w2": 9.0, "h1": 10.0}
    top = {"w1": 7.30, "w2": 16.12, "h1": 92.40}
    base = {"w1": 5.1, "w2": 14.2, "h1": 91.50}
    if sid.startswith("r"):
        scale = {"r1": 1.0, "r2": 2.5, "r3": 0.4}[sid]
        return np.round(scale * (1.0 + np.sin(hours) ** 2), 1)
    shape = np.exp(-(((hours - peak[sid]) / 3.0) ** 2))
    # Thạnh Hòa reads to 0,1 m, so its peak lasts several readings (the first one counts)
    return np.round(base[sid] + (top[sid] - base[sid]) * shape, 1 if sid == "w1" else 2)


def write(path) -> None:
    writer = ArchiveWriter(path)
    times = np.arange(START - 3 * 3600, END + 2 * 3600 + 1, STEP)
    series = {s.id: values(s.id, times) for s in STATIONS}
    for k, t in enumerate(times.tolist()):
        batch = Batch(
            stations=[replace(s, latest_time=t, latest_value=float(series[s.id][k]))
                      for s in STATIONS]
        )
        fleet = []
        for i in range(6):
            # v00003 goes silent at 20:00 local; v00004 at 03:00 (not yet 6 h by 07:00);
            # v00001 is silent 21:00-08:00 (dark at 07:00); v00005 stays in port
            silent_from = {3: START + 3600, 4: START + 8 * 3600}.get(i)
            if silent_from is not None and t > silent_from:
                continue
            if i == 1 and START + 2 * 3600 < t < END + 3600:  # silent, back after 07:00
                continue
            fleet.append(vessel(i, t, 0 if i == 5 else k + 1))
        batch.vessels = fleet
        if k % 6 == 0:
            batch.cameras = [
                Camera("cam-1", "Ngã tư Lê Lợi", "traffic",
                       "offline" if START + 2 * 3600 < t < START + 5 * 3600 else "online",
                       109.22, 13.76, t),
                Camera("cam-2", "Cầu Thị Nại", "traffic",
                       "offline" if t > END - 2 * 3600 else "online", 109.25, 13.78, t),
            ]
        writer.write(batch)
    writer.write(_events())
    writer.write(Batch(storms=STORMS))
    writer.close()


def _bulletin(name: str, number: int, issued: float, box: DangerBox | None) -> StormBulletin:
    centre = StormPoint(issued, 111.0, 13.5, 11, 13, 220.0)
    return StormBulletin(name, number, issued, (centre,), (), box, 24.0, "simulated")


# Simulated bulletins: one from an earlier storm (not in force), one issued before the
# window and in force at its start (a zone far out at sea: nobody inside), then three in
# the window whose zones the fleet's tracks cross (v00000 leaves before 07:00; v00002 and
# v00004 are inside at their last fix by then; v00005 is inside the first box but in port)
STORMS = [
    _bulletin("Bão số 8", 7, START - 3 * 86400, DangerBox(112.0, 12.0, 113.0, 13.0)),
    _bulletin("Bão số 9", 1, START - 10 * 3600, DangerBox(112.0, 13.0, 113.5, 14.0)),
    _bulletin("Bão số 9", 2, START + 3 * 3600, DangerBox(109.0, 13.69, 109.35, 13.80)),
    _bulletin("Bão số 9", 3, START + 6 * 3600, DangerBox(109.35, 13.80, 109.50, 13.85)),
    _bulletin("Bão số 9", 4, START + 9 * 3600, DangerBox(109.40, 13.83, 109.45, 13.90)),
]


def _events() -> Batch:
    """Incidents (one before the window closed in it, one opened and closed in it, one
    opened and still open) and alerts inside and outside the window."""
    inc = []
    for iid, t0, n in (("inc-a", START - 2 * 3600, 5), ("inc-b", START + 3600, 4),
                       ("inc-c", START + 10 * 3600, 2)):
        base = incident(["new", "acknowledged", "assigned", "resolved", "closed"][n - 1],
                        t0 + 600 * n, n)
        events = tuple(replace(e, at=t0 + 900.0 * j * j) for j, e in enumerate(base.history))
        inc.append(replace(base, id=iid, reported_at=t0, updated_at=events[-1].at,
                           history=events, title=f"Sự cố {iid}"))
    alerts = [
        (1, "wl:w1", "water_level", "high", "Thạnh Hòa: trên BĐ1", "", START - 600, None,
         "w1", 109.03, 13.93, None, None),
        (2, "wl:w2", "water_level", "high", "Bình Nghi: trên BĐ1", "", START + 4 * 3600,
         START + 9 * 3600, "w2", 108.85, 13.9, "trực ban A", START + 4 * 3600 + 300),
        (3, "zone:coastal:v00002", "vessel", "high", "BĐ-90002-TS: fishing in coastal zone",
         "", START + 5 * 3600, None, "v00002", 109.33, 13.69, None, None),
        (4, "dark:v00003", "vessel", "medium", "BĐ-90003-TS: lost signal", "",
         START + 7 * 3600 + 60, None, "v00003", 109.33, 13.69, "trực ban B",
         START + 7 * 3600 + 900),
        (5, "rain:r2", "rain", "high", "An Hòa: heavy rain", "", END + 600, None, "r2",
         108.9, 14.5, None, None),
    ]
    return Batch(incidents=inc, alerts=alerts)


def sql(path, query, *args) -> list[tuple]:
    """Rows read from the GeoPackage with plain SQL (not through the reader the report
    uses), so a report that misreads the archive disagrees with them."""
    with sqlite3.connect(str(path)) as conn:
        return conn.execute(query, args).fetchall()
