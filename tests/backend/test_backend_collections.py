"""The four feature collections: wire validity, bbox filtering, incremental polling."""

from __future__ import annotations

import uuid

import pytest

from console.sources import wire

COLLECTIONS = {
    "vessels": wire.VesselCollection,
    "stations": wire.StationCollection,
    "cameras": wire.CameraCollection,
    "incidents": wire.IncidentCollection,
}


@pytest.mark.parametrize("name", list(COLLECTIONS))
def test_collection_validates_against_wire_model(api, url, name):
    r = api.get(url(f"/api/v1/{name}"))
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    doc = COLLECTIONS[name].model_validate(r.json())
    assert doc.features
    ids = [f.id for f in doc.features]
    assert len(ids) == len(set(ids))


def test_collection_sizes(api, url):
    sizes = {name: len(api.get(url(f"/api/v1/{name}")).json()["features"]) for name in COLLECTIONS}
    assert sizes["vessels"] == 3242
    assert sizes["cameras"] == 300
    assert sizes["stations"] == 102
    assert sizes["incidents"] >= 40


def test_vessel_fleet_looks_plausible(api, url):
    doc = wire.VesselCollection.model_validate(api.get(url("/api/v1/vessels")).json())
    props = [f.properties for f in doc.features]
    regs = [p.registration for p in props]
    assert len(set(regs)) == len(regs)
    for reg in regs:
        prefix, number, suffix = reg.split("-")
        assert (prefix, suffix) == ("BĐ", "TS") and len(number) == 5 and number.isdigit()
    in_port = sum(p.status == "in_port" for p in props) / len(props)
    assert 0.15 <= in_port <= 0.35
    assert {p.home_port for p in props} == {"Quy Nhơn", "Đề Gi", "Tam Quan"}
    assert all(15 <= p.length_m <= 30 for p in props)
    assert all(p.speed_kn == 0 for p in props if p.status == "in_port")
    at_sea = [p for p in props if p.status == "at_sea"]
    assert max(p.speed_kn for p in at_sea) <= 11
    # some vessels have gone dark (last fix older than 6 h)
    server = doc.server_time.timestamp()
    dark = [p for p in at_sea if server - p.fix_time.timestamp() > 6 * 3600]
    assert 0.005 * len(at_sea) < len(dark) < 0.08 * len(at_sea)


@pytest.mark.parametrize("name", list(COLLECTIONS))
def test_bbox_returns_only_items_inside(api, url, name):
    box = {"vessels": (109.0, 13.0, 111.0, 15.0), "stations": (108.9, 13.8, 109.1, 14.2),
           "cameras": (109.18, 13.75, 109.23, 13.80),
           "incidents": (109.18, 13.75, 109.23, 13.80)}[name]
    everything = COLLECTIONS[name].model_validate(api.get(url(f"/api/v1/{name}")).json())
    r = api.get(url(f"/api/v1/{name}"), params={"bbox": ",".join(map(str, box))})
    assert r.status_code == 200
    inside = COLLECTIONS[name].model_validate(r.json())
    assert inside.features, "bbox chosen to contain something"
    assert len(inside.features) < len(everything.features)
    for f in inside.features:
        lon, lat = f.geometry.coordinates
        assert box[0] <= lon <= box[2] and box[1] <= lat <= box[3]


@pytest.mark.parametrize("bbox", [
    "1,2,3", "1,2,3,4,5", "a,b,c,d", "nan,13,110,15", "109,13,inf,15", "110,13,109,15",
    "109,15,110,13", "109,13,109,15", "-181,13,110,15", "109,-91,110,15", "",
])
def test_bad_bbox_is_400(api, url, bbox):
    r = api.get(url("/api/v1/vessels"), params={"bbox": bbox})
    assert r.status_code == 400
    assert wire.ErrorBody.model_validate(r.json()).error.code in {"invalid_bbox", "invalid_request"}


def test_since_cursor_returns_only_changes(api, url):
    first = wire.IncidentCollection.model_validate(api.get(url("/api/v1/incidents")).json())
    target = next(f for f in first.features if f.properties.status == "new")
    r = api.post(url(f"/api/v1/incidents/{target.id}/actions"),
                 json={"action": "acknowledge", "expected_version": target.properties.version,
                       "actor": "op.test"},
                 headers={"Idempotency-Key": uuid.uuid4().hex})
    assert r.status_code == 200
    changed = wire.IncidentCollection.model_validate(
        api.get(url("/api/v1/incidents"), params={"since": first.cursor}).json())
    assert changed.cursor > first.cursor
    ids = [f.id for f in changed.features]
    assert ids.count(target.id) == 1
    # Anything else must be a brand-new report that arrived meanwhile (sim keeps running).
    known = {f.id for f in first.features}
    for f in changed.features:
        if f.id != target.id:
            assert f.id not in known and f.properties.version == 1
    again = wire.IncidentCollection.model_validate(
        api.get(url("/api/v1/incidents"), params={"since": changed.cursor}).json())
    assert target.id not in {f.id for f in again.features}


def test_since_on_vessels_is_incremental(api, url):
    full = wire.VesselCollection.model_validate(api.get(url("/api/v1/vessels")).json())
    delta = wire.VesselCollection.model_validate(
        api.get(url("/api/v1/vessels"), params={"since": full.cursor}).json())
    # At speed 60 a poll moments later sees only the few vessels that reported meanwhile.
    assert len(delta.features) < len(full.features) / 10
    assert delta.cursor >= full.cursor
    for f in delta.features:
        assert f.properties.fix_time >= max(g.properties.fix_time for g in full.features
                                            if g.id == f.id)


def test_future_cursor_means_full_list(api, url):
    r = api.get(url("/api/v1/cameras"), params={"since": 10**12})
    assert len(r.json()["features"]) == 300


def test_incident_status_filter(api, url):
    r = api.get(url("/api/v1/incidents"), params=[("status", "resolved"), ("status", "closed")])
    doc = wire.IncidentCollection.model_validate(r.json())
    assert doc.features
    assert {f.properties.status for f in doc.features} <= {"resolved", "closed"}
    bad = api.get(url("/api/v1/incidents"), params={"status": "exploded"})
    assert bad.status_code == 400


def test_stations_catalogue(api, url):
    doc = wire.StationCollection.model_validate(api.get(url("/api/v1/stations")).json())
    kinds = [f.properties.kind for f in doc.features]
    assert kinds.count("rain") == 70
    assert kinds.count("water_level") + kinds.count("reservoir") == 32
    assert kinds.count("reservoir") == 6
    by_name = {f.properties.name: f.properties for f in doc.features}
    assert by_name["Thạnh Hòa"].alarm_levels == (6.0, 7.0, 8.0)
    assert by_name["Bình Nghi"].alarm_levels == (15.5, 16.5, 17.5)
    for f in doc.features:
        p = f.properties
        if p.kind == "water_level":
            assert p.alarm_levels is not None
            assert p.alarm_levels[0] < p.alarm_levels[1] < p.alarm_levels[2]
        if p.kind == "reservoir":
            assert p.normal_level is not None
        assert p.latest_time is not None
        if p.kind == "rain" and p.latest_value is not None:
            assert p.latest_value >= 0


@pytest.mark.parametrize("name", ["cameras", "stations"])
def test_limit_pages_through_the_whole_collection(api, url, name):
    """A client asking for pages of 40 gets every item, pages of at most 40, and a
    `next_after` on every page but the last."""
    model = COLLECTIONS[name]
    everything = {f.id for f in model.model_validate(api.get(url(f"/api/v1/{name}")).json())
                  .features}
    params: dict[str, int] = {"limit": 40}
    seen: set[str] = set()
    pages = 0
    while True:
        r = api.get(url(f"/api/v1/{name}"), params=params)
        assert r.status_code == 200
        page = model.model_validate(r.json())
        pages += 1
        assert len(page.features) <= 40
        seen |= {f.id for f in page.features}
        if page.next_after is None:
            break
        assert len(page.features) == 40
        params = {"limit": 40, "since": page.cursor, "after": page.next_after}
    assert everything <= seen
    assert pages >= len(everything) // 40


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": -3}, {"limit": "x"},
                                    {"after": 5}, {"after": -1, "since": 1}])
def test_bad_paging_parameters_are_400(api, url, params):
    r = api.get(url("/api/v1/vessels"), params=params)
    assert r.status_code == 400
    assert wire.ErrorBody.model_validate(r.json()).error.message


def test_vessel_rows_are_the_same_vessels_as_the_features(api, url):
    """`format=rows` is another spelling of the same answer: every vessel, every value
    (the fix time as epoch seconds), the same cursor semantics."""
    from console.sources import parse

    r = api.get(url("/api/v1/vessels"), params={"format": "rows"})
    assert r.status_code == 200
    table = wire.VesselRows.model_validate_json(r.content)
    features = wire.VesselCollection.model_validate(api.get(url("/api/v1/vessels")).json())
    # the simulator runs on: vessels that moved after the rows were read are not compared
    moved = {f.id for f in wire.VesselCollection.model_validate(
        api.get(url("/api/v1/vessels"), params={"since": table.cursor}).json()).features}
    assert table.fields == wire.VESSEL_ROW_FIELDS
    by_id = {row[0]: row for row in table.rows}
    assert len(by_id) == len(features.features) == 3242
    compared = 0
    for feature in features.features:
        if feature.id in moved:
            continue
        record = parse.vessel(feature)
        assert by_id[record.id] == tuple(getattr(record, f) for f in wire.VESSEL_ROW_FIELDS)
        compared += 1
    assert compared > 1000


def test_vessel_rows_page_like_features(api, url):
    params: dict = {"format": "rows", "limit": 1000, "since": 0}
    seen: list[str] = []
    while True:
        page = wire.VesselRows.model_validate_json(
            api.get(url("/api/v1/vessels"), params=params).content)
        assert len(page.rows) <= 1000
        seen += [row[0] for row in page.rows]
        if page.next_after is None:
            break
        params.update(since=page.cursor, after=page.next_after)
    assert len(seen) >= 3242 and len(set(seen)) == 3242


def test_unknown_vessel_format_is_400(api, url):
    r = api.get(url("/api/v1/vessels"), params={"format": "csv"})
    assert r.status_code == 400
    assert "format" in wire.ErrorBody.model_validate(r.json()).error.message
