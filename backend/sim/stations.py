"""The gauge network: 32 water-level stations (6 of them reservoirs) and 70 rain gauges.

Real stations carry their published names and alarm levels (Decision
05/2020/QĐ-TTg); the rest are synthetic, marked by ``WL-``/``RG-`` codes so nobody
mistakes them for official data. Positions are approximate.
"""

from __future__ import annotations

from dataclasses import dataclass

from backend.sim import geo, names
from backend.sim.rng import stream

LAYOUT_SEED = 20_251_122  # gauges are fixed infrastructure: same layout for every --seed
WATER_LEVEL_COUNT = 32
RAIN_COUNT = 70


@dataclass(frozen=True)
class Station:
    idx: int
    id: str
    name: str
    kind: str  # water_level | reservoir | rain
    river: str | None
    unit: str
    lon: float
    lat: float
    alarm_levels: tuple[float, float, float] | None = None
    normal_level: float | None = None


@dataclass(frozen=True)
class Response:
    """How a gauge reacts to the storm (water level in m, rain in mm per 10 min)."""

    base: float  # level before the storm / background
    peak: float  # level at the flood peak / rain peak rate
    lag_h: float = 0.0  # flood peak delay after the rain peak / rain timing shift
    rise_h: float = 14.0
    fall_h: float = 22.0
    tide_m: float = 0.0


# code, name, river, lon, lat, alarm levels, (base, peak, lag, tide)
_RIVER_GAUGES = (
    ("TV-THANHHOA", "Thạnh Hòa", "Kôn", 109.120, 13.870, (6.0, 7.0, 8.0), (3.2, 8.35, 4.0, 0.08)),
    ("TV-BINHNGHI", "Bình Nghi", "Kôn", 108.965, 13.905, (15.5, 16.5, 17.5),
     (12.8, 16.9, 2.0, 0.0)),
    ("TV-BONGSON", "Bồng Sơn", "Lại Giang", 109.020, 14.430, (6.0, 7.0, 8.0), (3.6, 7.6, 3.0, 0.0)),
    ("TV-ANHOA", "An Hòa", "An Lão", 108.900, 14.560, (22.0, 23.5, 25.0), (19.5, 23.0, 1.5, 0.0)),
    ("TV-DIEUTRI", "Diêu Trì", "Hà Thanh", 109.160, 13.800, (4.5, 5.5, 6.5), (2.0, 5.7, 4.0, 0.06)),
    ("TV-VANCANH", "Vân Canh", "Hà Thanh", 108.990, 13.620, (39.0, 40.0, 41.0),
     (36.8, 39.6, 1.5, 0.0)),
    ("TV-PHUMY", "Phù Mỹ", "La Tinh", 109.050, 14.180, (3.5, 4.5, 5.5), (1.6, 4.2, 3.0, 0.0)),
)
# code, name, lon, lat, normal water level
_RESERVOIRS = (
    ("HO-DINHBINH", "Hồ Định Bình", 108.800, 14.180, 91.9),
    ("HO-NUIMOT", "Hồ Núi Một", 108.950, 13.850, 46.2),
    ("HO-HOISON", "Hồ Hội Sơn", 109.030, 14.080, 68.6),
    ("HO-VANHOI", "Hồ Vạn Hội", 108.980, 14.380, 41.5),
    ("HO-THUANNINH", "Hồ Thuận Ninh", 108.870, 13.790, 67.0),
    ("HO-HOHAM", "Hồ Hố Hầm", 109.010, 14.500, 50.0),
)


def _inland_point(rng, used: list[tuple[float, float]]) -> tuple[float, float]:
    """A point in the province's land box, at least ~4 km from the coast and other gauges."""
    point = (108.9, 14.0)
    for _ in range(200):
        lat = rng.uniform(13.56, 14.64)
        coast = geo.coast_lon(lat) or 109.05
        lon = rng.uniform(108.66, min(109.20, coast - 0.05))
        point = (round(lon, 4), round(lat, 4))
        if all(geo.distance_km(point, other) > 4.0 for other in used):
            break
    return point


def build_network() -> tuple[list[Station], list[Response]]:
    """The fixed station list and how each station responds to the storm."""
    rng = stream(LAYOUT_SEED, "stations")
    stations: list[Station] = []
    responses: list[Response] = []
    used: list[tuple[float, float]] = []

    def add(response: Response, **fields: object) -> None:
        station = Station(idx=len(stations), **fields)  # type: ignore[arg-type]
        stations.append(station)
        responses.append(response)
        used.append((station.lon, station.lat))

    for code, name, river, lon, lat, levels, (base, peak, lag, tide) in _RIVER_GAUGES:
        add(Response(base, peak, lag, rise_h=14.0, fall_h=rng.uniform(18, 24), tide_m=tide),
            id=code, name=name, kind="water_level", river=river, unit="m", lon=lon, lat=lat,
            alarm_levels=levels)
    for code, name, lon, lat, normal in _RESERVOIRS:
        base = round(normal - rng.uniform(1.5, 3.0), 2)
        add(Response(base, base + rng.uniform(1.5, 3.8), rng.uniform(8, 14), rise_h=18.0,
                     fall_h=rng.uniform(70, 110)),
            id=code, name=name, kind="reservoir", river=None, unit="m", lon=lon, lat=lat,
            normal_level=normal)

    communes = list(names.COMMUNES)
    rng.shuffle(communes)
    synthetic = WATER_LEVEL_COUNT - len(stations)
    for n in range(1, synthetic + 1):
        lon, lat = _inland_point(rng, used)
        base = round(rng.uniform(1.5, 30.0), 2)
        bd1 = round(base + rng.uniform(2.0, 3.5), 1)
        bd2 = round(bd1 + rng.uniform(0.8, 1.5), 1)
        bd3 = round(bd2 + rng.uniform(0.8, 1.5), 1)
        roll = rng.random()
        if roll < 0.4:
            peak = bd1 - rng.uniform(0.2, 1.2)
        elif roll < 0.85:
            peak = rng.uniform(bd1 + 0.05, bd2 - 0.05)
        else:
            peak = rng.uniform(bd2 + 0.05, bd3 - 0.1)
        add(Response(base, peak, rng.uniform(1.0, 6.0), rise_h=rng.uniform(12, 16),
                     fall_h=rng.uniform(16, 26)),
            id=f"WL-{n:02d}", name=communes.pop(), kind="water_level",
            river=rng.choice(names.SYNTHETIC_RIVERS), unit="m", lon=lon, lat=lat,
            alarm_levels=(bd1, bd2, bd3))
    for n in range(1, RAIN_COUNT + 1):
        lon, lat = _inland_point(rng, used)
        # The storm reaches the north a little earlier; mountains get more rain.
        shift = (14.1 - lat) * 1.5 + rng.uniform(-0.7, 0.7)
        peak = rng.uniform(2.0, 4.5) + (1.5 if lon < 108.85 else 0.0)
        name = communes.pop() if communes else f"Điểm đo mưa {n}"
        add(Response(0.0, peak, shift),
            id=f"RG-{n:02d}", name=name, kind="rain", river=None, unit="mm", lon=lon, lat=lat)
    return stations, responses
