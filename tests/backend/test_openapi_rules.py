"""The OpenAPI document states every rule the server enforces, and the server enforces
what the document states (read from the running backend's /openapi.json).

Rules: time parameters are RFC 3339 date-times; `after` needs `since`; an incident
action needs an Idempotency-Key header of 1-128 characters; 400 / 409 / 422 answers
are declared where they can happen."""

from __future__ import annotations

import uuid

import pytest
import requests

from console.sources import wire

API = "/api/v1"
COLLECTIONS = ["/vessels", "/stations", "/cameras", "/incidents"]
ACTIONS = "/incidents/{incident_id}/actions"


@pytest.fixture(scope="module")
def spec(url) -> dict:
    return requests.get(url("/openapi.json"), timeout=5).json()


def parameters(spec: dict, path: str, method: str = "get") -> dict[str, dict]:
    return {p["name"]: p for p in spec["paths"][API + path][method].get("parameters", [])}


def time_paths(spec: dict) -> list[str]:
    """Every GET path taking `start` / `end` (found from the document, not listed)."""
    found = []
    for path, item in spec["paths"].items():
        names = {p["name"] for p in item.get("get", {}).get("parameters", [])}
        if {"start", "end"} <= names:
            found.append(path.removeprefix(API))
    return sorted(found)


def string_schema(param: dict) -> dict:
    schema = param["schema"]
    options = schema.get("anyOf", [schema])
    (text,) = [s for s in options if s.get("type") == "string"]
    return text


def error_code(response: requests.Response) -> str:
    return wire.ErrorBody.model_validate(response.json()).error.code


def test_time_parameters_are_date_times_with_a_declared_400(spec):
    paths = time_paths(spec)
    assert len(paths) >= 5  # track, observations, tracks, history, aggregates
    for path in paths:
        params = parameters(spec, path)
        for name in ("start", "end"):
            assert string_schema(params[name])["format"] == "date-time", (path, name)
        bad = spec["paths"][API + path]["get"]["responses"]["400"]
        assert "invalid_time" in bad["description"], path
        assert bad["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")


def test_after_depends_on_since_in_the_document(spec):
    for path in COLLECTIONS:
        operation = spec["paths"][API + path]["get"]
        assert operation["x-parameter-dependencies"] == {"after": ["since"]}, path
        assert "requires `since`" in parameters(spec, path)["after"]["description"]
        assert "`after` without `since`" in operation["responses"]["400"]["description"]


def test_incident_action_declares_its_required_header_and_answers(spec):
    operation = spec["paths"][API + ACTIONS]["post"]
    header = parameters(spec, ACTIONS, "post")["Idempotency-Key"]
    assert header["in"] == "header" and header["required"] is True
    schema = string_schema(header)
    assert (schema["minLength"], schema["maxLength"], schema["pattern"]) == (1, 128, r"\S")
    assert {"200", "400", "404", "409", "422"} <= set(operation["responses"])
    assert "idempotency_key_required" in operation["responses"]["400"]["description"]


# --- the server does what the document says ---------------------------------------------


@pytest.fixture(scope="module")
def known_ids(api, url) -> dict[str, str]:
    vessels = api.get(url(API + "/vessels"), params={"limit": 1}).json()
    stations = api.get(url(API + "/stations"), params={"limit": 1}).json()
    return {
        "{vessel_id}": vessels["features"][0]["id"],
        "{station_id}": stations["features"][0]["id"],
    }


@pytest.mark.parametrize("value", ["yesterday", "2026-11-22T05:00:00", "22/11/2026 05:00"])
@pytest.mark.parametrize("name", ["start", "end"])
def test_server_refuses_what_is_not_a_date_time(spec, api, url, known_ids, name, value):
    """Every time parameter the document declares as date-time refuses non-date-times
    (including one without an offset) with the declared 400."""
    for path in time_paths(spec):
        concrete = path
        for placeholder, item_id in known_ids.items():
            concrete = concrete.replace(placeholder, item_id)
        r = api.get(url(API + concrete), params={name: value})
        assert r.status_code == 400 and error_code(r) == "invalid_time", (path, r.text)


def test_server_accepts_a_date_time(api, url):
    r = api.get(url(API + "/tracks"), params={"start": "2026-11-22T05:00:00+07:00",
                                                "end": "2026-11-22T06:00:00Z"})
    assert r.status_code == 200, r.text


def test_server_refuses_after_without_since(spec, api, url):
    for path in COLLECTIONS:
        r = api.get(url(API + path), params={"after": 5})
        assert r.status_code == 400 and error_code(r) == "invalid_request", path
        assert api.get(url(API + path), params={"since": 0, "after": 0}).status_code == 200


def test_server_requires_the_declared_idempotency_key(api, url):
    doc = wire.IncidentCollection.model_validate(api.get(url(API + "/incidents")).json())
    incident = doc.features[0]
    body = {"action": "acknowledge", "expected_version": 10**6, "actor": "op.spec"}
    path = url(API + ACTIONS.format(incident_id=incident.id))
    cases = [
        ({}, "idempotency_key_required"),
        ({"Idempotency-Key": ""}, "invalid_idempotency_key"),
        ({"Idempotency-Key": "k" * 129}, "invalid_idempotency_key"),
    ]
    for headers, code in cases:
        r = api.post(path, json=body, headers=headers)
        assert r.status_code == 400 and error_code(r) == code, (headers, r.text)
    # a valid key gets past the header rule: the stale version is the declared 409
    r = api.post(path, json=body, headers={"Idempotency-Key": uuid.uuid4().hex})
    assert r.status_code == 409, r.text
