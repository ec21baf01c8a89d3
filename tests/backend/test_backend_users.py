"""Users and roles: tokens made by the CLI (stored only as hashes), rights enforced by the
backend with 403 naming the role needed, and the audit trail naming who acted."""

from __future__ import annotations

import hashlib
import uuid

import pytest
import requests
from conftest import RunningBackend, add_user, staffed_backend, users_cli

from console.sources import wire


class Client:
    def __init__(self, backend: RunningBackend, token: str) -> None:
        self.base = backend.url
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path: str, **params) -> requests.Response:
        return requests.get(f"{self.base}{path}", params=params, headers=self.headers,
                            timeout=10)

    def act(self, incident: dict, action: str, **extra) -> requests.Response:
        body = {"action": action, "expected_version": incident["properties"]["version"],
                **extra}
        return requests.post(f"{self.base}/api/v1/incidents/{incident['id']}/actions",
                             json=body, timeout=10,
                             headers={**self.headers, "Idempotency-Key": uuid.uuid4().hex})


@pytest.fixture(scope="module")
def team(tmp_path_factory, engine):
    """A backend whose database has a viewer, an operator and a supervisor."""
    roles = {"lan.viewer": "viewer", "minh.op": "operator", "hoa.sup": "supervisor"}
    with staffed_backend(tmp_path_factory, engine, roles) as team:
        yield team


def _new_incident(client: Client) -> dict:
    doc = client.get("/api/v1/incidents", status="new").json()
    return doc["features"][-1]


def test_cli_prints_the_token_once_and_stores_only_its_hash(tmp_path):
    db = tmp_path / "ioc.db"
    token = add_user(db, "an.nguyen", "operator")
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("ioc.db"))
    assert token.encode() not in raw
    assert hashlib.sha256(token.encode()).hexdigest().encode() in raw
    listed = users_cli(db, "list")
    assert listed.returncode == 0 and "an.nguyen\toperator" in listed.stdout
    assert token not in listed.stdout + listed.stderr
    again = users_cli(db, "add", "an.nguyen", "--role", "viewer")
    assert again.returncode == 1 and "already exists" in again.stderr
    bad = users_cli(db, "add", "x y", "--role", "operator")
    assert bad.returncode == 1


def test_me_names_the_user_its_role_and_rights(team):
    backend, _, tokens = team
    for name, role in (("lan.viewer", "viewer"), ("minh.op", "operator"),
                       ("hoa.sup", "supervisor")):
        me = wire.Me.model_validate(Client(backend, tokens[name]).get("/api/v1/me").json())
        assert (me.name, me.role, me.shared) == (name, role, False)
    viewer = Client(backend, tokens["lan.viewer"]).get("/api/v1/me").json()
    op = Client(backend, tokens["minh.op"]).get("/api/v1/me").json()
    sup = Client(backend, tokens["hoa.sup"]).get("/api/v1/me").json()
    assert viewer["permissions"] == []
    assert "incident.acknowledge" in op["permissions"]
    assert "incident.close" not in op["permissions"]
    assert {"incident.close", "audit.read"} <= set(sup["permissions"])
    assert Client(backend, "not-a-user").get("/api/v1/me").status_code == 401


def test_without_a_token_argument_the_demo_token_is_off_once_users_exist(team):
    backend, _, _ = team
    r = Client(backend, "demo-token").get("/api/v1/vessels")
    assert r.status_code == 401


def test_viewer_reads_but_may_not_act(team):
    backend, _, tokens = team
    viewer = Client(backend, tokens["lan.viewer"])
    assert viewer.get("/api/v1/vessels").status_code == 200
    incident = _new_incident(viewer)
    r = viewer.act(incident, "acknowledge")
    assert r.status_code == 403
    error = wire.ErrorBody.model_validate(r.json()).error
    assert error.code == "forbidden" and error.required_role == "operator"
    assert error.message == "acknowledging an incident needs the operator role; " \
                            "lan.viewer is a viewer"
    assert viewer.get(f"/api/v1/incidents/{incident['id']}").json() == incident


def test_operator_acts_under_its_own_name_but_may_not_close(team):
    backend, _, tokens = team
    op, sup = Client(backend, tokens["minh.op"]), Client(backend, tokens["hoa.sup"])
    incident = _new_incident(op)
    r = op.act(incident, "acknowledge", actor="someone-else")  # a claim that is ignored
    assert r.status_code == 200, r.text
    incident = r.json()
    assert incident["properties"]["history"][-1]["actor"] == "minh.op"
    incident = op.act(incident, "assign", assignee="Đội CSGT số 1").json()
    incident = op.act(incident, "resolve").json()
    r = op.act(incident, "close")
    assert r.status_code == 403
    assert r.json()["error"]["required_role"] == "supervisor"
    r = sup.act(incident, "close")
    assert r.status_code == 200
    assert r.json()["properties"]["history"][-1]["actor"] == "hoa.sup"

    assert op.get("/api/v1/audit").status_code == 403
    page = wire.AuditPage.model_validate(sup.get("/api/v1/audit").json())
    ours = [(e.user, e.action) for e in page.entries if e.target == incident["id"]]
    assert ours == [("minh.op", "incident.acknowledge"), ("minh.op", "incident.assign"),
                    ("minh.op", "incident.resolve"), ("hoa.sup", "incident.close")]


def test_token_rotation_and_removal_take_effect_on_a_running_backend(team):
    backend, db, _ = team
    old = add_user(db, "tam.op", "operator")
    assert Client(backend, old).get("/api/v1/me").status_code == 200
    done = users_cli(db, "token", "tam.op")
    assert done.returncode == 0
    new = done.stdout.strip()
    assert Client(backend, old).get("/api/v1/me").status_code == 401
    assert Client(backend, new).get("/api/v1/me").json()["name"] == "tam.op"
    assert users_cli(db, "remove", "tam.op").returncode == 0
    assert Client(backend, new).get("/api/v1/me").status_code == 401


def test_shared_demo_account_records_the_console_operator(api, url):
    """The embedded demo's one token: a supervisor, and its console names who acts."""
    me = wire.Me.model_validate(api.get(url("/api/v1/me")).json())
    assert (me.name, me.role, me.shared) == ("demo", "supervisor", True)


def test_openapi_documents_users_roles_and_required_headers(url):
    doc = requests.get(url("/openapi.json"), timeout=5).json()
    assert "/api/v1/me" in doc["paths"] and "/api/v1/audit" in doc["paths"]
    act = doc["paths"]["/api/v1/incidents/{incident_id}/actions"]["post"]
    assert "403" in act["responses"]
    assert "403" in doc["paths"]["/api/v1/audit"]["get"]["responses"]
    key = next(p for p in act["parameters"] if p["name"] == "Idempotency-Key")
    assert key["in"] == "header" and key["required"] is True
    assert "required_role" in doc["components"]["schemas"]["ErrorDetail"]["properties"]
