"""Answer one SensorThings read request: resolve the resource path, then apply the query
options ($filter, $orderby, $count, $skip/$top with `@iot.nextLink`, $select, $expand
with nested options) and render entities or, for Observations, `$resultFormat=dataArray`.

Pure functions of a `World` (backend/sta/entities.py) and the request's URL pieces, so
the rules of OGC 18-088 section 9 are tested without HTTP.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

import numpy as np

from backend.sta import odata
from backend.sta.entities import (
    NAVIGATION,
    SET_OF,
    SETS,
    TIME_PROPERTIES,
    World,
    observation,
)
from backend.timefmt import iso_z, iso_z_ms

DEFAULT_TOP = 100
MAX_TOP = 10_000
CONFORMANCE = [
    "http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel",
    "http://www.opengis.net/spec/iot_sensing/1.1/req/resource-path/resource-path-to-entities",
    "http://www.opengis.net/spec/iot_sensing/1.1/req/request-data",
    "http://www.opengis.net/spec/iot_sensing/1.1/req/data-array/data-array",
]
DATA_ARRAY_COMPONENTS = ("id", "phenomenonTime", "result", "resultTime")
_SEGMENT = re.compile(r"^([A-Za-z]+)(?:\((.+)\))?$")


class NotFoundError(LookupError):
    """The path names an entity or link that does not exist (404)."""


@dataclass
class Request:
    base: str  # service root, e.g. http://127.0.0.1:8000/sta/v1.1
    path: str  # below the root, e.g. "Datastreams('X')/Observations"
    params: dict[str, str]  # raw query parameters


def quote_id(ident: Any) -> str:
    if isinstance(ident, int | float):
        return str(ident)
    return "'" + str(ident).replace("'", "''") + "'"


def _parse_id(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    return text


def self_link(base: str, entity: dict) -> str:
    return f"{base}/{SET_OF[entity['_t']]}({id_in_path(entity['@iot.id'])})"


def id_in_path(ident: Any) -> str:
    """The id as it stands in a resource path: quoted literal, URL-escaped but for the
    quotes and '@' (readable links, as other servers write them)."""
    return quote(quote_id(ident), safe="'@")


# --- reading properties ------------------------------------------------------------------

def resolver(world: World):
    """A `resolve(entity, path)` for $filter and $orderby: properties, nested JSON
    (`properties/kind`) and to-one navigation (`Datastream/@iot.id`, `Thing/name`)."""

    def resolve(entity: Any, parts: tuple[str, ...]) -> Any:
        current = entity
        for part in parts:
            if not isinstance(current, dict):
                return None
            if "_t" in current:
                if part in ("id", "@iot.id"):
                    current = current["@iot.id"]
                elif part in current and not part.startswith("_"):
                    current = current[part]
                elif part in NAVIGATION.get(current["_t"], {}):
                    target = world.navigate(current, part)
                    current = target if isinstance(target, dict) else None
                else:
                    return None
            else:
                current = current.get(part)
        return current

    return resolve


def _sort_key(value: Any) -> tuple:
    if value is None:
        return (0, "", 0.0)
    if isinstance(value, bool):
        return (1, "", float(value))
    if isinstance(value, int | float):
        return (1, "", float(value))
    return (2, str(value), 0.0)


def _apply(world: World, entities: list[dict], options: odata.Options
           ) -> tuple[list[dict], int, bool]:
    """(page, total matching, more after the page) of a collection under `options`."""
    resolve = resolver(world)
    if options.filter is not None:
        entities = [e for e in entities if odata.evaluate(options.filter, e, resolve)]
    # no $orderby: readings in time order, everything else by id (a stable page order)
    default = "phenomenonTime" if entities and entities[0]["_t"] == "Observation" else "@iot.id"
    order = options.orderby or [(odata.Path((default,)), False)]
    for path, descending in reversed(order):
        entities.sort(key=lambda e, p=path: _sort_key(resolve(e, p.parts)), reverse=descending)
    total = len(entities)
    top = DEFAULT_TOP if options.top is None else min(options.top, MAX_TOP)
    page = entities[options.skip:options.skip + top]
    return page, total, options.skip + top < total


def _json_value(key: str, value: Any) -> Any:
    if key in TIME_PROPERTIES and isinstance(value, float):
        return iso_z(value) if value == math.floor(value) else iso_z_ms(value)
    return value


def render(world: World, base: str, entity: dict, options: odata.Options) -> dict:
    """One entity as JSON: @iot.id, @iot.selfLink, properties, navigation links and
    expanded entities, cut to $select when given."""
    link = self_link(base, entity)
    out: dict[str, Any] = {"@iot.id": entity["@iot.id"], "@iot.selfLink": link}
    for key, value in entity.items():
        if not key.startswith("_") and key != "@iot.id":
            out[key] = _json_value(key, value)
    for name in NAVIGATION.get(entity["_t"], {}):
        out[f"{name}@iot.navigationLink"] = f"{link}/{name}"
    if options.select is not None:
        wanted = {("@iot.id" if s == "id" else "@iot.selfLink" if s == "selfLink" else s)
                  for s in options.select}
        out = {k: v for k, v in out.items()
               if k in wanted or (k.endswith("@iot.navigationLink")
                                  and k.split("@iot.navigationLink")[0] in wanted)}
    for name, inner in options.expand.items():
        if name not in NAVIGATION.get(entity["_t"], {}):
            raise odata.QueryError(f"$expand: {entity['_t']} has no {name!r}")
        fast = None
        if name == "Observations" and entity["_t"] in ("Datastream", "FeatureOfInterest"):
            fast = observations_page(world, [entity["@iot.id"]], inner)
        if fast is not None:
            page, total, _more = fast
            out[name] = [render(world, base, e, inner) for e in page]
            if inner.count:
                out[f"{name}@iot.count"] = total
            continue
        lo, hi = odata.time_bounds(inner.filter, ("phenomenonTime",))
        target = world.navigate(entity, name, lo, hi)
        if isinstance(target, list):
            page, total, _more = _apply(world, target, inner)
            out[name] = [render(world, base, e, inner) for e in page]
            if inner.count:
                out[f"{name}@iot.count"] = total
        elif isinstance(target, dict):
            out[name] = render(world, base, target, inner)
    return out


# --- resource paths ----------------------------------------------------------------------

def _segments(path: str) -> list[tuple[str, str | None]]:
    out = []
    for raw in [p for p in path.split("/") if p]:
        m = _SEGMENT.match(raw)
        if m is None:
            raise NotFoundError(f"cannot read the path segment {raw[:60]!r}")
        out.append((m.group(1), None if m.group(2) is None else _parse_id(m.group(2))))
    return out


def _collection(world: World, name: str, options: odata.Options) -> list[dict]:
    kind = SETS.get(name)
    if kind is None:
        raise NotFoundError(f"no entity set {name!r}")
    if kind != "Observation":
        return world.all(kind)
    lo, hi = odata.time_bounds(options.filter, ("phenomenonTime",))
    stations = _datastream_constraint(options.filter) or list(world.stations)
    return world.observations(stations, lo, hi)


def _datastream_constraint(node: odata.Op | None) -> list[str] | None:
    """`Datastream/@iot.id eq 'X'` at the top of a filter: only X's readings are read."""
    if node is None:
        return None
    if node.name == "and":
        return _datastream_constraint(node.args[0]) or _datastream_constraint(node.args[1])
    if node.name == "eq":
        a, b = node.args
        if isinstance(b, odata.Path):
            a, b = b, a
        if (isinstance(a, odata.Path) and a.parts in (("Datastream", "@iot.id"),
                                                       ("Datastream", "id"))
                and isinstance(b, odata.Literal)):
            return [str(b.value)]
    return None


_COMPARE = {"gt": np.greater, "ge": np.greater_equal, "lt": np.less, "le": np.less_equal,
            "eq": np.equal}
_FLIP = {"gt": "lt", "ge": "le", "lt": "gt", "le": "ge", "eq": "eq"}


def _simple_filter(node: odata.Op | None) -> tuple[list[tuple[str, float]], set[str] | None] | None:
    """A filter that says only "phenomenonTime <op> instant" and "Datastream/@iot.id eq
    'X'" joined by `and`, as (time comparisons, Datastream ids); None for anything else."""
    conditions: list[tuple[str, float]] = []
    ids: list[set[str]] = []

    def walk(n: odata.Op) -> bool:
        if n.name == "and":
            return walk(n.args[0]) and walk(n.args[1])
        if n.name not in _COMPARE or len(n.args) != 2:
            return False
        a, b, op = n.args[0], n.args[1], n.name
        if isinstance(a, odata.Literal) and isinstance(b, odata.Path):
            a, b, op = b, a, _FLIP[op]
        if not (isinstance(a, odata.Path) and isinstance(b, odata.Literal)):
            return False
        if a.parts == ("phenomenonTime",) and isinstance(b.value, odata.Instant):
            conditions.append((op, b.value.t))
            return True
        if op == "eq" and a.parts in (("Datastream", "@iot.id"), ("Datastream", "id")):
            ids.append({str(b.value)})
            return True
        return False

    if node is not None and not walk(node):
        return None
    return conditions, set.intersection(*ids) if ids else None


def observations_page(world: World, station_ids: list[str], options: odata.Options
                      ) -> tuple[list[dict], int, bool] | None:
    """(page, total, more) of readings computed on arrays, when the options allow it
    (time / Datastream filter, order by phenomenonTime at most): only the page becomes
    entities, instead of every reading of every station on each request. None: use
    the general path."""
    simple = _simple_filter(options.filter)
    order = options.orderby
    if simple is None or len(order) > 1 or (order and order[0][0].parts != ("phenomenonTime",)):
        return None
    conditions, ids = simple
    if ids is not None:
        station_ids = [s for s in station_ids if s in ids]
    lo, hi = odata.time_bounds(options.filter, ("phenomenonTime",))
    t, v, k = world.observation_arrays(station_ids, lo, hi)
    keep = np.ones(len(t), dtype=bool)
    for op, instant in conditions:
        keep &= _COMPARE[op](t, instant)
    t, v, k = t[keep], v[keep], k[keep]
    descending = bool(order and order[0][1])
    # time first, then station order: what the general path's stable sort gives
    index = np.lexsort((k, -t if descending else t))
    top = DEFAULT_TOP if options.top is None else min(options.top, MAX_TOP)
    chosen = index[options.skip:options.skip + top]
    page = [observation(station_ids[int(k[i])], float(t[i]), float(v[i])) for i in chosen]
    return page, len(index), options.skip + top < len(index)


def _by_id(world: World, kind: str, entities: Iterable[dict] | None, ident: str) -> dict:
    if kind == "Observation" and entities is None:
        found = world.observation_by_id(ident)
    else:
        found = next((e for e in entities or world.all(kind) if str(e["@iot.id"]) == ident),
                     None)
    if found is None:
        raise NotFoundError(f"no {kind} {ident[:64]!r}")
    return found


def answer(world: World, request: Request) -> dict:
    """The JSON body for a GET below the service root (raises NotFoundError,
    odata.QueryError)."""
    options = odata.parse_options(request.params)
    segments = _segments(request.path)
    if not segments:
        return {"serverSettings": {"conformance": CONFORMANCE},
                "value": [{"name": name, "url": f"{request.base}/{name}"} for name in SETS]}
    name, ident = segments[0]
    if name not in SETS:
        raise NotFoundError(f"no entity set {name!r}")
    current: dict | list[dict]
    fast: tuple[list[dict], int, bool] | None = None
    last = len(segments) == 1
    if ident is None and last and SETS[name] == "Observation":
        fast = observations_page(world, list(world.stations), options)
    if fast is not None:
        current = []
    elif ident is None:
        current = _collection(world, name, options if last else odata.Options())
    else:
        current = _by_id(world, SETS[name], None, ident)
    for i, (nav, nav_id) in enumerate(segments[1:], start=2):
        if not isinstance(current, dict):
            raise NotFoundError(f"{nav!r} must follow one entity, not a collection")
        if nav not in NAVIGATION.get(current["_t"], {}):
            raise NotFoundError(f"{current['_t']} has no {nav!r}")
        last = i == len(segments)
        if last and nav == "Observations" and nav_id is None and current["_t"] in (
                "Datastream", "FeatureOfInterest"):
            fast = observations_page(world, [current["@iot.id"]], options)
            if fast is not None:
                current = []
                break
        lo, hi = odata.time_bounds(options.filter if last else None, ("phenomenonTime",))
        target = world.navigate(current, nav, lo, hi)
        if target is None:
            raise NotFoundError(f"{nav!r} is empty")
        if nav_id is not None:
            if not isinstance(target, list):
                raise NotFoundError(f"{nav!r} is one entity: no id after it")
            target = _by_id(world, nav, target, nav_id)
        current = target
    if isinstance(current, dict):
        return render(world, request.base, current, options)
    page, total, more = fast if fast is not None else _apply(world, current, options)
    return _collection_body(world, request, segments[-1][0], options, (page, total, more))


def _collection_body(world: World, request: Request, last: str, options: odata.Options,
                     result: tuple[list[dict], int, bool]) -> dict:
    """A collection answer: @iot.count, the entities (or dataArray groups), @iot.nextLink."""
    page, total, more = result
    body: dict[str, Any] = {}
    if options.count:
        body["@iot.count"] = total
    if _data_array(request.params):
        if last != "Observations":
            raise odata.QueryError("$resultFormat=dataArray applies to Observations only")
        body["value"] = data_array(request.base, page, options.select)
    else:
        body["value"] = [render(world, request.base, e, options) for e in page]
    if more:
        top = DEFAULT_TOP if options.top is None else min(options.top, MAX_TOP)
        params = {**request.params, "$skip": str(options.skip + top), "$top": str(top)}
        query = urlencode(params, quote_via=quote)
        body["@iot.nextLink"] = f"{request.base}/{request.path}?{query}"
    return body


def _data_array(params: dict[str, str]) -> bool:
    value = params.get("$resultFormat", params.get("resultFormat"))
    if value is None:
        return False
    if value != "dataArray":
        raise odata.QueryError(f"$resultFormat {value[:20]!r} is not supported (dataArray is)")
    return True


def data_array(base: str, page: list[dict], select: list[str] | None) -> list[dict]:
    """Observations grouped by Datastream as components + rows (OGC 18-088 14.3)."""
    components = list(select) if select else ["id", "phenomenonTime", "result"]
    for c in components:
        if c not in DATA_ARRAY_COMPONENTS:
            raise odata.QueryError(f"$select: {c!r} is not a dataArray component")
    groups: dict[str, list[list[Any]]] = {}
    for o in page:
        row = [o["@iot.id"] if c == "id" else _json_value(c, o[c]) for c in components]
        groups.setdefault(o["_station"], []).append(row)
    return [{"Datastream@iot.navigationLink": f"{base}/Datastreams({id_in_path(sid)})",
             "components": components, "dataArray@iot.count": len(rows), "dataArray": rows}
            for sid, rows in groups.items()]
