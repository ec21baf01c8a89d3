"""Typed settings of the console (defaults here; command line and config files override)."""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field

from console.actions.retry import RetryPolicy
from console.model.freshness import FreshnessPolicy, VmsThresholds
from console.nearby import NearbySettings
from console.sources.http_settings import HttpSettings
from console.sources.registry import SourceEntry
from console.video.settings import VideoSettings


@dataclass(frozen=True, slots=True)
class PollIntervals:
    """Seconds between incremental polls of each live collection."""

    vessels: float = 2.0
    stations: float = 5.0
    cameras: float = 10.0
    incidents: float = 3.0
    storm: float = 30.0  # bulletins come every 3 h; a new one shows within this


def default_operator() -> str:
    """The OS user name: who the audit trail names until the operator sets their own."""
    try:
        return getpass.getuser() or "operator"
    except (OSError, KeyError):  # no passwd entry / no login name in a container
        return "operator"


@dataclass(frozen=True, slots=True)
class Settings:
    backend_url: str | None = None  # None: start the embedded demo backend
    token: str | None = None
    language: str = "vi"
    theme: str = "light"  # "light" | "dark" (control room)
    distance_unit: str = "km"  # "km" | "nm": scale bar and distances at sea
    # the site's own rule thresholds and zones (None: $IOC_RULES_FILE, else the shipped
    # resources/config files); read at start-up
    rules_file: str | None = None
    zones_file: str | None = None
    font_scale: float = 1.0  # for reading at a distance
    demo_seed: int = 1
    demo_speed: float = 60.0
    poll: PollIntervals = field(default_factory=PollIntervals)
    http: HttpSettings = field(default_factory=HttpSettings)
    reconnect_backoff_max_s: float = 30.0
    push: bool = True  # take changes from the backend's change stream while it works
    tail_length: int = 4  # VMS fixes per vessel tail (4 fixes ~ the last 6 h at 2 h)
    vms: VmsThresholds = field(default_factory=VmsThresholds)
    # every vessel source's thresholds (VMS, AIS class A / B), applied per vessel; the
    # app fills it from the rules file
    freshness: FreshnessPolicy = field(default_factory=FreshnessPolicy)
    station_stale_after_s: float = 3600.0
    camera_stale_after_s: float = 900.0
    # the site's local VN-2000 grid for coordinate readouts and "go to" (Bình Định:
    # VN-2000 / TM-3 108-15); other provinces use their own EPSG code
    local_grid_crs: str = "EPSG:9217"
    print_local_grid: bool = False  # printed maps also carry that grid, in kilometres
    operator: str = field(default_factory=default_operator)  # sent as `actor` of actions
    nearby: NearbySettings = field(default_factory=NearbySettings)
    video: VideoSettings = field(default_factory=VideoSettings)
    outbox_retry: RetryPolicy = field(default_factory=RetryPolicy)
    # data sources besides the backend: feature servers, SensorThings, AIS
    # (console/sources/registry.py; `[[sources]]` tables in the settings file)
    sources: tuple[SourceEntry, ...] = ()
