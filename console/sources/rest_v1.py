"""Client of the IOC REST API v1: one method per endpoint, strict parsing, clear errors.

Thread-safety: methods are called from worker threads (never the GUI thread); a
`requests.Session` is shared, which is safe for concurrent simple requests.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlencode

import numpy as np

from console import __version__
from console.model.camera import Camera
from console.model.identity import Identity
from console.model.incident import Incident
from console.model.station import ObservationSeries, Station
from console.model.station_summary import StationSummary
from console.model.storm import StormBulletin
from console.model.vessel import Track, Vessel
from console.sources import change_pages, parse, wire
from console.sources.errors import (
    AuthError,
    BadResponse,
    Conflict,
    Forbidden,
    NotFound,
    Rejected,
)
from console.sources.http import HttpSettings, exchange, make_session
from console.sources.pages import Page, Reply
from console.sources.rest_decisions import DecisionEndpoints

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FleetTrackColumns:
    """Many vessels' fixes, sorted by vessel then time (numpy columns)."""

    vessel_id: list[str]
    t: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    speed_kn: np.ndarray | None = None  # None: the answer did not carry them
    course_deg: np.ndarray | None = None

    def where(self, keep: np.ndarray) -> FleetTrackColumns:
        """The fixes where `keep` (a boolean mask over them) is true."""
        return FleetTrackColumns(
            [v for v, k in zip(self.vessel_id, keep.tolist(), strict=True) if k],
            *(None if c is None else c[keep]
              for c in (self.t, self.lon, self.lat, self.speed_kn, self.course_deg)),
        )


@dataclass(frozen=True, slots=True)
class HealthInfo:
    server_time: float
    speed: float
    version: str
    site: str
    alert_kinds: tuple[str, ...] = ()  # the alert kinds the backend raises itself


def _iso(t: float) -> str:
    return datetime.fromtimestamp(t, tz=UTC).isoformat().replace("+00:00", "Z")


class RestClient(DecisionEndpoints):
    """Talks to one backend. Raises `console.sources.errors.SourceError` subclasses only."""

    def __init__(self, base_url: str, token: str | None, settings: HttpSettings | None = None):
        self.base_url = base_url.rstrip("/")
        self._settings = settings or HttpSettings()
        self._session = make_session(token, self._settings, f"IOC-Console/{__version__}")

    def close(self) -> None:
        self._session.close()

    # --- plumbing -----------------------------------------------------------------------

    def _request(self, method: str, path: str, **kwargs: object) -> Reply:
        """One HTTP exchange with a size cap and an overall deadline (see `exchange`)."""
        return exchange(self._session, self._settings, method, f"{self.base_url}{path}",
                        f"{method} {path}", self.base_url, **kwargs)

    def _checked(self, response: Reply, what: str) -> bytes:
        status = response.status
        if status < 300:
            return response.body
        message = self._error_message(response)
        if status == 403:  # signed in, but the role may not: the server says which role
            raise Forbidden(message, self._required_role(response))
        if status == 401:
            raise AuthError(f"{what}: access refused ({status}): {message}")
        if status == 404:
            raise NotFound(f"{what}: not found: {message}")
        if status >= 500:
            raise BadResponse(f"{what}: server error {status}: {message}")
        raise Rejected(f"{what}: {message}", status)

    @staticmethod
    def _error_message(response: Reply) -> str:
        try:
            return wire.ErrorBody.model_validate_json(response.body).error.message
        except ValueError:
            return f"HTTP {response.status}"

    @staticmethod
    def _required_role(response: Reply) -> str | None:
        try:
            return wire.ErrorBody.model_validate_json(response.body).error.required_role
        except ValueError:
            return None

    def _get(self, path: str, model: type[parse.M], what: str, **params: object) -> parse.M:
        return parse.validate(model, self._get_body(path, what, **params), what)

    # --- endpoints ----------------------------------------------------------------------

    def health(self) -> HealthInfo:
        h = self._get("/health", wire.Health, "health")
        return HealthInfo(h.server_time.timestamp(), h.speed, h.version, h.site,
                          tuple(h.alert_kinds))

    def me(self) -> Identity:
        """Who this token belongs to and what that user may do."""
        me = self._get("/api/v1/me", wire.Me, "signed-in user")
        return Identity(me.name, me.role, me.shared, frozenset(me.permissions))

    def _get_body(self, path: str, what: str, **params: object) -> bytes:
        clean = {k: v for k, v in params.items() if v is not None}
        return self._checked(self._request("GET", path, params=clean), what)

    def _changes(self, kind: str, since: int | None, bbox: str | None, after: int | None,
                 limit: int | None, **extra: object) -> Page[Any]:
        """One page of a live collection, parsed as a streamed one is
        (`change_pages`). A `limit` keeps each parse short: pydantic validates a body in
        one call that holds the GIL, so a 20,000-vessel body would freeze the GUI thread
        for 100-300 ms; a 1,000-item page costs 5-10 ms."""
        body = self._get_body(f"/api/v1/{kind}", kind, since=since, bbox=bbox, after=after,
                              limit=limit, **extra)
        return change_pages.PARSERS[kind](body)

    def vessels(
        self,
        since: int | None = None,
        bbox: str | None = None,
        after: int | None = None,
        limit: int | None = None,
    ) -> Page[Vessel]:
        """One page of vessels, asked for as table rows (`format=rows`): a 1,000-vessel
        page validates in < 1 ms instead of 5-10 ms as GeoJSON, and that call holds the
        GIL. Records, columns and map coordinates are all built here, on the worker."""
        return self._changes("vessels", since, bbox, after, limit, format="rows")

    def stations(
        self,
        since: int | None = None,
        bbox: str | None = None,
        after: int | None = None,
        limit: int | None = None,
    ) -> Page[Station]:
        return self._changes("stations", since, bbox, after, limit)

    def cameras(
        self,
        since: int | None = None,
        bbox: str | None = None,
        after: int | None = None,
        limit: int | None = None,
    ) -> Page[Camera]:
        return self._changes("cameras", since, bbox, after, limit)

    def incidents(
        self,
        since: int | None = None,
        bbox: str | None = None,
        after: int | None = None,
        limit: int | None = None,
    ) -> Page[Incident]:
        return self._changes("incidents", since, bbox, after, limit)

    def storm(self, since: int | None = None) -> Page[StormBulletin | None]:
        """The newest storm bulletin as a one-item page whose cursor is the bulletin's
        number (0 without a storm): unchanged since `since`, the page is empty; a storm
        that ended gives [None], so the console clears its picture."""
        b = self._get("/api/v1/storm", wire.StormBulletin, "storm bulletin")
        number = b.number if b.active else 0
        items: list[StormBulletin | None] = [] if since == number else [parse.storm(b)]
        return Page(items, number, b.server_time.timestamp())

    def storm_bulletins(self, start: float, end: float) -> list[StormBulletin]:
        """Every storm bulletin in force at some time in [start, end], oldest first (a
        period archive's storm history). Worker thread only."""
        payload = self._get("/api/v1/storm/bulletins", wire.StormBulletins, "storm bulletins",
                            start=_iso(start), end=_iso(end))
        return [b for b in map(parse.storm, payload.items) if b is not None]

    def track(self, vessel_id: str, start: float, end: float) -> Track:
        payload = self._get(
            f"/api/v1/vessels/{vessel_id}/track",
            wire.VesselTrack,
            "vessel track",
            start=_iso(start),
            end=_iso(end),
        )
        return parse.track(payload)

    def fleet_tracks(self, start: float, end: float) -> FleetTrackColumns:
        payload = self._get(
            "/api/v1/tracks", wire.FleetTracks, "fleet tracks", start=_iso(start), end=_iso(end)
        )
        n = len(payload.t)
        if not (len(payload.vessel_id) == len(payload.lon) == len(payload.lat) == n):
            raise BadResponse("invalid fleet tracks: columns have different lengths")
        return FleetTrackColumns(
            payload.vessel_id,
            np.asarray(payload.t),
            np.asarray(payload.lon),
            np.asarray(payload.lat),
            np.asarray(payload.speed_kn, dtype=np.float64),
            np.asarray(payload.course_deg, dtype=np.float64),
        )

    def observations(self, station_id: str, start: float, end: float) -> ObservationSeries:
        payload = self._get(
            f"/api/v1/stations/{station_id}/observations",
            wire.ObservationSeries,
            "observations",
            start=_iso(start),
            end=_iso(end),
        )
        return parse.observations(payload)

    def history(self, station_id: str, start: float, end: float) -> ObservationSeries:
        """10-minute readings over a long window (<= 400 days; older ones are generated by
        the reference backend). Worker thread only."""
        payload = self._get(
            f"/api/v1/stations/{station_id}/history",
            wire.ObservationSeries,
            "station history",
            start=_iso(start),
            end=_iso(end),
        )
        if len(payload.t) != len(payload.value):
            raise BadResponse("invalid station history: t and value have different lengths")
        # numpy turns None into NaN with a float dtype: no per-point Python loop
        return ObservationSeries(
            station_id=payload.station_id,
            unit=payload.unit,
            t=np.asarray(payload.t, dtype=np.float64),
            value=np.array(payload.value, dtype=np.float64),
        )

    def aggregates(
        self, station_id: str, start: float, end: float, interval: str = "1h"
    ) -> wire.ObservationAggregates:
        """Hourly ("1h") or daily ("1d", Vietnam midnight) statistics. Worker thread only."""
        return self._get(
            f"/api/v1/stations/{station_id}/aggregates",
            wire.ObservationAggregates,
            "station aggregates",
            start=_iso(start),
            end=_iso(end),
            interval=interval,
        )

    def station_summaries(self, _since: int | None = None) -> Page[StationSummary]:
        """Rain sums (1/3/24 h) and 1 h level change of every station (always complete:
        the returned cursor is 0)."""
        payload = self._get("/api/v1/station-summaries", wire.StationSummaries, "summaries")
        items = [
            StationSummary(i.station_id, i.acc_1h, i.acc_3h, i.acc_24h, i.change_1h)
            for i in payload.items
        ]
        return Page(items, 0, payload.server_time.timestamp())

    def snapshot(self, camera_id: str) -> bytes:
        response = self._request("GET", f"/api/v1/cameras/{camera_id}/snapshot")
        body = self._checked(response, "camera snapshot")
        if not body.startswith(b"\x89PNG") and not body.startswith(b"\xff\xd8"):
            raise BadResponse("camera snapshot: not a PNG or JPEG image")
        return body

    def incident_photo(self, incident_id: str, n: int) -> bytes:
        """Photo `n` of an incident, as attached (JPEG or PNG). Worker thread only."""
        response = self._request("GET", f"/api/v1/incidents/{quote(incident_id, safe='')}"
                                        f"/photos/{int(n)}")
        body = self._checked(response, "incident photo")
        if not body.startswith(b"\x89PNG") and not body.startswith(b"\xff\xd8"):
            raise BadResponse("incident photo: not a PNG or JPEG image")
        return body

    def camera_stream(
        self, camera_id: str, fps: int = 25, width: int = 640, height: int = 360
    ) -> tuple[str, dict[str, str]]:
        """URL and request headers (the bearer token) of a camera's live MJPEG stream, for
        a video decoder that opens its own connection (console/video/stream.py)."""
        query = urlencode({"fps": fps, "width": width, "height": height})
        url = f"{self.base_url}/api/v1/cameras/{quote(camera_id, safe='')}/stream.mjpeg?{query}"
        auth = self._session.headers.get("Authorization")
        return url, ({"Authorization": str(auth)} if auth else {})

    def incident_action(
        self, incident_id: str, request: wire.IncidentActionRequest, idempotency_key: str
    ) -> Incident:
        """POST an action. Raises `Conflict` (with the current Incident) on a stale version."""
        response = self._request(
            "POST",
            f"/api/v1/incidents/{incident_id}/actions",
            data=request.model_dump_json(),
            headers={
                "Content-Type": "application/json",
                "Idempotency-Key": idempotency_key,
            },
        )
        if response.status == 409:
            conflict = parse.validate(wire.IncidentConflict, response.body, "conflict")
            raise Conflict(conflict.error.message, parse.incident(conflict.current))
        body = self._checked(response, "incident action")
        return parse.incident(parse.validate(wire.IncidentFeature, body, "incident"))
