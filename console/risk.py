"""Natural-disaster risk level (cấp độ rủi ro thiên tai, Decision 18/2021/QĐ-TTg) for
flood at a water-level station and for heavy rain at a rain gauge.

Why configuration: the criteria are law that changes (18/2021 replaced 44/2014) and the
area (khu vực) each station belongs to is site data, so both live in
resources/config/risk_levels.json with the clause each band comes from. Bands beyond
the criteria we could read give "N or higher" (`open_ended`) instead of a guess.
Pure; callable from any thread.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RISK_FILE = Path(__file__).resolve().parents[1] / "resources" / "config" / "risk_levels.json"


@dataclass(frozen=True, slots=True)
class RiskLevel:
    level: int  # 1..5
    open_ended: bool = False  # the value is past the criteria we hold: "level or higher"
    clause: str = ""  # the article/clause the band comes from


@dataclass(frozen=True, slots=True)
class _FloodBand:
    alarm: int  # 1..3: the band starts at BĐ<alarm> + offset
    offset_m: float
    level: int
    open_ended: bool
    clause: str


@dataclass(frozen=True, slots=True)
class _RainBand:
    from_mm: float
    level: int
    open_ended: bool
    clause: str


@dataclass(frozen=True, slots=True)
class RiskConfig:
    source: str = ""
    colours: dict[int, str] = field(default_factory=dict)
    flood_areas: dict[int, tuple[_FloodBand, ...]] = field(default_factory=dict)
    default_area: int | None = None
    station_areas: dict[str, int] = field(default_factory=dict)
    rain_bands: tuple[_RainBand, ...] = ()

    def area_of(self, station_id: str) -> int | None:
        return self.station_areas.get(station_id, self.default_area)

    def flood(
        self, station_id: str, value: float | None, levels: tuple[float, float, float] | None
    ) -> RiskLevel | None:
        """Risk level of a flood at `value` m on a station with alarm levels `levels`;
        None below the first band (below BĐ1 there is no flood risk level)."""
        area = self.area_of(station_id)
        if value is None or not levels or area not in self.flood_areas:
            return None
        found: RiskLevel | None = None
        for band in self.flood_areas[area]:
            # bands are listed from the lowest start; the last one whose start we reach wins
            if value >= levels[band.alarm - 1] + band.offset_m - 1e-9:
                found = RiskLevel(band.level, band.open_ended, band.clause)
        return found

    def heavy_rain(self, acc_24h_mm: float | None) -> RiskLevel | None:
        """Risk level of the rain of the last 24 h; None below the first band."""
        if acc_24h_mm is None:
            return None
        found: RiskLevel | None = None
        for band in self.rain_bands:
            if acc_24h_mm >= band.from_mm:
                found = RiskLevel(band.level, band.open_ended, band.clause)
        return found

    def colour(self, level: int) -> str | None:
        """The official colour of a risk level (Art. 4(3)), '#rrggbb'."""
        return self.colours.get(level)


def parse(data: dict[str, Any]) -> RiskConfig:
    """Build the config from the JSON layout of risk_levels.json (ValueError when broken)."""
    flood = data.get("flood", {})
    areas: dict[int, tuple[_FloodBand, ...]] = {}
    for key, bands in flood.get("areas", {}).items():
        parsed = tuple(
            _FloodBand(int(b["from"][0]), float(b["from"][1]), int(b["level"]),
                       bool(b.get("open_ended", False)), str(b.get("clause", "")))
            for b in bands
        )
        starts = [(b.alarm, b.offset_m) for b in parsed]
        if starts != sorted(starts) or any(not 1 <= b.alarm <= 3 for b in parsed):
            raise ValueError(f"flood area {key}: bands must start at BĐ1..BĐ3, in order")
        areas[int(key)] = parsed
    rain = tuple(
        _RainBand(float(b["from"]), int(b["level"]), bool(b.get("open_ended", False)),
                  str(b.get("clause", "")))
        for b in data.get("heavy_rain", {}).get("bands_24h_mm", [])
    )
    if [b.from_mm for b in rain] != sorted(b.from_mm for b in rain):
        raise ValueError("heavy rain bands must be in increasing order")
    default = flood.get("default_area")
    return RiskConfig(
        source=str(data.get("source", "")),
        colours={int(k): str(v) for k, v in data.get("colours", {}).items()},
        flood_areas=areas,
        default_area=None if default is None else int(default),
        station_areas={k: int(v["area"]) for k, v in flood.get("stations", {}).items()},
        rain_bands=rain,
    )


def load(path: Path = RISK_FILE) -> RiskConfig:
    """The shipped (or a site's) risk criteria; a missing file means no risk levels."""
    if not path.exists():
        return RiskConfig()
    return parse(json.loads(path.read_text(encoding="utf-8")))


@functools.cache
def default() -> RiskConfig:
    """The shipped criteria, loaded once (small file; read on first use)."""
    return load()
