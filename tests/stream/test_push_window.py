"""Two clients on one backend: an incident opened and then acknowledged by the second
shows up in the first console's inbox and incident store through the change stream (the
first console's polls are an hour apart, so nothing else could have brought it), and the
status bar says that changes are pushed."""

from __future__ import annotations

import uuid

from console.settings import PollIntervals
from console.sources import wire
from console.sources.rest_v1 import RestClient
from tests.conftest import open_live_window

HOUR = 3600.0


def test_second_clients_incident_and_acknowledgement_reach_the_first_inbox(qtbot,
                                                                          live_backend):
    win = open_live_window(qtbot, live_backend, PollIntervals(HOUR, HOUR, HOUR, HOUR))
    app = win.app
    qtbot.waitUntil(lambda: app.push.transport == "push", timeout=20000)
    assert "push" in win.status.connection.text()
    panel = win.services.live.alerts
    second = RestClient(live_backend.url, live_backend.token)
    try:
        title = f"Ngập sâu đường Xuân Diệu {uuid.uuid4().hex[:6]}"
        opened = second.create_incident(wire.IncidentCreateRequest(
            type="flooding", severity="high", title=title,
            geometry=wire.PointGeometry(coordinates=(109.2237, 13.7771)), actor="op.hai"),
            uuid.uuid4().hex)
        key = f"incident:{opened.id}"

        def listed() -> bool:
            alert = app.rules.inbox.by_key(key)
            return alert is not None and alert.active and alert.id in panel.model.ids

        qtbot.waitUntil(listed, timeout=10000)
        row = panel.model.rows[panel.model.ids.index(app.rules.inbox.by_key(key).id)]
        assert any(title in cell.text for cell in row)
        second.incident_action(opened.id, wire.IncidentActionRequest(
            action="acknowledge", expected_version=opened.version, actor="op.hai"),
            uuid.uuid4().hex)
        qtbot.waitUntil(lambda: app.incidents.get(opened.id).status == "acknowledged"
                        and not app.rules.inbox.by_key(key).active, timeout=10000)
        assert all(f.pushed for f in app.feeds.feeds())
    finally:
        second.close()
    win.grab().save("/tmp/stream16-window.png")
