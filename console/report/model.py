"""The shift report's figures as plain frozen records (no Qt, no formatting).

Every number here is computed from an archive's own rows by `console.report.compute`;
the HTML and PDF renderers only format them, so the test can compare the figures with
the archive directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from console.model.storm import StormBulletin


@dataclass(frozen=True, slots=True)
class RainRow:
    """A rain gauge's total over the window (sum of its readings in (start, end])."""

    station_id: str
    name: str
    total_mm: float
    readings: int
    max_reading_mm: float


@dataclass(frozen=True, slots=True)
class LevelRow:
    """A river gauge's peak in the window, when it occurred, and where it stood against
    BĐ1–3 (`reached` 0..3; `phrase` is the bulletin's wording, in the report language)."""

    station_id: str
    name: str
    river: str | None
    peak_m: float
    peak_t: float
    levels: tuple[float, float, float] | None
    reached: int
    phrase: str
    last_m: float
    last_t: float


@dataclass(frozen=True, slots=True)
class ReservoirRow:
    """A reservoir's peak and last level against its normal water level (`margin_m` =
    last − normal; None when the station has no normal level)."""

    station_id: str
    name: str
    peak_m: float
    peak_t: float
    last_m: float
    last_t: float
    normal_m: float | None
    margin_m: float | None


@dataclass(frozen=True, slots=True)
class VesselRow:
    """A vessel the shift must know about: `state` 'lost' / 'must_return' (by the age of
    its last fix at the window's end, Decree 37/2024 thresholds) or 'violation' (a zone or
    boundary-crossing alert raised in the window; `detail` is that alert's title)."""

    vessel_id: str
    registration: str
    name: str
    state: str
    fix_time: float
    lon: float
    lat: float
    silent_s: float
    detail: str = ""


@dataclass(frozen=True, slots=True)
class IncidentRow:
    """An incident opened or closed in the window, with its response times from the audit
    trail (`response_s`: report -> first acknowledgement; `resolve_s`: report -> resolved
    or closed, whichever came first; None when it has not happened by the window's end)."""

    incident_id: str
    title: str
    type: str
    severity: str
    reported_at: float
    acknowledged_at: float | None
    closed_at: float | None
    status_at_end: str
    response_s: float | None
    resolve_s: float | None
    lon: float
    lat: float


@dataclass(frozen=True, slots=True)
class CameraRow:
    """A camera offline at some time in the window: since when (its last-seen time), and
    when it came back (None: still offline at the window's end)."""

    camera_id: str
    name: str
    offline_since: float
    back_at: float | None
    lon: float
    lat: float


@dataclass(frozen=True, slots=True)
class AlertRow:
    """An alert raised in the window and who acknowledged it (None: nobody, or the
    archive predates recorded acknowledgements)."""

    alert_id: int
    source: str
    severity: str
    title: str
    raised_at: float
    cleared_at: float | None
    ack_by: str | None
    ack_at: float | None


@dataclass(frozen=True, slots=True)
class StormVesselRow:
    """A vessel at sea inside a storm's danger zone during the window, by its recorded
    fixes: when it was first and last seen inside (and where, last), under which bulletin
    it first was, and whether its last fix by the window's end was still inside."""

    vessel_id: str
    registration: str
    name: str
    bulletin_number: int
    first_inside: float
    last_inside: float
    lon: float
    lat: float
    inside_at_end: bool


@dataclass(frozen=True)
class ShiftReport:
    """The whole report for [start, end] (epoch seconds UTC)."""

    start: float
    end: float
    source: str  # the archive path or backend URL the figures came from
    language: str
    rain: list[RainRow]
    levels: list[LevelRow]
    reservoirs: list[ReservoirRow]
    vessels: list[VesselRow]
    incidents_opened: list[IncidentRow]
    incidents_closed: list[IncidentRow]
    cameras_offline: list[CameraRow]
    alerts: list[AlertRow]
    alerts_have_acks: bool
    alerts_available: bool  # False: built from the backend's history, which keeps none
    vessels_known: int
    # (t, value) series of the heaviest rain gauge and the highest river gauge, for charts
    rain_chart: tuple[str, list[float], list[float]] | None = None
    level_chart: tuple[str, list[float], list[float], tuple | None] | None = None
    simulated_sources: list[str] = field(default_factory=list)
    # storm bulletins in force during the window (by issue time), the vessels that were
    # inside their danger zones, and False when the archive predates storm recording
    storms: list[StormBulletin] = field(default_factory=list)
    storm_vessels: list[StormVesselRow] = field(default_factory=list)
    storms_recorded: bool = True
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)  # station lon/lat

    @property
    def heaviest_rain(self) -> RainRow | None:
        return max(self.rain, key=lambda r: r.total_mm, default=None)

    def vessels_in(self, state: str) -> list[VesselRow]:
        return [v for v in self.vessels if v.state == state]
