"""Fuzzing the parsers of everything that comes from outside: any bytes either parse into
valid records or raise BadResponse with a message, never another exception."""

from __future__ import annotations

import contextlib
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.sources import parse, wire
from console.sources.errors import BadResponse

MODELS = [
    (wire.VesselCollection, parse.vessel),
    (wire.StationCollection, parse.station),
    (wire.CameraCollection, parse.camera),
    (wire.IncidentCollection, parse.incident),
]

json_values = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=True) | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)


def feature_like() -> st.SearchStrategy[dict]:
    """Mostly-right features with random holes: the interesting region for a parser."""
    return st.fixed_dictionaries(
        {
            "type": st.sampled_from(["Feature", "feature", 3]),
            "id": st.one_of(st.text(max_size=70), st.integers()),
            "geometry": st.fixed_dictionaries(
                {
                    "type": st.sampled_from(["Point", "LineString"]),
                    "coordinates": st.lists(
                        st.floats(allow_nan=True, allow_infinity=True), min_size=0, max_size=3
                    ),
                }
            ),
            "properties": st.dictionaries(
                st.sampled_from(
                    [
                        "registration",
                        "name",
                        "fix_time",
                        "status",
                        "speed_kn",
                        "course_deg",
                        "kind",
                        "code",
                        "unit",
                        "severity",
                        "version",
                        "history",
                        "latest_value",
                        "alarm_levels",
                        "last_seen",
                    ]
                ),
                json_values,
                max_size=10,
            ),
        }
    )


def accept(model, convert, body: bytes) -> None:
    try:
        collection = parse.validate(model, body, "payload")
    except BadResponse as exc:
        assert str(exc).startswith("invalid payload")
        return
    for feature in collection.features:
        record = convert(feature)
        assert -180 <= record.lon <= 180 and -90 <= record.lat <= 90


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_random_bytes_never_crash(body):
    for model, convert in MODELS:
        accept(model, convert, body)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(feature_like(), max_size=3), st.one_of(st.integers(), st.text(max_size=5)))
def test_structured_garbage_never_crashes(features, cursor):
    body = json.dumps(
        {
            "type": "FeatureCollection",
            "features": features,
            "cursor": cursor,
            "server_time": "2026-11-22T05:00:00Z",
        },
        allow_nan=True,
    ).encode()
    for model, convert in MODELS:
        accept(model, convert, body)


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_any_json_for_series_never_crashes(value):
    body = json.dumps(value, allow_nan=True).encode()
    for model in (wire.VesselTrack, wire.ObservationSeries, wire.FleetTracks, wire.Health):
        with contextlib.suppress(BadResponse):
            parse.validate(model, body, "series")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(json_values, min_size=12, max_size=14), max_size=3))
def test_vessel_rows_garbage_never_crashes(rows):
    """Table rows (`/vessels?format=rows`): valid ones become a batch, anything else a
    BadResponse."""
    from console.model.vessel_batch import VesselBatch

    body = json.dumps({"fields": list(wire.VESSEL_ROW_FIELDS), "rows": rows, "cursor": 1,
                       "server_time": "2026-11-22T05:00:00Z"}, allow_nan=True).encode()
    try:
        table = parse.validate(wire.VesselRows, body, "payload")
    except BadResponse as exc:
        assert str(exc).startswith("invalid payload")
        return
    batch = VesselBatch.of_rows(table.rows)
    assert len(batch) == len(rows)
    assert ((batch.lon >= -180) & (batch.lon <= 180)).all()
