"""Two consoles on one backend: an incident opened through the second shows up in the
first console's alert inbox, and the second console's operator acknowledging it clears
the alert on the first, through the change stream (the first console's polls are an hour
apart, so nothing else could have brought either change). The status bar says that
changes are pushed."""

from __future__ import annotations

import uuid

from console.app import ConsoleApp
from console.settings import PollIntervals, Settings
from console.sources import wire
from tests.conftest import open_live_window

HOUR = 3600.0


def test_second_consoles_incident_and_acknowledgement_reach_the_first(qtbot, live_backend):
    win = open_live_window(qtbot, live_backend, PollIntervals(HOUR, HOUR, HOUR, HOUR))
    first = win.app
    qtbot.waitUntil(lambda: first.push.transport == "push", timeout=20000)
    assert "push" in win.status.connection.text()
    panel = win.services.live.alerts
    second = ConsoleApp(Settings(backend_url=live_backend.url, token=live_backend.token,
                                 operator="op.hai"))
    try:
        with qtbot.waitSignal(second.connected, timeout=20000):
            second.start()
        title = f"Ngập sâu đường Xuân Diệu {uuid.uuid4().hex[:6]}"
        assert second.client is not None
        opened = second.client.create_incident(wire.IncidentCreateRequest(
            type="flooding", severity="high", title=title,
            geometry=wire.PointGeometry(coordinates=(109.2237, 13.7771)), actor="op.hai"),
            uuid.uuid4().hex)
        key = f"incident:{opened.id}"

        def listed() -> bool:  # a row of its own, or a member of a group row
            alert = first.rules.inbox.by_key(key)
            return alert is not None and alert.active and (
                alert.id in panel.model.ids or panel.group_of(alert.id) is not None)

        qtbot.waitUntil(listed, timeout=10000)
        row = panel.model.rows[panel.reveal(first.rules.inbox.by_key(key).id)]
        assert any(title in cell.text for cell in row)

        qtbot.waitUntil(lambda: second.incidents.get(opened.id) is not None, timeout=10000)
        second.outbox.queue(second.incidents.get(opened.id), "acknowledge", "op.hai")
        qtbot.waitUntil(lambda: first.incidents.get(opened.id).status == "acknowledged"
                        and not first.rules.inbox.by_key(key).active, timeout=10000)
        assert first.incidents.get(opened.id).history[-1].actor == "op.hai"
        # every feed the stream carries is pushed (storm bulletins, every 3 h, are polled)
        assert all(f.pushed for f in first.feeds.feeds() if f.name in wire.STREAM_KINDS)
    finally:
        second.shutdown()
    win.grab().save("/tmp/stream16-window.png")
