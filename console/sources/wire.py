"""The IOC REST API v1 wire format: the one definition of every payload.

Both sides use these models: the reference backend (`backend/`) declares them as
FastAPI response / request models, and the console validates what it receives
against them before turning it into domain records (`console.sources.parse`).
Keeping one definition means the OpenAPI document, the server and the client
cannot drift apart.

Conventions (why they are so):
- Instants inside objects are ISO 8601 strings in UTC (`...Z`); columnar series
  use epoch seconds (floats) because a year of 10-minute data as ISO strings
  would triple the payload.
- Geometry is GeoJSON (RFC 7946, lon/lat WGS84). pydantic alone accepts lon 200 /
  lat 95 / NaN, so the coordinate types below carry their own range checks.
- Every list endpoint returns a `cursor`; passing it back as `since` returns
  only what changed after it, so polling is incremental.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

Longitude = Annotated[float, Field(ge=-180.0, le=180.0, allow_inf_nan=False)]
Latitude = Annotated[float, Field(ge=-90.0, le=90.0, allow_inf_nan=False)]
FiniteFloat = Annotated[float, Field(allow_inf_nan=False)]


# A time without a zone is a lie: instants must carry an offset (e.g. ...Z). pydantic's
# AwareDatetime checks that in its Rust core; a Python validator per timestamp made
# parsing a 20,000-vessel page hold the GIL long enough to stall the GUI thread.
UtcDatetime = AwareDatetime

VesselStatus = Literal["in_port", "at_sea"]
StationKind = Literal["water_level", "reservoir", "rain"]
CameraStatus = Literal["online", "offline"]
# landslide: "sạt lở đất do mưa lũ hoặc dòng chảy" is a disaster type of the Law on Natural
# Disaster Prevention and Control (33/2013/QH13, art. 3 cl. 1; consolidated text
# 21/VBHN-VPQH, thuvienphapluat.vn), common on the province's passes in the rains
IncidentType = Literal[
    "traffic_accident", "congestion", "flooding", "landslide", "fire", "public_order",
    "field_report",
]
IncidentStatus = Literal["new", "acknowledged", "assigned", "resolved", "closed"]
IncidentAction = Literal["acknowledge", "assign", "resolve", "close"]
Severity = Literal["low", "medium", "high", "critical"]
# Rights grow with the role: a viewer reads, an operator acts on incidents, a supervisor
# also closes them and reads the audit log (backend/users.py holds the permission table).
Role = Literal["viewer", "operator", "supervisor"]


class _Strict(BaseModel):
    """Base for wire models: unknown fields are ignored (forward compatible), types strict."""

    model_config = ConfigDict(extra="ignore", frozen=True)


class PointGeometry(_Strict):
    type: Literal["Point"] = "Point"
    coordinates: tuple[Longitude, Latitude]


P = TypeVar("P", bound=BaseModel)
F = TypeVar("F", bound=BaseModel)


class Feature(_Strict, Generic[P]):
    """A GeoJSON point feature whose properties are `P`: every live collection's item
    (vessel, station, camera, incident) has this shape, defined once."""

    type: Literal["Feature"] = "Feature"
    id: str = Field(min_length=1, max_length=64)
    geometry: PointGeometry
    properties: P


class FeatureCollection(_Strict, Generic[F]):
    """One page of a live collection's changes: features of type `F`, the cursor to poll
    `since` next time, and where to continue when the page was full."""

    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[F]
    cursor: int = Field(ge=0)
    next_after: int | None = Field(default=None, ge=0)  # page was full: continue from here
    server_time: UtcDatetime


# --- health -----------------------------------------------------------------------------


class Health(_Strict):
    status: Literal["ok"] = "ok"
    server_time: UtcDatetime
    speed: FiniteFloat = Field(gt=0, description="simulated seconds per real second")
    version: str
    site: str
    alert_kinds: list[str] = Field(
        default_factory=list,
        description="the alert kinds this backend raises itself (GET /api/v1/alerts), e.g. "
                    "`water_level`; a console mirrors those instead of judging them; absent "
                    "from older backends")


class ErrorDetail(_Strict):
    code: str
    message: str
    required_role: Role | None = Field(
        default=None, description="403 only: the least role that may do what was refused")


class ErrorBody(_Strict):
    error: ErrorDetail


class Me(_Strict):
    """GET /api/v1/me: who the token belongs to and what that user may do, so a console
    shows the signed-in name and disables (with the reason) what the role may not do."""

    name: str = Field(min_length=1, max_length=64)
    role: Role
    shared: bool = Field(description="a shared account (the demo): actions record the "
                                     "`actor` the console names; personal accounts record "
                                     "the account name whatever the body says")
    permissions: list[str] = Field(description="what this user may do, e.g. "
                                               "`incident.acknowledge`")


class AuditEntry(_Strict):
    """One link of the hash-chained audit log (see backend/audit.py for the hash)."""

    id: int = Field(ge=1)
    at: str = Field(description="wall-clock UTC when it was written, ISO 8601")
    user: str = Field(description="the signed-in account that did it")
    action: str
    target: str | None = None
    detail: str = Field(description="canonical JSON text, hashed exactly as given")
    prev: str = Field(description="hash of the entry before (64 zeros for the first)")
    hash: str


class AuditPage(_Strict):
    entries: list[AuditEntry]
    next_after: int | None = Field(default=None, ge=1,
                                   description="more entries follow: pass as `after`")


# --- vessels ----------------------------------------------------------------------------


# one definition of each vessel field's range, for both vessel shapes below
VesselId = Annotated[str, Field(min_length=1, max_length=64)]
Registration = Annotated[str, Field(min_length=1, max_length=32)]
PersonName = Annotated[str, Field(max_length=200)]
ShortText = Annotated[str, Field(max_length=64)]
LengthM = Annotated[float, Field(gt=0, le=200, allow_inf_nan=False)]
SpeedKn = Annotated[float, Field(ge=0, le=60, allow_inf_nan=False)]
CourseDeg = Annotated[float, Field(ge=0, lt=360, allow_inf_nan=False)]
EpochSeconds = Annotated[float, Field(ge=0, allow_inf_nan=False)]


class VesselProperties(_Strict):
    registration: Registration
    name: PersonName
    owner: PersonName
    length_m: LengthM
    gear: ShortText
    home_port: ShortText
    status: VesselStatus
    fix_time: UtcDatetime
    speed_kn: SpeedKn
    course_deg: CourseDeg


class VesselFeature(Feature[VesselProperties]):
    id: VesselId


class VesselCollection(FeatureCollection[VesselFeature]):
    pass


# The vessel's fields, defined once: what identifies a vessel (sent with every fix, never
# changing) and what a fix carries. The console's record (`console.model.vessel.Vessel`)
# and the simulator's (`backend.sim.vessels.VesselInfo`) extend `VesselIdentity`; the
# backend's encoders, the console's parser, replay and archive schema derive their field
# lists from these; tests/console/test_vessel_fields.py holds the declared types
# (VesselProperties above, VesselRow below) to them.
@dataclass(frozen=True, slots=True)
class VesselIdentity:
    """Who a vessel is: the same in every fix of it."""

    id: str
    registration: str  # e.g. BĐ-96789-TS
    name: str
    owner: str
    length_m: float
    gear: str
    home_port: str


VESSEL_IDENTITY_FIELDS = tuple(f.name for f in dataclass_fields(VesselIdentity))[1:]
VESSEL_FIX_FIELDS = ("status", "lon", "lat", "fix_time", "speed_kn", "course_deg")

# `GET /vessels?format=rows`: the same vessels as a compact table. One row per vessel,
# values in VESSEL_ROW_FIELDS order (the order of the console's `Vessel` record), the fix
# time in epoch seconds. Why: validating 1,000 GeoJSON features is one 5-10 ms call that
# holds the GIL (and stalls the GUI thread behind it); the same rows validate in < 1 ms.
VESSEL_ROW_FIELDS = ("id", *VESSEL_IDENTITY_FIELDS, *VESSEL_FIX_FIELDS)
VesselRow = tuple[
    VesselId, Registration, PersonName, PersonName, LengthM, ShortText, ShortText,
    VesselStatus, Longitude, Latitude, EpochSeconds, SpeedKn, CourseDeg,
]


class VesselRows(_Strict):
    fields: tuple[str, ...]
    rows: list[VesselRow]
    cursor: int = Field(ge=0)
    next_after: int | None = Field(default=None, ge=0)
    server_time: UtcDatetime

    @field_validator("fields")
    @classmethod
    def _known_layout(cls, fields: tuple[str, ...]) -> tuple[str, ...]:
        if fields != VESSEL_ROW_FIELDS:
            raise ValueError(f"expected the columns {', '.join(VESSEL_ROW_FIELDS)}")
        return fields


class VesselTrack(_Strict):
    """Columnar track: parallel arrays, one entry per VMS fix, oldest first."""

    vessel_id: str
    t: list[FiniteFloat]
    lon: list[Longitude]
    lat: list[Latitude]
    speed_kn: list[FiniteFloat]
    course_deg: list[FiniteFloat]


# --- hydrology stations -----------------------------------------------------------------


class StationProperties(_Strict):
    code: str = Field(min_length=1, max_length=32)
    name: str = Field(max_length=200)
    kind: StationKind
    river: str | None = None
    unit: str = Field(max_length=16)
    alarm_levels: tuple[FiniteFloat, FiniteFloat, FiniteFloat] | None = Field(
        default=None, description="BĐ1, BĐ2, BĐ3 in metres (water-level stations)"
    )
    normal_level: FiniteFloat | None = Field(
        default=None, description="normal water level of a reservoir, metres"
    )
    latest_time: UtcDatetime | None = None
    latest_value: FiniteFloat | None = None
    source: str | None = Field(
        default=None,
        max_length=1000,
        description="where the station's name, position and alarm levels come from: a "
        "citation (document, URL, bulletin date), or 'simulated' when no published source "
        "gave them; absent from older backends",
    )


class StationFeature(Feature[StationProperties]):
    pass


class StationCollection(FeatureCollection[StationFeature]):
    pass


class ObservationSeries(_Strict):
    """Columnar observations: `value[i]` is None where the gauge sent nothing usable."""

    station_id: str
    unit: str
    t: list[FiniteFloat]
    value: list[FiniteFloat | None]


# --- cameras ----------------------------------------------------------------------------


class CameraProperties(_Strict):
    name: str = Field(max_length=200)
    kind: Literal["traffic", "security"]
    status: CameraStatus
    last_seen: UtcDatetime


class CameraFeature(Feature[CameraProperties]):
    pass


class CameraCollection(FeatureCollection[CameraFeature]):
    pass


# --- incidents --------------------------------------------------------------------------


class IncidentEvent(_Strict):
    """One step of the audit trail: who did what, when."""

    action: Literal["report", "acknowledge", "assign", "resolve", "close"]
    actor: str
    at: UtcDatetime
    from_status: IncidentStatus | None = None
    to_status: IncidentStatus
    assignee: str | None = None
    note: str | None = None


PhotoType = Literal["image/jpeg", "image/png"]
MAX_PHOTOS = 4
MAX_PHOTO_BYTES = 3_000_000  # after the console's downscaling a photo is ~0.3-0.8 MB
_SIGNATURES = {"image/jpeg": b"\xff\xd8\xff", "image/png": b"\x89PNG\r\n\x1a\n"}


class PhotoRef(_Strict):
    """A photo attached to an incident: GET /incidents/{id}/photos/{n} gives its bytes."""

    n: int = Field(ge=1, description="1, 2, … in the order attached")
    media_type: PhotoType
    size: int = Field(ge=1, le=MAX_PHOTO_BYTES, description="bytes")
    sha256: str = Field(pattern="^[0-9a-f]{64}$", description="of the bytes (the audit "
                                                             "trail records it)")


class PhotoUpload(_Strict):
    """A photo sent with a new incident (JSON: base64, so the request stays one
    idempotent body the console's outbox can keep and resend)."""

    media_type: PhotoType
    data: str = Field(description="the image file's bytes, base64",
                      max_length=(MAX_PHOTO_BYTES + 2) // 3 * 4)

    @field_validator("data")
    @classmethod
    def _decodable(cls, value: str) -> str:
        try:
            raw = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("not valid base64") from None
        if not raw:
            raise ValueError("empty photo")
        if len(raw) > MAX_PHOTO_BYTES:
            raise ValueError(f"photo larger than {MAX_PHOTO_BYTES // 1_000_000} MB")
        if not any(raw.startswith(sig) for sig in _SIGNATURES.values()):
            raise ValueError("not a JPEG or PNG image")
        return value

    def raw(self) -> bytes:
        body = base64.b64decode(self.data)
        if not body.startswith(_SIGNATURES[self.media_type]):
            raise ValueError(f"the photo is not a {self.media_type} image")
        return body


class IncidentProperties(_Strict):
    type: IncidentType
    severity: Severity
    status: IncidentStatus
    title: str = Field(max_length=300)
    description: str = Field(max_length=4000)
    reported_at: UtcDatetime
    updated_at: UtcDatetime
    version: int = Field(ge=1, description="optimistic-concurrency version; bumps on every action")
    assignee: str | None = None
    history: list[IncidentEvent]
    photos: list[PhotoRef] = Field(default=[], max_length=MAX_PHOTOS)


class IncidentFeature(Feature[IncidentProperties]):
    pass


class IncidentCollection(FeatureCollection[IncidentFeature]):
    pass


class IncidentActionRequest(_Strict):
    """POST body of /incidents/{id}/actions; send an `Idempotency-Key` header with it."""

    action: IncidentAction
    expected_version: int = Field(ge=1)
    actor: Annotated[str, Field(min_length=1, max_length=100)] | None = Field(
        default=None,
        description="who sits at a shared account's console; ignored for personal accounts "
                    "(the audit trail records the signed-in user)")
    assignee: str | None = Field(default=None, max_length=100)
    note: str | None = Field(default=None, max_length=2000)


class IncidentConflict(_Strict):
    """409 body: the action was based on a stale version; here is the current state."""

    error: ErrorDetail
    current: IncidentFeature


class FleetTracks(_Strict):
    """Columnar tracks of many vessels at once (GET /api/v1/tracks), sorted by vessel
    then time: lets a console fill every vessel's tail in one request at start-up."""

    vessel_id: list[str]
    t: list[FiniteFloat]
    lon: list[Longitude]
    lat: list[Latitude]
    speed_kn: list[FiniteFloat]
    course_deg: list[FiniteFloat]



# the live collections share one shape (features + cursor + continuation)
LiveCollection = VesselCollection | StationCollection | CameraCollection | IncidentCollection

# --- long station history (charts) -----------------------------------------------------

AggregateInterval = Literal["1h", "1d"]


class ObservationAggregates(_Strict):
    """Columnar per-bucket statistics of one station (GET .../aggregates).

    `t[i]` is the bucket start (epoch seconds); buckets span `interval_s`; daily buckets
    start at Vietnam midnight (UTC+7). Statistics are None where a bucket had no reading.
    """

    station_id: str
    unit: str
    interval_s: int = Field(gt=0)
    t: list[FiniteFloat]
    count: list[int]
    sum: list[FiniteFloat | None]
    min: list[FiniteFloat | None]
    max: list[FiniteFloat | None]
    mean: list[FiniteFloat | None]


# --- recent station summaries (live picture) ---------------------------------------------


class StationSummary(_Strict):
    """Recent behaviour of one station: rain sums (mm) for rain gauges, the change over the
    last hour (trend, in the station's unit) for level gauges. None where not applicable."""

    station_id: str
    acc_1h: FiniteFloat | None = None
    acc_3h: FiniteFloat | None = None
    acc_24h: FiniteFloat | None = None
    change_1h: FiniteFloat | None = None


class StationSummaries(_Strict):
    """GET /api/v1/station-summaries: one row per station, computed by the backend so the
    console does not fetch 24 h of readings of every gauge to colour the map."""

    items: list[StationSummary]
    server_time: UtcDatetime


# --- operators' decisions kept on the backend (alerts, reports, closures, new incidents) -

ActorName = Annotated[str, Field(min_length=1, max_length=100)]
Comment = Annotated[str, Field(max_length=2000)]
AlertAction = Literal["acknowledge", "shelve", "unshelve"]
# Decree 41/2026 (see DESIGN.md): an operator closes a boundary crossing with one of these.
CrossingCloseReason = Literal["position_error", "returned_within_2h", "case_opened"]
ReportChannel = Literal["radio", "phone", "other"]


class AlertActionRequest(_Strict):
    """POST /alerts/actions (with an Idempotency-Key). `key` names the alert's condition,
    as the rules make it (e.g. `zone:restricted-1:v00042`); `raised_at` names the
    occurrence acknowledged, so a condition that comes back later is new again."""

    key: str = Field(min_length=1, max_length=200)
    action: AlertAction
    raised_at: UtcDatetime
    comment: Comment | None = None
    shelve_minutes: int | None = Field(
        default=None, ge=1, le=480,
        description="shelve only: how long (ISA-18.2 asks for time-limited shelving)")
    actor: ActorName | None = Field(default=None, description="shared accounts only")


class AlertEvent(_Strict):
    action: AlertAction
    actor: str
    at: UtcDatetime
    comment: str | None = None
    until: UtcDatetime | None = None


class AlertDecision(_Strict):
    """Operators' decisions on one alert condition; times are wall-clock UTC (a shelf of
    15 minutes lasts 15 real minutes whatever the demo's speed)."""

    key: str
    version: int = Field(ge=1)
    raised_at: UtcDatetime = Field(description="the occurrence the decisions refer to")
    ack_by: str | None = None
    ack_at: UtcDatetime | None = None
    ack_comment: str | None = None
    shelved_by: str | None = None
    shelved_until: UtcDatetime | None = Field(
        default=None, description="shelved while the clock is before this")
    shelve_comment: str | None = None
    history: list[AlertEvent]


class AlertDecisions(_Strict):
    decisions: list[AlertDecision]
    cursor: int = Field(ge=0)
    server_time: UtcDatetime


AlertSeverity = Literal["info", "low", "medium", "high", "critical"]


class ServerAlert(_Strict):
    """One occurrence of an alert condition raised by the backend's rules (the same rules
    the console applies, console/rules/judge.py). Named like every alert by its condition
    `key` and its `onset` (source time: the reading, fix or status change that began it),
    so the operators' decisions (`AlertDecision`, by key + `raised_at`) apply to it. The
    text is not stored: `rule` and `params` are phrased by each console in its language."""

    key: str = Field(min_length=1, max_length=200)
    onset: UtcDatetime = Field(description="when the occurrence began (source time)")
    kind: str = Field(max_length=32, description="the inbox kind: water_level, camera, ...")
    rule: str = Field(max_length=64, description="what the message says (with `params`)")
    severity: AlertSeverity
    item_id: str | None = Field(default=None, max_length=200)
    geometry: PointGeometry | None = None
    params: dict[str, str | float | int | bool | list[float] | None] = Field(
        default_factory=dict, description="the message's parameters")
    active: bool
    cleared_at: UtcDatetime | None = Field(
        default=None, description="when the occurrence ended (source time)")
    ended: Literal["cleared", "escalated"] | None = Field(
        default=None, description="escalated: a worse state of the condition began "
                                  "(a new occurrence with the same key)")
    decision: AlertDecision | None = Field(
        default=None, description="the operators' decisions on this occurrence (who and "
                                  "when acknowledged, shelved), when there are any")
    flapping: bool = Field(
        default=False, description="the condition began more than `flap_max_transitions` "
        "times within `flap_window_s` (rules.json): the backend's count, so every console, "
        "also one started later, marks it alike and does not cue the operator for it")


class ServerAlerts(_Strict):
    alerts: list[ServerAlert]
    cursor: int = Field(ge=0)
    server_time: UtcDatetime


class IncidentCreateRequest(_Strict):
    """POST /incidents (with an Idempotency-Key): an incident opened by an operator."""

    type: IncidentType
    severity: Severity
    title: str = Field(min_length=1, max_length=300)
    description: str = Field(default="", max_length=4000)
    geometry: PointGeometry
    actor: ActorName | None = Field(default=None, description="shared accounts only")
    photos: list[PhotoUpload] = Field(default=[], max_length=MAX_PHOTOS,
                                      description="optional photos (JPEG or PNG)")


class PositionReportRequest(_Strict):
    """POST /vessels/{id}/reports: a position the captain gave by radio or phone while
    the VMS device is silent (Decree 37/2024: every 6 h once the signal is lost)."""

    reported_at: UtcDatetime = Field(description="when the vessel was at that position")
    geometry: PointGeometry
    channel: ReportChannel
    note: Comment | None = None
    actor: ActorName | None = Field(default=None, description="shared accounts only")


class PositionReport(_Strict):
    id: str
    vessel_id: str
    reported_at: UtcDatetime
    geometry: PointGeometry
    channel: ReportChannel
    note: str | None = None
    recorded_by: str
    recorded_at: UtcDatetime


class PositionReports(_Strict):
    reports: list[PositionReport]
    cursor: int = Field(ge=0)
    server_time: UtcDatetime


class CrossingCloseRequest(_Strict):
    """POST /crossings/closures: close a permitted-boundary crossing case. A crossing is
    named by its vessel and the source time of its first fix outside, which every
    console's rules derive alike."""

    vessel_id: str = Field(min_length=1, max_length=64)
    crossed_at: UtcDatetime
    returned_at: UtcDatetime | None = None
    reason: CrossingCloseReason
    comment: Comment | None = None
    actor: ActorName | None = Field(default=None, description="shared accounts only")


class CrossingClosure(_Strict):
    id: str
    vessel_id: str
    crossed_at: UtcDatetime
    returned_at: UtcDatetime | None = None
    reason: CrossingCloseReason
    comment: str | None = None
    closed_by: str
    closed_at: UtcDatetime


class CrossingClosures(_Strict):
    closures: list[CrossingClosure]
    cursor: int = Field(ge=0)
    server_time: UtcDatetime


# --- storm bulletins ----------------------------------------------------------------------


class StormPoint(_Strict):
    """One centre position of a storm bulletin: observed, or forecast for time `t`."""

    t: FiniteFloat = Field(description="epoch seconds (UTC) of the position")
    lon: Longitude
    lat: Latitude
    wind_level: int = Field(ge=0, le=17, description="Beaufort level near the centre")
    gust_level: int = Field(ge=0, le=17)
    r6_km: FiniteFloat = Field(ge=0, description="radius of level-6 (strong) winds, km")
    cone_km: FiniteFloat = Field(
        default=0.0, ge=0, description="forecast points: radius of the uncertainty cone, km"
    )


class StormBulletin(_Strict):
    """GET /storm: the newest bulletin about the active storm (`active` false when none).
    `danger_zone` is [west, south, east, north] in degrees, as a bulletin publishes it
    (parallels and meridians), for the next `danger_hours`."""

    active: bool
    name: str = ""
    number: int = 0
    issued_at: FiniteFloat = 0.0
    observed: list[StormPoint] = []
    forecast: list[StormPoint] = []
    danger_zone: tuple[Longitude, Latitude, Longitude, Latitude] | None = None
    danger_hours: FiniteFloat = 24.0
    source: str = Field(default="simulated", description="a citation, or 'simulated'")
    server_time: UtcDatetime


class StormBulletins(_Strict):
    """GET /storm/bulletins: every bulletin in force during a window, oldest first."""

    items: list[StormBulletin]
    server_time: UtcDatetime


# --- the change stream (GET /api/v1/stream, Server-Sent Events) ----------------------------
# Every change the console polls for, pushed. Each event's `data` is exactly the body the
# kind's poll endpoint would answer (vessels as `format=rows`), so one parser serves both;
# its `id` is a resumable cursor: every kind's poll position (cursor, and `after` inside a
# page that was cut), i.e. the `since` / `after` a poller would send next.

STREAM_KINDS = ("vessels", "stations", "cameras", "incidents", "alert_decisions", "reports",
                "closures", "alerts")
StreamPosition = tuple[int, int | None]  # (cursor, after) as a poll passes since / after
MAX_STREAM_CURSOR = 2**62


def encode_stream_cursor(positions: dict[str, StreamPosition]) -> str:
    """``vessels:57:1234,stations:60``: one `kind:cursor[:after]` per known kind (a kind
    left out starts from its full list, as a first poll does)."""
    parts = []
    for kind in STREAM_KINDS:
        if kind in positions:
            cursor, after = positions[kind]
            parts.append(f"{kind}:{cursor}" + ("" if after is None else f":{after}"))
    return ",".join(parts)


def decode_stream_cursor(text: str) -> dict[str, StreamPosition]:
    """The inverse of `encode_stream_cursor`; ValueError naming what is wrong."""
    positions: dict[str, StreamPosition] = {}
    for part in filter(None, text.strip().split(",")):
        kind, *numbers = part.split(":")
        if kind not in STREAM_KINDS:
            raise ValueError(f"unknown change kind {kind!r}")
        if not 1 <= len(numbers) <= 2 or not all(n.isdigit() for n in numbers):
            raise ValueError(f"{kind}: expected kind:cursor[:after] with whole numbers")
        values = [int(n) for n in numbers]
        if any(v > MAX_STREAM_CURSOR for v in values):
            raise ValueError(f"{kind}: cursor out of range")
        positions[kind] = (values[0], values[1] if len(values) == 2 else None)
    return positions


class StreamOpen(_Strict):
    """First event of a stream: what it carries and how often it proves it is alive."""

    kinds: list[str]
    heartbeat_s: float = Field(gt=0)


class StreamHeartbeat(_Strict):
    """Sent when nothing changed for `heartbeat_s`: the connection lives, the data is
    current as of `server_time` (its `id` carries cursors advanced past empty polls)."""

    server_time: UtcDatetime
