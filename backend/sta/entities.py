"""The reference backend's stations seen as SensorThings v1.1 entities (OGC 18-088).

One gauge is one Thing at one Location, with one Datastream of its readings (water
level in metres or rain in millimetres per 10 minutes) and one FeatureOfInterest (the
water body or ground at the gauge). Sensors are the two gauge types, ObservedProperties
the two quantities, named by their CF standard names. Ids are the station codes
(`'TV-THANHHOA'`), a Sensor's or ObservedProperty's slug, and `'<station>@<epoch s>'`
for an Observation (a reading is one station at one instant, so that is its identity).

Entities are plain dicts built per request from the backend's store (stations from the
feature table, readings from the observation table or generated on demand for older
windows, see backend.sim.history); times inside them are epoch seconds. A Thing's
`properties` carry what our own console needs beyond the standard (kind, river, alarm
levels BĐ1–BĐ3, normal level, source citation), so the console reads full stations back.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from backend.api.context import Context
from backend.sim import history
from backend.sim.backfill import OBSERVATIONS

DAY = 86400.0
MAX_HISTORY_S = 400 * DAY  # like /history: older readings are not served
UCUM = "http://unitsofmeasure.org/ucum.html#"
OM_MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"
CF = "http://vocab.nerc.ac.uk/standard_name/"

# kind -> (sensor id, observed property id)
KIND_STREAM = {
    "water_level": ("water-level-gauge", "water-level"),
    "reservoir": ("water-level-gauge", "water-level"),
    "rain": ("rain-gauge", "precipitation"),
}
SENSORS = {
    "water-level-gauge": {
        "name": "Automatic water-level gauge",
        "description": "Automatic river / reservoir stage gauge reading every 10 minutes",
        "encodingType": "text/plain",
        "metadata": "Water level above the gauge datum, metres, one reading every 10 minutes",
    },
    "rain-gauge": {
        "name": "Automatic rain gauge",
        "description": "Automatic tipping-bucket rain gauge reporting every 10 minutes",
        "encodingType": "text/plain",
        "metadata": "Rain fallen in the 10 minutes before each reading, millimetres",
    },
}
OBSERVED_PROPERTIES = {
    "water-level": {
        "name": "Water level",
        "definition": CF + "water_surface_height_above_reference_datum/",
        "description": "Height of the water surface above the gauge's reference datum",
    },
    "precipitation": {
        "name": "Precipitation",
        "definition": CF + "lwe_thickness_of_precipitation_amount/",
        "description": "Rain fallen in the 10 minutes ending at the phenomenon time",
    },
}
UNITS = {
    "m": {"name": "metre", "symbol": "m", "definition": UCUM + "m"},
    "mm": {"name": "millimetre", "symbol": "mm", "definition": UCUM + "mm"},
}


def _entity(kind: str, ident: str, **fields: object) -> dict:
    return {"_t": kind, "@iot.id": ident, **fields}


@dataclass
class World:
    """The entities of one request: stations read once, readings read on demand."""

    ctx: Context
    stations: dict[str, dict]  # station id -> wire feature properties + geometry + idx

    @classmethod
    def load(cls, ctx: Context) -> World:
        _cursor, features, _ = ctx.store.collection("stations")
        stations = {}
        for text in features:
            feature = json.loads(text)
            found = ctx.store.lookup("stations", feature["id"])
            if found is None:
                continue
            stations[feature["id"]] = {**feature["properties"], "id": feature["id"],
                                       "coordinates": feature["geometry"]["coordinates"],
                                       "idx": found[0]}
        return cls(ctx, stations)

    # --- entity sets --------------------------------------------------------------------

    def thing(self, s: dict) -> dict:
        props = {k: s.get(k) for k in ("code", "kind", "river", "unit", "alarm_levels",
                                        "normal_level", "source")}
        return _entity("Thing", s["id"], name=s["name"],
                       description=_describe(s), properties=props)

    def location(self, s: dict) -> dict:
        return _entity("Location", s["id"], name=s["name"],
                       description=f"Gauge site of {s['name']} (approximate position)",
                       encodingType="application/geo+json",
                       location={"type": "Point", "coordinates": s["coordinates"]})

    def datastream(self, s: dict) -> dict:
        sensor, prop = KIND_STREAM[s["kind"]]
        what = OBSERVED_PROPERTIES[prop]["name"].lower()
        return _entity("Datastream", s["id"], name=f"{s['name']}: {what}",
                       description=f"{OBSERVED_PROPERTIES[prop]['description']} at "
                       f"{s['name']}, every 10 minutes",
                       unitOfMeasurement=UNITS.get(s["unit"], {"name": s["unit"],
                                                                "symbol": s["unit"],
                                                                "definition": ""}),
                       observationType=OM_MEASUREMENT,
                       properties={"kind": s["kind"]},
                       _sensor=sensor, _property=prop)

    def feature(self, s: dict) -> dict:
        return _entity("FeatureOfInterest", s["id"], name=s["name"],
                       description=f"Water body or ground at the {s['name']} gauge",
                       encodingType="application/geo+json",
                       feature={"type": "Point", "coordinates": s["coordinates"]})

    def all(self, kind: str) -> list[dict]:
        """Every entity of a set except Observations (see `observations`)."""
        stations = list(self.stations.values())
        if kind == "Thing":
            return [self.thing(s) for s in stations]
        if kind == "Location":
            return [self.location(s) for s in stations]
        if kind == "Datastream":
            return [self.datastream(s) for s in stations]
        if kind == "FeatureOfInterest":
            return [self.feature(s) for s in stations]
        if kind == "Sensor":
            return [_entity("Sensor", k, **v) for k, v in SENSORS.items()]
        if kind == "ObservedProperty":
            return [_entity("ObservedProperty", k, **v) for k, v in OBSERVED_PROPERTIES.items()]
        raise KeyError(kind)

    def observation_arrays(self, station_ids: list[str], lo: float, hi: float
                           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(t, value, index into `station_ids`) of the readings with lo <= t <= hi, missing
        readings left out. An open start means what the store holds; an explicit start
        may reach back 400 days (older readings are generated, as /history does)."""
        now = self.ctx.now()
        hi = min(hi, now)
        ts, vs, ks = [], [], []
        for k, sid in enumerate(station_ids):
            s = self.stations.get(sid)
            if s is None:
                continue
            if math.isinf(lo):
                self.ctx.require_history(OBSERVATIONS, 0.0, hi)
                rows = self.ctx.store.observations(s["idx"], 0.0, hi)
                t = np.array([r[0] for r in rows], dtype=np.float64)
                v = np.array([np.nan if r[1] is None else r[1] for r in rows], dtype=np.float64)
            else:
                t, v = history.readings(self.ctx.store, self.ctx.sim.hydrology, s["idx"],
                                        max(lo, now - MAX_HISTORY_S), hi, now)
            keep = np.isfinite(v)
            ts.append(t[keep])
            vs.append(v[keep])
            ks.append(np.full(int(keep.sum()), k, dtype=np.int64))
        if not ts:
            return np.empty(0), np.empty(0), np.empty(0, dtype=np.int64)
        return np.concatenate(ts), np.concatenate(vs), np.concatenate(ks)

    def observations(self, station_ids: list[str], lo: float, hi: float) -> list[dict]:
        """The readings of `observation_arrays` as Observation entities."""
        t, v, k = self.observation_arrays(station_ids, lo, hi)
        return [observation(station_ids[ki], ti, vi)
                for ti, vi, ki in zip(t.tolist(), v.tolist(), k.tolist(), strict=True)]

    def observation_by_id(self, ident: str) -> dict | None:
        sid, at, stamp = ident.rpartition("@")
        if not at or sid not in self.stations:
            return None
        try:
            t = float(int(stamp))
        except ValueError:
            return None
        found = [o for o in self.observations([sid], t, t) if o["phenomenonTime"] == t]
        return found[0] if found else None

    # --- navigation ---------------------------------------------------------------------

    def navigate(self, entity: dict, name: str, lo: float = -math.inf,
                 hi: float = math.inf) -> list[dict] | dict | None:
        """The entity or entities behind navigation property `name` (None: no such link).
        `lo`/`hi` bound the phenomenon time of Observations reached this way."""
        nav = NAVIGATION.get(entity["_t"], {}).get(name)
        if nav is None:
            return None
        return nav(self, entity, lo, hi)


def observation(station_id: str, t: float, value: float) -> dict:
    return _entity("Observation", f"{station_id}@{int(t)}", phenomenonTime=t, resultTime=t,
                   result=value, _station=station_id)


def _describe(s: dict) -> str:
    kinds = {"water_level": "River water-level station", "reservoir": "Reservoir water-level "
             "station", "rain": "Rain gauge"}
    where = f" on the {s['river']} river" if s.get("river") else ""
    return f"{kinds.get(s['kind'], 'Station')} {s['name']}{where}"


def _station(world: World, sid: str) -> dict:
    return world.stations[sid]


Nav = Callable[[World, dict, float, float], "list[dict] | dict | None"]

NAVIGATION: dict[str, dict[str, Nav]] = {
    "Thing": {
        "Locations": lambda w, e, lo, hi: [w.location(_station(w, e["@iot.id"]))],
        "Datastreams": lambda w, e, lo, hi: [w.datastream(_station(w, e["@iot.id"]))],
    },
    "Location": {
        "Things": lambda w, e, lo, hi: [w.thing(_station(w, e["@iot.id"]))],
    },
    "Datastream": {
        "Thing": lambda w, e, lo, hi: w.thing(_station(w, e["@iot.id"])),
        "Sensor": lambda w, e, lo, hi: _entity("Sensor", e["_sensor"], **SENSORS[e["_sensor"]]),
        "ObservedProperty": lambda w, e, lo, hi: _entity(
            "ObservedProperty", e["_property"], **OBSERVED_PROPERTIES[e["_property"]]),
        "Observations": lambda w, e, lo, hi: w.observations([e["@iot.id"]], lo, hi),
    },
    "Sensor": {
        "Datastreams": lambda w, e, lo, hi: [d for d in w.all("Datastream")
                                             if d["_sensor"] == e["@iot.id"]],
    },
    "ObservedProperty": {
        "Datastreams": lambda w, e, lo, hi: [d for d in w.all("Datastream")
                                             if d["_property"] == e["@iot.id"]],
    },
    "Observation": {
        "Datastream": lambda w, e, lo, hi: w.datastream(_station(w, e["_station"])),
        "FeatureOfInterest": lambda w, e, lo, hi: w.feature(_station(w, e["_station"])),
    },
    "FeatureOfInterest": {
        "Observations": lambda w, e, lo, hi: w.observations([e["@iot.id"]], lo, hi),
    },
}

# entity set name in a URL -> entity type, and back
SETS = {
    "Things": "Thing", "Locations": "Location", "Datastreams": "Datastream",
    "Sensors": "Sensor", "ObservedProperties": "ObservedProperty",
    "Observations": "Observation", "FeaturesOfInterest": "FeatureOfInterest",
}
SET_OF = {v: k for k, v in SETS.items()}
TIME_PROPERTIES = frozenset({"phenomenonTime", "resultTime"})
