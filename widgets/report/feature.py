"""File › Shift report…: the morning report for a window, from the archive under review
or, live, from the backend's history (the period's archive is built first, resumable, as
File › Open period does). The build, the figures, the pictures, the HTML and every file
write run on a worker; only the PDF's page layout runs on the GUI thread (QTextDocument
needs a thread with an event dispatcher; about 0.3 s for a province-wide night, into
memory). The report is in the UI's language (`main.py --report --lang` chooses for
scheduled runs)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
)

from console import i18n
from console.archive.history import build_period_archive
from console.archive.period_job import period_path
from console.archive.reader import read_archive
from console.report.compute import build_report
from widgets.period.dialog import PeriodDialog, default_window

if TYPE_CHECKING:
    from widgets.shell import FeatureShell

_tr = i18n.translate
KEY = "shift-report"


class ReportDialog(QDialog):
    """From / to (Vietnam time), defaulting to the last night shift (19:00–07:00)."""

    def __init__(self, now: float, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("ShiftReportAction", "Shift report"))
        start, end = default_window(now)
        self.start_edit, self.end_edit = PeriodDialog.edit(start), PeriodDialog.edit(end)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a40000")
        form = QFormLayout(self)
        form.addRow(_tr("ShiftReportAction", "From (Vietnam time)"), self.start_edit)
        form.addRow(_tr("ShiftReportAction", "To (Vietnam time)"), self.end_edit)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def window_s(self) -> tuple[float, float]:
        return (float(self.start_edit.dateTime().toSecsSinceEpoch()),
                float(self.end_edit.dateTime().toSecsSinceEpoch()))

    def _check(self) -> None:
        start, end = self.window_s()
        if end <= start:
            self.problem.setText(_tr("ShiftReportAction", "The end must be after the start."))
        else:
            self.accept()


class ReportFeature:
    def __init__(self, shell: FeatureShell) -> None:
        self.shell = shell
        self.action = QAction(_tr("ShiftReportAction", "&Shift report…"), shell.widget)
        self.action.triggered.connect(self.ask)
        menu = shell.menus["file"]
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.action)

    def ask(self) -> None:
        app = self.shell.app
        dialog = ReportDialog(app.clock.now(), self.shell.widget)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        path, _ = QFileDialog.getSaveFileName(
            self.shell.widget, _tr("ShiftReportAction", "Save shift report"), "",
            _tr("ShiftReportAction", "PDF (*.pdf);;HTML (*.html)"),
        )
        if path:
            start, end = dialog.window_s()
            self.write(start, end, path)

    def write(self, start: float, end: float, out: str) -> None:
        """Build the report for [start, end] into `out` (.pdf, else HTML)."""
        from widgets.report.writer import html_document, images

        app = self.shell.app
        if app.review is not None:
            archive, client = str(app.review.path), None
        elif app.client is not None:
            client = app.client
            archive = str(period_path(client.base_url, start, end, None))
        else:
            QMessageBox.information(self.shell.widget, _tr("ShiftReportAction", "Shift report"),
                                    _tr("ShiftReportAction", "No source yet: not connected."))
            return
        language = i18n.language()
        source = client.base_url if client is not None else archive

        pdf = out.lower().endswith(".pdf")

        def work():  # worker thread: HTTP, SQLite, painting into images, HTML, the file
            if client is not None:
                Path(archive).parent.mkdir(parents=True, exist_ok=True)
                build_period_archive(client, start, end, archive)
            report = build_report(read_archive(archive), start, end, language, source=source)
            pictures = images(report)
            if pdf:
                return report, pictures  # laid out on the GUI thread, then written here
            Path(out).write_text(html_document(report, pictures), encoding="utf-8")
            return out

        self.action.setEnabled(False)
        self.shell.status.showMessage(
            _tr("ShiftReportAction", "Writing the shift report…"), 60000)
        on_result = self._lay_out_pdf(out) if pdf else self._written
        app.runner.submit(KEY, work, on_result, self._failed)

    def _lay_out_pdf(self, out: str):
        from widgets.report.writer import pdf_bytes

        def on_pictures(result) -> None:
            data = pdf_bytes(*result)  # GUI thread, in memory
            self.shell.app.runner.submit(
                KEY, lambda: Path(out).write_bytes(data) and out, self._written, self._failed
            )

        return on_pictures

    def _written(self, path: str) -> None:
        self.action.setEnabled(True)
        self.shell.status.showMessage(
            _tr("ShiftReportAction", "Shift report written to %1").replace("%1", path), 15000)

    def _failed(self, exc: Exception) -> None:
        self.action.setEnabled(True)
        QMessageBox.warning(self.shell.widget, _tr("ShiftReportAction", "Shift report"),
                            _tr("ShiftReportAction", "The shift report could not be written: "
                                "%1").replace("%1", str(exc)))


def install(shell: FeatureShell) -> None:
    shell.services.shift_report = ReportFeature(shell)
