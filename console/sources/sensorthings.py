"""Client of an OGC SensorThings API v1.1 service (OGC 18-088) for station networks.

Its stations join the same records as the reference backend's (`console.model.station`):
one `Station` per Datastream whose ObservedProperty and unit map to one of our kinds
(console/sources/sta_kinds.py), at its Thing's Location, with the latest reading and rain
sums from recent Observations. Every other Datastream is listed in `StaPoll.skipped`.

Requests (all GETs, paged by following `@iot.nextLink`, `$top` per page, bounded in count):
- stations: `Things?$expand=Locations,Datastreams` and
  `ObservedProperties?$expand=Datastreams($select=id)` (what each Datastream measures);
- readings: `Observations?$filter=phenomenonTime gt T&$select=phenomenonTime,result
  &$resultFormat=dataArray` (grouped by Datastream), incremental from the newest time
  seen (the first poll reads the last `lookback_s`);
- a chart's series: `Datastreams(id)/Observations?$filter=phenomenonTime ge A and
  phenomenonTime le B&$select=phenomenonTime,result&$resultFormat=dataArray`.

Worker threads only (blocking HTTP). One poll at a time per client: the live source
never overlaps two (the job runner's in-flight key), and the series calls keep no state.
Errors are `SourceError`s whose message names the service and what failed.
"""

from __future__ import annotations

import json
import math
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, unquote

import numpy as np

from console import __version__
from console.i18n import translate as _tr
from console.model.station import ObservationSeries, Station
from console.model.station_summary import StationSummary
from console.sources.errors import AuthError, BadResponse, NotFound, SourceError
from console.sources.http import HttpSettings, exchange, make_session
from console.sources.sta_kinds import KindMap, Mapped

HOUR = 3600.0
RAIN_WINDOW_S = 24 * HOUR


@dataclass(frozen=True, slots=True)
class StaStream:
    """A Datastream that became one of our stations."""

    datastream_id: Any  # as the server spells it (number or string)
    station: Station  # without a reading: `StaPoll.stations` carries the latest
    mapped: Mapped


@dataclass(frozen=True, slots=True)
class StaPoll:
    """One poll's result: the stations with their latest readings, rain sums and level
    trends, and the Datastreams we could not use (with why)."""

    stations: list[Station]
    summaries: list[StationSummary]
    skipped: list[str]
    requests: int  # HTTP requests the poll needed (pages included)


@dataclass
class _Readings:
    """Recent readings of one stream, in our unit, oldest first (24 h kept)."""

    t: deque[float] = field(default_factory=deque)
    v: deque[float] = field(default_factory=deque)

    def add(self, t: float, v: float) -> None:
        if self.t and t <= self.t[-1]:
            if t == self.t[-1]:
                self.v[-1] = v
                return
            pairs = sorted([*zip(self.t, self.v, strict=True), (t, v)])
            self.t, self.v = deque(p[0] for p in pairs), deque(p[1] for p in pairs)
            return
        self.t.append(t)
        self.v.append(v)

    def trim(self, before: float) -> None:
        while self.t and self.t[0] < before:
            self.t.popleft()
            self.v.popleft()


def iso(t: float) -> str:
    return datetime.fromtimestamp(t, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(value: Any) -> float | None:
    """An ISO 8601 instant, or the end of an interval `a/b` (OGC 18-088 TM_Object)."""
    if not isinstance(value, str) or not value:
        return None
    text = value.split("/")[-1].strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


def id_literal(ident: Any) -> str:
    """An entity id as it stands in a resource path: numbers bare, strings quoted."""
    if isinstance(ident, int | float) and not isinstance(ident, bool):
        return str(ident)
    return "'" + str(ident).replace("'", "''") + "'"


class SensorThingsClient:
    """One SensorThings service. `name` prefixes its station ids (`sta:<name>:<id>`), so
    several services and the reference backend never collide in one store."""

    def __init__(self, url: str, name: str, settings: HttpSettings | None = None,
                 token: str | None = None, basic: tuple[str, str] | None = None,
                 kinds: KindMap | None = None,
                 page_size: int = 100, reading_page_size: int = 1000, max_pages: int = 500,
                 lookback_s: float = RAIN_WINDOW_S) -> None:
        self.url = url.rstrip("/")
        self.name = name
        self.prefix = f"sta:{name}:"
        self._settings = settings or HttpSettings()
        self._session = make_session(token, self._settings, f"IOC-Console/{__version__}")
        if basic is not None:  # HTTP Basic (FROST-Server's usual), never logged
            self._session.auth = basic
        self._kinds = kinds or KindMap.load()
        self.page_size = page_size  # Things, ObservedProperties
        self.reading_page_size = reading_page_size  # Observations (dataArray rows)
        self.max_pages = max_pages
        self.lookback_s = lookback_s
        self.streams: dict[str, StaStream] = {}  # station id -> stream
        self._readings: dict[str, _Readings] = {}
        self._newest: float | None = None  # newest phenomenonTime seen (incremental reads)
        self._requests = 0

    def close(self) -> None:
        self._session.close()

    def owns(self, station_id: str) -> bool:
        return station_id.startswith(self.prefix)

    # --- HTTP -----------------------------------------------------------------------------

    def _get_json(self, url: str, params: dict[str, str] | None, what: str) -> dict:
        self._requests += 1
        reply = exchange(self._session, self._settings, "GET", url, f"{self.name}: {what}",
                         self.url, params=params)
        if reply.status in (401, 403):
            raise AuthError(f"{self.name}: {what}: access refused ({reply.status})")
        if reply.status == 404:
            raise NotFound(f"{self.name}: {what}: not found (404)")
        if reply.status >= 400:
            raise BadResponse(f"{self.name}: {what}: HTTP {reply.status}"
                              f"{_server_message(reply.body)}")
        try:
            body = json.loads(reply.body)
        except ValueError:
            raise BadResponse(f"{self.name}: {what}: not JSON") from None
        if not isinstance(body, dict):
            raise BadResponse(f"{self.name}: {what}: not a JSON object")
        return body

    def pages(self, path: str, params: dict[str, str], what: str,
              page_size: int | None = None) -> Iterator[dict]:
        """Every entity of a collection, following `@iot.nextLink` (at most `max_pages`).
        `$top` asks for `page_size` a page; the server may give fewer (its own cap)."""
        url: str | None = f"{self.url}/{path}"
        top = page_size or self.page_size
        query: dict[str, str] | None = {"$top": str(top), **params}
        for _ in range(self.max_pages):
            assert url is not None
            body = self._get_json(url, query, what)
            value = body.get("value")
            if not isinstance(value, list):
                raise BadResponse(f"{self.name}: {what}: no 'value' list")
            yield from value
            url, query = body.get("@iot.nextLink"), None  # the link carries the query
            if not url:
                return
            if not isinstance(url, str):
                raise BadResponse(f"{self.name}: {what}: @iot.nextLink is not a link")
        raise BadResponse(f"{self.name}: {what}: more than {self.max_pages} pages")

    # --- stations -------------------------------------------------------------------------

    def load_streams(self) -> list[str]:
        """(Re)read Things with their Locations and Datastreams, and which ObservedProperty
        each Datastream measures; returns what was skipped. Only to-many `$expand`s: some
        servers answer a to-one expand (Datastream -> ObservedProperty) wrongly (see
        tests/sensorthings), and joining by id costs one short walk more."""
        measures: dict[str, dict] = {}
        for prop in self.pages("ObservedProperties", {"$expand": "Datastreams($select=id)"},
                               "observed properties"):
            for ds in (prop.get("Datastreams") or []) if isinstance(prop, dict) else []:
                if isinstance(ds, dict):
                    measures[id_literal(ds.get("@iot.id"))] = prop
        skipped: list[str] = []
        streams: dict[str, StaStream] = {}
        things = self.pages("Things", {"$expand": "Locations,Datastreams"}, "stations")
        for thing in things:
            if not isinstance(thing, dict):
                raise BadResponse(f"{self.name}: stations: a Thing is not an object")
            name = str(thing.get("name") or thing.get("@iot.id"))
            point = _point(thing.get("Locations"))
            if point is None:
                skipped.append(_tr("SensorThings", "%1: no point location").replace("%1", name))
                continue
            usable = []
            for ds in thing.get("Datastreams") or []:
                prop = measures.get(id_literal(ds.get("@iot.id")), {})
                mapped = self._kinds.classify(prop, ds.get("unitOfMeasurement") or {})
                if isinstance(mapped, str):
                    skipped.append(f"{name} / {ds.get('name') or ds.get('@iot.id')}: {mapped}")
                else:
                    usable.append((ds, mapped))
            for ds, mapped in usable:
                station = self._station(thing, ds, mapped, point, several=len(usable) > 1)
                streams[station.id] = StaStream(ds.get("@iot.id"), station, mapped)
        self.streams = streams
        return skipped

    def _station(self, thing: dict, ds: dict, mapped: Mapped, point: tuple[float, float],
                 several: bool) -> Station:
        props = thing.get("properties") if isinstance(thing.get("properties"), dict) else {}
        kind = mapped.kind
        normal = _number(props.get("normal_level"))
        if kind == "water_level" and props.get("kind") == "reservoir" and normal is not None:
            kind = "reservoir"
        levels = props.get("alarm_levels")
        alarm = (tuple(float(x) for x in levels) if isinstance(levels, list) and len(levels) == 3
                 and all(_number(x) is not None for x in levels) else None)
        thing_name = str(thing.get("name") or thing.get("@iot.id"))
        source = props.get("source")
        return Station(
            id=f"{self.prefix}{ds.get('@iot.id')}",
            code=str(props.get("code") or thing.get("@iot.id")),
            name=f"{thing_name}: {ds.get('name')}" if several else thing_name,
            kind=kind, river=props.get("river") if isinstance(props.get("river"), str) else None,
            unit=mapped.unit, lon=point[0], lat=point[1],
            alarm_levels=alarm if kind == "water_level" else None,  # type: ignore[arg-type]
            normal_level=normal if kind == "reservoir" else None,
            latest_time=None, latest_value=None,
            source=source if isinstance(source, str) else self.url,
        )

    def poll(self, now: float | None = None) -> StaPoll:
        """Stations, then the readings since the newest one seen, as dataArray groups
        (one per Datastream, named by its link). Worker thread only."""
        now = time.time() if now is None else now
        self._requests = 0
        skipped = self.load_streams()
        by_ds = {id_literal(s.datastream_id): sid for sid, s in self.streams.items()}
        since = self._newest if self._newest is not None else now - self.lookback_s
        groups = self.pages("Observations", {
            "$filter": f"phenomenonTime gt {iso(since)}",
            "$select": "phenomenonTime,result",
            "$resultFormat": "dataArray",
        }, "readings", self.reading_page_size)
        for group in groups:
            link = group.get("Datastream@iot.navigationLink") if isinstance(group, dict) else None
            sid = by_ds.get(_linked_id(link))
            t: list[float] = []
            v: list[float] = []
            _read_data_array(group, t, v, f"{self.name}: readings")
            if sid is None:
                continue  # a Datastream we skipped
            factor = self.streams[sid].mapped.factor
            readings = self._readings.setdefault(sid, _Readings())
            for when, value in zip(t, v, strict=True):
                if math.isfinite(value):
                    readings.add(when, value * factor)
                self._newest = when if self._newest is None else max(self._newest, when)
        return StaPoll(*self._latest(now), skipped, self._requests)

    def _latest(self, now: float) -> tuple[list[Station], list[StationSummary]]:
        stations, summaries = [], []
        for sid, stream in self.streams.items():
            r = self._readings.get(sid)
            if r is not None:
                r.trim(now - RAIN_WINDOW_S)
            if not r or not r.t:
                stations.append(stream.station)
                continue
            s = stream.station
            stations.append(replace(s, latest_time=r.t[-1], latest_value=r.v[-1]))
            summaries.append(_summary(sid, s.kind, r, now))
        return stations, summaries

    # --- a chart's series -----------------------------------------------------------------

    def history(self, station_id: str, start: float, end: float) -> ObservationSeries:
        """Readings of one station in [start, end] as dataArray pages. Worker thread."""
        stream = self.streams.get(station_id)
        if stream is None:
            raise NotFound(f"{self.name}: no station {station_id!r}")
        path = f"Datastreams({quote(id_literal(stream.datastream_id), safe=chr(39))})/Observations"
        t: list[float] = []
        v: list[float] = []
        for group in self.pages(path, {
            "$filter": f"phenomenonTime ge {iso(start)} and phenomenonTime le {iso(end)}",
            "$select": "phenomenonTime,result",
            "$resultFormat": "dataArray",
        }, "series", self.reading_page_size):
            _read_data_array(group, t, v, f"{self.name}: series")
        # sorted and one reading per instant: pages may overlap (a server whose $skip
        # repeats a row, or new readings shifting a page), and the chart needs both
        times, first = np.unique(np.asarray(t, dtype=np.float64), return_index=True)
        return ObservationSeries(
            station_id=station_id, unit=stream.mapped.unit, t=times,
            value=np.asarray(v, dtype=np.float64)[first] * stream.mapped.factor,
        )


def _linked_id(link: Any) -> str | None:
    """The id literal inside `.../Datastreams(<id>)` (URL-escaped or not)."""
    if not isinstance(link, str):
        return None
    text = unquote(link.rstrip("/"))
    if not text.endswith(")") or "(" not in text:
        return None
    return text[text.rindex("(") + 1:-1]


def _read_data_array(group: Any, t: list[float], v: list[float], what: str) -> None:
    if not isinstance(group, dict) or not isinstance(group.get("components"), list):
        raise BadResponse(f"{what}: not a dataArray answer (no components)")
    components = group["components"]
    try:
        it, iv = components.index("phenomenonTime"), components.index("result")
    except ValueError:
        raise BadResponse(f"{what}: dataArray lacks phenomenonTime or result") from None
    for row in group.get("dataArray") or []:
        if not isinstance(row, list) or len(row) != len(components):
            raise BadResponse(f"{what}: a dataArray row does not match its components")
        when, value = parse_time(row[it]), _number(row[iv])
        if when is not None:
            t.append(when)
            v.append(math.nan if value is None else value)


def _summary(sid: str, kind: str, r: _Readings, now: float) -> StationSummary:
    t, v = np.asarray(r.t), np.asarray(r.v)
    if kind == "rain":
        def acc(hours: float) -> float:
            return round(float(v[t > now - hours * HOUR].sum()), 1)
        return StationSummary(sid, acc(1), acc(3), acc(24), None)
    before = v[t <= t[-1] - HOUR]
    change = round(float(v[-1] - before[-1]), 2) if len(before) else None
    return StationSummary(sid, change_1h=change)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _point(locations: Any) -> tuple[float, float] | None:
    """The first GeoJSON Point of a Thing's Locations (lon, lat in range), else None."""
    for loc in locations or []:
        geometry = loc.get("location") if isinstance(loc, dict) else None
        if isinstance(geometry, dict) and geometry.get("type") == "Feature":
            geometry = geometry.get("geometry")
        if not isinstance(geometry, dict) or geometry.get("type") != "Point":
            continue
        coords = geometry.get("coordinates")
        if (isinstance(coords, list) and len(coords) >= 2
                and all(_number(c) is not None for c in coords[:2])
                and -180 <= coords[0] <= 180 and -90 <= coords[1] <= 90):
            return float(coords[0]), float(coords[1])
    return None


def _server_message(body: bytes) -> str:
    """A short reason from the server's JSON error body, if it gave one."""
    try:
        data = json.loads(body)
    except ValueError:
        return ""
    if isinstance(data, dict):
        for key in ("message", "detail"):
            if isinstance(data.get(key), str):
                return f": {data[key][:200]}"
        error = data.get("error")
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            return f": {error['message'][:200]}"
    return ""


__all__ = ["SensorThingsClient", "SourceError", "StaPoll", "StaStream"]
