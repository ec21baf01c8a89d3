"""Operators' decisions as backend objects: alert acknowledgement / shelving, incidents
opened by an operator, manual position reports and crossing closures — each idempotent,
role-checked, audited, visible to every console through the `since` cursor, and kept
across a restart."""

from __future__ import annotations

import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import requests
from conftest import REPO, add_user, raw_sql, staffed_backend, start_backend, stop_backend

from console.sources import wire

RAISED = "2026-11-20T03:00:00Z"


class Api:
    def __init__(self, url: str, token: str) -> None:
        self.url, self.headers = url, {"Authorization": f"Bearer {token}"}

    def get(self, path: str, **params) -> dict:
        r = requests.get(f"{self.url}/api/v1{path}", params=params, headers=self.headers,
                         timeout=10)
        assert r.status_code == 200, r.text
        return r.json()

    def post(self, path: str, body: dict, key: str | None = None) -> requests.Response:
        return requests.post(f"{self.url}/api/v1{path}", json=body, timeout=10, headers={
            **self.headers, "Idempotency-Key": key or uuid.uuid4().hex})


@pytest.fixture(scope="module")
def crew(tmp_path_factory, engine):
    roles = {"lan.viewer": "viewer", "minh.op": "operator", "thu.op": "operator"}
    with staffed_backend(tmp_path_factory, engine, roles) as (backend, db, tokens):
        yield backend, db, {name: Api(backend.url, t) for name, t in tokens.items()}


def test_alert_acknowledged_once_per_occurrence_and_seen_by_everyone(crew):
    _, _, api = crew
    minh, thu = api["minh.op"], api["thu.op"]
    cursor = thu.get("/alerts/decisions")["cursor"]
    ack = {"key": "zone:restricted-1:v00042", "action": "acknowledge", "raised_at": RAISED,
           "comment": "đã liên lạc chủ tàu"}
    r = minh.post("/alerts/actions", ack)
    assert r.status_code == 200, r.text
    decision = wire.AlertDecision.model_validate(r.json())
    assert (decision.ack_by, decision.ack_comment) == ("minh.op", "đã liên lạc chủ tàu")
    # the other console sees it at its next poll
    seen = wire.AlertDecisions.model_validate(thu.get("/alerts/decisions", since=cursor))
    assert [d.key for d in seen.decisions] == [ack["key"]]
    assert seen.decisions[0].ack_by == "minh.op"
    # a second acknowledgement of the same occurrence is not silently overwritten
    r = thu.post("/alerts/actions", ack)
    assert r.status_code == 409
    assert r.json()["error"]["code"] == "already_acknowledged"
    assert r.json()["current"]["ack_by"] == "minh.op"
    # the condition came back later: a new occurrence, acknowledged afresh
    r = thu.post("/alerts/actions", {**ack, "raised_at": "2026-11-20T05:00:00Z"})
    assert r.status_code == 200 and r.json()["ack_by"] == "thu.op"
    assert minh.post("/alerts/actions", ack).status_code == 409  # the old one is stale


def test_alert_shelving_is_time_limited_and_can_be_undone(crew):
    _, _, api = crew
    minh = api["minh.op"]
    key = "rain:GIALAI-R12:3h"
    base = {"key": key, "raised_at": RAISED}
    assert minh.post("/alerts/actions", {**base, "action": "shelve"}).status_code == 422
    before = datetime.now(UTC)
    r = minh.post("/alerts/actions", {**base, "action": "shelve", "shelve_minutes": 15,
                                      "comment": "trạm đang bảo trì"})
    assert r.status_code == 200, r.text
    until = wire.AlertDecision.model_validate(r.json()).shelved_until
    assert until is not None
    assert timedelta(minutes=15) <= until - before <= timedelta(minutes=15, seconds=30)
    r = minh.post("/alerts/actions", {**base, "action": "shelve", "shelve_minutes": 481})
    assert r.status_code == 422  # shelving is time-limited (at most 8 h)
    r = minh.post("/alerts/actions", {**base, "action": "unshelve"})
    assert r.status_code == 200 and r.json()["shelved_until"] is None
    assert [e["action"] for e in r.json()["history"]] == ["shelve", "unshelve"]
    assert minh.post("/alerts/actions", {**base, "action": "unshelve"}).status_code == 422


def test_viewer_may_not_decide_anything(crew):
    _, _, api = crew
    viewer = api["lan.viewer"]
    attempts = [
        ("/alerts/actions", {"key": "k", "action": "acknowledge", "raised_at": RAISED}),
        ("/incidents", {"type": "fire", "severity": "high", "title": "Cháy",
                        "geometry": {"type": "Point", "coordinates": [109.2, 13.77]}}),
        ("/vessels/v00001/reports", {"reported_at": RAISED, "channel": "radio",
                                     "geometry": {"type": "Point", "coordinates": [110, 13]}}),
        ("/crossings/closures", {"vessel_id": "v00001", "crossed_at": RAISED,
                                 "reason": "case_opened"}),
    ]
    for path, body in attempts:
        r = viewer.post(path, body)
        assert r.status_code == 403, path
        assert r.json()["error"]["required_role"] == "operator"


def test_operator_opens_an_incident_others_see_and_act_on(crew):
    _, _, api = crew
    minh, thu = api["minh.op"], api["thu.op"]
    cursor = thu.get("/incidents")["cursor"]
    body = {"type": "flooding", "severity": "high", "title": "Ngập sâu đường Xuân Diệu",
            "description": "Người dân gọi đường dây nóng",
            "geometry": {"type": "Point", "coordinates": [109.2235, 13.7701]}}
    key = uuid.uuid4().hex
    r = minh.post("/incidents", body, key)
    assert r.status_code == 201, r.text
    created = wire.IncidentFeature.model_validate(r.json())
    assert created.id.startswith("op-") and created.properties.status == "new"
    assert created.properties.history[0].actor == "minh.op"
    again = minh.post("/incidents", body, key)  # an outbox retry: same incident, not two
    assert again.status_code == 201 and again.json()["id"] == created.id
    assert again.headers.get("Idempotency-Replayed") == "true"
    delta = thu.get("/incidents", since=cursor)
    assert [f["id"] for f in delta["features"] if f["id"].startswith("op-")] == [created.id]
    r = thu.post(f"/incidents/{created.id}/actions",
                 {"action": "acknowledge", "expected_version": 1})
    assert r.status_code == 200 and r.json()["properties"]["history"][-1]["actor"] == "thu.op"
    bad = minh.post("/incidents", {**body, "geometry": {"type": "Point",
                                                        "coordinates": [200, 13]}})
    assert bad.status_code == 422


def _jpeg(width: int = 40, height: int = 30) -> bytes:
    """A small real JPEG (encoded by Qt, as the console encodes attached photos)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a6fb0"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "JPEG", 85)
    return bytes(data.data())


def test_incident_photos_are_kept_served_and_audited(crew):
    import base64
    import hashlib

    backend, db, api = crew
    minh, thu = api["minh.op"], api["thu.op"]
    photos = [_jpeg(), _jpeg(64, 48)]
    body = {"type": "field_report", "severity": "high", "title": "Sạt lở đèo Cù Mông",
            "geometry": {"type": "Point", "coordinates": [109.19, 13.62]},
            "photos": [{"media_type": "image/jpeg", "data": base64.b64encode(p).decode()}
                       for p in photos]}
    r = minh.post("/incidents", body)
    assert r.status_code == 201, r.text
    created = wire.IncidentFeature.model_validate(r.json())
    refs = created.properties.photos
    assert [(p.n, p.size, p.sha256) for p in refs] == [
        (n, len(p), hashlib.sha256(p).hexdigest()) for n, p in enumerate(photos, 1)]
    for n, sent in enumerate(photos, 1):  # another operator gets the very bytes
        got = requests.get(f"{backend.url}/api/v1/incidents/{created.id}/photos/{n}",
                           headers=thu.headers, timeout=10)
        assert got.status_code == 200 and got.headers["content-type"] == "image/jpeg"
        assert got.content == sent
    missing = requests.get(f"{backend.url}/api/v1/incidents/{created.id}/photos/3",
                           headers=thu.headers, timeout=10)
    assert missing.status_code == 404
    # the audit trail holds each photo's hash: a swapped photo is detectable
    import json

    with raw_sql(db) as conn:
        (detail,), = conn.execute("SELECT detail FROM audit WHERE action = 'incident.create'"
                                  " AND target = ?", (created.id,))
    assert [p["sha256"] for p in json.loads(detail)["photos"]] == [p.sha256 for p in refs]
    # acting on the incident keeps its photos
    acted = thu.post(f"/incidents/{created.id}/actions",
                     {"action": "acknowledge", "expected_version": 1})
    assert acted.status_code == 200 and len(acted.json()["properties"]["photos"]) == 2


@pytest.mark.parametrize(("photo", "why"), [
    ({"media_type": "image/jpeg", "data": "bm90IGEgcGljdHVyZQ=="}, "not a JPEG or PNG"),
    ({"media_type": "image/jpeg", "data": "%%%"}, "not valid base64"),
    ({"media_type": "image/png", "data": "JPEG"}, "is not a image/png image"),
])
def test_a_bad_photo_is_refused_by_name_and_nothing_is_created(crew, photo, why):
    import base64

    _, _, api = crew
    minh = api["minh.op"]
    if photo["data"] == "JPEG":
        photo = {**photo, "data": base64.b64encode(_jpeg()).decode()}
    before = minh.get("/incidents")["cursor"]
    r = minh.post("/incidents", {"type": "field_report", "severity": "low", "title": "Ảnh hỏng",
                                 "geometry": {"type": "Point", "coordinates": [109.2, 13.7]},
                                 "photos": [photo]})
    assert r.status_code == 422 and why in r.text
    assert not [f for f in minh.get("/incidents", since=before)["features"]
                if f["properties"]["title"] == "Ảnh hỏng"]


def test_manual_position_reports_of_a_dark_vessel(crew):
    _, _, api = crew
    minh, thu = api["minh.op"], api["thu.op"]
    server_now = datetime.fromisoformat(minh.get("/vessels")["server_time"])
    cursor = thu.get("/reports")["cursor"]
    for hours_ago, lon in ((12, 111.10), (6, 111.25)):
        r = minh.post("/vessels/v00007/reports", {
            "reported_at": (server_now - timedelta(hours=hours_ago)).isoformat(),
            "geometry": {"type": "Point", "coordinates": [lon, 12.9]},
            "channel": "radio", "note": "thuyền trưởng báo qua máy ICOM"})
        assert r.status_code == 201, r.text
    seen = wire.PositionReports.model_validate(thu.get("/reports", since=cursor))
    assert [(r.vessel_id, r.geometry.coordinates[0], r.recorded_by) for r in seen.reports] == [
        ("v00007", 111.10, "minh.op"), ("v00007", 111.25, "minh.op")]
    mine = thu.get("/vessels/v00007/reports")["reports"]
    assert [r["id"] for r in mine] == ["v00007/0001", "v00007/0002"]
    assert thu.get("/vessels/v00008/reports")["reports"] == []
    future = minh.post("/vessels/v00007/reports", {
        "reported_at": (server_now + timedelta(hours=2)).isoformat(), "channel": "phone",
        "geometry": {"type": "Point", "coordinates": [111, 13]}})
    assert future.status_code == 422
    unknown = minh.post("/vessels/v99999/reports", {
        "reported_at": RAISED, "channel": "phone",
        "geometry": {"type": "Point", "coordinates": [111, 13]}})
    assert unknown.status_code == 404


def test_crossing_closed_once_with_a_reason(crew):
    _, _, api = crew
    minh, thu = api["minh.op"], api["thu.op"]
    crossing = {"vessel_id": "v00011", "crossed_at": "2026-11-20T01:00:00Z"}
    late = thu.post("/crossings/closures", {**crossing, "reason": "returned_within_2h",
                                            "returned_at": "2026-11-20T03:30:00Z"})
    assert late.status_code == 422 and late.json()["error"]["code"] == "not_returned_in_time"
    r = minh.post("/crossings/closures", {**crossing, "reason": "returned_within_2h",
                                          "returned_at": "2026-11-20T02:10:00Z",
                                          "comment": "tàu đã quay lại"})
    assert r.status_code == 201, r.text
    assert r.json()["closed_by"] == "minh.op"
    r = thu.post("/crossings/closures", {**crossing, "reason": "case_opened"})
    assert r.status_code == 409 and r.json()["current"]["closed_by"] == "minh.op"
    listed = wire.CrossingClosures.model_validate(thu.get("/crossings/closures"))
    assert [c.id for c in listed.closures] == ["v00011@1795136400"]


def test_decisions_survive_a_restart_and_are_in_the_verified_audit_log(tmp_path, database):
    db = database
    token = add_user(db, "minh.op", "operator")
    first, _ = start_backend(tmp_path, "--db", db, "--vessels", "200", token=None)
    minh = Api(first.url, token)
    assert minh.post("/alerts/actions", {"key": "cam:cam-007:offline", "raised_at": RAISED,
                                         "action": "acknowledge"}).status_code == 200
    assert minh.post("/vessels/v00003/reports", {
        "reported_at": RAISED, "channel": "phone",
        "geometry": {"type": "Point", "coordinates": [110.5, 13.1]}}).status_code == 201
    assert minh.post("/crossings/closures", {"vessel_id": "v00003", "crossed_at": RAISED,
                                             "reason": "position_error"}).status_code == 201
    created = minh.post("/incidents", {
        "type": "fire", "severity": "critical", "title": "Cháy kho",
        "geometry": {"type": "Point", "coordinates": [109.21, 13.76]}}).json()
    state = {p: minh.get(p) for p in ("/alerts/decisions", "/reports", "/crossings/closures")}
    first.proc.kill()
    first.proc.wait(10)
    second, _ = start_backend(tmp_path, "--db", db, "--vessels", "200", token=None)
    try:
        again = Api(second.url, token)
        for path, before in state.items():
            after = again.get(path)
            field = next(k for k in before if isinstance(before[k], list))
            assert after[field] == before[field], path
            assert after["cursor"] >= before["cursor"]
        assert again.get(f"/incidents/{created['id']}") == created
        second_incident = again.post("/incidents", {
            "type": "fire", "severity": "low", "title": "Khói",
            "geometry": {"type": "Point", "coordinates": [109.21, 13.76]}}).json()
        assert second_incident["id"] != created["id"]
    finally:
        stop_backend(second)
    done = subprocess.run([sys.executable, "-m", "backend.audit", "verify", "--db", str(db)],
                          cwd=REPO, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stdout
    conn_actions = _audit_actions(db)
    for action in ("alert.acknowledge", "vessel.report", "crossing.close", "incident.create"):
        assert action in conn_actions


def _audit_actions(db: str) -> list[str]:
    with raw_sql(db) as conn:
        return [r[0] for r in conn.execute("SELECT action FROM audit ORDER BY id")]


def test_openapi_declares_the_decision_endpoints(crew):
    backend, _, _ = crew
    doc = requests.get(f"{backend.url}/openapi.json", timeout=5).json()
    for path in ("/api/v1/alerts/actions", "/api/v1/incidents", "/api/v1/crossings/closures",
                 "/api/v1/vessels/{vessel_id}/reports"):
        post = doc["paths"][path]["post"]
        assert "403" in post["responses"], path
        key = next(p for p in post["parameters"] if p["name"] == "Idempotency-Key")
        assert key["required"] is True, path
