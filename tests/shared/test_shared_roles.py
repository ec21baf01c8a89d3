"""Roles in the shared decisions: a viewer's console disables acknowledging, shelving,
closing crossings, opening incidents and recording position reports, each saying why;
an action that reaches the backend anyway is refused (403) and the inbox shows the
backend's message and puts the alert back as it was."""

from __future__ import annotations

from tests.shared.test_shared_alerts import shared_dark_alert

REASON = "Not allowed for your account lan.viewer (role: viewer); ask a supervisor."


def test_viewer_sees_decisions_disabled_with_the_reason_and_the_403_message(
        qtbot, consoles):
    win = consoles.open("viewer", "lan.viewer")
    app = win.app
    panel = win.services.live.alerts
    for button in (panel.ack, panel.ack_all, panel.shelve, panel.close_crossing):
        assert not button.isEnabled(), button.text()
        assert button.toolTip() == REASON
    feature = win.services.shared_decisions
    assert not feature.new_incident.isEnabled()
    assert feature.new_incident.toolTip() == REASON
    dark = win.services.live.dark
    assert not dark.report.isEnabled() and dark.report.toolTip() == REASON
    audit = feature.audit  # the audit trail needs the supervisor role: it says so
    assert audit.note.text() == REASON and audit.model.rowCount() == 0

    # an acknowledgement that reaches the backend anyway (e.g. queued before the role
    # changed) is refused once, with the backend's words, and the alert is put back
    key = shared_dark_alert(qtbot, win)
    alert = app.rules.inbox.by_key(key)
    app.decisions.acknowledge([alert], "thử")
    assert alert.acknowledged  # shown ahead of the backend ...
    qtbot.waitUntil(lambda: not panel.notice.isHidden(), timeout=15000)
    assert panel.notice.text() == ("Refused by the backend: acknowledging an alert needs "
                                   "the operator role; lan.viewer is a viewer")
    assert not alert.acknowledged  # ... and taken back when refused
    assert app.outbox.waiting_count() == 0  # not retried
