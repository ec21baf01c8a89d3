"""Hydrology rules: water-level alarm crossings (BĐ1–BĐ3), reservoirs against their
normal level, rain accumulations — all with hysteresis so a noisy gauge does not flap.

Called on the GUI thread by `RulesEngine`; reports through the `AlertInbox`.
"""

from __future__ import annotations

from collections.abc import Callable

from console import risk
from console.model.station import Station
from console.model.station_summary import StationSummary as RainSummary
from console.rules.alerts import AlertInbox
from console.rules.config import RulesConfig
from console.rules.judge import RainJudge, StationJudge
from console.rules.raising import raise_transition


def _everywhere(_station_id: str) -> bool:
    return True


class StationRules:
    def __init__(self, config: RulesConfig, inbox: AlertInbox) -> None:
        self.config = config
        self.inbox = inbox
        self.judge = StationJudge(config.water_hysteresis_m, config.reservoir_hysteresis_m)
        self.water = self.judge.water  # the replay driver sets levels at an instant
        self.reservoir = self.judge.reservoir
        self.rain_judge = RainJudge(config.rain)
        self.rain = self.rain_judge.levels
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

    def apply_summaries(self, items: list[RainSummary], stations: dict[str, Station], at: float,
                        raising: Callable[[str], bool] = _everywhere) -> None:
        """Rain categories from 24 h sums (moderate / heavy / very heavy) and the 3 h warning
        (console.rules.judge.RainJudge), raised for the gauges `raising` names. An alert's
        onset is the gauge's latest reading (the data's time, as the backend's), `at`
        for a gauge that has none."""
        judged = []
        for item in items:
            self.summaries[item.station_id] = item
            s = stations.get(item.station_id)
            if s is not None and s.kind == "rain":
                judged.append((s, item, s.latest_time if s.latest_time is not None else at))
        for t in self.rain_judge.judge(judged):
            if raising(t.item_id or ""):
                raise_transition(self.inbox, t)
