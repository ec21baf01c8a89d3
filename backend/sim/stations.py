"""The gauge network: 32 water-level stations (6 of them reservoirs) and 70 rain gauges.

Named stations come from resources/config/stations.json with their published alarm
levels (Decision 05/2020/QĐ-TTg, as the province's bulletins state them) and the source
of each; the rest are synthetic, marked by ``WL-``/``RG-`` codes and source
``simulated`` so nobody mistakes them for official data. Positions are approximate.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    source: str = "simulated"  # a citation, or 'simulated' (not in a published source)


@dataclass(frozen=True)
class Response:
    """How a gauge reacts to the storm (water level in m, rain in mm per 10 min)."""

    base: float  # level before the storm / background
    peak: float  # level at the flood peak / rain peak rate
    lag_h: float = 0.0  # flood peak delay after the rain peak / rain timing shift
    rise_h: float = 14.0
    fall_h: float = 22.0
    tide_m: float = 0.0


# The named stations and their published alarm levels live in a config file with the
# source of every figure (resources/config/stations.json), not in code.
STATIONS_FILE = Path(__file__).resolve().parents[2] / "resources" / "config" / "stations.json"
SIMULATED = "simulated"


def load_named(path: Path = STATIONS_FILE) -> dict[str, list[dict[str, Any]]]:
    """The named river gauges and reservoirs, each with its `source` citation."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {"river_gauges": data["river_gauges"], "reservoirs": data["reservoirs"]}


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

    named = load_named()
    for g in named["river_gauges"]:
        sim = g["sim"]
        add(Response(sim["base"], sim["peak"], sim["lag_h"], rise_h=14.0,
                     fall_h=rng.uniform(18, 24), tide_m=sim["tide_m"]),
            id=g["code"], name=g["name"], kind="water_level", river=g["river"], unit="m",
            lon=g["lon"], lat=g["lat"], alarm_levels=tuple(g["alarm_levels"]),
            source=g["source"])
    for r in named["reservoirs"]:
        normal = r["normal_level"]
        base = round(normal - rng.uniform(1.5, 3.0), 2)
        add(Response(base, base + rng.uniform(1.5, 3.8), rng.uniform(8, 14), rise_h=18.0,
                     fall_h=rng.uniform(70, 110)),
            id=r["code"], name=r["name"], kind="reservoir", river=None, unit="m",
            lon=r["lon"], lat=r["lat"], normal_level=normal, source=r["source"])

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
