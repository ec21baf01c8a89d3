"""Synthetic recorded data for archive tests and the replay bench (deterministic)."""

from __future__ import annotations

import numpy as np

from console.archive.writer import ArchiveWriter, Batch
from console.model.camera import Camera
from console.model.incident import Incident, IncidentEvent
from console.model.station import Station
from console.model.storm import DangerBox, StormBulletin, StormPoint
from console.model.vessel import Vessel
from tests.builders import an_incident

T0 = 1_760_000_000.0
HOSTILE = "<img src=x onerror=alert(1)>"


def vessel(i: int, t: float, k: int = 0, name: str | None = None) -> Vessel:
    return Vessel(
        id=f"v{i:05d}",
        registration=f"BĐ-{90000 + i}-TS",
        name=name or f"Tàu {i}",
        owner=f"Chủ {i}",
        length_m=15.0 + i % 10,
        gear="lưới kéo",
        home_port="Quy Nhơn",
        status="in_port" if k == 0 else "at_sea",
        lon=109.3 + 0.01 * i + 0.001 * k,
        lat=13.7 + 0.002 * k - 0.001 * i,
        fix_time=t,
        speed_kn=5.5 + k % 3,
        course_deg=float((37 * k) % 360),
    )


def station(i: int, t: float | None, value: float | None) -> Station:
    return Station(
        id=f"s{i}",
        code=f"WL{i}",
        name=f"Thạnh Hòa {i}",
        kind="water_level",
        river="Kôn",
        unit="m",
        lon=109.0 + 0.05 * i,
        lat=13.9,
        alarm_levels=(6.0, 7.0, 8.0),
        normal_level=None,
        latest_time=t,
        latest_value=value,
        source="simulated" if i % 2 else "Đài KTTV Bình Định 24/11/2017",
    )


def incident(status: str, t: float, version: int, title: str = "Ngập đường") -> Incident:
    history = tuple(
        IncidentEvent("status", "op1", T0 + 600 * j, None if j == 0 else "new", s, None, None)
        for j, s in enumerate(["new", "acknowledged", "assigned", "resolved", "closed"][:version])
    )
    return an_incident(
        type="flooding", status=status, title=title, description="Nước dâng 0,5 m",
        lon=109.22, lat=13.77, reported_at=T0, updated_at=t, version=version,
        assignee="đội 2" if version >= 3 else None, history=history,
    )


def camera(status: str, t: float) -> Camera:
    return Camera("cam-1", "Ngã tư Lê Lợi", "traffic", status, 109.22, 13.76, t)


def write_sample(path, vessels: int = 5, fixes: int = 6) -> dict:
    """Write a small archive; returns what was written (for comparisons)."""
    writer = ArchiveWriter(path)
    sent: dict = {"vessels": [], "stations": [], "incidents": [], "cameras": []}
    for k in range(fixes):
        t = T0 + 600 * k
        batch = Batch(
            vessels=[vessel(i, t, k, HOSTILE if i == 0 else None) for i in range(vessels)],
            stations=[station(i, t, 5.0 + 0.5 * k + i) for i in range(3)],
        )
        if 1 <= k <= 5:
            batch.incidents = [
                incident(["new", "acknowledged", "assigned", "resolved", "closed"][k - 1], t, k)
            ]
        batch.cameras = [camera("online" if k % 2 == 0 else "offline", t)]
        if k == 2:
            batch.alerts = [
                (
                    1,
                    "wl:s2",
                    "water_level",
                    "high",
                    "Trên BĐ2",
                    "7.30 m",
                    t,
                    T0 + 600 * 4,
                    "s2",
                    109.1,
                    13.9,
                    "op1",  # acknowledged by, and when
                    T0 + 600 * 3,
                )
            ]
        if k == 2:  # a (simulated) storm bulletin whose zone holds the fleet from T0 + 20 min
            batch.storms = [storm_bulletin(t)]
        writer.write(batch)
        for key, records in sent.items():
            records.extend(getattr(batch, key))
    writer.close()
    return sent


def storm_bulletin(issued: float) -> StormBulletin:
    centre = StormPoint(issued, 110.5, 13.5, 10, 12, 200.0)
    return StormBulletin("Bão thử", 1, issued, (centre,), (),
                         DangerBox(109.0, 13.5, 110.0, 14.0), 24.0, "simulated")


def synthetic_day(vessels: int, interval_s: float, hours: float = 24.0, seed: int = 3):
    """Columns of a fleet's day: (ids, t, lon, lat) sorted by vessel then time."""
    rng = np.random.default_rng(seed)
    n = int(hours * 3600 / interval_s)
    t = T0 + np.arange(n) * interval_s
    lon0 = rng.uniform(108.9, 112.0, vessels)
    lat0 = rng.uniform(12.5, 15.5, vessels)
    steps = rng.normal(0, 0.01, (vessels, n, 2)).cumsum(axis=1)
    return t, lon0[:, None] + steps[..., 0], lat0[:, None] + steps[..., 1]
