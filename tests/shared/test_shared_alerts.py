"""Alert acknowledgement and shelving shared through the backend, driven through the
alert inbox with clicks: two consoles on one live backend show the same state with who
and when; a restarted console shows it again (from the backend); an action taken while
the backend is unreachable waits (⏳) and is delivered when the link is back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.sources.rest_v1 import RestClient
from tests.incidents.conftest import dead_url
from tests.shared.conftest import (
    answer_input_dialog,
    api,
    select_alert,
)


def shared_dark_alert(qtbot, *wins):
    """An unacknowledged VMS-lost alert that every console has raised (same condition
    key; the onset is the fix time + the lost threshold on each of them)."""
    def common():
        keys = None
        for win in wins:
            mine = {a.key for a in win.app.rules.inbox.alerts()
                    if a.key.startswith("dark:") and a.active and not a.acknowledged
                    and a.shelved_until is None}
            keys = mine if keys is None else keys & mine
        return sorted(keys or ())

    qtbot.waitUntil(lambda: bool(common()), timeout=30000)
    return common()[0]


def test_acknowledgement_is_shared_and_survives_a_console_restart(
        qtbot, consoles, staffed_backend):
    backend, tokens = staffed_backend
    a = consoles.open("a", "minh.op")
    b = consoles.open("b", "hoa.op")
    key = shared_dark_alert(qtbot, a, b)
    alert_a = a.app.rules.inbox.by_key(key)
    alert_b = b.app.rules.inbox.by_key(key)
    assert alert_a.raised_at == alert_b.raised_at  # one identity on both consoles
    panel = a.services.live.alerts
    select_alert(qtbot, panel, alert_a.id)
    answer_input_dialog(qtbot, "đã gọi chủ tàu qua điện thoại")
    qtbot.mouseClick(panel.ack, Qt.MouseButton.LeftButton)
    assert alert_a.ack_by == "minh.op"  # shown at once on this console

    # the second console shows it after its next poll, with who, when and the comment
    qtbot.waitUntil(lambda: alert_b.ack_by == "minh.op", timeout=15000)
    assert alert_b.ack_comment == "đã gọi chủ tàu qua điện thoại"
    assert alert_b.ack_at is not None
    b_panel = b.services.live.alerts
    assert "ack. by minh.op" in b_panel._state_text(alert_b)
    decisions = api(backend, tokens["hoa.op"], "/alerts/decisions")["decisions"]
    ours = next(d for d in decisions if d["key"] == key)
    assert (ours["ack_by"], ours["history"][-1]["action"]) == ("minh.op", "acknowledge")

    # a restarted console (fresh process state, own data dir) gets it from the backend
    consoles.close(a)
    a = consoles.open("a2", "minh.op")
    qtbot.waitUntil(lambda: a.app.rules.inbox.by_key(key) is not None, timeout=30000)
    again = a.app.rules.inbox.by_key(key)
    qtbot.waitUntil(lambda: again.ack_by == "minh.op", timeout=15000)
    assert again.ack_comment == "đã gọi chủ tàu qua điện thoại"
    assert "ack. by minh.op" in a.services.live.alerts._state_text(again)


def test_shelving_is_shared_with_its_expiry(qtbot, consoles):
    a = consoles.open("a", "minh.op")
    b = consoles.open("b", "hoa.op")
    key = shared_dark_alert(qtbot, a, b)
    alert_a = a.app.rules.inbox.by_key(key)
    alert_b = b.app.rules.inbox.by_key(key)
    panel = a.services.live.alerts
    select_alert(qtbot, panel, alert_a.id)
    panel.shelve.menu().actions()[0].trigger()  # the first choice of the Shelve button
    minutes = a.app.rules.config.alerts.shelve_choices_min[0]
    qtbot.waitUntil(lambda: alert_b.shelved_until is not None, timeout=15000)
    assert alert_b.shelved_by == "minh.op"
    assert abs(alert_b.shelved_until - alert_a.shelved_until) < 5.0
    assert key not in {x.key for x in b.app.rules.inbox.inbox_order("inbox")}
    assert abs((alert_b.shelved_until - a.app.rules.inbox._wall()) - minutes * 60) < 30
    # un-shelved from the second console: back on the first
    b_panel = b.services.live.alerts
    qtbot.mouseClick(b_panel.shelved_view, Qt.MouseButton.LeftButton)
    select_alert(qtbot, b_panel, alert_b.id)
    qtbot.mouseClick(b_panel.unshelve, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: alert_a.shelved_until is None, timeout=15000)


def test_acknowledgement_offline_waits_then_is_delivered(
        qtbot, consoles, staffed_backend):
    backend, tokens = staffed_backend
    a = consoles.open("a", "minh.op")
    app = a.app
    key = shared_dark_alert(qtbot, a)
    alert = app.rules.inbox.by_key(key)
    up = app.client
    down = RestClient(dead_url(), tokens["minh.op"], app.settings.http)
    app.outbox.set_client(down)  # the link to the backend is cut
    panel = a.services.live.alerts
    panel.ask_comment = False
    select_alert(qtbot, panel, alert.id)
    qtbot.mouseClick(panel.ack, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: bool(app.outbox.actions()) and app.outbox.actions()[0].attempts >= 1,
        timeout=15000)
    assert app.decisions.pending_alert(key) is not None
    assert "⏳" in panel._state_text(alert)  # the operator sees it has not gone yet
    assert not any(d["key"] == key and d.get("ack_by")
                   for d in api(backend, tokens["minh.op"], "/alerts/decisions")["decisions"])
    app.outbox.set_client(up)  # back
    app.outbox.retry_now()
    qtbot.waitUntil(lambda: app.decisions.pending_alert(key) is None, timeout=15000)
    decisions = api(backend, tokens["minh.op"], "/alerts/decisions")["decisions"]
    assert next(d for d in decisions if d["key"] == key)["ack_by"] == "minh.op"
    assert "⏳" not in panel._state_text(alert)
    down.close()


def test_decision_queued_offline_survives_closing_the_console(
        qtbot, consoles, staffed_backend):
    """Acknowledged while the backend is unreachable, the console closed before it could
    send: the next console on this workstation (same data directory) delivers it."""
    backend, tokens = staffed_backend
    a = consoles.open("ws1", "minh.op")
    app = a.app
    key = shared_dark_alert(qtbot, a)
    alert = app.rules.inbox.by_key(key)
    app.outbox.set_client(RestClient(dead_url(), tokens["minh.op"], app.settings.http))
    app.decisions.acknowledge([alert], "ghi khi mất mạng")
    qtbot.waitUntil(lambda: app.outbox.actions()[0].attempts >= 1, timeout=15000)
    consoles.close(a)
    assert not any(d["key"] == key and d.get("ack_by")
                   for d in api(backend, tokens["minh.op"], "/alerts/decisions")["decisions"])
    again = consoles.open("ws1", "minh.op")
    def delivered() -> bool:
        rows = api(backend, tokens["minh.op"], "/alerts/decisions")["decisions"]
        return any(d["key"] == key and d.get("ack_comment") == "ghi khi mất mạng"
                   for d in rows)

    qtbot.waitUntil(delivered, timeout=20000)
    # the backend's answer reaches the outbox a moment after the backend committed it
    qtbot.waitUntil(lambda: again.app.outbox.waiting_count() == 0, timeout=10000)
