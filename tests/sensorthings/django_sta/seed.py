"""What the tests put into the third-party SensorThings server (django-ogc-sensorthings),
through its own create API (deep insert, OGC 18-088 section 10.2), before reading it back
with our client.

All of it is simulated test data, chosen to exercise the client, not to describe the
province: four Things near Quy Nhơn, named after places of our station list
(resources/config/stations.json) and placed a little apart from the reference
backend's gauges so that both show on one map, with
- a river gauge "Thạnh Hòa (test)" in metres, its Thing carrying our optional
  `alarm_levels` property (BĐ1–BĐ3 6.0 / 7.0 / 8.0 m as cited in stations.json), with a
  reading every 10 minutes for the last `WATER_READINGS` x 10 min, rising past BĐ1 at the
  end: more readings than the server's page (100), so the chart pages over nextLinks;
- a rain gauge in millimetres with 72 readings over the last 12 h (60 mm in all:
  "heavy rain" in 24 h by the bulletin classes of rules.json);
- a water-level gauge that reports in centimetres (the client converts to metres);
- a weather station whose only Datastream is air temperature in °C (not one of our
  kinds: the client must skip it and say why).
"""

from __future__ import annotations

import math
import time
from datetime import UTC, datetime
from typing import Any

import requests

STEP_S = 600
WATER_READINGS = 150
RAIN_READINGS = 72
OM = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"
CF = "http://vocab.nerc.ac.uk/standard_name/"
UCUM = "http://unitsofmeasure.org/ucum.html#"


def iso(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def water_level(i: int) -> float:
    """The simulated river: 4.0 m rising to ~6.4 m over the window (past BĐ1 = 6.0 m)."""
    return round(4.0 + 2.4 * (i / (WATER_READINGS - 1)) ** 2 + 0.02 * math.sin(i), 2)


def rain(i: int) -> float:
    """60 mm over 12 h: a shower of 2.5 mm per 10 min in the middle four hours."""
    return 2.5 if 24 <= i < 48 else 0.0


def _datastream(name: str, unit: tuple[str, str], prop: tuple[str, str], sensor: str,
                readings: list[tuple[float, float]]) -> dict[str, Any]:
    return {
        "name": name, "description": f"{name} (simulated test data)",
        "observationType": OM,
        "unitOfMeasurement": {"name": unit[0], "symbol": unit[1],
                              "definition": UCUM + unit[1]},
        "Sensor": {"name": sensor, "description": f"{sensor} (test)",
                   "encodingType": "text/html", "metadata": "simulated"},
        "ObservedProperty": {"name": prop[0], "definition": prop[1],
                             "description": prop[0]},
        "Observations": [{"phenomenonTime": iso(t), "result": v} for t, v in readings],
    }


def _thing(name: str, lon: float, lat: float, properties: dict, datastreams: list[dict]
           ) -> dict[str, Any]:
    return {
        "name": name, "description": f"{name} (simulated test station)",
        "properties": properties,
        "Locations": [{"name": name, "description": "approximate position",
                       "encodingType": "application/geo+json",
                       "location": {"type": "Point", "coordinates": [lon, lat]}}],
        "Datastreams": datastreams,
    }


def things(now: float) -> list[dict[str, Any]]:
    """The four Things, with readings ending at the last 10-minute step before `now`."""
    end = math.floor(now / STEP_S) * STEP_S

    def times(n: int) -> list[float]:
        return [end - (n - 1 - i) * STEP_S for i in range(n)]

    water = [(t, water_level(i)) for i, t in enumerate(times(WATER_READINGS))]
    rainfall = [(t, rain(i)) for i, t in enumerate(times(RAIN_READINGS))]
    water_cm = [(t, 320.0 + i) for i, t in enumerate(times(12))]
    temperature = [(t, 27.5) for t in times(6)]
    level = ("Water level", CF + "water_surface_height_above_reference_datum/")
    return [
        _thing("Thạnh Hòa (test)", 109.100, 13.890,
               {"code": "TEST-THANHHOA", "river": "Kôn", "alarm_levels": [6.0, 7.0, 8.0],
                "source": "simulated"},
               [_datastream("Water level", ("metre", "m"), level, "radar gauge", water)]),
        _thing("Phù Cát (test rain gauge)", 109.050, 14.000, {"code": "TEST-RAIN"},
               [_datastream("Rainfall", ("millimetre", "mm"),
                            ("Precipitation", CF + "lwe_thickness_of_precipitation_amount/"),
                            "tipping bucket", rainfall)]),
        _thing("Tuy Phước (test, cm)", 109.160, 13.830, {},
               [_datastream("Stage", ("centimetre", "cm"), level, "pressure gauge",
                            water_cm)]),
        _thing("Quy Nhơn (test weather)", 109.220, 13.770, {},
               [_datastream("Air temperature", ("degree Celsius", "Cel"),
                            ("Air temperature", CF + "air_temperature/"), "thermometer",
                            temperature)]),
    ]


def seed(base_url: str, now: float | None = None, timeout_s: float = 30.0) -> list[dict]:
    """POST the Things (deep insert); returns what was sent."""
    sent = things(time.time() if now is None else now)
    for thing in sent:
        response = requests.post(f"{base_url}/Things", json=thing, timeout=timeout_s)
        if response.status_code != 201:
            raise RuntimeError(f"seeding {thing['name']} failed: HTTP {response.status_code} "
                               f"{response.text[:300]}")
    return sent
