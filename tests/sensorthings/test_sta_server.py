"""The reference backend's SensorThings v1.1 service (/sta/v1.1), read over HTTP from the
real backend process: resource paths, $filter, $expand with nested options, $select,
$orderby, $count, paging with @iot.nextLink, $resultFormat=dataArray, and clear errors."""

from __future__ import annotations

import pytest
import requests

from backend.sta import odata
from backend.timefmt import parse_instant


@pytest.fixture(scope="module")
def sta(live_backend):
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {live_backend.token}"
    root = f"{live_backend.url}/sta/v1.1"

    def get(path: str, **params: str) -> dict:
        response = session.get(f"{root}/{path}" if path else root, params=params, timeout=30)
        assert response.status_code == 200, response.text
        return response.json()

    get.root = root  # type: ignore[attr-defined]
    get.session = session  # type: ignore[attr-defined]
    return get


def test_service_root_lists_entity_sets_and_data_array_conformance(sta):
    body = sta("")
    names = {v["name"] for v in body["value"]}
    assert {"Things", "Locations", "Datastreams", "Sensors", "ObservedProperties",
            "Observations", "FeaturesOfInterest"} <= names
    assert any(c.endswith("data-array/data-array")
               for c in body["serverSettings"]["conformance"])


def test_token_is_required(live_backend):
    response = requests.get(f"{live_backend.url}/sta/v1.1/Things", timeout=10)
    assert response.status_code == 401


def test_thing_with_expanded_locations_and_datastreams(sta):
    thing = sta("Things('TV-THANHHOA')",
                **{"$expand": "Locations,Datastreams($expand=ObservedProperty,Sensor)"})
    assert thing["@iot.id"] == "TV-THANHHOA"
    assert thing["@iot.selfLink"].endswith("/sta/v1.1/Things('TV-THANHHOA')")
    assert thing["properties"]["alarm_levels"] == [6.0, 7.0, 8.0]
    assert thing["Locations"][0]["location"] == {"type": "Point",
                                                 "coordinates": [109.12, 13.87]}
    (ds,) = thing["Datastreams"]
    assert ds["unitOfMeasurement"]["symbol"] == "m"
    assert ds["ObservedProperty"]["definition"].endswith(
        "water_surface_height_above_reference_datum/")
    assert ds["Sensor"]["@iot.id"] == "water-level-gauge"
    # navigation links lead where they say
    link = ds["Observations@iot.navigationLink"]
    assert link.endswith("/Datastreams('TV-THANHHOA')/Observations")


def test_filter_on_ids_names_and_properties(sta):
    rain = sta("Things", **{"$filter": "properties/kind eq 'rain'", "$top": "1000",
                            "$select": "id,name"})
    assert len(rain["value"]) == 70
    assert all(set(t) == {"@iot.id", "name"} for t in rain["value"])
    one = sta("Things", **{"$filter": "name eq 'Thạnh Hòa' and @iot.id ne 'X'"})
    assert [t["@iot.id"] for t in one["value"]] == ["TV-THANHHOA"]
    neither = sta("Things", **{"$filter": "id eq 'TV-THANHHOA' and name eq 'Bình Nghi'"})
    assert neither["value"] == []
    either = sta("Things", **{"$filter": "(id eq 'TV-THANHHOA' or id eq 'TV-BINHNGHI')",
                              "$orderby": "name desc"})
    assert [t["name"] for t in either["value"]] == ["Thạnh Hòa", "Bình Nghi"]


def test_filter_on_phenomenon_time_and_result(sta):
    latest = sta("Datastreams('TV-THANHHOA')/Observations",
                 **{"$orderby": "phenomenonTime desc", "$top": "1"})["value"][0]
    t_latest = parse_instant(latest["phenomenonTime"])
    start = _iso(t_latest - 3600)
    hour = sta("Datastreams('TV-THANHHOA')/Observations",
               **{"$filter": f"phenomenonTime gt {start} and phenomenonTime le "
                             f"{latest['phenomenonTime']}", "$count": "true"})
    times = [parse_instant(o["phenomenonTime"]) for o in hour["value"]]
    assert times == sorted(times)  # no $orderby: time order
    assert all(t_latest - 3600 < t <= t_latest for t in times)
    assert hour["@iot.count"] == len(times) >= 5  # 10-minute readings (a few may be missing)
    lt = sta("Datastreams('TV-THANHHOA')/Observations",
             **{"$filter": f"phenomenonTime lt {start} and phenomenonTime ge "
                           f"{_iso(t_latest - 7200)}"})["value"]
    assert lt and all(parse_instant(o["phenomenonTime"]) < t_latest - 3600 for o in lt)
    high = sta("Observations", **{
        "$filter": f"Datastream/@iot.id eq 'TV-THANHHOA' and phenomenonTime ge {start} "
                   f"and result ge {latest['result']}"})["value"]
    assert high and all(o["result"] >= latest["result"] for o in high)
    assert all(o["@iot.id"].startswith("TV-THANHHOA@") for o in high)


def test_paging_follows_next_links_to_the_whole_collection(sta):
    everything = sta("Things", **{"$top": "1000", "$select": "id"})["value"]
    seen: list[str] = []
    body = sta("Things", **{"$top": "30", "$count": "true", "$select": "id"})
    assert body["@iot.count"] == len(everything) == 102
    pages = 1
    seen += [t["@iot.id"] for t in body["value"]]
    while "@iot.nextLink" in body:
        response = sta.session.get(body["@iot.nextLink"], timeout=30)
        body = response.json()
        seen += [t["@iot.id"] for t in body["value"]]
        pages += 1
    assert pages == 4
    assert seen == [t["@iot.id"] for t in everything]
    skipped = sta("Things", **{"$skip": "100", "$select": "id"})["value"]
    assert [t["@iot.id"] for t in skipped] == seen[100:]


def test_nested_expand_with_options(sta):
    body = sta("Things", **{
        "$filter": "id eq 'TV-THANHHOA' or id eq 'RG-01'",
        "$expand": "Datastreams($select=id,name;$expand=Observations("
                   "$orderby=phenomenonTime desc;$top=2;$select=phenomenonTime,result))"})
    assert len(body["value"]) == 2
    for thing in body["value"]:
        (ds,) = thing["Datastreams"]
        assert set(ds) == {"@iot.id", "name", "Observations"}
        first, second = ds["Observations"]
        assert set(first) == {"phenomenonTime", "result"}
        assert first["phenomenonTime"] > second["phenomenonTime"]


def test_data_array_matches_the_plain_answer(sta):
    params = {"$top": "40", "$orderby": "phenomenonTime desc"}
    plain = sta("Datastreams('RG-01')/Observations", **params)["value"]
    array = sta("Datastreams('RG-01')/Observations", **params,
                **{"$resultFormat": "dataArray", "$select": "id,phenomenonTime,result"})
    (group,) = array["value"]
    assert group["Datastream@iot.navigationLink"].endswith("/Datastreams('RG-01')")
    assert group["components"] == ["id", "phenomenonTime", "result"]
    assert group["dataArray@iot.count"] == 40
    assert group["dataArray"] == [[o["@iot.id"], o["phenomenonTime"], o["result"]]
                                  for o in plain]
    assert "@iot.nextLink" in array and "dataArray" in array["@iot.nextLink"]
    # several datastreams in one answer: one group each
    mixed = sta("Observations", **{
        "$filter": f"phenomenonTime ge {plain[0]['phenomenonTime']}",
        "resultFormat": "dataArray", "$top": "1000"})
    assert len(mixed["value"]) >= 90
    assert all(g["components"] == ["id", "phenomenonTime", "result"] for g in mixed["value"])


def test_an_observation_and_its_links(sta):
    obs = sta("Datastreams('TV-BINHNGHI')/Observations", **{"$top": "1"})["value"][0]
    again = sta(obs["@iot.selfLink"].split("/sta/v1.1/")[1])
    assert again["result"] == obs["result"]
    assert sta(f"Observations('{obs['@iot.id']}')/Datastream")["@iot.id"] == "TV-BINHNGHI"
    foi = sta(f"Observations('{obs['@iot.id']}')/FeatureOfInterest")
    assert foi["feature"]["type"] == "Point"
    sensors = sta("Sensors('rain-gauge')/Datastreams", **{"$top": "1000", "$count": "true"})
    assert sensors["@iot.count"] == 70


@pytest.mark.parametrize(("path", "params", "status"), [
    ("Things", {"$filter": "name eq"}, 400),
    ("Things", {"$filter": "name eq 'x' and"}, 400),
    ("Things", {"$top": "-1"}, 400),
    ("Things", {"$expand": "Nothing"}, 400),
    ("Things", {"$resultFormat": "dataArray"}, 400),
    ("Things('NO-SUCH')", {}, 404),
    ("Gadgets", {}, 404),
    ("Things('TV-THANHHOA')/Wheels", {}, 404),
])
def test_bad_requests_are_clear_errors(sta, path, params, status):
    response = sta.session.get(f"{sta.root}/{path}", params=params, timeout=10)
    assert response.status_code == status
    assert response.json()["error"]["message"]


def test_filter_parser_precedence_and_literals():
    node = odata.parse_filter("a eq 1 or b eq 'it''s' and not c gt 2026-01-01T00:00:00+07:00")
    assert node.name == "or"
    right = node.args[1]
    assert right.name == "and" and right.args[0].args[1] == odata.Literal("it's")
    assert right.args[1].name == "not"
    t = right.args[1].args[0].args[1].value
    assert t == odata.Instant(parse_instant("2025-12-31T17:00:00Z"))
    expand = odata.parse_expand("Datastreams($top=1;$expand=Observations($top=2)),Locations")
    assert expand["Datastreams"].top == 1
    assert expand["Datastreams"].expand["Observations"].top == 2
    assert "Locations" in expand
    assert odata.time_bounds(odata.parse_filter(
        "phenomenonTime ge 2026-01-01T00:00:00Z and 2026-01-02T00:00:00Z gt phenomenonTime"),
        ("phenomenonTime",)) == (parse_instant("2026-01-01T00:00:00Z"),
                                 parse_instant("2026-01-02T00:00:00Z"))


def _iso(t: float) -> str:
    from backend.timefmt import iso_z

    return iso_z(t)


@pytest.mark.parametrize("order", ["phenomenonTime desc", "phenomenonTime asc"])
def test_readings_answer_alike_on_the_array_path_and_the_general_one(sta, order):
    """A time-only filter is answered on arrays; one that also reads `result` goes through
    the general evaluator: both must give the same readings in the same order."""
    newest = sta("Observations", **{"$orderby": "phenomenonTime desc", "$top": "1"})
    since = _iso(parse_instant(newest["value"][0]["phenomenonTime"]) - 3 * 3600)
    common = {"$orderby": order, "$top": "500", "$skip": "20", "$count": "true",
              "$select": "id,phenomenonTime,result"}
    fast = sta("Observations", **common, **{"$filter": f"phenomenonTime gt {since}"})
    general = sta("Observations", **common, **{
        "$filter": f"phenomenonTime gt {since} and result ge -1000000"})
    assert fast["@iot.count"] == general["@iot.count"] > 1500
    assert fast["value"] == general["value"]
    assert fast["@iot.nextLink"].replace("%20and%20result%20ge%20-1000000", "") == \
        general["@iot.nextLink"].replace("%20and%20result%20ge%20-1000000", "")


def test_absurd_filters_are_refused_not_crashed(sta):
    for text in ("(" * 1500 + "id eq 'x'" + ")" * 1500, "id eq 'x' or " * 400 + "id eq 'y'"):
        response = sta.session.get(f"{sta.root}/Things", params={"$filter": text}, timeout=30)
        assert response.status_code == 400, response.text[:200]
