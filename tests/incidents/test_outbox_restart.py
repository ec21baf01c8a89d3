"""An action taken while the backend is unreachable waits in the persistent outbox,
survives closing the console, and is sent exactly once by the next console."""

from __future__ import annotations

import sqlite3

import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.actions.outbox import default_outbox_path
from console.sources import parse, wire
from tests.incidents.conftest import (
    OPERATOR,
    backend_incident,
    dead_url,
    make_settings,
    open_window,
)
from widgets.incidents.panel import IncidentPanel
from widgets.record_items import show_item


def a_new_incident(backend):
    response = requests.get(
        f"{backend.url}/api/v1/incidents",
        headers={"Authorization": f"Bearer {backend.token}"},
        timeout=10,
    )
    collection = wire.IncidentCollection.model_validate_json(response.content)
    feature = next(f for f in collection.features if f.properties.status == "new")
    return parse.incident(feature)


def rows_in_outbox() -> int:
    with sqlite3.connect(default_outbox_path()) as db:
        return db.execute("SELECT COUNT(*) FROM actions").fetchone()[0]


def test_outbox_survives_restart_and_sends_exactly_once(qtbot, live_backend):
    incident = a_new_incident(live_backend)

    # 1. a console whose backend is unreachable; the operator acknowledges anyway
    down = open_window(qtbot, make_settings(dead_url(), live_backend.token), wait_for_data=False)
    down.app.incidents.apply([incident])  # as last seen before the link went down
    assert show_item(down.shell, "incidents", incident.id)
    panel = next(p for p in down.inspector.panels if isinstance(p, IncidentPanel))
    qtbot.mouseClick(panel.buttons["acknowledge"], Qt.MouseButton.LeftButton)
    outbox = down.app.outbox
    # it is retried with backoff, and the operator sees it waiting
    qtbot.waitUntil(lambda: outbox.actions() and outbox.actions()[0].attempts >= 2, timeout=15000)
    assert "cannot connect" in (outbox.last_error or "")
    assert "1 action waiting to be sent" in down.services.incident_list.badge.text()
    assert not down.services.incident_list.badge.isHidden()
    assert "Waiting to be sent" in panel.pending_label.text()
    key = outbox.actions()[0].key
    down.close()
    QApplication.processEvents()
    assert rows_in_outbox() == 1  # on disk, not just in memory

    # 2. the console is started again, this time with the backend reachable
    up = open_window(qtbot, make_settings(live_backend.url, live_backend.token))
    try:
        qtbot.waitUntil(
            lambda: (
                up.app.incidents.get(incident.id) is not None
                and up.app.incidents.get(incident.id).status == "acknowledged"
            ),
            timeout=15000,
        )
        qtbot.waitUntil(lambda: not up.app.outbox.actions(), timeout=5000)
        history = backend_incident(live_backend, incident.id)["properties"]["history"]
        ours = [e for e in history if e["actor"] == OPERATOR]
        assert [e["action"] for e in ours] == ["acknowledge"]  # exactly one event
        assert rows_in_outbox() == 0
        assert up.services.incident_list.badge.isHidden()
        # re-sending the same key again is a replay, not a second acknowledge
        replay = requests.post(
            f"{live_backend.url}/api/v1/incidents/{incident.id}/actions",
            json={"action": "acknowledge", "expected_version": incident.version, "actor": OPERATOR},
            headers={"Authorization": f"Bearer {live_backend.token}", "Idempotency-Key": key},
            timeout=10,
        )
        assert replay.headers.get("Idempotency-Replayed") == "true"
        history = backend_incident(live_backend, incident.id)["properties"]["history"]
        assert len([e for e in history if e["actor"] == OPERATOR]) == 1
    finally:
        up.close()
