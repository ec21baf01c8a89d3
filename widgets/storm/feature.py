"""The storm picture in the window: the danger-zone list dock (tabbed with the other
vessel lists), its count on the overview strip, zoom-and-select from the list, and
its export as CSV or PDF. The storm layer itself is a domain layer of the map model."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from console.storm import export
from widgets.file_dialogs import stamped_name, start_path
from widgets.html_pdf import html_pdf_bytes
from widgets.live.install import zoom_to_lonlat
from widgets.storm.danger_list import DangerList

if TYPE_CHECKING:
    from widgets.shell import FeatureShell

_tr = QCoreApplication.translate


def install(shell: FeatureShell) -> None:
    app = shell.app
    watch = app.storm
    panel = DangerList(watch)
    # tabbed with the other vessel lists by the window's default layout
    shell.add_dock(panel, "dangerZoneDock", _tr("StormFeature", "Storm danger zone"),
                   Qt.DockWidgetArea.RightDockWidgetArea)
    live = shell.services.live
    if live is not None:
        live.overview.add_counter("storm_danger", _tr("StormFeature", "In storm danger zone"),
                                  "#c62828", lambda: sum(watch.counts()))
        watch.danger_changed.connect(live.overview.schedule_refresh)

    def zoom(vessel_id: str) -> None:
        v = app.vessels.get(vessel_id)
        if v is not None:
            zoom_to_lonlat(shell, v.lon, v.lat)
            shell.model.select("vessels", vessel_id)

    panel.zoom_requested.connect(zoom)
    panel.export_requested.connect(lambda kind: _export(shell, panel, kind))
    shell.services.danger_list = panel

    def teardown() -> None:
        panel.stop()
        if live is not None:
            watch.danger_changed.disconnect(live.overview.schedule_refresh)

    shell.on_close(teardown)


def _export(shell: FeatureShell, panel: DangerList, kind: str) -> None:
    """Ask where, lay the file out here (the PDF needs the GUI thread; a thousand rows
    take well under a second), and write it on a worker."""
    watch = panel.watch
    bulletin = watch.bulletin
    if bulletin is None:
        return
    now = watch.clock.now()
    title = _tr("StormFeature", "Export the danger-zone list")
    name = stamped_name("vung-nguy-hiem", kind, now)
    pattern = "CSV (*.csv)" if kind == "csv" else "PDF (*.pdf)"
    path, _ = QFileDialog.getSaveFileName(shell.widget, title, start_path(name), pattern)
    if not path:
        return
    rows = watch.at_risk()
    if kind == "csv":
        def job() -> Path:
            return export.write_csv(path, bulletin, rows, now)
    else:
        data = html_pdf_bytes(export.title(bulletin),
                              lambda _srcs, _w: export.html_table(bulletin, rows, now),
                              landscape=True)

        def job() -> Path:
            Path(path).write_bytes(data)
            return Path(path)

    def done(out: Path) -> None:
        shell.show_message(_tr("StormFeature", "Saved %1").replace("%1", str(out)), 8000)

    def failed(exc: Exception) -> None:
        QMessageBox.warning(shell.widget, title, _tr("StormFeature", "Could not save %1: %2")
                            .replace("%1", path).replace("%2", str(exc)))

    shell.app.runner.submit("danger-export", job, done, failed)
