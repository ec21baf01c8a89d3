"""A manual position report for a vessel whose VMS is silent (Decree 37/2024: the
captain reports by radio or phone every 6 h once the signal is lost): when (local
time), where (typed, picked on the map, or the last known position to start from), by
which channel, and a note. Not modal, like the new-incident dialog.

Signals: `submitted()`.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from console.timefmt import VIETNAM, format_age, format_local
from widgets.shared.position_field import PositionField
from widgets.shared.send_form import SendForm

CHANNELS = ("radio", "phone", "other")
NOTE_MAX = 2000  # characters: the backend's limit for a comment (wire.Comment)
NOTE_LINES = 4  # the note box's height: a radio call is noted in a few lines


def channel_label(channel: str) -> str:
    return {
        "radio": QCoreApplication.translate("PositionReportDialog", "Radio"),
        "phone": QCoreApplication.translate("PositionReportDialog", "Phone"),
        "other": QCoreApplication.translate("PositionReportDialog", "Other"),
    }.get(channel, channel)


class PositionReportDialog(SendForm):

    def __init__(self, vessel_title: str, at: float, lon: float, lat: float,
                 parent: QWidget | None = None, known_at: float | None = None,
                 known_is_report: bool = False) -> None:
        """(lon, lat): where to start, the vessel's last known position, heard at
        `known_at` (its last VMS fix, or its last manual report). The dialog says so: a
        position days old must not pass for what the captain said today."""
        super().__init__(parent)
        self._start = (lon, lat)
        self._start_confirmed = known_at is None
        self.setObjectName("positionReportDialog")
        self.setWindowTitle(self.tr("Position report"))
        self.setModal(False)
        heading = QLabel(f"<b>{vessel_title}</b><br>" + self.tr(
            "Position the captain reported by radio or phone while the VMS is silent."))
        heading.setWordWrap(True)
        self.when = QDateTimeEdit()
        self.when.setObjectName("reportTime")
        self.when.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self.set_time(at)
        self.position = PositionField()
        self.position.set_position(lon, lat)
        self.channel = QComboBox()
        self.channel.setObjectName("reportChannel")
        for channel in CHANNELS:
            self.channel.addItem(channel_label(channel), channel)
        # several lines: what the captain said (catch, crew, where bound, when he calls
        # again) does not fit one; Tab still moves on to the send button
        self.note = QPlainTextEdit()
        self.note.setObjectName("reportNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("e.g. fishing, all crew well, returns to Quy Nhơn"))
        lines = self.note.fontMetrics().lineSpacing() * NOTE_LINES
        self.note.setFixedHeight(lines + 2 * self.note.frameWidth() + 8)
        form = QFormLayout(self)
        form.addRow(heading)
        form.addRow(self.tr("Time (local)"), self.when)
        form.addRow(self.tr("Position"), self.position)
        if known_at is not None:
            source = (self.tr("the last manual report") if known_is_report else
                      self.tr("the last VMS fix"))
            self.start_note = QLabel(
                self.tr("Filled in from %1, %2 (%3 before this report's time): change it "
                        "to the position the captain gave.")
                .replace("%1", source).replace("%2", format_local(known_at))
                .replace("%3", format_age(max(0.0, at - known_at))))
            self.start_note.setObjectName("reportStartNote")
            self.start_note.setWordWrap(True)
            self.start_note.setStyleSheet("QLabel { color: #6d4c00; }")
            form.addRow("", self.start_note)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Note"), self.note)
        self._add_send_rows(form, self.tr("Record report"), "reportProblem", "sendReport")

    def set_time(self, epoch: float) -> None:
        local = datetime.fromtimestamp(epoch, VIETNAM)
        self.when.setDateTime(QDateTime(local.year, local.month, local.day, local.hour,
                                        local.minute, 0))

    def reported_at(self) -> float:
        q = self.when.dateTime()
        d, t = q.date(), q.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(),
                        tzinfo=VIETNAM).timestamp()

    def note_text(self) -> str:
        return self.note.toPlainText().strip()

    def _check(self) -> bool:
        """A note longer than the backend takes is refused here, with its length, and
        stays in the box to be shortened (nothing typed is lost). A position still the
        one filled in is sent only when the operator sends again: a captain may well
        report where the VMS last saw the boat, but not by oversight."""
        length = len(self.note_text())
        if length > NOTE_MAX:
            self.show_problem(self.tr("The note is too long: %1 characters (at most %2).")
                              .replace("%1", str(length)).replace("%2", str(NOTE_MAX)))
            return False
        if not self._start_confirmed and self._unchanged_position():
            self._start_confirmed = True
            self.show_problem(self.tr("The position is still the last known one. Change it "
                                      "to what the captain said, or send again to record "
                                      "it as it is."))
            return False
        self.show_problem("")
        return True

    def _unchanged_position(self) -> bool:
        lon, lat = self.position.position()
        return abs(lon - self._start[0]) < 1e-6 and abs(lat - self._start[1]) < 1e-6

    def values(self) -> dict:
        lon, lat = self.position.position()
        return {"reported_at": self.reported_at(), "lon": lon, "lat": lat,
                "channel": self.channel.currentData(), "note": self.note_text()}
