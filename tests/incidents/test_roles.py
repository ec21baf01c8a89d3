"""Roles from the console's side, against a real backend whose database has personal users:
the name shown and recorded comes from the backend (/api/v1/me), what the role may not do
is disabled with the reason, and a refusal by the backend (403) is shown with the
server's message instead of being retried forever."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication

from console.sources.errors import Forbidden
from console.sources.rest_v1 import RestClient
from console.sources.wire import IncidentActionRequest
from tests.conftest import ROOT, start_backend, stop_backend
from tests.incidents.conftest import backend_incident, make_settings, open_window
from tests.incidents.test_incident_actions import click, new_incident, open_panel


def add_user(db, name: str, role: str) -> str:
    done = subprocess.run([sys.executable, "-m", "backend.users", "add", name, "--role", role,
                           "--db", str(db)], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=True)
    return done.stdout.strip()


@pytest.fixture(scope="module")
def staffed_backend(tmp_path_factory):
    db = tmp_path_factory.mktemp("roles") / "ioc.db"
    tokens = {"lan.viewer": add_user(db, "lan.viewer", "viewer"),
              "minh.op": add_user(db, "minh.op", "operator")}
    backend = start_backend(["--db", str(db), "--vessels", "300"], token="demo-only-token")
    yield backend, tokens
    stop_backend(backend)


def test_client_reads_identity_and_raises_forbidden_with_the_server_message(staffed_backend):
    backend, tokens = staffed_backend
    client = RestClient(backend.url, tokens["lan.viewer"])
    try:
        me = client.me()
        assert (me.name, me.role, me.shared) == ("lan.viewer", "viewer", False)
        assert not me.may("incident.acknowledge")
        incident = next(i for i in client.incidents().items if i.status == "new")
        with pytest.raises(Forbidden) as refused:
            client.incident_action(incident.id, IncidentActionRequest(
                action="acknowledge", expected_version=incident.version), "k-forbidden-1")
        assert refused.value.required_role == "operator"
        assert str(refused.value) == ("acknowledging an incident needs the operator role; "
                                      "lan.viewer is a viewer")
    finally:
        client.close()


@pytest.fixture
def signed_in(qtbot, staffed_backend):
    """Opens a console as a user of the staffed backend, waited for until the backend has
    said who it is (/api/v1/me); each is closed when the test ends, pass or fail."""
    backend, tokens = staffed_backend
    opened = []

    def open_as(user: str):
        win = open_window(qtbot, make_settings(backend.url, tokens[user]))
        opened.append(win)
        qtbot.waitUntil(lambda: win.app.identity is not None, timeout=15000)
        return win

    yield open_as
    for win in opened:
        win.close()
        QApplication.processEvents()


def test_viewer_sees_actions_disabled_with_the_reason(qtbot, staffed_backend, signed_in):
    backend, _ = staffed_backend
    win = signed_in("lan.viewer")
    app = win.app
    panel = open_panel(win, new_incident(app).id)
    button = panel.buttons["acknowledge"]
    assert not button.isEnabled()
    assert "lan.viewer" in button.toolTip()
    assert "lan.viewer" in panel.signed_in_label.text()
    # queued anyway (e.g. from an outbox written before the role changed): refused
    # once, shown with the server's message, never retried
    queued = panel.act("acknowledge")
    assert queued is not None
    qtbot.waitUntil(lambda: not panel.banner.isHidden(), timeout=15000)
    assert "needs the operator role" in panel.banner_text.text()
    assert app.outbox.waiting_count() == 0
    assert backend_incident(backend, panel.incident_id)["properties"]["status"] == "new"


def test_operator_actions_are_recorded_under_the_backend_account(
        qtbot, staffed_backend, signed_in):
    backend, _ = staffed_backend
    win = signed_in("minh.op")
    app = win.app
    assert app.operator_name == "minh.op"  # not the local setting (make_settings')
    assert win.services.live.alerts.operator() == "minh.op"  # local acknowledgements name it too
    incident = new_incident(app)
    panel = open_panel(win, incident.id)
    assert not panel.buttons["close"].isEnabled() or incident.status == "resolved"
    click(qtbot, panel.buttons["acknowledge"])
    qtbot.waitUntil(lambda: app.incidents.get(incident.id).status == "acknowledged",
                    timeout=15000)
    history = backend_incident(backend, incident.id)["properties"]["history"]
    assert history[-1]["actor"] == "minh.op"
