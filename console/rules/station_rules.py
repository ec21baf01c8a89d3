"""Hydrology rules: water-level alarm crossings (BĐ1–BĐ3), reservoirs against their
normal level, rain accumulations — all with hysteresis so a noisy gauge does not flap.

Called on the GUI thread by `RulesEngine`; reports through the `AlertInbox`.
"""

from __future__ import annotations

from console import bulletin, risk
from console.i18n import Call, Text
from console.i18n import translate_later as _trl
from console.model.station import Station
from console.model.station_summary import StationSummary as RainSummary
from console.rules.alerts import AlertInbox
from console.rules.config import RulesConfig
from console.rules.thresholds import LevelTracker

LEVEL_SEVERITY = {1: "medium", 2: "high", 3: "critical"}


class StationRules:
    def __init__(self, config: RulesConfig, inbox: AlertInbox) -> None:
        self.config = config
        self.inbox = inbox
        self.water = LevelTracker(config.water_hysteresis_m)
        self.reservoir = LevelTracker(config.reservoir_hysteresis_m)
        self.rain = LevelTracker(config.rain.hysteresis_mm)
        self.summaries: dict[str, RainSummary] = {}
        self.risk: risk.RiskConfig = risk.default()

    def level_of(self, station: Station) -> int:
        """Highest alarm level currently held (with hysteresis) for a level gauge."""
        return self.water.level(station.id)

    def update(self, stations: list[Station]) -> None:
        """A gauge's alert is raised when it climbs to a level, re-raised at each new level
        and cleared when it is back under the first (with the tracker's hysteresis)."""
        for s in stations:
            if s.kind == "water_level" and s.alarm_levels:
                old, new = self.water.update(s.id, s.latest_value, s.alarm_levels)
                key, raise_alert = f"water:{s.id}", self._water
            elif s.kind == "reservoir" and s.normal_level is not None:
                old, new = self.reservoir.update(s.id, s.latest_value, (s.normal_level,))
                key, raise_alert = f"reservoir:{s.id}", self._reservoir
            else:
                continue
            if old == new:
                continue
            if new == 0:
                self.inbox.clear(key, at=s.latest_time)
            else:
                raise_alert(s, key, new)

    def _water(self, s: Station, key: str, new: int) -> None:
        assert s.latest_value is not None
        # as the bulletin says it: "6,31 m, trên BĐ1 0,31 m; cấp độ rủi ro thiên tai: cấp 1"
        # kept as code and parameters: rendered in the UI language when shown
        said: object = Call(bulletin.level_phrase, s.latest_value, s.alarm_levels, s.unit)
        level = self.risk.flood(s.id, s.latest_value, s.alarm_levels)
        if level is not None:
            said = Text(
                "", "%1; %2", (said, Call(bulletin.risk_phrase, level.level, level.open_ended))
            )
        self.inbox.raise_alert(
            key,
            "water_level",
            LEVEL_SEVERITY[new],
            _trl("StationRules", "Water level at BĐ%2: %1").args(s.name, new),
            Text("", "%1: %2", (f"{s.name}" + (f" ({s.river})" if s.river else ""), said)),
            s.id,
            s.lon,
            s.lat,
            at=s.latest_time,
        )

    def _reservoir(self, s: Station, key: str, _new: int) -> None:
        self.inbox.raise_alert(
            key,
            "water_level",
            "medium",
            _trl("StationRules", "Reservoir at normal water level: %1").args(s.name),
            _trl("StationRules", "%1: %2 m (normal water level %3 m)").args(
                s.name, Call(bulletin.number, s.latest_value), Call(bulletin.number, s.normal_level)
            ),
            s.id,
            s.lon,
            s.lat,
            at=s.latest_time,
        )

    def apply_summaries(self, items: list[RainSummary], stations: dict[str, Station], at: float):
        """Rain categories from 24 h sums (moderate / heavy / very heavy) and the 3 h warning."""
        h24 = self.config.rain.h24_mm
        for item in items:
            self.summaries[item.station_id] = item
            s = stations.get(item.station_id)
            if s is None or s.kind != "rain":
                continue
            # only heavy (level 2) and very heavy (level 3) 24 h rain alert the operator
            old, new = self.rain.update(s.id, item.acc_24h, h24)
            burst = item.acc_3h is not None and item.acc_3h > self.config.rain.h3_warn_mm
            key = f"rain:{s.id}"
            if new >= 2 or burst:
                # priorities spread so that "high" means act now (ISA-18.2): a 3-hour
                # burst (flash floods, landslides) is high; very heavy rain over 24 h is
                # medium and heavy rain low — a storm's eighty gauges are not eighty
                # emergencies
                sev = "high" if burst else "medium" if new >= 3 else "low"
                title = (
                    _trl("StationRules", "Very heavy rain: %1")
                    if new >= 3 or burst
                    else _trl("StationRules", "Heavy rain: %1")
                ).args(s.name)
                msg = _trl("StationRules", "%1: %2 mm in 24 h, %3 mm in 3 h, %4 mm in 1 h").args(
                    s.name,
                    Call(bulletin.number, item.acc_24h or 0, 0),
                    Call(bulletin.number, item.acc_3h or 0, 0),
                    Call(bulletin.number, item.acc_1h or 0, 0),
                )
                level = self.risk.heavy_rain(item.acc_24h)
                if level is not None:
                    msg += Text(
                        "", "; %1", (Call(bulletin.risk_phrase, level.level, level.open_ended),)
                    )
                self.inbox.raise_alert(key, "rain", sev, title, msg, s.id, s.lon, s.lat, at=at)
            elif old >= 2 or new < 2:
                self.inbox.clear(key, at=at)
