"""Operator actions from the inspector against the real backend on loopback: the full
lifecycle, a 409 from another operator shown with the new state, re-apply / drop, and
an idempotent retry after a lost response."""

from __future__ import annotations

import uuid

import requests
from PySide6.QtCore import Qt

from console.app import ConsoleApp
from console.sources.errors import BackendUnreachable
from console.sources.rest_v1 import RestClient
from tests.incidents.conftest import OPERATOR, backend_incident, make_settings
from widgets.incidents.panel import IncidentPanel
from widgets.record_items import show_item


def other_operator(backend, incident, action: str, **extra) -> dict:
    response = requests.post(
        f"{backend.url}/api/v1/incidents/{incident.id}/actions",
        json={
            "action": action,
            "expected_version": incident.version,
            "actor": "ca-truc-B",
            **extra,
        },
        headers={"Authorization": f"Bearer {backend.token}", "Idempotency-Key": str(uuid.uuid4())},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    return response.json()


def new_incident(app, skip: set[str] = frozenset()):
    return next(i for i in app.incidents.records() if i.status == "new" and i.id not in skip)


def open_panel(window, incident_id: str) -> IncidentPanel:
    assert show_item(window.shell, "incidents", incident_id)
    panel = next(p for p in window.inspector.panels if isinstance(p, IncidentPanel))
    assert panel.incident_id == incident_id
    return panel


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_full_lifecycle_from_the_inspector(qtbot, window, live_backend):
    app = window.app
    incident = new_incident(app)
    panel = open_panel(window, incident.id)
    assert not panel.buttons["resolve"].isEnabled()  # lifecycle: resolve needs ack/assign
    # the line an operator reads says type, severity, status; the record's version is
    # in its tooltip (for the audit and a conflict's message), not 'New · v1'
    assert "v1" not in panel.status_label.text() and "1" in panel.status_label.toolTip()

    click(qtbot, panel.buttons["acknowledge"])
    # queued at once, shown as waiting before the backend has answered
    assert not panel.pending_label.isHidden()
    assert "Acknowledge" in panel.pending_label.text()
    assert "1 action waiting to be sent" in window.services.incident_list.badge.text()
    qtbot.waitUntil(lambda: app.incidents.get(incident.id).status == "acknowledged", timeout=10000)
    qtbot.waitUntil(panel.pending_label.isHidden, timeout=5000)

    click(qtbot, panel.buttons["assign"])  # no assignee: refused in the panel
    assert "assign" in panel.error_label.text().lower()
    panel.assignee_edit.setText("Đội CSGT số 2")
    panel.note_edit.setText("xe cứu thương đang đến")
    click(qtbot, panel.buttons["assign"])
    qtbot.waitUntil(lambda: app.incidents.get(incident.id).status == "assigned", timeout=10000)
    click(qtbot, panel.buttons["resolve"])
    qtbot.waitUntil(lambda: app.incidents.get(incident.id).status == "resolved", timeout=10000)
    assert [a for a, b in panel.buttons.items() if b.isEnabled()] == ["close"]
    click(qtbot, panel.buttons["close"])
    qtbot.waitUntil(lambda: app.incidents.get(incident.id).status == "closed", timeout=10000)

    history = backend_incident(live_backend, incident.id)["properties"]["history"]
    ours = [(e["action"], e["actor"]) for e in history[1:]]
    assert ours == [(a, OPERATOR) for a in ("acknowledge", "assign", "resolve", "close")]
    assign = history[2]
    assert assign["assignee"] == "Đội CSGT số 2" and assign["note"] == "xe cứu thương đang đến"
    # the audit trail in the inspector shows every step with who did it
    qtbot.waitUntil(lambda: panel.trail.topLevelItemCount() == len(history), timeout=5000)
    rows = [panel.trail.topLevelItem(r) for r in range(panel.trail.topLevelItemCount())]
    assert [r.text(2) for r in rows[1:]] == [OPERATOR] * 4
    assert "Đội CSGT số 2" in rows[2].text(4)
    assert app.outbox.actions() == []
    assert window.services.incident_list.badge.isHidden()


def test_conflict_is_shown_with_the_new_state_then_dropped(qtbot, window, live_backend):
    app = window.app
    incident = new_incident(app)
    panel = open_panel(window, incident.id)
    # another operator assigns it first; our console has not polled that yet
    other_operator(live_backend, incident, "assign", assignee="Đội PCCC")
    click(qtbot, panel.buttons["acknowledge"])
    qtbot.waitUntil(lambda: not panel.banner.isHidden(), timeout=10000)
    text = panel.banner_text.text()
    assert "ca-truc-B" in text and "Assigned" in text and "Đội PCCC" in text
    assert "NOT applied" in text
    assert app.incidents.get(incident.id).status == "assigned"  # the new state, not ours
    assert not panel.reapply_button.isEnabled()  # acknowledge is no longer possible
    assert "1 action needs your decision" in window.services.incident_list.badge.text()
    assert all(not b.isEnabled() for b in panel.buttons.values())  # decide first
    click(qtbot, panel.drop_button)
    assert panel.banner.isHidden()
    assert app.outbox.actions() == []
    history = backend_incident(live_backend, incident.id)["properties"]["history"]
    assert [e["actor"] for e in history[1:]] == ["ca-truc-B"]  # never overwritten


def test_conflict_reapplied_on_the_new_version(qtbot, window, live_backend):
    app = window.app
    incident = new_incident(app)
    panel = open_panel(window, incident.id)
    other_operator(live_backend, incident, "acknowledge")
    panel.assignee_edit.setText("Đội Trật tự đô thị")
    click(qtbot, panel.buttons["assign"])
    qtbot.waitUntil(lambda: not panel.banner.isHidden(), timeout=10000)
    assert "Acknowledged" in panel.banner_text.text()
    click(qtbot, panel.reapply_button)
    qtbot.waitUntil(lambda: app.incidents.get(incident.id).status == "assigned", timeout=10000)
    assert panel.banner.isHidden()
    history = backend_incident(live_backend, incident.id)["properties"]["history"]
    assert [(e["action"], e["actor"]) for e in history[1:]] == [
        ("acknowledge", "ca-truc-B"),
        ("assign", OPERATOR),
    ]


class LosesFirstResponse(RestClient):
    """The POST reaches the backend, but its answer is lost (as on a flaky link)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.keys: list[str] = []

    def incident_action(self, incident_id, request, idempotency_key):
        self.keys.append(idempotency_key)
        result = super().incident_action(incident_id, request, idempotency_key)
        if len(self.keys) == 1:
            raise BackendUnreachable("POST: timed out (simulated lost response)")
        return result


def test_retry_after_lost_response_is_applied_once(qtbot, live_backend):
    app = ConsoleApp(make_settings(live_backend.url, live_backend.token))
    with qtbot.waitSignal(app.connected, timeout=20000):
        app.start()
    qtbot.waitUntil(lambda: len(app.incidents) > 0, timeout=20000)
    try:
        client = LosesFirstResponse(live_backend.url, live_backend.token)
        app.client = client
        app.outbox.set_client(client)
        incident = new_incident(app)
        app.outbox.queue(incident, "acknowledge", OPERATOR, note="retry test")
        qtbot.waitUntil(lambda: len(client.keys) >= 2 and not app.outbox.actions(), timeout=10000)
        assert client.keys[0] == client.keys[1]  # same idempotency key on the retry
        history = backend_incident(live_backend, incident.id)["properties"]["history"]
        assert [e["action"] for e in history[1:]] == ["acknowledge"]  # exactly once
        assert app.incidents.get(incident.id).status == "acknowledged"
    finally:
        app.shutdown()


def test_inspector_attributes_follow_a_change_by_another_operator(qtbot, window, live_backend):
    app = window.app
    incident = new_incident(app)
    open_panel(window, incident.id)
    other_operator(live_backend, incident, "acknowledge")
    status_row = "Status"

    def shown_status() -> str:
        return dict(window.inspector.hits[0].attributes)[status_row]

    qtbot.waitUntil(lambda: shown_status() == "Acknowledged", timeout=10000)
    assert window.inspector.panels[0].incident_id == incident.id
