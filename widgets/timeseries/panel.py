"""One chart panel: a station's series (plus overlays) in one pyqtgraph PlotItem.

Water levels are drawn as a line with BĐ1–BĐ3 as labelled lines over translucent
bands (the station layer's colours) and a reservoir's normal level; rain as bars per
interval (10 min, hourly or daily sums) with the accumulation since the left edge of
the view on a second axis. Suspect readings are markers, never part of the line; gaps
stay gaps (console.series.gaps). The X axis is Vietnam time; Y follows the visible data
(mouse zoom acts on time only, so the alarm lines stay in view).

GUI thread only. Reads the shared SeriesCache; never fetches.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from console import bulletin
from console.model.station import Station
from console.series import aggregate, envelope, gaps, quality
from console.series.cache import SeriesCache
from widgets.timeseries.number_axis import NumberAxis
from widgets.timeseries.time_axis import local_ticks

_tr = QCoreApplication.translate
STEP_S = 600.0
TRACE_COLOURS = ("#08519c", "#238b45", "#6a51a3", "#8c2d04", "#c51b7d", "#01665e", "#525252")
SUSPECT_COLOUR = "#c51b7d"
NORMAL_LEVEL_COLOUR = "#1c9099"
ACCUMULATION_COLOUR = "#08306b"
RAIN_BAR_COLOUR = "#6baed6"
GRID_COLOUR = "#e3e3e3"
AXIS_COLOUR = "#9a9a9a"
AXIS_TEXT_COLOUR = "#333333"


@dataclass
class Trace:
    """One station drawn in a panel, with its cleaned series (whole cached span)."""

    station: Station
    colour: str
    curve: pg.PlotDataItem
    suspect: pg.ScatterPlotItem
    latest: pg.ScatterPlotItem
    clean: quality.CleanSeries | None = None
    valid: np.ndarray = field(default_factory=lambda: np.empty(0))
    version: int = -1  # cache version the cleaned series was built from
    pyramid: envelope.Pyramid | None = None  # levels of detail of the line (not rain bars)
    level: envelope.Level | None = None  # the level the curve currently holds
    block_range: envelope.BlockRange | None = None


def _reference(station: Station) -> float | None:
    if station.alarm_levels:
        return station.alarm_levels[0]
    return station.normal_level


class ChartPanel(QObject):
    """Owns `plot` (a PlotItem placed by the ChartView) and everything drawn in it."""

    def __init__(
        self,
        plot: pg.PlotItem,
        cache: SeriesCache,
        alarm_colours: tuple[str, str, str],
        rules: quality.QualityRules | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.plot = plot
        self.cache = cache
        self.alarm_colours = alarm_colours
        self.rules = rules or quality.QualityRules()
        self.traces: list[Trace] = []
        self.rain_interval_s = 600
        self.alarm_lines: list[pg.InfiniteLine] = []
        self.bands: list[pg.LinearRegionItem] = []
        self.accumulation: pg.PlotDataItem | None = None
        self._acc_view: pg.ViewBox | None = None
        self.legend: pg.LegendItem | None = None
        vb = plot.getViewBox()
        vb.setMouseEnabled(x=True, y=False)
        vb.enableAutoRange(x=False, y=False)
        for name in ("left", "bottom", "right"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(AXIS_COLOUR))
            axis.setTextPen(pg.mkPen(AXIS_TEXT_COLOUR))
        # The grid is one line item in data coordinates, not the axes' own grid: an axis
        # grid is replayed from a QPicture on every frame and cost ~5 ms per axis.
        self.grid = pg.PlotCurveItem(pen=pg.mkPen(GRID_COLOUR, width=1), connect="pairs")
        self.grid.setZValue(-20)
        vb.addItem(self.grid, ignoreBounds=True)  # (not a PlotItem curve: no downsampling)
        vb.sigResized.connect(self._update_grid)
        # PlotItem.addItem applies these plot-wide modes to every curve added later
        plot.setDownsampling(auto=True, mode="peak")
        plot.setClipToView(True)
        self.vline = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#555555", width=1))
        self.hline = pg.InfiniteLine(angle=0, movable=False, pen=pg.mkPen("#999999", width=1))
        for line in (self.vline, self.hline):
            line.setZValue(50)
            line.hide()
            plot.addItem(line, ignoreBounds=True)

    # --- stations ----------------------------------------------------------------------

    @property
    def primary(self) -> Station:
        return self.traces[0].station

    @property
    def is_rain(self) -> bool:
        return bool(self.traces) and self.primary.kind == "rain"

    def station_ids(self) -> list[str]:
        return [tr.station.id for tr in self.traces]

    def add_station(self, station: Station) -> Trace:
        colour = TRACE_COLOURS[len(self.traces) % len(TRACE_COLOURS)]
        rain = station.kind == "rain"
        if rain and not self.traces:
            pen = pg.mkPen("#2171b5", width=1)
            curve = pg.PlotDataItem(pen=pen, fillLevel=0.0, brush=pg.mkBrush(RAIN_BAR_COLOUR))
        else:
            # width 1 (cosmetic): a wider pen costs Qt ~3x more per frame on long series
            curve = pg.PlotDataItem(pen=pg.mkPen(colour, width=1))
        curve.setSkipFiniteCheck(True)
        curve.setZValue(10)
        suspect = pg.ScatterPlotItem(
            size=9, pen=pg.mkPen(SUSPECT_COLOUR, width=2), brush=pg.mkBrush(SUSPECT_COLOUR)
        )
        suspect.setZValue(20)
        latest = pg.ScatterPlotItem(
            size=9, symbol="o", pen=pg.mkPen("#ffffff", width=1.5), brush=pg.mkBrush(colour)
        )
        latest.setZValue(30)
        self.plot.addItem(curve)
        curve.setDownsampling(auto=True, method="peak")  # after addItem, which resets it
        curve.setClipToView(True)
        curve.opts["autoDownsampleFactor"] = 2.0  # a min/max pair per half pixel is exact
        self.plot.addItem(suspect)
        self.plot.addItem(latest)
        trace = Trace(station, colour, curve, suspect, latest)
        self.traces.append(trace)
        if len(self.traces) == 1:
            self._decorate(station)
        else:
            self._ensure_legend()
        self.plot.setTitle(" · ".join(_title(tr.station) for tr in self.traces), size="10pt")
        self.data_changed(station.id)
        return trace

    def _ensure_legend(self) -> None:
        if self.legend is None:
            self.legend = self.plot.addLegend(
                offset=(-10, 10), labelTextColor="#222222", brush=pg.mkBrush(255, 255, 255, 210)
            )
            self.legend.addItem(self.traces[0].curve, _title(self.traces[0].station))
        trace = self.traces[-1]
        self.legend.addItem(trace.curve, _title(trace.station))

    def _decorate(self, station: Station) -> None:
        """Axis labels, alarm lines / bands, accumulation axis for the primary station."""
        unit = station.unit
        self.plot.setLabel("bottom", _tr("ChartPanel", "Vietnam time (UTC+7)"))
        if station.kind == "rain":
            self.plot.setLabel(
                "left", _tr("ChartPanel", "Rain per interval (%1)").replace("%1", unit)
            )
            self._add_accumulation_axis(unit)
        else:
            self.plot.setLabel("left", _tr("ChartPanel", "Water level (%1)").replace("%1", unit))
        if station.alarm_levels:
            levels = station.alarm_levels
            tops = (levels[1], levels[2], levels[2] + (levels[2] - levels[0]))
            for i, (level, top) in enumerate(zip(levels, tops, strict=True)):
                colour = QColor(self.alarm_colours[i])
                fill = QColor(colour)
                fill.setAlpha(40)
                band = pg.LinearRegionItem(
                    values=(level, top),
                    orientation="horizontal",
                    movable=False,
                    brush=pg.mkBrush(fill),
                    pen=pg.mkPen(None),
                )
                band.setZValue(-10)
                self.plot.addItem(band, ignoreBounds=True)
                self.bands.append(band)
                label = f"BĐ{i + 1} {bulletin.quantity(level, unit)}"
                self._add_level_line(level, colour, label)
        if station.normal_level is not None:
            label = _tr("ChartPanel", "Normal level %1").replace(
                "%1", bulletin.quantity(station.normal_level, unit)
            )
            self._add_level_line(
                station.normal_level, QColor(NORMAL_LEVEL_COLOUR), label, style=Qt.PenStyle.DashLine
            )

    def _add_level_line(
        self, level: float, colour: QColor, label: str, style: Qt.PenStyle = Qt.PenStyle.SolidLine
    ) -> None:
        dark = QColor(colour).darker(150)
        line = pg.InfiniteLine(
            pos=level,
            angle=0,
            movable=False,
            pen=pg.mkPen(colour, width=2, style=style),
            label=label,
            labelOpts={
                "position": 0.02,
                "color": dark,
                "anchors": [(0, 1), (0, 1)],
                "fill": pg.mkBrush(255, 255, 255, 200),
            },
        )
        line.setZValue(5)
        self.plot.addItem(line, ignoreBounds=True)
        self.alarm_lines.append(line)

    def _add_accumulation_axis(self, unit: str) -> None:
        view = pg.ViewBox(enableMenu=False)
        view.setZValue(self.plot.zValue() + 1)  # above the plot: the line over the bars
        view.setMouseEnabled(x=False, y=False)
        self.plot.setAxisItems({"right": NumberAxis("right")})
        self.plot.showAxis("right")
        self.plot.scene().addItem(view)
        self.plot.getAxis("right").linkToView(view)
        view.setXLink(self.plot)
        # short: a chart dock is ~200 px high and the long title was cut at both ends
        self.plot.getAxis("right").setLabel(
            _tr("ChartPanel", "Accumulated (%1)").replace("%1", unit)
        )
        self.plot.getAxis("right").setToolTip(
            _tr("ChartPanel", "Rain accumulated from the chart's left edge"))
        curve = pg.PlotDataItem(pen=pg.mkPen(ACCUMULATION_COLOUR, width=2.5))
        view.addItem(curve)
        self._acc_view, self.accumulation = view, curve
        main = self.plot.getViewBox()

        def sync() -> None:
            view.setGeometry(main.sceneBoundingRect())
            view.linkedViewChanged(main, view.XAxis)

        main.sigResized.connect(sync)
        sync()

    def level_positions(self) -> list[float]:
        return [line.value() for line in self.alarm_lines]

    # --- data --------------------------------------------------------------------------

    def set_rain_interval(self, seconds: int) -> None:
        self.rain_interval_s = seconds
        for trace in self.traces:
            self._draw(trace)
        self.view_changed()

    def data_changed(self, station_id: str) -> bool:
        """The cache has new readings for ``station_id``: re-check quality and redraw.
        Returns whether anything changed."""
        changed = False
        for trace in self.traces:
            if trace.station.id != station_id:
                continue
            version = self.cache.version(station_id)
            if trace.clean is not None and version == trace.version:
                continue  # an empty answer (e.g. before the gauge existed): nothing new
            trace.version = version
            changed = True
            t, v = self.cache.get(station_id, -np.inf, np.inf)
            trace.clean = quality.clean(
                t, v, trace.station.kind, self.rules, _reference(trace.station)
            )
            trace.valid = trace.clean.valid_values()
            self._draw(trace)
        if changed:
            self.view_changed()
        return changed

    def _draw(self, trace: Trace) -> None:
        clean = trace.clean
        if clean is None or len(clean.t) == 0:
            trace.curve.setData([], [])
            trace.suspect.setData([], [])
            trace.latest.setData([], [])
            trace.pyramid = trace.level = trace.block_range = None
            return
        if trace.station.kind == "rain" and trace is self.traces[0]:
            if self.rain_interval_s > STEP_S:
                b = aggregate.bucket(clean.t, trace.valid, self.rain_interval_s)
                x, y, _ = gaps.bar_arrays(b.t, b.sum, self.rain_interval_s)
            else:
                # a reading at t covers the 10 minutes that end at t
                x, y, _ = gaps.bar_arrays(clean.t - STEP_S, trace.valid, STEP_S)
            # one outline along the baseline: Qt fills a single polygon fast, but thousands
            # of separate sub-paths take seconds (a missing interval is a zero-height bar)
            trace.curve.setData(x, y, connect="all")
            if self.rain_interval_s > STEP_S:  # a 10-minute dot would misread against sums
                trace.latest.setData([], [])
                return
        else:
            x, y, connect = gaps.line_arrays(clean.t, trace.valid, 1.5 * STEP_S)
            trace.pyramid = envelope.Pyramid(x, y, connect)
            trace.block_range = envelope.BlockRange(trace.valid)
            trace.level = None
            (x0, x1), _ = self.plot.getViewBox().viewRange()
            self._apply_level(trace, x0, x1)
        self._draw_latest(trace, clean)

    def _apply_level(self, trace: Trace, x0: float, x1: float) -> None:
        """Give pyqtgraph the coarsest peak envelope that still resolves every pixel."""
        if trace.pyramid is None:
            return
        width = max(self.plot.getViewBox().width(), 100.0)
        level = trace.pyramid.choose(x0, x1, width)
        if level is not trace.level:
            trace.level = level
            trace.curve.setData(level.x, level.y, connect=level.connect)

    @staticmethod
    def _draw_latest(trace: Trace, clean: quality.CleanSeries) -> None:
        last = quality.latest_valid(clean)
        trace.latest.setData([last[0]] if last else [], [last[1]] if last else [])

    def view_changed(self) -> None:
        """Fit Y to the visible data (and levels); redraw suspects and accumulation."""
        if not self.traces:
            return
        (x0, x1), _ = self.plot.getViewBox().viewRange()
        lo, hi = np.inf, -np.inf
        for trace in self.traces:
            if trace.clean is None or len(trace.clean.t) == 0:
                continue
            i0, i1 = np.searchsorted(trace.clean.t, [x0, x1 + STEP_S])
            if trace.station.kind == "rain" and trace is self.traces[0]:
                vis = self._visible_bar_heights(trace, x0, x1)
                lo = min(lo, 0.0)
                if len(vis) and np.isfinite(vis).any():
                    lo, hi = min(lo, float(np.nanmin(vis))), max(hi, float(np.nanmax(vis)))
            elif trace.block_range is not None:
                a, b = trace.block_range.range(int(i0), int(i1))
                lo, hi = min(lo, a), max(hi, b)
            self._apply_level(trace, x0, x1)
        if not self.is_rain:
            station = self.primary
            for level in (*(station.alarm_levels or ()), station.normal_level):
                if level is not None:
                    lo, hi = min(lo, level), max(hi, level)
        if not np.isfinite(lo) or not np.isfinite(hi):
            lo, hi = 0.0, 1.0
        pad = max((hi - lo) * 0.06, 0.05)
        top = hi + pad * (1 if self.is_rain else 2.5)  # room for the highest level's label
        self.plot.getViewBox().setYRange(lo - (0 if self.is_rain else pad), top, padding=0)
        for trace in self.traces:
            self._draw_suspects(trace, x0, x1, lo - pad, hi + pad)
        self._draw_accumulation(x0, x1)
        self._update_grid()

    def _update_grid(self, *_args: object) -> None:
        """Grid lines at the axes' major ticks (Vietnam-time ticks on X)."""
        vb = self.plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        xs = [v for v, _ in local_ticks(x0, x1, max(vb.width(), 1.0))]
        levels = self.plot.getAxis("left").tickValues(y0, y1, max(vb.height(), 1.0))
        ys = list(levels[0][1]) if levels else []
        n = len(xs) + len(ys)
        if n == 0:
            self.grid.setData([], [])
            return
        px = np.empty(2 * n)
        py = np.empty(2 * n)
        px[: 2 * len(xs)] = np.repeat(xs, 2)
        py[: 2 * len(xs)] = np.tile([y0, y1], len(xs))
        px[2 * len(xs) :] = np.tile([x0, x1], len(ys))
        py[2 * len(xs) :] = np.repeat(ys, 2)
        self.grid.setData(px, py, connect="pairs")

    def _visible_bar_heights(self, trace: Trace, x0: float, x1: float) -> np.ndarray:
        x, y = trace.curve.xData, trace.curve.yData
        if x is None or len(x) == 0:
            return np.empty(0)
        i0, i1 = np.searchsorted(x, [x0, x1])
        return y[i0:i1]

    def _draw_suspects(self, trace: Trace, x0: float, x1: float, ylo: float, yhi: float) -> None:
        clean = trace.clean
        if clean is None or len(clean.t) == 0:
            return
        i0, i1 = np.searchsorted(clean.t, [x0, x1 + STEP_S])
        flags = clean.flags[i0:i1]
        mask = (flags & int(quality.SUSPECT)) != 0
        if not mask.any():
            trace.suspect.setData([], [])
            return
        t = clean.t[i0:i1][mask]
        v = clean.value[i0:i1][mask]
        off = ~np.isfinite(v) | (v < ylo) | (v > yhi)
        y = np.clip(np.nan_to_num(v, nan=yhi), ylo, yhi)
        symbols = np.where(off, "t1", "x")  # triangle: off-scale (e.g. 9999 sentinel)
        y = np.where(off & (v > yhi), yhi, y)
        trace.suspect.setData(x=t, y=y, symbol=list(symbols))

    def _draw_accumulation(self, x0: float, x1: float) -> None:
        if self.accumulation is None or self._acc_view is None or not self.traces:
            return
        trace = self.traces[0]
        if trace.clean is None or len(trace.clean.t) == 0:
            self.accumulation.setData([], [])
            return
        i0, i1 = np.searchsorted(trace.clean.t, [x0, x1 + STEP_S])
        t = trace.clean.t[i0:i1]
        acc = aggregate.accumulation(trace.valid[i0:i1])
        self.accumulation.setData(t, acc)
        self.accumulation.setDownsampling(auto=True, method="peak")
        top = float(acc[-1]) if len(acc) else 1.0
        self._acc_view.setYRange(0, max(top * 1.08, 1.0), padding=0)

    # --- readout -----------------------------------------------------------------------

    def readings_at(self, x: float) -> list[tuple[Trace, float, float, int]]:
        """Nearest reading of every trace at time ``x``: (trace, t, value, flags)."""
        out = []
        for trace in self.traces:
            clean = trace.clean
            if clean is None or len(clean.t) == 0:
                continue
            i = int(np.clip(np.searchsorted(clean.t, x), 1, len(clean.t) - 1))
            if len(clean.t) == 1 or abs(clean.t[i - 1] - x) < abs(clean.t[i] - x):
                i -= 1
            if abs(clean.t[i] - x) > 2 * STEP_S:
                continue
            out.append((trace, float(clean.t[i]), float(clean.value[i]), int(clean.flags[i])))
        return out

    def show_crosshair(self, x: float | None, y: float | None) -> None:
        for line, pos in ((self.vline, x), (self.hline, y)):
            if pos is None:
                line.hide()
            else:
                line.setPos(pos)
                line.show()


def _title(station: Station) -> str:
    river = f" ({station.river})" if station.river else ""
    return f"{station.name}{river} · {station.code}"
