"""Strict parsing: ranges, missing fields and bad JSON give BadResponse with a reason."""

from __future__ import annotations

import json

import pytest

from console.sources import parse, wire
from console.sources.errors import BadResponse
from console.sources.http import redact


def vessel_payload(lon: float = 110.0, lat: float = 13.5) -> dict:
    return {
        "type": "FeatureCollection",
        "cursor": 5,
        "server_time": "2026-11-22T05:00:00Z",
        "features": [
            {
                "type": "Feature",
                "id": "v1",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "registration": "BĐ-96789-TS",
                    "name": "Hoài Nhơn 27",
                    "owner": "Trần Văn B",
                    "length_m": 21.5,
                    "gear": "lưới vây",
                    "home_port": "Quy Nhơn",
                    "status": "at_sea",
                    "fix_time": "2026-11-22T04:30:00Z",
                    "speed_kn": 6.5,
                    "course_deg": 45.0,
                },
            }
        ],
    }


def test_valid_collection_parses_to_epoch_seconds():
    body = json.dumps(vessel_payload()).encode()
    collection = parse.validate(wire.VesselCollection, body, "vessels")
    v = parse.vessel(collection.features[0])
    assert v.registration == "BĐ-96789-TS"
    assert v.fix_time == 1795321800.0  # 2026-11-22T04:30:00Z


@pytest.mark.parametrize("lon, lat", [(200.0, 13.0), (110.0, 95.0)])
def test_out_of_range_coordinates_rejected(lon, lat):
    body = json.dumps(vessel_payload(lon, lat)).encode()
    with pytest.raises(BadResponse, match="coordinates"):
        parse.validate(wire.VesselCollection, body, "vessels")


def test_nan_rejected():
    body = json.dumps(vessel_payload()).replace("110.0", "NaN").encode()
    with pytest.raises(BadResponse):
        parse.validate(wire.VesselCollection, body, "vessels")


def test_garbage_json_rejected_with_readable_reason():
    with pytest.raises(BadResponse, match="invalid vessels"):
        parse.validate(wire.VesselCollection, b"<html>oops", "vessels")


def test_naive_timestamp_rejected():
    payload = vessel_payload()
    payload["features"][0]["properties"]["fix_time"] = "2026-11-22T04:30:00"
    with pytest.raises(BadResponse, match="timezone"):
        parse.validate(wire.VesselCollection, json.dumps(payload).encode(), "vessels")


def test_redact_masks_tokens():
    text = "GET /x Authorization: Bearer abc.def-123 ?token=s3cret&x=1"
    cleaned = redact(text)
    assert "abc.def-123" not in cleaned and "s3cret" not in cleaned
    assert "Bearer ***" in cleaned


def vessel_rows_payload(**changes: object) -> dict:
    values = ["v1", "BĐ-96789-TS", "Hoài Nhơn 27", "Trần Văn B", 21.5, "lưới vây", "Quy Nhơn",
              "at_sea", 110.0, 13.5, 1795321800.0, 6.5, 45.0]
    row = dict(zip(wire.VESSEL_ROW_FIELDS, values, strict=True)) | changes
    return {"fields": list(wire.VESSEL_ROW_FIELDS), "rows": [list(row.values())],
            "cursor": 5, "server_time": "2026-11-22T05:00:00Z"}


def test_vessel_row_layout_is_the_record_layout():
    """Rows are unpacked straight into `Vessel(*row)`: the wire order must be the record's."""
    from dataclasses import fields

    from console.model.vessel import Vessel

    assert tuple(f.name for f in fields(Vessel)) == wire.VESSEL_ROW_FIELDS


def test_vessel_rows_parse_to_the_same_batch_as_features():
    from console.model.vessel_batch import VesselBatch

    table = parse.validate(wire.VesselRows, json.dumps(vessel_rows_payload()).encode(), "v")
    from_rows = VesselBatch.of_rows(table.rows)
    collection = parse.validate(wire.VesselCollection, json.dumps(vessel_payload()).encode(), "v")
    from_features = VesselBatch.of([parse.vessel(f) for f in collection.features])
    assert from_rows.records == from_features.records
    for name in ("lon", "lat", "x", "y", "fix_time", "speed", "course", "length_m", "in_port"):
        assert (getattr(from_rows, name) == getattr(from_features, name)).all(), name


@pytest.mark.parametrize("changes, reason", [
    ({"lon": 200.0}, "rows.0.8"), ({"lat": -95.0}, "rows.0.9"), ({"speed_kn": 99.0}, "rows.0.11"),
    ({"status": "sunk"}, "rows.0.7"), ({"registration": ""}, "rows.0.1"),
])
def test_vessel_rows_out_of_range_rejected(changes, reason):
    body = json.dumps(vessel_rows_payload(**changes)).encode()
    with pytest.raises(BadResponse, match=reason.replace(".", r"\.")):
        parse.validate(wire.VesselRows, body, "vessels")


def test_vessel_rows_with_another_layout_rejected():
    payload = vessel_rows_payload()
    payload["fields"] = list(reversed(payload["fields"]))
    with pytest.raises(BadResponse, match="expected the columns"):
        parse.validate(wire.VesselRows, json.dumps(payload).encode(), "vessels")
    payload = vessel_rows_payload()
    payload["rows"][0].pop()
    with pytest.raises(BadResponse, match="invalid vessels"):
        parse.validate(wire.VesselRows, json.dumps(payload).encode(), "vessels")


def _point(feature_id: str, properties: dict) -> dict:
    return {"type": "Feature", "id": feature_id, "properties": properties,
            "geometry": {"type": "Point", "coordinates": [109.2237, 13.7765]}}


def test_station_camera_and_incident_features_parse_to_their_records():
    station = parse.station(wire.StationFeature.model_validate(_point("st-1", {
        "code": "TN", "name": "Thạnh Hòa", "kind": "water_level", "river": "Kôn",
        "unit": "m", "alarm_levels": [6.0, 7.0, 8.0], "latest_time": "2026-11-22T04:30:00Z",
        "latest_value": 6.31})))
    assert (station.id, station.lon, station.lat) == ("st-1", 109.2237, 13.7765)
    assert (station.code, station.river, station.alarm_levels) == ("TN", "Kôn", (6.0, 7.0, 8.0))
    assert (station.latest_time, station.latest_value) == (1795321800.0, 6.31)
    assert station.normal_level is None and station.source is None
    camera = parse.camera(wire.CameraFeature.model_validate(_point("cam-1", {
        "name": "Ngã 5 Đống Đa", "kind": "traffic", "status": "offline",
        "last_seen": "2026-11-22T04:30:00Z"})))
    assert (camera.id, camera.lon, camera.lat) == ("cam-1", 109.2237, 13.7765)
    assert (camera.name, camera.status, camera.last_seen) == ("Ngã 5 Đống Đa", "offline",
                                                              1795321800.0)
    incident = parse.incident(wire.IncidentFeature.model_validate(_point("inc-1", {
        "type": "flooding", "severity": "high", "status": "new", "title": "Ngập đường",
        "description": "Nước dâng 0,5 m", "reported_at": "2026-11-22T04:30:00Z",
        "updated_at": "2026-11-22T04:40:00Z", "version": 1, "history": [
            {"action": "report", "actor": "minh.op", "at": "2026-11-22T04:30:00Z",
             "to_status": "new"}]})))
    assert (incident.id, incident.lon, incident.lat) == ("inc-1", 109.2237, 13.7765)
    assert (incident.title, incident.version, incident.assignee) == ("Ngập đường", 1, None)
    assert (incident.reported_at, incident.updated_at) == (1795321800.0, 1795322400.0)
    assert [(e.action, e.at) for e in incident.history] == [("report", 1795321800.0)]
