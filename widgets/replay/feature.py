"""Review mode and exports, plugged into the main shell (widgets/features.py).

- In review mode (`app.review` set by `ConsoleApp.start_review`): the time slider dock
  once the archive is open, a cursor line at the replay time in every open chart, and
  the archive's name in the shell title.
- Always: File menu actions to export the HTML map, the printable map (PNG / PDF) and
  the data (CSV / GeoPackage), and to record to an archive file.

HTML and table files are written on the job runner (never on the GUI thread); the print
page is painted on the GUI thread (Qt painting must be).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from console.export.picture import build_picture
from console.geo.crs import map_to_lonlat
from widgets.file_dialogs import stamped_name, start_path
from widgets.replay.slider import TimeSlider

if TYPE_CHECKING:
    from widgets.shell import FeatureShell

log = logging.getLogger(__name__)
_tr = QCoreApplication.translate


def view_extent_lonlat(shell: FeatureShell) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = shell.canvas.extent()
    lon, lat = map_to_lonlat(np.array([x0, x1]), np.array([y0, y1]))
    return float(lon[0]), float(lat[0]), float(lon[1]), float(lat[1])


def picture_time(shell: FeatureShell) -> float:
    review = shell.app.review
    if review is not None and review.cursor is not None:
        return review.cursor.time
    return shell.app.clock.now()


def source_text(shell: FeatureShell) -> str:
    """Where the picture's data came from, as a reader of the printed map can use it:
    the archive, the demo backend (simulated data), or the backend's site and host —
    never a loopback address, which means nothing on paper."""
    from urllib.parse import urlparse

    app = shell.app
    if app.review is not None:
        return _tr("Replay", "archive %1").replace("%1", app.review.path.name)
    site = app.site or "—"
    host = urlparse(app.backend_url or "").hostname or ""
    if app.backend_process is not None or host in ("", "localhost") or host.startswith("127."):
        return _tr("Replay", "IOC Console reference backend, simulated data (%1)").replace(
            "%1", site)
    return _tr("Replay", "IOC backend %1 (%2)").replace("%1", site).replace("%2", host)


def print_grid(shell: FeatureShell, wanted: bool) -> str | None:
    """The local grid a print carries (the site's VN-2000 zone), or None."""
    return shell.app.settings.local_grid_crs if wanted else None


def map_title(shell: FeatureShell) -> str:
    return _tr("Replay", "IOC Console — operations picture")


def html_labels() -> dict[str, str]:
    """Translated words for the HTML page (legend, title box)."""
    return {
        "vessels": _tr("Replay", "Vessels"),
        "stations": _tr("Replay", "Hydrology stations"),
        "incidents": _tr("Replay", "Open incidents"),
        "time": _tr("Replay", "Time"),
        "source": _tr("Replay", "Source"),
        "in port": _tr("Replay", "in port"),
        "reporting": _tr("Replay", "reporting"),
        "late": _tr("Replay", "late"),
        "lost signal": _tr("Replay", "lost signal"),
        "must return to port": _tr("Replay", "must return to port"),
        "below BĐ1": _tr("Replay", "below BĐ1"),
        "above BĐ1": _tr("Replay", "above BĐ1"),
        "above BĐ2": _tr("Replay", "above BĐ2"),
        "above BĐ3": _tr("Replay", "above BĐ3"),
        "no data": _tr("Replay", "no data"),
        "reservoir": _tr("Replay", "reservoir"),
        "rain gauge": _tr("Replay", "rain gauge"),
        "critical": _tr("Replay", "critical"),  # incident severities (the legend's keys)
        "high": _tr("Replay", "high"),
        "medium": _tr("Replay", "medium"),
        "low": _tr("Replay", "low"),
    }


def write_html(shell: FeatureShell, path: str | Path, whole: bool = False) -> Path:
    """Synchronous HTML export of the current view and time (headless use)."""
    from console.export.html import export_html

    extent = None if whole else view_extent_lonlat(shell)
    picture = build_picture(shell.app, extent, picture_time(shell), source_text(shell))
    return export_html(picture, path, map_title(shell), html_labels())


class _Exports:
    """The File > Export actions (GUI thread); results come back via the runner."""

    def __init__(self, shell: FeatureShell) -> None:
        self.shell = shell
        self.selected_ids: set[str] = set()
        shell.canvas.identified.connect(self._on_identified)
        menu = shell.menus["file"].addMenu(_tr("Replay", "&Export"))
        menu.setObjectName("exportMenu")
        for name, text, slot in (
            ("exportHtml", _tr("Replay", "HTML map (offline)…"), self.html),
            ("exportPrint", _tr("Replay", "Printable map (PDF / PNG)…"), self.print_map),
            (
                "exportViewData",
                _tr("Replay", "Data in view (CSV / GeoPackage)…"),
                lambda: self.data(selection=False),
            ),
            (
                "exportSelectionData",
                _tr("Replay", "Selected items (CSV / GeoPackage)…"),
                lambda: self.data(selection=True),
            ),
        ):
            action = QAction(text, shell.widget)
            action.setObjectName(name)
            action.triggered.connect(slot)
            menu.addAction(action)
        self.grid_action = QAction(_tr("Replay", "Local VN-2000 grid on printed maps"),
                                   shell.widget)
        self.grid_action.setObjectName("exportPrintGrid")
        self.grid_action.setCheckable(True)
        self.grid_action.setChecked(shell.app.settings.print_local_grid)
        menu.addAction(self.grid_action)
        self.record_action = QAction(_tr("Replay", "&Record to archive…"), shell.widget)
        self.record_action.setObjectName("recordArchive")
        self.record_action.setEnabled(shell.app.review is None)
        self.record_action.triggered.connect(self.record)
        shell.menus["file"].addAction(self.record_action)

    def close(self) -> None:
        self.shell.canvas.identified.disconnect(self._on_identified)

    def _on_identified(self, hits: list) -> None:
        self.selected_ids = {h.item_id for h in hits}

    def _ask(self, caption: str, filters: str, prefix: str, suffix: str) -> str:
        """A save dialog in the documents folder, suggesting 'prefix-<local time>.suffix'."""
        name = start_path(stamped_name(prefix, suffix))
        path, _ = QFileDialog.getSaveFileName(self.shell.widget, caption, name, filters)
        return path

    def _done(self, message: str) -> None:
        self.shell.status.showMessage(message, 15000)

    def _failed(self, exc: Exception) -> None:
        log.error("export failed: %s", exc)
        QMessageBox.warning(self.shell.widget, _tr("Replay", "Export failed"), str(exc))

    def html(self) -> None:
        path = self._ask(
            _tr("Replay", "Export HTML map"), _tr("Replay", "HTML (*.html)"), "map", "html"
        )
        if not path:
            return
        from console.export.html import export_html

        w = self.shell
        picture = build_picture(w.app, view_extent_lonlat(w), picture_time(w), source_text(w))
        title, labels = map_title(w), html_labels()
        w.app.runner.submit(
            "export-html",
            lambda: export_html(picture, path, title, labels),
            lambda p: self._done(_tr("Replay", "Map written to %1").replace("%1", str(p))),
            self._failed,
        )

    def print_map(self) -> None:
        path = self._ask(
            _tr("Replay", "Printable map"),
            _tr("Replay", "PDF (*.pdf);;PNG image (*.png)"),
            "map",
            "pdf",
        )
        if not path:
            return
        from widgets.replay.print_map import export_print

        w = self.shell
        try:
            out = export_print(w, path, map_title(w), picture_time(w), source_text(w),
                               print_grid(w, self.grid_action.isChecked()))
        except OSError as exc:
            self._failed(exc)
            return
        self._done(_tr("Replay", "Map written to %1").replace("%1", str(out)))

    def data(self, selection: bool) -> None:
        from console.export.tables import item_tables, write_csv, write_gpkg

        w = self.shell
        if selection and not self.selected_ids:
            self._done(_tr("Replay", "Nothing is selected: click items on the map first."))
            return
        path = self._ask(
            _tr("Replay", "Export data"),
            _tr("Replay", "GeoPackage (*.gpkg);;CSV (*.csv)"),
            "data",
            "gpkg",
        )
        if not path:
            return
        tables = item_tables(
            w.app,
            None if selection else view_extent_lonlat(w),
            self.selected_ids if selection else None,
        )
        if not tables:
            self._done(_tr("Replay", "Nothing to export in this view."))
            return
        writer = write_gpkg if path.lower().endswith(".gpkg") else write_csv
        w.app.runner.submit(
            "export-data",
            lambda: writer(tables, path),
            lambda _p: self._done(_tr("Replay", "Data written to %1").replace("%1", path)),
            self._failed,
        )

    def record(self) -> None:
        app = self.shell.app
        if app.recorder is not None:
            app.recorder.stop()
            app.recorder = None
            self.record_action.setText(_tr("Replay", "&Record to archive…"))
            self._done(_tr("Replay", "Recording stopped."))
            return
        path = self._ask(
            _tr("Replay", "Record to archive"),
            _tr("Replay", "GeoPackage archive (*.gpkg)"),
            "archive",
            "gpkg",
        )
        if not path:
            return
        app.start_recording(path)
        app.recorder.failed.connect(self._failed_recording)
        self.record_action.setText(_tr("Replay", "Stop &recording"))
        self._done(_tr("Replay", "Recording to %1").replace("%1", path))

    def _failed_recording(self, message: str) -> None:
        QMessageBox.warning(self.shell.widget, _tr("Replay", "Recording stopped"), message)


class _ChartCursor:
    """A vertical line at the replay time in every open station chart."""

    def __init__(self, shell: FeatureShell) -> None:
        self.shell = shell
        self._lines: dict[int, object] = {}
        self._timer = QTimer(shell.widget)
        self._timer.setInterval(1000)  # picks up charts opened since
        self._timer.timeout.connect(self.update)
        self._timer.start()

    def update(self, *_args: object) -> None:
        import pyqtgraph as pg

        from widgets.timeseries.chart import ChartView

        t = picture_time(self.shell)
        for view in self.shell.host.findChildren(ChartView):
            for panel in view.panels:
                line = self._lines.get(id(panel.plot))
                if line is None:
                    line = pg.InfiniteLine(
                        angle=90, movable=False, pen=pg.mkPen("#d62728", width=2)
                    )
                    line.setObjectName("replayCursorLine")
                    panel.plot.addItem(line, ignoreBounds=True)
                    self._lines[id(panel.plot)] = line
                line.setValue(t)

    def close(self) -> None:
        self._timer.stop()


def _install_review(shell: FeatureShell) -> None:
    review = shell.app.review
    shell.set_title(
        shell.title() + " — " + _tr("Replay", "review: %1").replace("%1", review.path.name)
    )
    charts = _ChartCursor(shell)
    shell.on_close(charts.close)

    def ready() -> None:
        slider = TimeSlider(review.cursor, review.state)
        dock = shell.add_dock(
            slider,
            "replayDock",
            _tr("Replay", "Replay time"),
            Qt.DockWidgetArea.TopDockWidgetArea,
        )
        dock.show()
        review.cursor.time_changed.connect(charts.update)
        shell.services.replay_slider = slider
        badge = QLabel(_tr("Replay", "Review: %1 (no backend)").replace("%1", review.path.name))
        badge.setObjectName("reviewBadge")
        shell.status.addPermanentWidget(badge)
        # no backend in review mode: the live connection state and "data as of" would lie
        shell.status.connection.hide()
        shell.status.updated.hide()
        shell.on_close(slider.close_cursor)

    def failed(message: str) -> None:
        title = _tr("Replay", "Archive could not be opened")
        shell.status.showMessage(f"{title}: {message}")
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            title,
            message,
            QMessageBox.StandardButton.Close,
            shell.widget,
        )
        box.setObjectName("archiveErrorBox")
        box.open()  # not exec(): headless runs (--export-html) must not wait on a dialog

    review.ready.connect(ready)
    review.failed.connect(failed)


def install(shell: FeatureShell) -> None:
    exports = _Exports(shell)
    shell.on_close(exports.close)
    shell.services.exports = exports
    if shell.app.review is not None:
        _install_review(shell)
