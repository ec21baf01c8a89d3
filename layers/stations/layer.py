"""Hydrology stations: water-level gauges by alarm level reached, reservoirs against
their normal level, rain gauges by recent intensity; stale gauges drawn grey."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.live.clock import SourceClock
from console.model.levels import alarm_level, bulletin_phrase
from console.model.station import Station
from console.stores.records import RecordStore
from console.timefmt import format_age, format_local
from layers.base import PointStyle
from layers.records import RecordPointLayer

_tr = QCoreApplication.translate


# style indexes
NORMAL, BD1, BD2, BD3, RESERVOIR_OK, RESERVOIR_HIGH, RAIN_NONE, RAIN_LIGHT, RAIN_HEAVY, STALE = (
    range(10)
)
RAIN_HEAVY_MM_PER_10MIN = 5.0


class StationLayer(RecordPointLayer):
    def __init__(self, store: RecordStore[Station], clock: SourceClock, stale_after_s: float):
        super().__init__("stations", _tr("StationLayer", "Hydrology stations"), store)
        self.clock = clock
        self.stale_after_s = stale_after_s
        self.styles = (
            PointStyle(
                _tr("StationLayer", "Water level below BĐ1"), "t1", 11, "#2c7fb8", "#08306b"
            ),
            PointStyle(_tr("StationLayer", "Above BĐ1"), "t1", 13, "#ffd92f", "#6b5a00", 1.5),
            PointStyle(_tr("StationLayer", "Above BĐ2"), "t1", 14, "#fd8d3c", "#6b2c00", 1.5),
            PointStyle(_tr("StationLayer", "Above BĐ3"), "t1", 16, "#e31a1c", "#3d0000", 2.0),
            PointStyle(
                _tr("StationLayer", "Reservoir below normal level"), "s", 10, "#41b6c4", "#0b4650"
            ),
            PointStyle(
                _tr("StationLayer", "Reservoir at/above normal level"),
                "s",
                12,
                "#fd8d3c",
                "#6b2c00",
                1.5,
            ),
            PointStyle(_tr("StationLayer", "Rain gauge, no rain"), "o", 7, "#f7fbff", "#4a6d8c"),
            PointStyle(_tr("StationLayer", "Rain gauge, raining"), "o", 8, "#6baed6", "#08306b"),
            PointStyle(
                _tr("StationLayer", "Rain gauge, heavy rain (≥ 5 mm/10 min)"),
                "o",
                10,
                "#08519c",
                "#021b3d",
            ),
            PointStyle(_tr("StationLayer", "No recent data"), "x", 9, "#9e9e9e", "#5f5f5f"),
        )

    def classify(self, s: Station) -> int:
        if s.latest_time is None or self.clock.now() - s.latest_time > self.stale_after_s:
            return STALE
        value = s.latest_value
        if s.kind == "rain":
            if not value:
                return RAIN_NONE
            return RAIN_HEAVY if value >= RAIN_HEAVY_MM_PER_10MIN else RAIN_LIGHT
        if s.kind == "reservoir":
            high = value is not None and s.normal_level is not None and value >= s.normal_level
            return RESERVOIR_HIGH if high else RESERVOIR_OK
        return (NORMAL, BD1, BD2, BD3)[alarm_level(value, s.alarm_levels)]

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
        age = None if s.latest_time is None else self.clock.now() - s.latest_time
        rows.append((_tr("StationLayer", "Age"), format_age(age)))
        if s.alarm_levels:
            rows.append(
                (
                    _tr("StationLayer", "Alarm levels BĐ1/BĐ2/BĐ3"),
                    " / ".join(f"{v:.2f}" for v in s.alarm_levels) + f" {s.unit}",
                )
            )
        if s.normal_level is not None:
            rows.append(
                (_tr("StationLayer", "Normal water level"), f"{s.normal_level:.2f} {s.unit}")
            )
        rows.append((_tr("StationLayer", "Position"), f"{s.lat:.4f}° N, {s.lon:.4f}° E"))
        return s.name, rows

    @staticmethod
    def _value_text(s: Station) -> str:
        assert s.latest_value is not None
        if s.kind != "water_level":
            return f"{s.latest_value:.2f} {s.unit}"
        text, reached, excess = bulletin_phrase(s.latest_value, s.alarm_levels, s.unit)
        if not reached or excess is None:
            return text
        return (
            _tr("StationLayer", "%1, above BĐ%2 by %3")
            .replace("%1", text)
            .replace("%2", str(reached))
            .replace("%3", f"{excess:.2f} {s.unit}")
        )
