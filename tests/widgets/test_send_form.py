"""The foot the operator's send dialogs share (widgets/shared/send_form.py): a form that
fails its check is not sent and says why; one that passes is sent, and a problem named
later (by the backend's rules) shows under the form with everything typed kept."""

from __future__ import annotations

from PySide6.QtCore import Qt

from widgets.shared.incident_dialog import NewIncidentDialog
from widgets.shared.report_dialog import PositionReportDialog


def _sent(dialog) -> list[bool]:
    sent: list[bool] = []
    dialog.submitted.connect(lambda: sent.append(True))
    return sent


def test_new_incident_without_a_title_is_not_sent_and_says_why(qtbot):
    dialog = NewIncidentDialog()
    qtbot.addWidget(dialog)
    sent = _sent(dialog)
    assert dialog.problem.isHidden()
    qtbot.mouseClick(dialog.send, Qt.MouseButton.LeftButton)
    assert sent == []
    assert not dialog.problem.isHidden()
    assert dialog.problem.text() == "Give the incident a title."
    dialog.title.setText("Ngập đường Xuân Diệu")
    qtbot.mouseClick(dialog.send, Qt.MouseButton.LeftButton)
    assert sent == [True]
    assert dialog.problem.isHidden()  # the old problem is gone once the form is right


def test_position_report_is_sent_and_shows_a_later_problem(qtbot):
    dialog = PositionReportDialog("BĐ-96789-TS — Hoài Nhơn 1", 1_764_000_000.0, 109.3, 13.9)
    qtbot.addWidget(dialog)
    sent = _sent(dialog)
    dialog.note.setPlainText("đang về bến")
    qtbot.mouseClick(dialog.send, Qt.MouseButton.LeftButton)
    assert sent == [True]
    dialog.show_problem("reported_at: in the future")
    assert not dialog.problem.isHidden()
    assert dialog.values()["note"] == "đang về bến"  # nothing typed is lost
    assert [dialog.send.objectName(), dialog.problem.objectName()] == [
        "sendReport", "reportProblem"]


def test_a_report_note_keeps_its_lines_and_a_too_long_one_is_refused_not_lost(qtbot):
    """What the captain said takes a few lines; a note longer than the backend takes is
    refused with its length, and stays in the box to be shortened."""
    from widgets.shared.report_dialog import NOTE_MAX

    dialog = PositionReportDialog("BĐ-96789-TS — Hoài Nhơn 1", 1_764_000_000.0, 109.3, 13.9)
    qtbot.addWidget(dialog)
    sent = _sent(dialog)
    dialog.note.setFocus()
    qtbot.keyClicks(dialog.note, "dang keo luoi")  # (QTest types Latin-1 only)
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    dialog.note.insertPlainText("về Quy Nhơn sáng mai")
    assert dialog.values()["note"] == "dang keo luoi\nvề Quy Nhơn sáng mai"
    assert dialog.note.height() > 2 * dialog.note.fontMetrics().lineSpacing()

    too_long = "x" * (NOTE_MAX + 1)
    dialog.note.setPlainText(too_long)
    qtbot.mouseClick(dialog.send, Qt.MouseButton.LeftButton)
    assert sent == []
    assert not dialog.problem.isHidden() and str(NOTE_MAX + 1) in dialog.problem.text()
    assert dialog.note.toPlainText() == too_long  # nothing typed is lost
    dialog.note.setPlainText("x" * NOTE_MAX)
    qtbot.mouseClick(dialog.send, Qt.MouseButton.LeftButton)
    assert sent == [True] and dialog.problem.isHidden()


def test_a_report_started_from_an_old_fix_says_so_and_is_not_sent_unchanged_by_oversight(
        qtbot):
    """The dialog starts from the vessel's last known position, here a VMS fix 3 days
    old. It says where the position comes from and how old it is; sent unchanged it
    asks once (a captain may report that very position, but not by oversight)."""
    now = 1_764_000_000.0
    dialog = PositionReportDialog("BĐ-96789-TS — Hoài Nhơn 1", now, 112.73088, 14.32147,
                                  known_at=now - (3 * 24 + 17) * 3600)
    qtbot.addWidget(dialog)
    sent = _sent(dialog)
    note = dialog.start_note.text()
    assert "VMS" in note and "3 d 17 h" in note
    qtbot.mouseClick(dialog.send, Qt.MouseButton.LeftButton)
    assert sent == [] and "last known" in dialog.problem.text()
    qtbot.mouseClick(dialog.send, Qt.MouseButton.LeftButton)  # yes, that position
    assert sent == [True]

    moved = PositionReportDialog("BĐ-96789-TS — Hoài Nhơn 1", now, 112.73088, 14.32147,
                                 known_at=now - 3600)
    qtbot.addWidget(moved)
    sent_moved = _sent(moved)
    moved.position.set_position(112.5, 14.1)  # what the captain said
    qtbot.mouseClick(moved.send, Qt.MouseButton.LeftButton)
    assert sent_moved == [True]
