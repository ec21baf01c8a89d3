"""'Prepare offline area': download the tiles of a bounding box over a zoom range from
an XYZ server into an MBTiles file, with a tile-count estimate before starting, a
limit that protects public tile servers, progress, cancel and resume (running it
again on the same file fetches only what is missing).

The download runs on the app's worker pool; progress crosses to the GUI thread via
a queued signal. Signals: `finished(object)`: DownloadResult, or `failed(str)`.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QWidget,
)

from console import bulletin
from console.geo.crs import map_to_lonlat
from console.geo.mbtiles import DEFAULT_TILE_LIMIT, DownloadResult, download_area
from console.geo.tiles import count_tiles
from console.live.runner import JobRunner
from widgets.file_dialogs import start_path


class _Progress(QObject):
    progressed = Signal(int, int)


class OfflineAreaDialog(QDialog):
    finished_download = Signal(object)
    failed = Signal(str)

    def __init__(  # noqa: PLR0915 (a form: one statement per field)
        self,
        runner: JobRunner,
        extent: tuple[float, float, float, float],
        template: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("offlineAreaDialog")
        self.setWindowTitle(self.tr("Prepare offline area"))
        self.runner = runner
        self.extent = extent
        self._cancel = threading.Event()
        self._progress = _Progress(self)
        self._progress.progressed.connect(self._on_progress)
        self.url = QLineEdit(template, self)
        self.url.setPlaceholderText("https://tile.example.org/{z}/{x}/{y}.png")
        self.attribution = QLineEdit(self)
        self.target = QLineEdit(self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target)
        target_row.addWidget(browse)
        self.zmin = QSpinBox(self)
        self.zmin.setRange(0, 19)
        self.zmin.setValue(6)
        self.zmax = QSpinBox(self)
        self.zmax.setRange(0, 19)
        self.zmax.setValue(12)
        self.limit = QSpinBox(self)
        self.limit.setRange(1, 200_000)
        self.limit.setValue(DEFAULT_TILE_LIMIT)
        self.estimate = QLabel(self)
        self.estimate.setObjectName("tileEstimate")
        self.progress = QProgressBar(self)
        self.start_button = QPushButton(self.tr("Start / resume"), self)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        form = QFormLayout(self)
        lon0, lat0, lon1, lat1 = self.bounds_lonlat()
        form.addRow(
            self.tr("Area (current view)"),
            QLabel(f"{bulletin.number(lat0, 3)}–{bulletin.number(lat1, 3)}° N, "
                   f"{bulletin.number(lon0, 3)}–{bulletin.number(lon1, 3)}° E", self),
        )
        form.addRow(self.tr("Tile URL (XYZ)"), self.url)
        form.addRow(self.tr("Attribution"), self.attribution)
        form.addRow(self.tr("MBTiles file"), target_row)
        form.addRow(self.tr("From zoom"), self.zmin)
        form.addRow(self.tr("To zoom"), self.zmax)
        form.addRow(self.tr("Tile limit"), self.limit)
        form.addRow(self.estimate)
        form.addRow(self.progress)
        form.addRow(buttons)
        for box in (self.zmin, self.zmax, self.limit):
            box.valueChanged.connect(self.update_estimate)
        self.update_estimate()

    def bounds_lonlat(self) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = self.extent
        lon, lat = map_to_lonlat([x0, x1], [y0, y1])
        return float(lon[0]), float(lat[0]), float(lon[1]), float(lat[1])

    def tile_count(self) -> int:
        return count_tiles(
            self.extent, self.zmin.value(), max(self.zmin.value(), self.zmax.value())
        )

    def update_estimate(self) -> None:
        n = self.tile_count()
        text = (
            self.tr("%1 tiles (about %2 MB)")
            .replace("%1", bulletin.number(n, 0))
            .replace("%2", bulletin.number(n * 15 / 1024, 1))
        )
        over = n > self.limit.value()
        if over:
            text += " — " + self.tr("over the limit: choose a smaller area or fewer zooms")
        self.estimate.setText(text)
        self.start_button.setEnabled(not over)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("MBTiles file"), start_path(), self.tr("MBTiles (*.mbtiles)")
        )
        if path:
            self.target.setText(path if path.endswith(".mbtiles") else path + ".mbtiles")

    def start(self) -> None:
        template, target = self.url.text().strip(), self.target.text().strip()
        if "{z}" not in template or not target:
            self.estimate.setText(self.tr("Enter a tile URL with {z}/{x}/{y} and a target file"))
            return
        self._cancel.clear()
        zmin, zmax = self.zmin.value(), max(self.zmin.value(), self.zmax.value())
        self.progress.setRange(0, self.tile_count())
        self.progress.setValue(0)
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        emit = self._progress.progressed.emit
        bounds, extent, limit = self.bounds_lonlat(), self.extent, self.limit.value()
        attribution = self.attribution.text()

        def job() -> DownloadResult:  # worker thread
            return download_area(
                template,
                Path(target),
                extent,
                zmin,
                zmax,
                bounds_lonlat=bounds,
                attribution=attribution,
                limit=limit,
                progress=emit,
                cancelled=self._cancel.is_set,
            )

        self.runner.submit("offline-area", job, self._done, self._error)

    def cancel(self) -> None:
        self._cancel.set()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _done(self, result: DownloadResult) -> None:
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        state = self.tr("Cancelled") if result.cancelled else self.tr("Done")
        self.estimate.setText(
            self.tr("%1: %2 fetched, %3 already there, %4 not on the server")
            .replace("%1", state)
            .replace("%2", str(result.fetched))
            .replace("%3", str(result.skipped))
            .replace("%4", str(result.missing))
        )
        self.finished_download.emit(result)

    def _error(self, exc: Exception) -> None:
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.estimate.setText(self.tr("Download failed: %1").replace("%1", str(exc)))
        self.failed.emit(str(exc))
