"""Rule configuration loaded from resources/config/rules.json (and zones.geojson).

Why a file: administrators set thresholds and geofences without code changes
(DESIGN.md). Missing keys fall back to the shipped defaults, so a partial site
file only overrides what it names. Pure; callable from any thread.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.model.freshness import (
    AIS_A_DEFAULT,
    AIS_B_DEFAULT,
    SOURCE_KEYS,
    FreshnessPolicy,
    VmsThresholds,
)

CONFIG_DIR = Path(__file__).resolve().parents[2] / "resources" / "config"
DEFAULT_RULES = CONFIG_DIR / "rules.json"


@dataclass(frozen=True, slots=True)
class ZoneSettings:
    file: Path = CONFIG_DIR / "zones.geojson"
    fishing_max_speed_kn: float = 4.0
    boundary_warning_nm: float = 10.0
    boundary_returned_window_s: float = 7200.0


@dataclass(frozen=True, slots=True)
class RainSettings:
    h1_mm: tuple[float, float, float] = (10.0, 30.0, 50.0)
    h24_mm: tuple[float, float, float] = (16.0, 51.0, 100.0)
    h3_warn_mm: float = 100.0
    hysteresis_mm: float = 2.0


@dataclass(frozen=True, slots=True)
class AlertSettings:
    flap_window_s: float = 900.0
    flap_max_transitions: int = 3
    sound: str = "repeat"  # "off" | "once" | "repeat"
    sound_min_interval_s: float = 10.0
    sound_severities: tuple[str, ...] = ("high", "critical")
    repeat_severities: tuple[str, ...] = ("critical",)  # repeat until acknowledged
    shelve_choices_min: tuple[int, ...] = (15, 60, 240)
    max_alerts: int = 5000
    # alarm floods (ISA-18.2 / EEMUA 191): at least `group_min` alerts of one kind,
    # severity and state show as one expandable row; more than `flood_alerts` new
    # alerts within `flood_window_s` (wall clock) is a flood, said in the inbox
    group_min: int = 2
    flood_alerts: int = 10
    flood_window_s: float = 600.0


@dataclass(frozen=True, slots=True)
class MapSettings:
    label_min_scale_px_per_km: float = 20.0
    selected_track_hours: float = 24.0
    track_tick_minutes: float = 120.0


@dataclass(frozen=True, slots=True)
class AisMatchSettings:
    """How an AIS target is recognised as a VMS vessel (console/sources/ais/identity.py):
    `match_by` any of "registration" (AIS name or call sign reads as the registration)
    and "mmsi" (the table `mmsi`: registration -> MMSI)."""

    match_by: tuple[str, ...] = ("registration", "mmsi")
    mmsi: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RulesConfig:
    vms: VmsThresholds = field(default_factory=VmsThresholds)
    vms_sources: dict[str, VmsThresholds] = field(default_factory=dict)
    zones: ZoneSettings = field(default_factory=ZoneSettings)
    water_hysteresis_m: float = 0.05
    reservoir_hysteresis_m: float = 0.05
    rain: RainSettings = field(default_factory=RainSettings)
    alerts: AlertSettings = field(default_factory=AlertSettings)
    map: MapSettings = field(default_factory=MapSettings)
    ais: AisMatchSettings = field(default_factory=AisMatchSettings)

    def vms_for(self, source: str) -> VmsThresholds:
        """Thresholds of one source (per-source overrides, else the default)."""
        return self.vms_sources.get(source, self.vms)

    def freshness(self) -> FreshnessPolicy:
        """The thresholds of every vessel source, applied per vessel (VesselStore.states):
        "vms" (else the default), "ais_a", "ais_b" from `vms.sources`."""
        return FreshnessPolicy(
            vms=self.vms_for("vms"),
            ais_a=self.vms_sources.get("ais_a", AIS_A_DEFAULT),
            ais_b=self.vms_sources.get("ais_b", AIS_B_DEFAULT),
        )


def _vms(data: dict[str, Any], base: VmsThresholds) -> VmsThresholds:
    keys = ("report_interval_s", "grace_s", "lost_after_s", "must_return_after_s")
    return VmsThresholds(**{k: float(data.get(k, getattr(base, k))) for k in keys})


def _tuple3(values: Any, default: tuple[float, float, float]) -> tuple[float, float, float]:
    if values is None:
        return default
    a, b, c = (float(v) for v in values)
    if not a <= b <= c:
        raise ValueError(f"thresholds must be ascending: {values}")
    return a, b, c


def parse_rules(data: dict[str, Any], base_dir: Path = CONFIG_DIR) -> RulesConfig:
    """Build a RulesConfig from decoded JSON; raises ValueError with a readable reason."""
    vms_data = data.get("vms", {})
    vms = _vms(vms_data.get("default", {}), VmsThresholds())
    bases = {"ais_a": AIS_A_DEFAULT, "ais_b": AIS_B_DEFAULT}
    sources = {
        name: _vms(v, bases.get(name, vms)) for name, v in vms_data.get("sources", {}).items()
    }
    unknown = set(sources) - set(SOURCE_KEYS)
    if unknown:
        raise ValueError(
            f"vms.sources: unknown source(s) {', '.join(sorted(unknown))} "
            f"(known: {', '.join(SOURCE_KEYS)})"
        )
    ais_data = data.get("ais", {})
    ais = AisMatchSettings(
        match_by=tuple(ais_data.get("match_by", AisMatchSettings().match_by)),
        mmsi={str(k): int(v) for k, v in ais_data.get("mmsi", {}).items()},
    )
    bad_modes = set(ais.match_by) - {"registration", "mmsi"}
    if bad_modes:
        raise ValueError(f"ais.match_by: unknown mode(s) {', '.join(sorted(bad_modes))}")
    z = data.get("zones", {})
    zd = ZoneSettings()
    zones = ZoneSettings(
        file=(base_dir / z["file"]) if "file" in z else zd.file,
        fishing_max_speed_kn=float(z.get("fishing_max_speed_kn", zd.fishing_max_speed_kn)),
        boundary_warning_nm=float(z.get("boundary_warning_nm", zd.boundary_warning_nm)),
        boundary_returned_window_s=float(
            z.get("boundary_returned_window_s", zd.boundary_returned_window_s)
        ),
    )
    w = data.get("water_level", {})
    r = data.get("rain", {})
    rd = RainSettings()
    rain = RainSettings(
        h1_mm=_tuple3(r.get("h1_mm"), rd.h1_mm),
        h24_mm=_tuple3(r.get("h24_mm"), rd.h24_mm),
        h3_warn_mm=float(r.get("h3_warn_mm", rd.h3_warn_mm)),
        hysteresis_mm=float(r.get("hysteresis_mm", rd.hysteresis_mm)),
    )
    a = data.get("alerts", {})
    ad = AlertSettings()
    alerts = AlertSettings(
        flap_window_s=float(a.get("flap_window_s", ad.flap_window_s)),
        flap_max_transitions=int(a.get("flap_max_transitions", ad.flap_max_transitions)),
        sound=str(a.get("sound", ad.sound)),
        sound_min_interval_s=float(a.get("sound_min_interval_s", ad.sound_min_interval_s)),
        sound_severities=tuple(a.get("sound_severities", ad.sound_severities)),
        repeat_severities=tuple(a.get("repeat_severities", ad.repeat_severities)),
        shelve_choices_min=tuple(
            int(v) for v in a.get("shelve_choices_min", ad.shelve_choices_min)
        ),
        max_alerts=int(a.get("max_alerts", ad.max_alerts)),
        group_min=int(a.get("group_min", ad.group_min)),
        flood_alerts=int(a.get("flood_alerts", ad.flood_alerts)),
        flood_window_s=float(a.get("flood_window_s", ad.flood_window_s)),
    )
    m = data.get("map", {})
    md = MapSettings()
    map_settings = MapSettings(
        label_min_scale_px_per_km=float(
            m.get("label_min_scale_px_per_km", md.label_min_scale_px_per_km)
        ),
        selected_track_hours=float(m.get("selected_track_hours", md.selected_track_hours)),
        track_tick_minutes=float(m.get("track_tick_minutes", md.track_tick_minutes)),
    )
    return RulesConfig(
        vms=vms,
        vms_sources=sources,
        zones=zones,
        water_hysteresis_m=float(w.get("hysteresis_m", 0.05)),
        reservoir_hysteresis_m=float(w.get("reservoir_hysteresis_m", 0.05)),
        rain=rain,
        alerts=alerts,
        map=map_settings,
        ais=ais,
    )


def load_rules(path: Path = DEFAULT_RULES) -> RulesConfig:
    """Read and parse a rules file (disk: call from a worker or at start-up)."""
    with open(path, encoding="utf-8") as f:
        return parse_rules(json.load(f), path.parent)
