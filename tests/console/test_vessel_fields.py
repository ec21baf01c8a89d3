"""The vessel's fields are defined once, in the wire contract; every other spelling of
them (the console's record, the pydantic schemas, the backend's encoders, the archive
schema) must agree with it, and the two wire formats must give the same record."""

from __future__ import annotations

import json
import typing
from dataclasses import fields

import numpy as np

from backend.features import vessel_row as backend_vessel_row
from backend.sim.vessels import Fix, VesselInfo
from console.archive import schema
from console.model.vessel import Vessel
from console.model.vessel_batch import VesselBatch
from console.sources import parse, wire


def test_the_record_and_the_schemas_follow_the_wire_field_list() -> None:
    assert tuple(f.name for f in fields(Vessel)) == wire.VESSEL_ROW_FIELDS
    properties = tuple(wire.VesselProperties.model_fields)
    fix_properties = tuple(f for f in wire.VESSEL_FIX_FIELDS if f not in ("lon", "lat"))
    assert properties == wire.VESSEL_IDENTITY_FIELDS + fix_properties
    assert len(typing.get_args(wire.VesselRow)) == len(wire.VESSEL_ROW_FIELDS)
    columns = [c.split()[0] for c in schema.FEATURES["vessels"][0]]
    assert columns == ["vessel_id", *wire.VESSEL_ROW_FIELDS[1:]]


def _info() -> VesselInfo:
    return VesselInfo(
        idx=0, id="v00001", registration="BĐ-96789-TS", name="Hoài Nhơn 01",
        owner="Nguyễn Văn Đức", length_m=21.5, gear="lưới vây", home_port="Quy Nhơn",
        berth=(109.25, 13.77), berth_heading=90.0, ground="main", phase_s=0,
    )  # fmt: skip


def test_feature_and_row_formats_give_the_same_vessel() -> None:
    fix = Fix(vessel=0, t=1_800_000_000.0, lon=109.5, lat=13.6, speed_kn=7.5,
              course_deg=123.0, in_port=False)  # fmt: skip
    encoded = backend_vessel_row(_info(), fix)
    from_feature = parse.vessel(wire.VesselFeature.model_validate_json(encoded.feature))
    row = json.loads(encoded.tabular)
    page = wire.VesselRows.model_validate({
        "fields": wire.VESSEL_ROW_FIELDS, "rows": [row], "cursor": 1,
        "server_time": "2027-01-15T08:00:00Z",
    })  # fmt: skip
    (from_row,) = VesselBatch.of_rows([tuple(r) for r in page.rows]).records
    assert from_feature == from_row
    assert from_row.registration == "BĐ-96789-TS" and from_row.home_port == "Quy Nhơn"
    assert (from_row.length_m, from_row.speed_kn, from_row.status) == (21.5, 7.5, "at_sea")


def test_archive_rows_keep_every_field_and_store_nan_as_null() -> None:
    v = Vessel("v1", "BĐ-1-TS", "A", "B", 16.0, "lưới", "Tam Quan", "in_port",
               np.nan, 13.0, 1.0, 2.0, np.nan)  # fmt: skip
    row = schema.vessel_row(v)
    assert row[:8] == ("v1", "BĐ-1-TS", "A", "B", 16.0, "lưới", "Tam Quan", "in_port")
    assert row[8:] == (None, 13.0, 1.0, 2.0, None)
