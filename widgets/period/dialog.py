"""The Open period dialog: from, to (Vietnam time) and the area (whole province or the
map's current view)."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from console.archive.history import Area
from console.timefmt import VIETNAM

VIETNAM_TZ = QTimeZone(7 * 3600)
MAX_DAYS = 31  # a month of the full fleet is a few hundred MB; longer asks for trouble


def default_window(now: float) -> tuple[float, float]:
    """The last night shift: 19:00 the day before to 07:00 today (Vietnam time); before
    07:00 the shift before that."""
    local = datetime.fromtimestamp(now, VIETNAM)
    end = local.replace(hour=7, minute=0, second=0, microsecond=0)
    if end > local:
        end -= timedelta(days=1)
    return (end - timedelta(hours=12)).timestamp(), end.timestamp()


class PeriodDialog(QDialog):
    def __init__(self, now: float, view_area: Area | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open period"))
        self._view_area = view_area
        start, end = default_window(now)
        self.start_edit = self.edit(start)
        self.end_edit = self.edit(end)
        self.area = QComboBox()
        self.area.addItem(self.tr("Whole province"))
        if view_area is not None:
            self.area.addItem(self.tr("Current map view"))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a40000")
        form = QFormLayout(self)
        form.addRow(self.tr("From (Vietnam time)"), self.start_edit)
        form.addRow(self.tr("To (Vietnam time)"), self.end_edit)
        form.addRow(self.tr("Area"), self.area)
        form.addRow(QLabel(self.tr(
            "The console builds an archive of the period from the backend's history and "
            "opens it for review in a new window.")))
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    @staticmethod
    def edit(t: float) -> QDateTimeEdit:
        """A date-time editor in Vietnam time (also used by the shift report dialog)."""
        edit = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(t), VIETNAM_TZ))
        edit.setTimeZone(VIETNAM_TZ)
        edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        edit.setCalendarPopup(True)
        return edit

    def window_s(self) -> tuple[float, float]:
        return (float(self.start_edit.dateTime().toSecsSinceEpoch()),
                float(self.end_edit.dateTime().toSecsSinceEpoch()))

    def chosen_area(self) -> Area | None:
        return self._view_area if self.area.currentIndex() == 1 else None

    def _check(self) -> None:
        start, end = self.window_s()
        if end <= start:
            self.problem.setText(self.tr("The end must be after the start."))
        elif end - start > MAX_DAYS * 86400:
            self.problem.setText(self.tr("At most %1 days at a time.").replace(
                "%1", str(MAX_DAYS)))
        else:
            self.accept()
