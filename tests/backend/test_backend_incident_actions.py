"""Operator actions: lifecycle with audit trail, optimistic concurrency, idempotency."""

from __future__ import annotations

import itertools
import uuid

import pytest

from console.sources import wire


@pytest.fixture
def fresh_incident(api, url, backend):
    """A `new` incident no other test has touched (the simulator never changes old ones)."""
    doc = wire.IncidentCollection.model_validate(
        api.get(url("/api/v1/incidents"), params={"status": "new"}).json())
    for f in doc.features:
        if f.id not in backend.claimed:
            backend.claimed.add(f.id)
            return f
    pytest.fail("no unclaimed new incident left")


def _act(api, url, incident_id, key=None, **body):
    headers = {"Idempotency-Key": key or uuid.uuid4().hex}
    return api.post(url(f"/api/v1/incidents/{incident_id}/actions"), json=body, headers=headers)


def test_happy_path_lifecycle_with_audit_trail(api, url, fresh_incident):
    inc = fresh_incident
    version = inc.properties.version
    steps = [
        ({"action": "acknowledge"}, "acknowledged"),
        ({"action": "assign", "assignee": "Đội CSGT số 2", "note": "xử lý gấp"}, "assigned"),
        ({"action": "resolve", "note": "đã giải tỏa"}, "resolved"),
        ({"action": "close"}, "closed"),
    ]
    for body, status in steps:
        r = _act(api, url, inc.id, expected_version=version, actor="op.tester", **body)
        assert r.status_code == 200, r.text
        updated = wire.IncidentFeature.model_validate(r.json())
        assert updated.properties.status == status
        assert updated.properties.version == version + 1
        version += 1
        event = updated.properties.history[-1]
        assert event.action == body["action"] and event.actor == "op.tester"
        assert event.to_status == status
        assert event.note == body.get("note")
    history = updated.properties.history
    assert [e.action for e in history] == ["report", "acknowledge", "assign", "resolve", "close"]
    assert history[0].actor in {"citizen-app", "camera-ai", "hotline-113", "hotline-114",
                                "hotline-1022", "police-patrol", "zalo-oa"}
    assert history[2].assignee == "Đội CSGT số 2"
    assert updated.properties.assignee == "Đội CSGT số 2"
    assert [e.from_status for e in history[1:]] == ["new", "acknowledged", "assigned", "resolved"]
    assert all(a.at <= b.at for a, b in itertools.pairwise(history))
    stored = wire.IncidentFeature.model_validate(api.get(url(f"/api/v1/incidents/{inc.id}")).json())
    assert stored == updated


def test_stale_version_is_409_with_current_state(api, url, fresh_incident):
    inc = fresh_incident
    v = inc.properties.version
    first = _act(api, url, inc.id, action="acknowledge", expected_version=v, actor="op.a")
    assert first.status_code == 200
    r = _act(api, url, inc.id, action="assign", expected_version=v, actor="op.b", assignee="X")
    assert r.status_code == 409
    conflict = wire.IncidentConflict.model_validate(r.json())
    assert conflict.error.code == "version_conflict"
    assert conflict.current.id == inc.id
    assert conflict.current.properties.version == v + 1
    assert conflict.current.properties.status == "acknowledged"


def test_idempotent_retry_does_not_act_twice(api, url, fresh_incident):
    inc = fresh_incident
    key = uuid.uuid4().hex
    body = {"action": "acknowledge", "expected_version": inc.properties.version, "actor": "op.r"}
    first = _act(api, url, inc.id, key=key, **body)
    second = _act(api, url, inc.id, key=key, **body)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert second.headers.get("Idempotency-Replayed") == "true"
    stored = wire.IncidentFeature.model_validate(api.get(url(f"/api/v1/incidents/{inc.id}")).json())
    assert stored.properties.version == inc.properties.version + 1
    assert [e.action for e in stored.properties.history].count("acknowledge") == 1


def test_reused_key_with_different_body_is_422(api, url, fresh_incident):
    inc = fresh_incident
    key = uuid.uuid4().hex
    v = inc.properties.version
    assert _act(api, url, inc.id, key=key, action="acknowledge", expected_version=v,
                actor="op.k").status_code == 200
    r = _act(api, url, inc.id, key=key, action="assign", expected_version=v + 1, actor="op.k",
             assignee="Đội PCCC & CNCH Quy Nhơn")
    assert r.status_code == 422
    assert wire.ErrorBody.model_validate(r.json()).error.code == "idempotency_key_reused"


def test_invalid_transition_is_422(api, url, fresh_incident):
    inc = fresh_incident
    for action in ("resolve", "close"):
        r = _act(api, url, inc.id, action=action, expected_version=inc.properties.version,
                 actor="op.x")
        assert r.status_code == 422
        assert wire.ErrorBody.model_validate(r.json()).error.code == "invalid_transition"
    after = api.get(url(f"/api/v1/incidents/{inc.id}")).json()
    assert after["properties"]["version"] == inc.properties.version


def test_assign_requires_assignee(api, url, fresh_incident):
    inc = fresh_incident
    for extra in ({}, {"assignee": "   "}):
        r = _act(api, url, inc.id, action="assign", expected_version=inc.properties.version,
                 actor="op.x", **extra)
        assert r.status_code == 422
        assert wire.ErrorBody.model_validate(r.json()).error.code == "assignee_required"


def test_idempotency_key_is_required(api, url, fresh_incident):
    inc = fresh_incident
    body = {"action": "acknowledge", "expected_version": inc.properties.version, "actor": "op.x"}
    path = url(f"/api/v1/incidents/{inc.id}/actions")
    for headers in ({}, {"Idempotency-Key": ""}, {"Idempotency-Key": "k" * 129}):
        r = api.post(path, json=body, headers=headers)
        assert r.status_code == 400
        assert wire.ErrorBody.model_validate(r.json()).error.code in {
            "idempotency_key_required", "invalid_idempotency_key"}
    assert api.post(path, json=body, headers={"Idempotency-Key": "k" * 128}).status_code == 200


@pytest.mark.parametrize(("payload", "status"), [
    ({"action": "explode", "expected_version": 1, "actor": "x"}, 422),
    ({"action": "acknowledge", "expected_version": 0, "actor": "x"}, 422),
    ({"action": "acknowledge", "expected_version": 1, "actor": "x" * 101}, 422),
    ({"action": "acknowledge", "expected_version": 1, "actor": ""}, 422),
    ("not json at all", 400),
])
def test_bad_bodies_are_4xx_json(api, url, payload, status):
    path = url("/api/v1/incidents/inc-00001/actions")
    headers = {"Idempotency-Key": uuid.uuid4().hex}
    if isinstance(payload, str):
        r = api.post(path, data=payload, headers={**headers, "Content-Type": "application/json"})
    else:
        r = api.post(path, json=payload, headers=headers)
    assert r.status_code == status
    wire.ErrorBody.model_validate(r.json())


def test_unknown_incident_is_404(api, url):
    r = _act(api, url, "inc-99999", action="acknowledge", expected_version=1, actor="x")
    assert r.status_code == 404
