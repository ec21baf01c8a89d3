"""Hydrology stations: water-level gauges by alarm level reached, reservoirs against
their normal level, rain gauges by recent intensity; stale gauges drawn grey."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from console import bulletin, risk
from console import symbology as sym
from console.live.clock import SourceClock
from console.model.levels import alarm_level
from console.model.station import Station
from console.model.station_summary import StationSummary
from console.rules.config import RainSettings
from console.stores.records import RecordStore
from console.timefmt import format_age, format_local
from layers.base import PointStyle
from layers.records import RecordPointLayer

_tr = QCoreApplication.translate


def _c(swatch: sym.Swatch) -> tuple[str, str]:
    """Fill and outline from the one style source (console.symbology)."""
    return swatch.fill, swatch.outline


# style indexes
(
    NORMAL,
    BD1,
    BD2,
    BD3,
    RESERVOIR_OK,
    RESERVOIR_HIGH,
    RAIN_NONE,
    RAIN_LIGHT,
    RAIN_MODERATE,
    RAIN_HEAVY,
    RAIN_VERY_HEAVY,
    STALE,
) = range(12)
RAIN_HEAVY_MM_PER_10MIN = 5.0  # fallback when no accumulations are known yet
SEVERITY = {
    BD3: 6,
    BD2: 5,
    RAIN_VERY_HEAVY: 4,
    BD1: 4,
    RAIN_HEAVY: 3,
    RESERVOIR_HIGH: 3,
    RAIN_MODERATE: 2,
    RAIN_LIGHT: 1,
    NORMAL: 0,
    RESERVOIR_OK: 0,
    RAIN_NONE: 0,
    STALE: -1,
}
TREND_STEADY_M_PER_H = 0.02


class StationLayer(RecordPointLayer):
    """Alarm levels differ by shape and size as well as colour (colour-blind safety):
    triangle below BĐ1, larger triangle at BĐ1, diamond at BĐ2, star at BĐ3. Rain gauges
    are classed by 1 h / 24 h accumulation with thresholds from the rules file (a
    sequential blue ramp: the official disaster-risk palette is kept for risk levels).

    Rule bindings come by constructor (the map model passes the rules engine's):
    `summaries` (rain sums, level trend per station id), `level_of` (hysteretic alarm level)
    and `rain` (RainSettings)."""

    def __init__(
        self,
        store: RecordStore[Station],
        clock: SourceClock,
        stale_after_s: float,
        summaries: dict[str, StationSummary] | None = None,
        level_of: Callable[[Station], int] | None = None,
        rain: RainSettings | None = None,
        now_for: Callable[[str], float] | None = None,
    ) -> None:
        super().__init__("stations", _tr("StationLayer", "Hydrology stations"), store)
        self.clock = clock
        # "now" for one station: the clock of the source it comes from (default: `clock`)
        self.now_for = now_for if now_for is not None else (lambda _id: clock.now())
        self.stale_after_s = stale_after_s
        self.summaries: dict[str, StationSummary] = summaries if summaries is not None else {}
        self.level_of = level_of
        self.rain = rain if rain is not None else RainSettings()
        self.risk: risk.RiskConfig = risk.default()
        self.styles = (
            PointStyle(
                _tr("StationLayer", "Water level below BĐ1"), "t1", 11, *_c(sym.STATION_BELOW_BD1)
            ),
            PointStyle(_tr("StationLayer", "Above BĐ1"), "t1", 14, *_c(sym.STATION_BD[0]), 2.0),
            PointStyle(_tr("StationLayer", "Above BĐ2"), "d", 17, *_c(sym.STATION_BD[1]), 2.0),
            PointStyle(_tr("StationLayer", "Above BĐ3"), "star", 21, *_c(sym.STATION_BD[2]), 2.0),
            PointStyle(
                _tr("StationLayer", "Reservoir below normal level"),
                "s",
                10,
                *_c(sym.RESERVOIR_BELOW_NORMAL),
            ),
            PointStyle(
                _tr("StationLayer", "Reservoir at/above normal level"),
                "s",
                13,
                *_c(sym.RESERVOIR_AT_NORMAL),
                2.0,
            ),
            PointStyle(
                _tr("StationLayer", "Rain gauge, no rain"), "o", 6, *_c(sym.RAIN[0]), z=-1
            ),
            PointStyle(
                _tr("StationLayer", "Rain gauge, light rain (24 h)"), "o", 7, *_c(sym.RAIN[1]),
                z=-1,
            ),
            PointStyle(
                _tr("StationLayer", "Rain gauge, moderate rain (24 h)"),
                "o",
                8,
                *_c(sym.RAIN[2]),
                z=-1,
            ),
            PointStyle(
                _tr("StationLayer", "Rain gauge, heavy rain (24 h)"),
                "o",
                9,
                *_c(sym.RAIN[3]),
                1.0,
                z=-1,
            ),
            PointStyle(
                _tr("StationLayer", "Rain gauge, very heavy rain"),
                "o",
                10,
                *_c(sym.RAIN[4]),
                1.5,
                z=-1,
            ),
            PointStyle(_tr("StationLayer", "No recent data"), "x", 9, *_c(sym.STATION_NO_DATA)),
        )

    def age(self, s: Station) -> float | None:
        """Seconds since the station's latest reading, on its source's clock."""
        return None if s.latest_time is None else self.now_for(s.id) - s.latest_time

    def classify(self, s: Station) -> int:
        age = self.age(s)
        if age is None or age > self.stale_after_s:
            return STALE
        value = s.latest_value
        if s.kind == "rain":
            return self._rain_class(s)
        if s.kind == "reservoir":
            high = value is not None and s.normal_level is not None and value >= s.normal_level
            return RESERVOIR_HIGH if high else RESERVOIR_OK
        level = self.level_of(s) if self.level_of else alarm_level(value, s.alarm_levels)
        return (NORMAL, BD1, BD2, BD3)[level]

    def _rain_class(self, s: Station) -> int:
        summary = self.summaries.get(s.id)
        if summary is None or summary.acc_24h is None:
            value = s.latest_value
            if not value:
                return RAIN_NONE
            return RAIN_HEAVY if value >= RAIN_HEAVY_MM_PER_10MIN else RAIN_LIGHT
        h24 = summary.acc_24h
        h1 = summary.acc_1h or 0.0
        cat24 = sum(1 for t in self.rain.h24_mm if h24 >= t)
        cat1 = sum(1 for t in self.rain.h1_mm if h1 >= t)
        cat = max(cat24, cat1)
        if cat == 0:
            return RAIN_LIGHT if h24 > 0.05 else RAIN_NONE
        return (RAIN_MODERATE, RAIN_HEAVY, RAIN_VERY_HEAVY)[cat - 1]

    def severity(self, s: Station) -> int:
        """Sort key for lists: higher is worse."""
        return SEVERITY[self.classify(s)]

    def trend(self, s: Station) -> str:
        """'↑', '↓' or '→' from the last hour's change of a level gauge ('' if unknown)."""
        summary = self.summaries.get(s.id)
        if summary is None or summary.change_1h is None or s.kind == "rain":
            return ""
        if summary.change_1h > TREND_STEADY_M_PER_H:
            return "↑"
        if summary.change_1h < -TREND_STEADY_M_PER_H:
            return "↓"
        return "→"

    def value_label(self, s: Station) -> str:
        """Short map label: '7.30 m ↑' for level gauges, '86 mm/24 h' for rain gauges."""
        if s.kind == "rain":
            summary = self.summaries.get(s.id)
            if summary is None or summary.acc_24h is None:
                return ""
            return f"{bulletin.number(summary.acc_24h, 0)} mm/24 h"
        if s.latest_value is None:
            return ""
        return f"{bulletin.quantity(s.latest_value, s.unit)} {self.trend(s)}".strip()

    def risk_of(self, s: Station) -> risk.RiskLevel | None:
        """Disaster risk level (Decision 18/2021) now: flood for a river gauge from its
        latest level, heavy rain for a rain gauge from its last 24 h; None when none."""
        if s.kind == "water_level":
            return self.risk.flood(s.id, s.latest_value, s.alarm_levels)
        if s.kind == "rain":
            summary = self.summaries.get(s.id)
            return self.risk.heavy_rain(summary.acc_24h if summary else None)
        return None

    def risk_text(self, s: Station) -> str:
        """'cấp 1' for the station now (under a 'Disaster risk' heading), '' when below
        every band."""
        level = self.risk_of(s)
        return "" if level is None else bulletin.risk_level(level.level, level.open_ended)

    @staticmethod
    def _risk_key() -> str:
        return _tr("StationLayer", "Disaster risk")

    def record_colours(self, s: Station) -> dict[str, str]:
        """The official colour of the station's risk level beside it in the inspector."""
        level = self.risk_of(s)
        colour = self.risk.colour(level.level) if level else None
        return {self._risk_key(): colour} if colour else {}

    @staticmethod
    def source_text(s: Station) -> str:
        """The station's source as shown: the citation, or a plain 'simulated' label."""
        if s.simulated:
            return _tr("StationLayer", "simulated (not from a published source)")
        return s.source or _tr("StationLayer", "not stated by the data source")

    def labels(self) -> list[str]:
        return [s.name for s in self.store.records()]

    def describe_record(self, s: Station) -> tuple[str, list[tuple[str, str]]]:
        kinds = {
            "water_level": _tr("StationLayer", "Water level"),
            "reservoir": _tr("StationLayer", "Reservoir"),
            "rain": _tr("StationLayer", "Rain gauge"),
        }
        rows = [
            (_tr("StationLayer", "Code"), s.code),
            (_tr("StationLayer", "Type"), kinds.get(s.kind, s.kind)),
        ]
        if s.river:
            rows.append((_tr("StationLayer", "River"), s.river))
        if s.latest_value is not None:
            rows.append((_tr("StationLayer", "Latest value"), self._value_text(s)))
        rows.append((_tr("StationLayer", "Measured at"), format_local(s.latest_time)))
        rows.append((_tr("StationLayer", "Age"), format_age(self.age(s))))
        if s.alarm_levels:
            rows.append(
                (
                    _tr("StationLayer", "Alarm levels BĐ1/BĐ2/BĐ3"),
                    bulletin.levels_text(s.alarm_levels, s.unit),
                )
            )
        if s.normal_level is not None:
            rows.append(
                (
                    _tr("StationLayer", "Normal water level"),
                    bulletin.quantity(s.normal_level, s.unit),
                )
            )
        risk_now = self.risk_text(s)
        if risk_now:
            rows.append((self._risk_key(), risk_now))
        rows.append(
            (
                _tr("StationLayer", "Position"),
                f"{bulletin.number(s.lat, 4)}° N, {bulletin.number(s.lon, 4)}° E",
            )
        )
        rows.append((_tr("StationLayer", "Source"), self.source_text(s)))
        title = s.name
        if s.simulated:
            title = _tr("StationLayer", "%1 (simulated)").replace("%1", s.name)
        return title, rows

    @staticmethod
    def _value_text(s: Station) -> str:
        assert s.latest_value is not None
        if s.kind != "water_level":
            return bulletin.quantity(s.latest_value, s.unit)
        return bulletin.level_phrase(s.latest_value, s.alarm_levels, s.unit)
