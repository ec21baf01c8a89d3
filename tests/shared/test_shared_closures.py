"""A boundary-crossing case closed with a reason on one console (alert row › Close
crossing… › reason, comment) is decided on the backend and closed on a second console
after its next poll, with who closed it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from console.rules.crossings import Crossing, crossing_id
from tests.shared.conftest import api, select_alert
from widgets.live.crossing_dialog import CloseCrossingDialog


def open_case(win, vessel_id: str, crossed_at: float):
    """The same crossing case on a console, as its rules open it (fix outside the
    permitted boundary at `crossed_at`), with its alert."""
    rules = win.app.rules
    v = win.app.vessels.get(vessel_id)
    rules.vessel_rules.crossings[vessel_id] = Crossing(
        crossing_id(vessel_id, crossed_at), vessel_id, v.registration, crossed_at)
    return rules.inbox.raise_alert(f"boundary:crossed:{vessel_id}", "vessel", "critical",
                                   f"Crossed: {v.registration}", "m", vessel_id, v.lon, v.lat,
                                   at=crossed_at)


def test_crossing_closed_on_one_console_closes_on_the_other(
        qtbot, consoles, staffed_backend):
    backend, tokens = staffed_backend
    a = consoles.open("a", "minh.op")
    b = consoles.open("b", "hoa.op")
    vessel_id = sorted(v.id for v in a.app.vessels.records()
                       if b.app.vessels.get(v.id) is not None)[0]
    crossed_at = float(int(a.app.clock.now()) - 3600)
    alert_a = open_case(a, vessel_id, crossed_at)
    alert_b = open_case(b, vessel_id, crossed_at)
    panel = a.services.live.alerts
    select_alert(qtbot, panel, alert_a.id)
    assert panel.close_crossing.isEnabled()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CloseCrossingDialog):
            QTimer.singleShot(50, answer)
            return
        dialog.reason.setCurrentIndex(dialog.reason.findData("case_opened"))
        dialog.comment.setText("lập biên bản số 12")
        dialog.done(QDialog.DialogCode.Accepted)

    QTimer.singleShot(50, answer)
    qtbot.mouseClick(panel.close_crossing, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: vessel_id not in b.app.rules.vessel_rules.crossings,
                    timeout=20000)
    assert not alert_b.active
    assert str(alert_b.message).endswith("; case closed by minh.op (case opened)")
    assert vessel_id not in a.app.rules.vessel_rules.crossings and not alert_a.active
    closure = b.app.shared.closure_of(vessel_id)
    assert (closure.reason, closure.comment, closure.closed_by) == (
        "case_opened", "lập biên bản số 12", "minh.op")
    rows = api(backend, tokens["hoa.op"], "/crossings/closures")["closures"]
    assert any(c["id"] == crossing_id(vessel_id, crossed_at) for c in rows)
