"""Hydrology rules: water-level alarm crossings (BĐ1–BĐ3), reservoirs against their
normal level, rain accumulations — all with hysteresis so a noisy gauge does not flap.

Called on the GUI thread by `RulesEngine`; reports through the `AlertInbox`.
"""

from __future__ import annotations

from collections.abc import Callable

from console import bulletin, risk
from console.i18n import Call, Text
from console.i18n import translate_later as _trl
from console.model.station import Station
from console.model.station_summary import StationSummary as RainSummary
from console.rules.alerts import AlertInbox
from console.rules.config import RulesConfig
from console.rules.judge import StationJudge, Transition
from console.rules.phrases import phrase
from console.rules.thresholds import LevelTracker


def raise_transition(inbox: AlertInbox, t: Transition) -> None:
    """A judgement's transition into the inbox, phrased in the UI language."""
    if t.active:
        title, message = phrase(t.rule, t.params)
        inbox.raise_alert(t.key, t.kind, t.severity, title, message, t.item_id, t.lon, t.lat,
                          at=t.at)
    else:
        inbox.clear(t.key, at=t.at)


def _everywhere(_station_id: str) -> bool:
    return True


class StationRules:
    def __init__(self, config: RulesConfig, inbox: AlertInbox) -> None:
        self.config = config
        self.inbox = inbox
        self.judge = StationJudge(config.water_hysteresis_m, config.reservoir_hysteresis_m)
        self.water = self.judge.water  # the replay driver sets levels at an instant
        self.reservoir = self.judge.reservoir
        self.rain = LevelTracker(config.rain.hysteresis_mm)
        self.summaries: dict[str, RainSummary] = {}
        self.risk: risk.RiskConfig = risk.default()

    def level_of(self, station: Station) -> int:
        """Highest alarm level currently held (with hysteresis) for a level gauge."""
        return self.water.level(station.id)

    def update(self, stations: list[Station],
               raising: Callable[[str], bool] = _everywhere) -> None:
        """Judge the gauges (console.rules.judge: one implementation with the backend).
        The levels are always tracked (the map's symbols follow them); the alerts are
        raised here only for the stations `raising` says this console judges: the
        backend's own alerts for its gauges arrive from it instead."""
        for t in self.judge.judge(stations):
            if raising(t.item_id or ""):
                raise_transition(self.inbox, t)

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
