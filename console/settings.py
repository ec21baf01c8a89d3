"""Typed settings of the console (defaults here; command line and config files override)."""

from __future__ import annotations

from dataclasses import dataclass, field

from console.model.freshness import VmsThresholds
from console.sources.http import HttpSettings


@dataclass(frozen=True, slots=True)
class PollIntervals:
    """Seconds between incremental polls of each live collection."""

    vessels: float = 2.0
    stations: float = 5.0
    cameras: float = 10.0
    incidents: float = 3.0


@dataclass(frozen=True, slots=True)
class Settings:
    backend_url: str | None = None  # None: start the embedded demo backend
    token: str | None = None
    language: str = "vi"
    demo_seed: int = 1
    demo_speed: float = 60.0
    poll: PollIntervals = field(default_factory=PollIntervals)
    http: HttpSettings = field(default_factory=HttpSettings)
    tail_length: int = 4  # VMS fixes per vessel tail (4 fixes ~ the last 6 h at 2 h)
    vms: VmsThresholds = field(default_factory=VmsThresholds)
    station_stale_after_s: float = 3600.0
    camera_stale_after_s: float = 900.0
