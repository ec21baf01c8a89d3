"""ChartView: range presets, follow-now, compare (overlay / stack), readout, export.

One ChartView is one dock's content: one or more ChartPanels stacked with linked time
axes. It asks the shared SeriesLoader for what the visible range lacks (only the
missing part is fetched, on a worker) and redraws when readings arrive; new live
readings append without touching the operator's zoom unless "Follow now" is on.

Signals:
- `drawn(str)`: readings of that station are drawn (after the first paint that shows
  them); the open-time bench and tests wait for it.
- `title_changed(str)`: the dock title should change (stations added).
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QDateTime, QTimer, QTimeZone, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console import bulletin
from console.live.clock import SourceClock
from console.live.timers import timer
from console.model.station import Station
from console.series import quality
from console.stores.records import RecordStore
from console.timefmt import format_local
from widgets.file_dialogs import stamped_name, start_path
from widgets.timeseries import export
from widgets.timeseries.headline import headline
from widgets.timeseries.loader import SeriesLoader
from widgets.timeseries.number_axis import NumberAxis
from widgets.timeseries.panel import ChartPanel, Trace
from widgets.timeseries.time_axis import VietnamTimeAxis

_tr = QCoreApplication.translate
HOUR = 3600.0
DAY = 86400.0
MAX_SPAN_S = 390 * DAY
DEFAULT_COLOURS = ("#ffd92f", "#fd8d3c", "#e31a1c")
VIETNAM_TZ = QTimeZone(7 * 3600)


class _ChartCanvas(pg.GraphicsLayoutWidget):
    """GraphicsLayoutWidget that says when a paint has finished ("drawn" = on screen)."""

    painted = Signal()

    def paintEvent(self, event: object) -> None:
        super().paintEvent(event)
        self.painted.emit()


@dataclass
class ChartServices:
    """What a chart needs from the application (shared by every open chart)."""

    loader: SeriesLoader
    stations: RecordStore[Station]
    clock: SourceClock
    alarm_colours: tuple[str, str, str] = DEFAULT_COLOURS
    rules: quality.QualityRules | None = None
    # "now" on the clock of a station's source (SensorThings: real time); None: `clock`
    station_now: Callable[[str], float] | None = None


def presets() -> list[tuple[str, float]]:
    return [
        (_tr("ChartView", "6 h"), 6 * HOUR),
        (_tr("ChartView", "24 h"), 24 * HOUR),
        (_tr("ChartView", "3 days"), 3 * DAY),
        (_tr("ChartView", "7 days"), 7 * DAY),
        (_tr("ChartView", "30 days"), 30 * DAY),
        (_tr("ChartView", "1 year"), 365 * DAY),
    ]


class ChartView(QWidget):
    drawn = Signal(str)
    title_changed = Signal(str)

    FOLLOW_MS = 1000
    FETCH_DELAY_MS = 120

    def __init__(
        self,
        services: ChartServices,
        station: Station,
        span_s: float = 3 * DAY,
        defer_panel: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """``defer_panel``: build the plot on the next event-loop turn (docks do, so that
        opening a chart never costs one long GUI-thread turn)."""
        super().__init__(parent)
        self.setObjectName("stationChart")
        self.services = services
        self.loader = services.loader
        self.panels: list[ChartPanel] = []
        self.span_s = span_s
        self._programmatic = False
        self._awaiting_draw: set[str] = set()
        self.glw = _ChartCanvas()
        self.glw.painted.connect(self._on_painted)
        self._painted_pending: set[str] = set()
        self.glw.setBackground("w")
        self.glw.scene().contextMenu = []  # drop pyqtgraph's "Export..." (see add_panel)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(self.headline.textInteractionFlags())
        self.readout = QLabel(" ")
        self.status = QLabel("")
        self.status.setStyleSheet("color: #8c2d04")
        self._build_controls()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.controls)
        layout.addWidget(self.headline)
        layout.addWidget(self.glw, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.readout, 1)
        bottom.addWidget(self.status)
        layout.addLayout(bottom)

        self._fetch_timer = timer(self, self.FETCH_DELAY_MS, self._fetch_visible, single_shot=True)
        self._follow_timer = timer(self, self.FOLLOW_MS, self._follow_tick)
        self._mouse_proxy = pg.SignalProxy(
            self.glw.scene().sigMouseMoved, rateLimit=30, slot=self._on_mouse_moved
        )
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)
        services.stations.changed.connect(self._on_stations_changed)
        self._pending: Station | None = station
        if defer_panel:
            QTimer.singleShot(1, self, lambda: self._first_panel_in_steps(span_s))
        else:
            self._pending = None
            self.add_panel(station)
            self.set_span(span_s)

    def _first_panel_in_steps(self, span_s: float) -> None:
        """Plot, then station and levels, then range and fetch: one step per turn, so no
        single turn of the GUI thread carries the whole cost of building a chart."""
        station = self._pending
        if station is None:
            return
        panel = self._new_panel()

        def add_station() -> None:
            self._pending = None
            self._add_trace(panel, station)
            QTimer.singleShot(1, self, lambda: self.set_span(span_s))

        QTimer.singleShot(1, self, add_station)

    # --- controls ----------------------------------------------------------------------

    def _build_controls(self) -> None:
        self.controls = QHBoxLayout()
        self.preset_buttons: dict[float, QToolButton] = {}
        for label, seconds in presets():
            button = QToolButton()
            button.setText(label)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _c=False, s=seconds: self.set_span(s))
            self.controls.addWidget(button)
            self.preset_buttons[seconds] = button
        custom = QToolButton()
        custom.setText(self.tr("Custom…"))
        custom.setAutoRaise(True)
        custom.clicked.connect(self._ask_custom_range)
        self.controls.addWidget(custom)
        self.follow = QCheckBox(self.tr("Follow now"))
        self.follow.setToolTip(self.tr("Keep the right edge at the current time"))
        self.follow.toggled.connect(self._on_follow_toggled)
        self.controls.addWidget(self.follow)
        self.interval = QComboBox()
        for label, seconds in (
            (self.tr("10-minute rain"), 600),
            (self.tr("Hourly sums"), 3600),
            (self.tr("Daily sums"), 86400),
        ):
            self.interval.addItem(label, seconds)
        self.interval.currentIndexChanged.connect(self._on_interval)
        self.interval.setVisible(False)
        self.controls.addWidget(self.interval)
        self.controls.addStretch(1)
        compare = QToolButton()
        compare.setText(self.tr("Compare"))
        compare.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(compare)
        menu.addAction(self.tr("Overlay another station…"), lambda: self._ask_station(False))
        menu.addAction(self.tr("Stack another station below…"), lambda: self._ask_station(True))
        compare.setMenu(menu)
        self.controls.addWidget(compare)
        exporter = QToolButton()
        exporter.setText(self.tr("Export"))
        exporter.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        emenu = QMenu(exporter)
        self.export_actions: list[QAction] = [
            emenu.addAction(self.tr("Chart as PNG…"), lambda: self._export("png")),
            emenu.addAction(self.tr("Chart as SVG…"), lambda: self._export("svg")),
            emenu.addAction(self.tr("Data as CSV…"), lambda: self._export("csv")),
        ]
        exporter.setMenu(emenu)
        self.controls.addWidget(exporter)

    # --- panels ------------------------------------------------------------------------

    def add_panel(self, station: Station) -> ChartPanel:
        """Stack a new panel below (time axes linked) showing ``station``."""
        panel = self._new_panel()
        self._add_trace(panel, station)
        return panel

    def _new_panel(self) -> ChartPanel:
        # no pyqtgraph context menu: our controls cover it, it costs ~10 ms to build per
        # plot, and its "Export..." offers the SVG exporter that crashes under PySide6
        plot = self.glw.addPlot(
            row=len(self.panels),
            col=0,
            enableMenu=False,
            axisItems={"bottom": VietnamTimeAxis("bottom"), "left": NumberAxis("left")},
        )
        panel = ChartPanel(
            plot, self.loader.cache, self.services.alarm_colours, self.services.rules, self
        )
        if self.panels:
            plot.setXLink(self.panels[0].plot)
        else:
            plot.getViewBox().sigXRangeChanged.connect(self._on_x_range)
        self.panels.append(panel)
        return panel

    def overlay(self, station: Station, panel_index: int = 0) -> None:
        """Draw ``station`` in an existing panel (same axis, legend)."""
        self._add_trace(self.panels[panel_index], station)

    def _add_trace(self, panel: ChartPanel, station: Station) -> Trace:
        trace = panel.add_station(station)
        if station.kind == "rain" and panel.traces[0] is trace:
            self.interval.setVisible(True)
        self._awaiting_draw.add(station.id)
        self.title_changed.emit(self.title())
        self._fetch_visible()
        self._refresh_headline()
        if station.id in self.loader.cache and not self.loader.pending(station.id):
            self._announce_drawn([station.id])
        return trace

    def station_ids(self) -> list[str]:
        pending = [self._pending.id] if self._pending is not None else []
        return [sid for p in self.panels for sid in p.station_ids()] + pending

    def title(self) -> str:
        names = [t.station.name for p in self.panels for t in p.traces]
        if self._pending is not None:
            names.append(self._pending.name)
        return " + ".join(names[:3]) + (" …" if len(names) > 3 else "")

    # --- range -------------------------------------------------------------------------

    def now(self) -> float:
        ids = self.station_ids()
        if self.services.station_now is not None and ids:
            return self.services.station_now(ids[0])
        return self.services.clock.now()

    def set_span(self, seconds: float, end: float | None = None) -> None:
        """Show [end - seconds, end] (end: now)."""
        self.span_s = float(min(seconds, MAX_SPAN_S))
        for s, button in self.preset_buttons.items():
            button.setChecked(bool(abs(s - self.span_s) < 1))
        end = self.now() if end is None else end
        self.set_range(end - self.span_s, end)

    def set_range(self, t0: float, t1: float) -> None:
        if not self.panels:
            return
        self._programmatic = True
        try:
            self.panels[0].plot.getViewBox().setXRange(t0, t1, padding=0)
        finally:
            self._programmatic = False
        self._fetch_visible()

    def view_range(self) -> tuple[float, float]:
        if not self.panels:
            return 0.0, 0.0
        (x0, x1), _ = self.panels[0].plot.getViewBox().viewRange()
        return float(x0), float(x1)

    def _on_x_range(self, *_args: object) -> None:
        if not self._programmatic:
            if self.follow.isChecked():
                self.follow.setChecked(False)  # the operator took over
            for button in self.preset_buttons.values():
                button.setChecked(False)
        for panel in self.panels:
            panel.view_changed()
        self._fetch_timer.start()

    def _fetch_visible(self) -> None:
        x0, x1 = self.view_range()
        x1 = min(x1, self.now())
        if x1 <= x0:
            return
        for sid in self.station_ids():
            self.loader.request(sid, x0, x1)
        self._update_status()

    def _ask_custom_range(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Custom range (Vietnam time)"))
        form = QFormLayout(dialog)
        x0, x1 = self.view_range()
        edits = []
        for label, value in ((self.tr("From"), x0), (self.tr("To"), x1)):
            edit = QDateTimeEdit()
            edit.setTimeZone(VIETNAM_TZ)  # shown and typed in Vietnam time, whatever the OS
            edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(value), VIETNAM_TZ))
            edit.setDisplayFormat("dd/MM/yyyy HH:mm")
            edit.setCalendarPopup(True)
            form.addRow(label, edit)
            edits.append(edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        t0, t1 = (float(e.dateTime().toSecsSinceEpoch()) for e in edits)
        if t1 <= t0:
            QMessageBox.warning(
                self, self.tr("Custom range"), self.tr("'To' must be after 'From'.")
            )
            return
        if t1 - t0 > MAX_SPAN_S:
            t0 = t1 - MAX_SPAN_S
            self.status.setText(self.tr("Range shortened to 390 days."))
        self.follow.setChecked(False)
        self.set_range(t0, t1)

    def _on_follow_toggled(self, on: bool) -> None:
        if on:
            x0, x1 = self.view_range()
            self.span_s = x1 - x0
            self._follow_tick()
            self._follow_timer.start()
        else:
            self._follow_timer.stop()

    def _follow_tick(self) -> None:
        if not self.panels:
            return
        end = self.now()
        self._programmatic = True
        try:
            self.panels[0].plot.getViewBox().setXRange(end - self.span_s, end, padding=0)
        finally:
            self._programmatic = False

    def _on_interval(self) -> None:
        for panel in self.panels:
            if panel.is_rain:
                panel.set_rain_interval(int(self.interval.currentData()))

    # --- data arrival ------------------------------------------------------------------

    @Slot(str)
    def _on_loaded(self, station_id: str) -> None:
        mine = [p for p in self.panels if station_id in p.station_ids()]
        if not mine:
            return
        changed = [p.data_changed(station_id) for p in mine]
        if any(changed):
            self._refresh_headline()
        self._update_status()
        if not self.loader.pending(station_id):
            self._announce_drawn([station_id])

    def _announce_drawn(self, ids: list[str]) -> None:
        """Paint on the next turn (not in the one that applied the data, so no single turn
        does both), then say the stations are on screen."""
        waiting = [sid for sid in ids if sid in self._awaiting_draw]
        if not waiting:
            return
        self._painted_pending.update(waiting)
        viewport = self.glw.viewport()
        if viewport.isVisible() and not viewport.visibleRegion().isEmpty():
            viewport.update()  # announced from the next paint (_on_painted) ...
            QTimer.singleShot(500, self, self._on_painted)  # ... or if none comes
        else:
            QTimer.singleShot(1, self, self._on_painted)  # hidden tab: painted when shown

    def _on_painted(self) -> None:
        waiting = [sid for sid in self._painted_pending if sid in self._awaiting_draw]
        self._painted_pending.clear()
        for sid in waiting:
            self._awaiting_draw.discard(sid)
            self.drawn.emit(sid)

    def _on_failed(self, station_id: str, message: str) -> None:
        if station_id in self.station_ids():
            self.status.setText(
                self.tr("Could not load %1: %2").replace("%1", station_id).replace("%2", message)
            )

    def _on_stations_changed(self, ids: list[str]) -> None:
        """A station in this chart has a new latest reading: fetch the new tail (appends;
        the operator's zoom is kept unless Follow now is on)."""
        mine = set(self.station_ids())
        changed = [sid for sid in ids if sid in mine]
        if not changed:
            return
        now = self.now()
        for sid in changed:
            covered = self.loader.cache.covered(sid)
            if covered:
                self.loader.request(sid, covered[-1][1], now)
        self._refresh_headline()

    def _update_status(self) -> None:
        busy = any(self.loader.pending(sid) for sid in self.station_ids())
        self.status.setText(self.tr("Loading…") if busy else "")

    def _refresh_headline(self) -> None:
        now = self.now()
        lines = [headline(t.station, t.clean, now) for p in self.panels for t in p.traces]
        self.headline.setText("\n".join(lines))

    # --- crosshair ---------------------------------------------------------------------

    def _on_mouse_moved(self, event: tuple) -> None:
        pos = event[0]
        for panel in self.panels:
            vb = panel.plot.getViewBox()
            if vb.sceneBoundingRect().contains(pos):
                point = vb.mapSceneToView(pos)
                self.show_readout(point.x(), panel, point.y())
                return
        for panel in self.panels:
            panel.show_crosshair(None, None)

    def show_readout(
        self, x: float, panel: ChartPanel | None = None, y: float | None = None
    ) -> str:
        """Crosshair at time ``x``: the readout names time and value of every trace."""
        parts = [format_local(x)]
        for p in self.panels:
            p.show_crosshair(x, y if p is panel else None)
            for trace, _t, value, flags in p.readings_at(x):
                unit = trace.station.unit
                text = "—" if math.isnan(value) else bulletin.quantity(value, unit)
                if flags & int(quality.SUSPECT):
                    text += " " + self.tr("(suspect)")
                parts.append(f"{trace.station.name}: {text}")
        text = " · ".join(parts)
        self.readout.setText(text)
        return text

    # --- compare -----------------------------------------------------------------------

    def _ask_station(self, stacked: bool) -> None:
        from widgets.timeseries.picker import pick_station

        station = pick_station(self, self.services.stations, exclude=set(self.station_ids()))
        if station is None:
            return
        if stacked:
            self.add_panel(station)
        else:
            self.overlay(station)

    # --- export ------------------------------------------------------------------------

    def _export(self, kind: str) -> None:
        filters = {"png": "PNG (*.png)", "svg": "SVG (*.svg)", "csv": "CSV (*.csv)"}
        name = start_path(stamped_name(self.panels[0].primary.code, kind))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export chart"), name, filters[kind])
        if not path:
            return
        try:
            self.export_to(kind, path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export chart"), str(exc))

    def export_to(self, kind: str, path: str) -> int:
        """Write the visible chart (png/svg) or its visible data (csv); returns CSV rows."""
        if kind == "png":
            export.export_png(self.glw, path)
            return 0
        if kind == "svg":
            export.export_svg(self.glw, path, self.title())
            return 0
        x0, x1 = self.view_range()
        blocks = [
            (t.station.id, t.station.unit, t.clean)
            for p in self.panels
            for t in p.traces
            if t.clean is not None
        ]
        return export.export_csv(path, blocks, x0, x1)

    def close_chart(self) -> None:
        """Disconnect from shared objects (the loader and store outlive this chart)."""
        self._fetch_timer.stop()
        self._follow_timer.stop()
        self._mouse_proxy.disconnect()
        for signal, slot in (
            (self.loader.loaded, self._on_loaded),
            (self.loader.failed, self._on_failed),
            (self.services.stations.changed, self._on_stations_changed),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
