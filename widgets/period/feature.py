"""File › Open archive… and File › Open period…: a recorded archive, or a past period
built from the backend's history, opens for review in a new console window (a separate
process in review mode, as `main.py --archive FILE`), so the live console keeps running
and a planner can have several periods open side by side."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QProcess, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from console import i18n
from console.archive.history import Area
from console.archive.period_job import PeriodJob, period_path
from console.geo.crs import map_to_lonlat
from widgets.period.dialog import PeriodDialog

if TYPE_CHECKING:
    from widgets.shell import FeatureShell

MAIN = Path(__file__).resolve().parents[2] / "main.py"
_tr = i18n.translate


def launch_review(path: str) -> bool:
    """Start a console in review mode on `path` (detached: it outlives this window)."""
    args = [str(MAIN), "--archive", str(path), "--lang", i18n.language()]
    ok, _pid = QProcess.startDetached(sys.executable, args)
    return bool(ok)


class PeriodFeature:
    def __init__(self, shell: FeatureShell) -> None:
        self.shell = shell
        self.job: PeriodJob | None = None
        self.dialog: QProgressDialog | None = None
        menu = shell.menus["file"]
        first = menu.actions()[0] if menu.actions() else None
        self.open_archive_action = QAction(_tr("Period", "Open &archive…"), shell.widget)
        self.open_archive_action.triggered.connect(self.open_archive)
        self.open_period_action = QAction(_tr("Period", "Open &period…"), shell.widget)
        self.open_period_action.triggered.connect(self.open_period)
        if shell.app.review is not None:
            self.open_period_action.setEnabled(False)
            self.open_period_action.setToolTip(
                _tr("Period", "Needs a backend: this console is reviewing an archive."))
        menu.insertAction(first, self.open_archive_action)
        menu.insertAction(first, self.open_period_action)
        menu.insertSeparator(first)

    # --- open archive ---------------------------------------------------------------------

    def open_archive(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.shell.widget, _tr("Period", "Open archive"), "",
            _tr("Period", "GeoPackage archive (*.gpkg)"),
        )
        if path:
            self._review(path)

    def _review(self, path: str) -> None:
        if launch_review(path):
            self.shell.status.showMessage(
                _tr("Period", "Opening %1 for review in a new window").replace("%1", path),
                10000)
        else:
            QMessageBox.warning(self.shell.widget, _tr("Period", "Open archive"),
                                _tr("Period", "Could not start the review window."))

    # --- open period ----------------------------------------------------------------------

    def _view_area(self) -> Area | None:
        extent = self.shell.canvas.extent()
        if extent is None:
            return None
        lon, lat = map_to_lonlat(np.array([extent[0], extent[2]]),
                                 np.array([extent[1], extent[3]]))
        return Area(float(lon[0]), float(lat[0]), float(lon[1]), float(lat[1]))

    def open_period(self) -> None:
        app = self.shell.app
        if self.job is not None:  # one build at a time; its progress window is open
            return
        if app.client is None:
            QMessageBox.information(self.shell.widget, _tr("Period", "Open period"),
                                    _tr("Period", "Not connected to the backend yet."))
            return
        dialog = PeriodDialog(app.clock.now(), self._view_area(), self.shell.widget)
        if dialog.exec() != PeriodDialog.DialogCode.Accepted:
            return
        start, end = dialog.window_s()
        self.start_build(start, end, dialog.chosen_area())

    def start_build(self, start: float, end: float, area: Area | None) -> None:
        app = self.shell.app
        path = period_path(app.client.base_url, start, end, area)
        self.job = PeriodJob(app.runner, app.client, self.shell.widget)
        progress = QProgressDialog(_tr("Period", "Building the period's archive…"),
                                   _tr("Period", "Cancel"), 0, 0, self.shell.widget)
        progress.setWindowTitle(_tr("Period", "Open period"))
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self.job.cancel)
        self.dialog = progress
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)
        self.job.start(start, end, area, path)
        progress.show()

    def _progress(self, done: int, total: int, step: str) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)
            self.dialog.setLabelText(_tr("Period", "Building the period's archive: %1 of %2")
                                     .replace("%1", str(done)).replace("%2", str(total)))

    def _end(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = None
        self.job = None

    def _finished(self, path: str) -> None:
        self._end()
        self._review(path)

    def _failed(self, message: str) -> None:
        self._end()
        QMessageBox.warning(self.shell.widget, _tr("Period", "Open period"),
                            _tr("Period", "The period could not be built: %1. Asking again "
                                "resumes where it stopped.").replace("%1", message))

    def _cancelled(self) -> None:
        self._end()
        self.shell.status.showMessage(
            _tr("Period", "Open period cancelled; asking for the same period again resumes "
                "it."), 10000)


def install(shell: FeatureShell) -> None:
    shell.services.period = PeriodFeature(shell)
