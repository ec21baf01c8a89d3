"""Service-level behaviour: health, auth, error bodies, OpenAPI, logs, shutdown."""

from __future__ import annotations

import signal
import subprocess
import time

import pytest
import requests

from console.sources import wire

TOKEN = "test-token"


def test_health_needs_no_token(backend, url):
    r = requests.get(url("/health"), timeout=5)
    assert r.status_code == 200
    health = wire.Health.model_validate(r.json())
    assert health.site == "Quy Nhơn, Gia Lai"
    assert health.speed == 60


@pytest.mark.parametrize("headers", [
    {},
    {"Authorization": "Bearer wrong-token"},
    {"Authorization": f"Basic {TOKEN}"},
    {"Authorization": "Bearer"},
])
@pytest.mark.parametrize("path", ["/api/v1/vessels", "/api/v1/stations/TV-THANHHOA/observations",
                                  "/api/v1/cameras/cam-001/snapshot"])
def test_routes_need_the_token(url, headers, path):
    r = requests.get(url(path), headers=headers, timeout=5)
    assert r.status_code == 401
    body = wire.ErrorBody.model_validate(r.json())
    assert body.error.code == "unauthorized"
    assert r.headers["WWW-Authenticate"] == "Bearer"


def test_post_needs_the_token_before_anything_else(url):
    r = requests.post(url("/api/v1/incidents/inc-00001/actions"), json={}, timeout=5)
    assert r.status_code == 401


def test_huge_ids_are_not_echoed_back(api, url):
    r = api.get(url("/api/v1/vessels/" + "x" * 5000 + "/track"))
    assert r.status_code == 404
    assert len(r.text) < 300


def test_out_of_range_dates_are_400(api, url):
    for start in ("0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"):
        r = api.get(url("/api/v1/vessels/v00001/track"), params={"start": start})
        assert r.status_code == 400


def test_unknown_route_is_json_404(api, url):
    r = api.get(url("/api/v1/nothing-here"))
    assert r.status_code == 404
    assert wire.ErrorBody.model_validate(r.json()).error.code == "not_found"


def test_bad_since_is_400_json(api, url):
    for bad in ("abc", "-1", "1.5", str(2**63), "9" * 30):
        r = api.get(url("/api/v1/vessels"), params={"since": bad})
        assert r.status_code == 400, bad
        assert wire.ErrorBody.model_validate(r.json()).error.code == "invalid_request"


def test_openapi_lists_all_paths_and_models(url):
    doc = requests.get(url("/openapi.json"), timeout=5).json()
    paths = set(doc["paths"])
    assert {
        "/health", "/api/v1/vessels", "/api/v1/stations", "/api/v1/cameras", "/api/v1/incidents",
        "/api/v1/vessels/{vessel_id}/track", "/api/v1/stations/{station_id}/observations",
        "/api/v1/cameras/{camera_id}/snapshot", "/api/v1/incidents/{incident_id}/actions",
    } <= paths
    schemas = set(doc["components"]["schemas"])
    for model in ("VesselCollection", "StationCollection", "CameraCollection",
                  "IncidentCollection", "VesselTrack", "ObservationSeries", "IncidentFeature",
                  "IncidentActionRequest", "IncidentConflict", "ErrorBody", "Health"):
        assert model in schemas, model
    actions = doc["paths"]["/api/v1/incidents/{incident_id}/actions"]["post"]
    assert {"200", "409", "422"} <= set(actions["responses"])
    assert "HTTPBearer" in doc["components"]["securitySchemes"]


def test_token_never_appears_in_output(backend, api, url):
    # Exercise success and error paths first, so their log lines exist.
    api.get(url("/api/v1/vessels"), params={"bbox": "1,2,3"})
    api.get(url("/api/v1/incidents"))
    requests.get(url("/api/v1/incidents"), headers={"Authorization": "Bearer nope"}, timeout=5)
    out = backend.output()
    assert "IOC-BACKEND LISTENING" in out
    assert TOKEN not in out


def test_listening_line_is_the_only_stdout(backend):
    assert [ln for ln in backend.stdout_lines if ln.strip()] == [
        f"IOC-BACKEND LISTENING {backend.url}\n"
    ]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signals_stop_quickly_and_cleanly(launch_backend, sig):
    small = launch_backend("--vessels", "50", "--cameras", "5", "--speed", "600",
                           token="other-secret")
    began = time.monotonic()
    small.proc.send_signal(sig)
    try:
        code = small.proc.wait(timeout=2.0)
    except subprocess.TimeoutExpired:
        pytest.fail("backend took more than 2 s to stop")
    assert time.monotonic() - began < 2.0
    assert code == 0, small.output()[-2000:]
    assert "Traceback" not in small.output()
    assert "other-secret" not in small.output()
