"""OGC API – Features client (Part 1 Core, Part 2 CRS by reference), Qt-free.

A land department's feature services speak this standard (pygeoapi, GeoServer, ldproxy,
QGIS Server...). The walk: landing page -> `/collections` (id, title, spatial and
temporal extent, the CRSs the server offers) -> `/collections/{id}/items` with `limit`,
following every `next` link until the collection (or the view's `bbox`) is exhausted.

- CRS: when a collection lists the map's CRS (EPSG:3857) in `crs`, items are asked for
  in it (`crs=` and `bbox-crs=`), so nothing is reprojected here; otherwise in the
  default CRS84 (lon/lat, the standard's default) and reprojected. The `Content-Crs`
  header, when present, says what actually came.
- `datetime` is sent when the caller gives one and the collection has a temporal extent.
- GeoJSON becomes the same `VectorTable` a file layer is made of (console/geo/vector_io.py):
  geometry in map CRS, attributes as display strings, the feature `id` as first column.
- Bounded: every request has connect/read timeouts and an overall deadline
  (http.bounded_request); a collection stops after `max_features` (the result says it
  was cut); a `next` link seen twice ends the walk (a server paging in a loop).

Blocking: call from worker threads only (console/live/runner.py). Raises the
`console.sources.errors` classes with messages that name the server, never credentials.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import numpy as np
import requests
import shapely

from console import __version__
from console.geo.crs import WEB_MERCATOR, transformer
from console.geo.vector_io import VectorTable, display_value
from console.secrets import Credentials
from console.sources.errors import AuthError, BadResponse, NotFound, Rejected, SourceError
from console.sources.http import HttpSettings, bounded_request, make_session, redact

log = logging.getLogger(__name__)

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
EPSG_PREFIX = "http://www.opengis.net/def/crs/EPSG/0/"
MAP_CRS_URI = EPSG_PREFIX + "3857"
ACCEPT_JSON = "application/geo+json, application/json;q=0.9"
DEFAULT_LIMIT = 500  # features per page: one page parses in a few ms on a worker
MAX_FEATURES = 50_000  # per refresh: a layer is a picture, not a download
LONLAT_LIMITS = (-180.0, -90.0, 180.0, 90.0)

Extent = tuple[float, float, float, float]


class NotAFeatureService(BadResponse):
    """The URL answered, but not as an OGC API – Features service or collection."""


@dataclass(frozen=True, slots=True)
class CollectionRef:
    """Where one collection lives: the service root and the collection id."""

    root: str  # landing page URL, no trailing slash, no query
    collection_id: str

    @property
    def url(self) -> str:
        return f"{self.root}/collections/{quote(self.collection_id, safe='')}"


def service_root(url: str) -> str:
    """The landing page of `url` (a landing page, `/collections`, or anything below it)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an http(s) URL: {redact(url)!r}")
    segments = parts.path.rstrip("/").split("/")
    if "collections" in segments:  # cut at the last /collections/ of the path
        segments = segments[: len(segments) - 1 - segments[::-1].index("collections")]
    path = "/".join(segments)
    return urlunsplit((parts.scheme, parts.netloc, path.rstrip("/"), "", ""))


def parse_collection_url(url: str) -> CollectionRef | None:
    """`.../collections/{id}` or `.../collections/{id}/items` -> its ref; None for any
    other URL (so `--layer` can tell a collection from an XYZ template or a file)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    segments = parts.path.rstrip("/").split("/")
    if segments and segments[-1] == "items":
        segments = segments[:-1]
    if len(segments) < 2 or segments[-2] != "collections" or not segments[-1]:
        return None
    root_path = "/".join(segments[:-2])
    root = urlunsplit((parts.scheme, parts.netloc, root_path, "", ""))
    return CollectionRef(root, unquote(segments[-1]))


def crs_uri(code: str) -> str:
    """'EPSG:3857' or a URI -> the OGC URI form the standard compares."""
    text = code.strip()
    if text.upper().startswith("EPSG:"):
        return EPSG_PREFIX + text.split(":", 1)[1]
    return text.replace("https://", "http://")


def _pyproj_crs(uri: str) -> str:
    """An OGC CRS URI -> a code pyproj reads (CRS84 is lon/lat WGS84)."""
    if uri.rstrip("h").endswith("/CRS84"):
        return "OGC:CRS84"
    if uri.startswith(EPSG_PREFIX):
        return "EPSG:" + uri[len(EPSG_PREFIX):]
    return uri


@dataclass(frozen=True, slots=True)
class CollectionInfo:
    """What `/collections` says about one collection."""

    ref: CollectionRef
    title: str
    description: str = ""
    items_url: str = ""
    bbox_lonlat: Extent | None = None
    crs: tuple[str, ...] = ()  # advertised CRS URIs (empty: CRS84 only)
    storage_crs: str | None = None
    temporal: tuple[str | None, str | None] | None = None  # ISO 8601 (open end = None)
    item_count: int | None = None  # when the server says (not every server does)

    @property
    def request_crs(self) -> str | None:
        """The CRS to ask items in: the map's when offered, else None (CRS84)."""
        return MAP_CRS_URI if MAP_CRS_URI in self.crs else None


@dataclass
class FeatureResult:
    """One complete read of a collection (every page) for one bbox / datetime."""

    table: VectorTable
    pages: int
    number_matched: int | None
    truncated: bool  # stopped at max_features
    skipped: int  # features without usable geometry
    crs: str  # what the coordinates came in
    feature_ids: list[str] = field(default_factory=list)


def _link(links: object, rel: str, types: tuple[str, ...] = ()) -> str | None:
    """The href of the first link with `rel`, preferring the given media types."""
    if not isinstance(links, list):
        return None
    candidates = [
        ln for ln in links if isinstance(ln, dict) and ln.get("rel") == rel and ln.get("href")
    ]
    for wanted in types:
        for ln in candidates:
            if str(ln.get("type", "")).startswith(wanted):
                return str(ln["href"])
    untyped = [ln for ln in candidates if not ln.get("type")]
    pick = untyped or candidates
    return str(pick[0]["href"]) if pick else None


def _lonlat_bbox(extent: object) -> Extent | None:
    try:
        box = extent["spatial"]["bbox"][0]  # type: ignore[index]
        xmin, ymin, xmax, ymax = (float(v) for v in (box[0], box[1], box[-2], box[-1]))
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    if not all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax)):
        return None
    return xmin, ymin, xmax, ymax


def _temporal(extent: object) -> tuple[str | None, str | None] | None:
    try:
        interval = extent["temporal"]["interval"][0]  # type: ignore[index]
    except (KeyError, IndexError, TypeError):
        return None
    if not isinstance(interval, list) or len(interval) != 2 or interval == [None, None]:
        return None
    return (interval[0], interval[1])


def parse_collection(doc: dict, root: str) -> CollectionInfo:
    """One collection object of `/collections` (or `/collections/{id}`)."""
    cid = doc.get("id")
    if not isinstance(cid, str) or not cid:
        raise NotAFeatureService(f"{root}: a collection has no id")
    ref = CollectionRef(root, cid)
    items = _link(doc.get("links"), "items", ("application/geo+json", "application/json"))
    extent = doc.get("extent") or {}
    crs = tuple(crs_uri(c) for c in doc.get("crs") or () if isinstance(c, str))
    count = doc.get("itemCount", doc.get("numberMatched"))
    return CollectionInfo(
        ref=ref,
        title=str(doc.get("title") or cid),
        description=str(doc.get("description") or ""),
        items_url=_absolute(items, root) if items else ref.url + "/items",
        bbox_lonlat=_lonlat_bbox(extent),
        crs=crs,
        storage_crs=crs_uri(doc["storageCrs"]) if isinstance(doc.get("storageCrs"), str) else None,
        temporal=_temporal(extent),
        item_count=count if isinstance(count, int) and not isinstance(count, bool) else None,
    )


def _absolute(href: str, root: str) -> str:
    if href.startswith(("http://", "https://")):
        return href
    parts = urlsplit(root)
    return urlunsplit((parts.scheme, parts.netloc, href, "", "")) if href.startswith("/") else (
        f"{root}/{href}"
    )


class FeaturesClient:
    """Talks to one OGC API – Features service. Worker threads only."""

    def __init__(
        self,
        url: str,
        http: HttpSettings | None = None,
        credentials: Credentials | None = None,
    ) -> None:
        self.root = service_root(url)
        self._http = http or HttpSettings()
        token = credentials.token if credentials else None
        self._session = make_session(token, self._http, f"IOC-Console/{__version__}")
        self._session.headers["Accept"] = ACCEPT_JSON
        if credentials and credentials.user and credentials.password is not None:
            self._session.auth = (credentials.user, credentials.password)

    def close(self) -> None:
        self._session.close()

    # --- plumbing -------------------------------------------------------------------------

    def _get_json(
        self, url: str, what: str, params: dict[str, str] | None = None
    ) -> tuple[object, str | None]:
        """GET `url` -> (parsed JSON, Content-Crs header)."""
        label = f"{self._host()}: {what}"
        reply, headers = bounded_request(
            self._session, "GET", url, self._http, label, params=params or None
        )
        status = reply.status
        if status in (401, 403):
            raise AuthError(f"{label}: access refused (HTTP {status})")
        if status == 404:
            raise NotFound(f"{label}: not found (HTTP 404)")
        if status >= 500:
            raise BadResponse(f"{label}: server error (HTTP {status})")
        if status >= 400:
            raise Rejected(f"{label}: request refused (HTTP {status}): {_server_text(reply.body)}",
                           status)
        try:
            doc = json.loads(reply.body)
        except ValueError as exc:
            raise BadResponse(f"{label}: the answer is not JSON") from exc
        crs = headers.get("Content-Crs")
        return doc, crs.strip().strip("<>") if crs else None

    def _host(self) -> str:
        return urlsplit(self.root).netloc

    # --- discovery ------------------------------------------------------------------------

    def landing(self) -> dict:
        doc, _ = self._get_json(self.root + "/", "landing page")
        if not isinstance(doc, dict) or not isinstance(doc.get("links"), list):
            raise NotAFeatureService(f"{self._host()}: not an OGC API landing page")
        return doc

    def collections(self) -> list[CollectionInfo]:
        """Every collection the service lists (feature collections only, when the
        server says which are which)."""
        doc, _ = self._get_json(self.root + "/collections", "collections")
        raw = doc.get("collections") if isinstance(doc, dict) else None
        if not isinstance(raw, list):
            raise NotAFeatureService(f"{self._host()}: /collections lists no collections")
        out = []
        for item in raw:
            if not isinstance(item, dict):
                continue
            kind = item.get("itemType", "feature")
            if kind not in ("feature", None):
                continue  # records, coverages, maps...: not drawable as features
            out.append(parse_collection(item, self.root))
        return out

    def collection(self, collection_id: str) -> CollectionInfo:
        ref = CollectionRef(self.root, collection_id)
        doc, _ = self._get_json(ref.url, f"collection {collection_id}")
        if not isinstance(doc, dict):
            raise NotAFeatureService(f"{self._host()}: collection {collection_id} is not JSON")
        return parse_collection(doc, self.root)

    # --- items ----------------------------------------------------------------------------

    def items_params(
        self,
        info: CollectionInfo,
        bbox: Extent | None,
        datetime: str | None,
        limit: int,
    ) -> dict[str, str]:
        """Query parameters of the first items page. `bbox` is in map CRS (EPSG:3857)."""
        params = {"limit": str(limit)}
        crs = info.request_crs
        if crs is not None:
            params["crs"] = crs
        if bbox is not None:
            if crs is not None:
                params["bbox"] = ",".join(f"{v:.2f}" for v in bbox)
                params["bbox-crs"] = crs
            else:
                params["bbox"] = ",".join(f"{v:.6f}" for v in map_bbox_to_lonlat(bbox))
        if datetime and info.temporal is not None:
            params["datetime"] = datetime
        return params

    def fetch(
        self,
        info: CollectionInfo,
        bbox: Extent | None = None,
        datetime: str | None = None,
        limit: int = DEFAULT_LIMIT,
        max_features: int = MAX_FEATURES,
        cancelled: Callable[[], bool] | None = None,
    ) -> FeatureResult:
        """Every feature of the collection in `bbox` (map CRS), page after page."""
        url: str | None = info.items_url
        params: dict[str, str] | None = self.items_params(info, bbox, datetime, limit)
        seen: set[str] = set()
        features: list[dict] = []
        pages = 0
        matched: int | None = None
        content_crs: str | None = None
        truncated = False
        while url is not None:
            if cancelled is not None and cancelled():
                raise SourceError(f"{self._host()}: cancelled")
            doc, crs = self._get_json(url, f"items of {info.ref.collection_id}", params)
            pages += 1
            if not isinstance(doc, dict) or not isinstance(doc.get("features"), list):
                raise NotAFeatureService(
                    f"{self._host()}: items of {info.ref.collection_id} are not GeoJSON"
                )
            if pages == 1:
                content_crs = crs
                number = doc.get("numberMatched")
                matched = number if isinstance(number, int) else None
            features.extend(f for f in doc["features"] if isinstance(f, dict))
            if len(features) >= max_features:
                more = _link(doc.get("links"), "next") is not None
                truncated = len(features) > max_features or more
                features = features[:max_features]
                break
            nxt = _link(doc.get("links"), "next", ("application/geo+json", "application/json"))
            if nxt is None or not doc["features"]:
                break
            nxt = _absolute(nxt, self.root)
            if nxt in seen:
                log.warning("%s: next link repeats (%s); paging stopped", self._host(), nxt)
                break
            seen.add(nxt)
            url, params = nxt, None  # the next link carries the query
        source_crs = content_crs or info.request_crs or CRS84
        table, skipped, ids = features_to_table(features, source_crs, info)
        return FeatureResult(table, pages, matched, truncated, skipped, source_crs, ids)


def _server_text(body: bytes) -> str:
    """The description an OGC exception body carries (first 200 characters)."""
    try:
        doc = json.loads(body)
        text = str(doc.get("description") or doc.get("detail") or doc.get("title") or "")
    except (ValueError, AttributeError):
        text = body[:200].decode("utf-8", "replace")
    return redact(text.strip())[:200]


def map_bbox_to_lonlat(bbox: Extent) -> Extent:
    """A map-CRS (EPSG:3857) box -> lon/lat, clamped to the valid range."""
    to_ll = transformer(WEB_MERCATOR, "EPSG:4326")
    lon0, lat0 = to_ll.transform(bbox[0], bbox[1])
    lon1, lat1 = to_ll.transform(bbox[2], bbox[3])
    lo = LONLAT_LIMITS
    return (
        max(lo[0], min(lon0, lon1)),
        max(lo[1], min(lat0, lat1)),
        min(lo[2], max(lon0, lon1)),
        min(lo[3], max(lat0, lat1)),
    )


def features_to_table(
    features: list[dict], source_crs: str, info: CollectionInfo
) -> tuple[VectorTable, int, list[str]]:
    """GeoJSON features -> a map-CRS `VectorTable`; also the count of features skipped
    (no geometry, unreadable or out-of-range coordinates) and the feature ids."""
    array, props, ids, skipped = _read_geometries(features)
    keep = _usable(array, source_crs)
    if not keep.all():
        skipped += int((~keep).sum())
        array = array[keep]
        props = [p for p, k in zip(props, keep, strict=True) if k]
        ids = [i for i, k in zip(ids, keep, strict=True) if k]
    warnings: list[str] = []
    if len(array):
        if source_crs != MAP_CRS_URI:
            project = transformer(_pyproj_crs(source_crs), WEB_MERCATOR)
            array = shapely.transform(
                array, lambda xy: np.column_stack(project.transform(xy[:, 0], xy[:, 1]))
            )
        invalid = ~shapely.is_valid(array)
        if invalid.any():
            array[invalid] = shapely.make_valid(array[invalid])
            warnings.append(f"{info.title}: repaired {int(invalid.sum())} invalid geometries")
    if skipped:
        warnings.append(f"{info.title}: {skipped} features without usable geometry skipped")
    columns, rows = _attribute_rows(props, ids)
    table = VectorTable(
        source=info.ref.url,
        table=None,
        source_crs=_pyproj_crs(source_crs),
        geometries=array,
        columns=columns,
        rows=rows,
        warnings=warnings,
        name=info.title,
    )
    return table, skipped, ids


def _read_geometries(features: list[dict]) -> tuple[np.ndarray, list[dict], list[str], int]:
    """Shapely geometries, properties and ids of the features that have a geometry."""
    geoms: list[object] = []
    props: list[dict] = []
    ids: list[str] = []
    skipped = 0
    for feature in features:
        geometry = feature.get("geometry")
        try:
            geom = shapely.from_geojson(json.dumps(geometry)) if isinstance(
                geometry, dict
            ) else None
        except (shapely.errors.GEOSException, ValueError, TypeError):
            geom = None
        if geom is None or geom.is_empty:
            skipped += 1
            continue
        geoms.append(geom)
        properties = feature.get("properties")
        props.append(properties if isinstance(properties, dict) else {})
        fid = feature.get("id")
        ids.append("" if fid is None else str(fid))
    array = np.empty(len(geoms), dtype=object)
    array[:] = geoms
    return array, props, ids, skipped


def _usable(array: np.ndarray, source_crs: str) -> np.ndarray:
    """Per geometry: every coordinate finite (and lon/lat in range for CRS84). pydantic
    and shapely both accept lon 200 / lat 95 / NaN, so the check is ours."""
    if not len(array):
        return np.ones(0, dtype=bool)
    coords = shapely.get_coordinates(array)
    good = np.isfinite(coords).all(axis=1)
    if source_crs.rstrip("h").endswith("/CRS84"):
        good &= (np.abs(coords[:, 0]) <= 180) & (np.abs(coords[:, 1]) <= 90)
    owner = np.repeat(np.arange(len(array)), shapely.get_num_coordinates(array))
    bad = np.zeros(len(array), dtype=bool)
    bad[owner[~good]] = True
    return ~bad


def _attribute_rows(props: list[dict], ids: list[str]) -> tuple[list[str], list[list[str]]]:
    """Columns in order of first appearance (the feature id first, when features have
    one) and every row as display strings."""
    with_id = any(ids)
    columns: list[str] = ["id"] if with_id else []
    for p in props:
        for key in p:
            if key not in columns:
                columns.append(key)
    names = columns[1:] if with_id else columns
    rows = [
        ([fid] if with_id else []) + [display_value(_scalar(p.get(c))) for c in names]
        for fid, p in zip(ids, props, strict=True)
    ]
    return columns, rows


def _scalar(value: object) -> object:
    """Nested JSON values (lists, objects) are shown as compact JSON text."""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def describe(exc: Exception) -> str:
    """The technical one-liner for the log and a tooltip (credentials masked)."""
    if isinstance(exc, SourceError):
        return redact(str(exc))
    if isinstance(exc, requests.RequestException):
        return redact(f"{type(exc).__name__}: {exc}")
    return f"{type(exc).__name__}: {redact(str(exc))}"
