"""The alert judgements shared by the console and the backend: one implementation.

A judgement looks at a record (a gauge's latest reading, a camera's status, an incident)
and says which alert *condition* begins, changes or ends: a `Transition` carrying the
condition key, the inbox kind, the severity, the onset (source time, from the data, so
every judge of the same data names the same occurrence) and the message *parameters*
(`rule` + `params`), never rendered text: the backend stores them, and each console
phrases them in its own language (`console.rules.phrases`).

The console's rules (`StationRules`, `RulesEngine`) call these to raise into their inbox;
the reference backend (`backend/alerting.py`) calls the same ones on the data it serves
and stores the transitions as server alerts. Pure Python, no Qt (an import-linter
contract checks it), no clock: the caller gives the records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from console.model.camera import Camera
from console.model.incident import Incident
from console.model.station import Station
from console.model.station_summary import StationSummary
from console.rules.config import RainSettings
from console.rules.thresholds import LevelTracker

LEVEL_SEVERITY = {1: "medium", 2: "high", 3: "critical"}
LOUD_INCIDENTS = ("high", "critical")

# The inbox kinds each judgement raises (console/rules/alerts.py SOURCES): a backend that
# judges them advertises these, and a console then mirrors them instead of raising them.
STATION_KINDS = ("water_level", "rain")
CAMERA_KIND = "camera"
INCIDENT_KIND = "incident"
VESSEL_KIND = "vessel"  # zones, permitted boundary, dark vessels (console/rules/vessel_judge.py)
SHARED_KINDS = (*STATION_KINDS, CAMERA_KIND, INCIDENT_KIND, VESSEL_KIND)

Params = Mapping[str, object]  # JSON values only: the backend stores them as they are


@dataclass(frozen=True, slots=True)
class Transition:
    """A condition that is (still) active from `onset`, or that ended at `at`.

    `active`: True raises (or keeps, or re-words / re-grades) the alert of `key`; False
    clears it. `item_id` is the record judged (station, camera, incident); `rule` +
    `params` are what the message says (see console.rules.phrases).
    For an active transition `at` is the onset; for a clear it is when it ended."""

    key: str
    kind: str
    active: bool
    at: float
    severity: str = "info"
    rule: str = ""
    item_id: str | None = None
    lon: float | None = None
    lat: float | None = None
    params: Params = field(default_factory=dict)


# --- water-level stations and reservoirs ---------------------------------------------------


class StationJudge:
    """Water levels against the published alarm levels (BĐ1-BĐ3, Decision 05/2020/QĐ-TTg)
    and reservoirs against their normal water level, with hysteresis so a noisy gauge
    does not flap. A gauge's alert is raised when it climbs to a level, re-raised at each
    new level (a higher one is a new occurrence, see AlertInbox) and cleared when it is
    back under the first. Keeps the current level per station (`water`, `reservoir`:
    the map's symbols read them too)."""

    def __init__(self, water_hysteresis_m: float, reservoir_hysteresis_m: float) -> None:
        self.water = LevelTracker(water_hysteresis_m)
        self.reservoir = LevelTracker(reservoir_hysteresis_m)

    def judge(self, stations: Iterable[Station]) -> list[Transition]:
        out: list[Transition] = []
        for s in stations:
            if s.kind == "water_level" and s.alarm_levels:
                old, new = self.water.update(s.id, s.latest_value, s.alarm_levels)
                key, rule = f"water:{s.id}", "water_level"
            elif s.kind == "reservoir" and s.normal_level is not None:
                old, new = self.reservoir.update(s.id, s.latest_value, (s.normal_level,))
                key, rule = f"reservoir:{s.id}", "reservoir"
            else:
                continue
            if old == new or s.latest_time is None:
                continue
            if new == 0:
                out.append(Transition(key, "water_level", False, s.latest_time, item_id=s.id))
                continue
            severity = LEVEL_SEVERITY[new] if rule == "water_level" else "medium"
            out.append(Transition(
                key, "water_level", True, s.latest_time, severity, rule, s.id, s.lon, s.lat,
                station_params(s, new)))
        return out

    def resume(self, key: str, level: int) -> None:
        """Start from a level already held (the backend's active alerts after a restart),
        so the first reading after it is judged as a change from there, not from 0."""
        kind, _, station_id = key.partition(":")
        (self.water if kind == "water" else self.reservoir).set_level(station_id, level)


def station_params(s: Station, level: int) -> dict[str, object]:
    """What the station's alert says: name, river, the reading and the levels it is
    measured against (the phrase names the level reached and the distance to it)."""
    return {"name": s.name, "river": s.river, "value": s.latest_value, "unit": s.unit,
            "levels": list(s.alarm_levels) if s.alarm_levels else None,
            "normal_level": s.normal_level, "level": level, "station": s.id}


# --- rain gauges -------------------------------------------------------------------------


class RainJudge:
    """Rain over 24 h classified as bulletins do (moderate / heavy / very heavy, levels
    1-3 of `h24_mm`, with hysteresis) and the 3-hour burst warning. Only heavy and very
    heavy 24 h rain, or a burst, alert the operator (moderate rain shows on the map)."""

    def __init__(self, settings: RainSettings) -> None:
        self.settings = settings
        self.levels = LevelTracker(settings.hysteresis_mm)

    def judge(self, items: Iterable[tuple[Station, StationSummary, float]]) -> list[Transition]:
        """`items`: each rain gauge with its sums and the time they stand for (the onset
        of an alert they begin)."""
        out: list[Transition] = []
        for s, item, at in items:
            old, new = self.levels.update(s.id, item.acc_24h, self.settings.h24_mm)
            burst = item.acc_3h is not None and item.acc_3h > self.settings.h3_warn_mm
            key = f"rain:{s.id}"
            if new >= 2 or burst:
                # priorities spread so that "high" means act now (ISA-18.2): a 3-hour
                # burst (flash floods, landslides) is high; very heavy rain over 24 h is
                # medium and heavy rain low — a storm's eighty gauges are not eighty
                # emergencies
                severity = "high" if burst else "medium" if new >= 3 else "low"
                out.append(Transition(key, "rain", True, at, severity, "rain", s.id, s.lon,
                                      s.lat, {"name": s.name, "level": new, "burst": burst,
                                              "acc_1h": item.acc_1h, "acc_3h": item.acc_3h,
                                              "acc_24h": item.acc_24h}))
            elif old >= 2 or new < 2:
                out.append(Transition(key, "rain", False, at, item_id=s.id))
        return out


# --- cameras and incidents: alerts that follow an item's state -----------------------------


def camera_transition(cam: Camera) -> Transition:
    """A camera that stopped answering: raised at its last sign of life, cleared when it
    answers again."""
    key = f"camera:{cam.id}:offline"
    if cam.status != "offline":
        return Transition(key, CAMERA_KIND, False, cam.last_seen, item_id=cam.id)
    return Transition(key, CAMERA_KIND, True, cam.last_seen, "medium", "camera_offline",
                      cam.id, cam.lon, cam.lat, {"name": cam.name})


def incident_transition(inc: Incident) -> Transition:
    """A new incident of high or critical severity calls for the operator at once; it is
    cleared as soon as someone takes it up (its status leaves "new")."""
    key = f"incident:{inc.id}"
    if inc.status != "new" or inc.severity not in LOUD_INCIDENTS:
        return Transition(key, INCIDENT_KIND, False, inc.updated_at, item_id=inc.id)
    return Transition(key, INCIDENT_KIND, True, inc.reported_at, inc.severity, "incident",
                      inc.id, inc.lon, inc.lat,
                      {"title": inc.title, "description": inc.description[:300]})
