"""Helpers for the live-picture rule tests: synthetic vessels, stations and a fake clock."""

from __future__ import annotations

import pytest

from console.live.clock import SourceClock
from console.model.camera import Camera
from console.model.incident import Incident
from console.model.station import Station
from console.model.vessel import Vessel
from console.rules.config import load_rules
from console.rules.crossings import CrossingLog
from console.rules.engine import RulesEngine
from console.rules.geofence import ZoneSet, load_zones
from console.stores.records import RecordStore
from console.stores.vessels import VesselStore


class FakeClock(SourceClock):
    def __init__(self, t: float = 1_800_000_000.0) -> None:
        super().__init__()
        self.t = t

    def now(self) -> float:
        return self.t


def vessel(vid: str, t: float, lon: float, lat: float, **kw) -> Vessel:
    base = {
        "registration": f"BĐ-{vid}-TS",
        "name": "Hoài Nhơn 01",
        "owner": "Nguyễn Văn Đức",
        "length_m": 20.0,
        "gear": "lưới vây",
        "home_port": "Quy Nhơn",
        "status": "at_sea",
        "speed_kn": 8.0,
        "course_deg": 90.0,
    }
    base.update(kw)
    return Vessel(id=vid, lon=lon, lat=lat, fix_time=t, **base)


def gauge(value: float | None, t: float, sid: str = "s1") -> Station:
    return Station(
        sid,
        "TH",
        "Thạnh Hòa",
        "water_level",
        "Kôn",
        "m",
        109.0,
        13.9,
        (6.0, 7.0, 8.0),
        None,
        t,
        value,
    )


def camera(cid: str, status: str, t: float) -> Camera:
    return Camera(cid, f"Cam {cid}", "traffic", status, 109.2, 13.77, t)


def incident(iid: str, severity: str, status: str, t: float) -> Incident:
    return Incident(iid, "fire", severity, status, "Cháy nhà", "…", 109.2, 13.77, t, t, 1, None, ())


class Rig:
    def __init__(self, tmp_path) -> None:
        self.config = load_rules()
        self.clock = FakeClock()
        self.vessels = VesselStore(tail_length=4)
        self.stations: RecordStore[Station] = RecordStore()
        self.cameras: RecordStore[Camera] = RecordStore()
        self.incidents: RecordStore[Incident] = RecordStore()
        self.log = CrossingLog(tmp_path / "audit.sqlite")
        zones = ZoneSet(load_zones(self.config.zones.file), self.config.zones.boundary_warning_nm)
        self.engine = RulesEngine(
            self.config,
            zones,
            self.vessels,
            self.stations,
            self.cameras,
            self.incidents,
            self.clock,
            language="en",
            crossing_log=self.log,
        )
        self.inbox = self.engine.inbox

    def fix(self, vid: str, lon: float, lat: float, dt: float = 600.0, **kw) -> None:
        self.clock.t += dt
        self.vessels.apply([vessel(vid, self.clock.t, lon, lat, **kw)])

    def close(self) -> None:
        self.engine.close()
        self.log.close()


@pytest.fixture
def rig(tmp_path, qtbot):
    r = Rig(tmp_path)
    yield r
    r.close()


def canvas_with(qtbot, *layers):
    """A MapCanvas of 800 x 600 showing `layers`, exposed, closed with the test."""
    from layers.layer_list import LayerList
    from widgets.map_canvas import MapCanvas

    layer_list = LayerList()
    for layer in layers:
        layer_list.append(layer)
    canvas = MapCanvas(layer_list)
    qtbot.addWidget(canvas, before_close_func=lambda c: c.close_canvas())
    canvas.resize(800, 600)
    canvas.show()
    qtbot.waitExposed(canvas)
    return canvas
