"""The demo storm's track and the forecast bulletins issued about it (SIMULATED).

`backend/sim/scenario.py` times the rain and the flood wave; this module gives the same
storm a place: a typhoon that forms east of the Philippines' longitude band, crosses the
East Sea west-north-west and makes landfall at Quy Nhơn 18 (sim) hours after the start,
when the rain bands have already peaked over the province. The waypoints, intensities
and wind radii are invented (labelled simulated everywhere they are shown); what follows
real practice is the bulletin's *shape*:

- Bulletins are issued every 3 hours (NCHMF issues storm bulletins every 3 h once a
  storm threatens the coast; hourly near landfall), each with the observed track so far
  and the forecast positions at +12, +24, +48 and +72 h.
- Intensity is given as the Beaufort level of the strongest sustained wind near the
  centre ("cấp 11, giật cấp 13"), as in every NCHMF bulletin.
- The danger zone ("vùng nguy hiểm trên Biển Đông trong 24 giờ tới") is, by the
  bulletin's own definition, the area within the radius of level-6 winds and level-8
  gusts along the forecast track over the next 24 hours, published as a box of
  parallels and meridians rounded to half a degree, e.g. "phía Bắc vĩ tuyến 11,5 độ Vĩ
  Bắc; phía Đông kinh tuyến 112,0 độ Kinh Đông" (NCHMF storm bulletin of 22:00,
  5 Nov 2021, as reported by the press; the term "gió mạnh trên biển" — level 6 and
  above — is defined in Decision 18/2021/QĐ-TTg, Art. 5(5)).
- The forecast is not the truth: forecast positions drift from the later observed track
  by an error that grows with lead time, and each carries the radius of its uncertainty
  cone (simulated typical values: ~60 km at 12 h growing to ~280 km at 72 h).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

HOUR = 3600.0
ISSUE_EVERY_H = 3.0
FORECAST_LEADS_H = (12.0, 24.0, 48.0, 72.0)
DANGER_HOURS = 24.0
KM_PER_DEG_LAT = 111.32

# (hours after sim start, lon, lat, Beaufort level near the centre, level-6 radius km)
WAYPOINTS: tuple[tuple[float, float, float, int, float], ...] = (
    (-60.0, 119.6, 11.4, 6, 90.0),
    (-48.0, 118.2, 11.8, 7, 110.0),
    (-36.0, 116.6, 12.2, 8, 140.0),
    (-24.0, 115.0, 12.6, 9, 170.0),
    (-12.0, 113.5, 13.0, 10, 200.0),
    (0.0, 112.0, 13.3, 11, 220.0),
    (12.0, 110.4, 13.6, 12, 230.0),
    (18.0, 109.25, 13.78, 11, 220.0),  # landfall at Quy Nhơn
    (24.0, 108.3, 13.95, 8, 150.0),
    (36.0, 106.8, 14.2, 6, 80.0),
)
FADE_H = 36.0  # after this the storm has dissipated over land: no bulletins


def _interp(column: int, hours: np.ndarray) -> np.ndarray:
    xs = np.array([w[0] for w in WAYPOINTS])
    ys = np.array([w[column] for w in WAYPOINTS], dtype=float)
    return np.interp(hours, xs, ys)


@dataclass(frozen=True)
class TrackPoint:
    t: float  # epoch seconds (sim time)
    lon: float
    lat: float
    wind_level: int  # Beaufort level of the strongest sustained wind near the centre
    gust_level: int
    r6_km: float  # radius of level-6 winds
    cone_km: float = 0.0  # forecast points: radius of the uncertainty cone

    def as_dict(self) -> dict:
        return {
            "t": float(self.t), "lon": round(self.lon, 4), "lat": round(self.lat, 4),
            "wind_level": self.wind_level, "gust_level": self.gust_level,
            "r6_km": round(self.r6_km, 1), "cone_km": round(self.cone_km, 1),
        }


class StormTrack:
    """The simulated storm of a run that started at `start` (epoch seconds)."""

    name = "Bão số 9"  # the national numbering of the season; simulated (see "source")

    def __init__(self, start: float) -> None:
        self.start = start
        self.genesis = start + WAYPOINTS[0][0] * HOUR
        self.end = start + FADE_H * HOUR

    def truth(self, t: float) -> TrackPoint:
        h = np.array([(t - self.start) / HOUR])
        level = round(float(_interp(3, h)[0]))
        return TrackPoint(t, float(_interp(1, h)[0]), float(_interp(2, h)[0]),
                          level, level + 2, float(_interp(4, h)[0]))

    def issued_at(self, now: float) -> float | None:
        """The issue time of the newest bulletin at `now`, or None without a storm."""
        if now < self.genesis or now > self.end:
            return None
        step = ISSUE_EVERY_H * HOUR
        return self.genesis + math.floor((now - self.genesis) / step) * step

    def forecast(self, issued: float, lead_h: float) -> TrackPoint:
        """The position forecast at `issued` for `issued + lead_h`: the truth shifted by
        an error that grows with lead time (a slow bias to the north and east, as if the
        forecast underestimated the westward steering), with its cone radius."""
        truth = self.truth(issued + lead_h * HOUR)
        phase = (issued - self.genesis) / (ISSUE_EVERY_H * HOUR)
        error_km = 4.0 * lead_h * (0.6 + 0.4 * math.sin(phase * 0.9))
        d_lat = error_km * 0.6 / KM_PER_DEG_LAT
        d_lon = error_km * 0.8 / (KM_PER_DEG_LAT * math.cos(math.radians(truth.lat)))
        cone = 30.0 + 3.5 * lead_h
        return TrackPoint(truth.t, truth.lon + d_lon, truth.lat + d_lat, truth.wind_level,
                          truth.gust_level, truth.r6_km, cone)

    def bulletin(self, now: float) -> dict | None:
        """The newest bulletin at `now` as the API gives it, or None."""
        issued = self.issued_at(now)
        if issued is None:
            return None
        step = ISSUE_EVERY_H * HOUR
        observed = [self.truth(t) for t in np.arange(self.genesis, issued + 1.0, step)]
        forecast = [self.forecast(issued, lead) for lead in FORECAST_LEADS_H
                    if issued + lead * HOUR <= self.end + 24 * HOUR]
        return {
            "name": self.name,
            "issued_at": issued,
            "number": round((issued - self.genesis) / step) + 1,
            "observed": [p.as_dict() for p in observed],
            "forecast": [p.as_dict() for p in forecast],
            "danger_zone": self.danger_zone(issued, observed[-1]),
            "danger_hours": DANGER_HOURS,
            "source": "simulated",
        }

    def bulletins_between(self, start: float, end: float) -> list[dict]:
        """Every bulletin in force at some time in [start, end]: the one in force at
        `start` and each issued after it up to `end` (a shift report's storm history)."""
        first = self.issued_at(max(start, self.genesis))
        if first is None or end < self.genesis:
            return []
        step = ISSUE_EVERY_H * HOUR
        last = min(end, self.end)
        return [b for t in np.arange(first, last + 1.0, step)
                if (b := self.bulletin(float(t))) is not None]

    def danger_zone(self, issued: float, now_point: TrackPoint) -> list[float]:
        """[west, south, east, north]: the box of parallels and meridians, rounded out to
        half a degree, around every point within the level-6 radius of the forecast
        centre over the next 24 hours (sampled hourly between the bulletin's own
        forecast points, as a forecaster draws it)."""
        f12 = self.forecast(issued, 12.0)
        f24 = self.forecast(issued, 24.0)
        legs = [(0.0, now_point), (12.0, f12), (24.0, f24)]
        west, south, east, north = 180.0, 90.0, -180.0, -90.0
        for h in range(int(DANGER_HOURS) + 1):
            (h0, a), (h1, b) = (legs[0], legs[1]) if h <= 12 else (legs[1], legs[2])
            k = (h - h0) / (h1 - h0)
            lon = a.lon + k * (b.lon - a.lon)
            lat = a.lat + k * (b.lat - a.lat)
            r = a.r6_km + k * (b.r6_km - a.r6_km)
            d_lat = r / KM_PER_DEG_LAT
            d_lon = r / (KM_PER_DEG_LAT * math.cos(math.radians(lat)))
            west, east = min(west, lon - d_lon), max(east, lon + d_lon)
            south, north = min(south, lat - d_lat), max(north, lat + d_lat)
        return [math.floor(west * 2) / 2, math.floor(south * 2) / 2,
                math.ceil(east * 2) / 2, math.ceil(north * 2) / 2]
