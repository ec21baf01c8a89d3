"""ChartView headless: alarm lines, gaps, peak-preserving downsampling, live append,
rain accumulation, compare, readout and export."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtSvg import QSvgRenderer

from console.live.clock import SourceClock
from console.live.runner import JobRunner
from console.model.station import ObservationSeries, Station
from console.series import gaps
from console.stores.records import RecordStore
from widgets.timeseries.chart import ChartServices, ChartView
from widgets.timeseries.export import read_csv
from widgets.timeseries.loader import SeriesLoader

DAY = 86400.0
NOW = 1_795_330_000.0 // 600 * 600
LEVELS = (6.0, 7.0, 8.0)


def make_station(sid: str, kind: str = "water_level", levels=LEVELS, normal=None) -> Station:
    unit = "mm" if kind == "rain" else "m"
    return Station(
        sid,
        sid,
        f"Name {sid}",
        kind,
        "Kôn" if kind != "rain" else None,
        unit,
        109.0,
        14.0,
        levels if kind == "water_level" else None,
        normal,
        NOW,
        1.0,
    )


class FakeBackend:
    """Readings as a function of time, with a hole and a spike; records every fetch."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, float, float]] = []
        self.now = NOW

    def values(self, sid: str, t: np.ndarray) -> np.ndarray:
        if sid.startswith("RG"):
            v = np.where((t // 600) % 6 == 0, 2.0, 0.5)
        else:
            v = 5.0 + np.sin(t / 40000.0)
            v[(t >= NOW - 2 * DAY) & (t < NOW - 2 * DAY + 6 * 3600)] = np.nan  # 6 h outage
        return v

    def fetch(self, sid: str, a: float, b: float) -> ObservationSeries:
        self.calls.append((sid, a, b))
        b = min(b, self.now)
        t = np.arange(np.ceil(a / 600) * 600, b + 1e-6, 600.0)
        return ObservationSeries(sid, "m", t, self.values(sid, t))


@pytest.fixture
def env(qtbot):
    backend = FakeBackend()
    runner = JobRunner(synchronous=True)
    store: RecordStore[Station] = RecordStore()
    store.apply(
        [
            make_station("TV-A"),
            make_station("TV-B"),
            make_station("RG-1", "rain"),
            make_station("HO-1", "reservoir", None, 46.2),
        ]
    )
    clock = SourceClock()
    clock.observe(NOW)
    clock.speed = 0.0  # frozen time: deterministic ranges
    services = ChartServices(SeriesLoader(runner, lambda: backend.fetch), store, clock)
    yield backend, services
    runner.shutdown()


def open_chart(qtbot, services, sid: str, span: float = 3 * DAY) -> ChartView:
    view = ChartView(services, services.stations.get(sid), span_s=span)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_alarm_lines_at_the_configured_levels_in_layer_colours(qtbot, env):
    _, services = env
    view = open_chart(qtbot, services, "TV-A")
    panel = view.panels[0]
    assert panel.level_positions() == list(LEVELS)
    colours = [line.pen.color().name() for line in panel.alarm_lines]
    assert colours == ["#ffd92f", "#fd8d3c", "#e31a1c"]
    labels = [line.label.format for line in panel.alarm_lines]
    assert labels == ["BĐ1 6.00 m", "BĐ2 7.00 m", "BĐ3 8.00 m"]
    _, (y0, y1) = panel.plot.getViewBox().viewRange()
    assert y0 < 4.1 and y1 > 8.0  # data and every alarm level in view


def test_reservoir_shows_its_normal_level(qtbot, env):
    _, services = env
    panel = open_chart(qtbot, services, "HO-1").panels[0]
    assert panel.level_positions() == [46.2]


def test_gaps_are_drawn_as_gaps(qtbot, env):
    _, services = env
    view = open_chart(qtbot, services, "TV-A")
    curve = view.panels[0].traces[0].curve
    x, connect = curve.xData, curve.opts["connect"]
    hole = (x >= NOW - 2 * DAY - 600) & (x < NOW - 2 * DAY + 6 * 3600)
    assert not connect[hole].any()  # no segment starts inside or just before the outage
    assert connect[~hole][:-1].all()


def test_line_arrays_break_at_missing_values_and_long_steps():
    t = np.array([0, 600, 1200, 1800, 5400, 6000], dtype=float)
    v = np.array([1, 2, np.nan, 4, 5, 6], dtype=float)
    _, y, connect = gaps.line_arrays(t, v, 900)
    assert connect.tolist() == [True, False, False, False, True, False]
    assert y[2] == 2.0  # a hole holds a real neighbouring value, never an interpolation


def test_peak_survives_downsampling_next_to_a_missing_reading(qtbot):
    n = 52_560
    t = NOW - 365 * DAY + 600.0 * np.arange(n)
    v = 3.0 + 0.1 * np.sin(np.arange(n) / 500.0)
    v[30_001] = 9.5  # one short spike ...
    v[30_000] = np.nan  # ... right next to a missing reading
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(800, 400)
    widget.show()
    curve = pg.PlotDataItem()
    widget.addItem(curve)  # (PlotItem.addItem resets downsampling: configure after it)
    curve.setDownsampling(auto=True, method="peak")
    curve.setClipToView(True)
    x, y, connect = gaps.line_arrays(t, v, 900)
    curve.setData(x, y, connect=connect)
    widget.setXRange(t[0], t[-1], padding=0)
    qtbot.waitExposed(widget)
    shown = curve._getDisplayDataset()
    assert len(shown.y) < n / 5  # it really was downsampled
    assert shown.y.max() == pytest.approx(9.5)
    # the naive way (NaN in the data) loses the spike: this is why gaps.py exists
    curve.setData(t, v, connect="finite")
    assert np.nanmax(curve._getDisplayDataset().y) != pytest.approx(9.5)


def test_live_readings_append_without_resetting_the_zoom(qtbot, env):
    backend, services = env
    view = open_chart(qtbot, services, "TV-A")
    view.set_range(NOW - 2 * DAY, NOW - DAY)  # the operator zoomed into yesterday
    before = view.view_range()
    n_before = len(view.panels[0].traces[0].clean.t)
    backend.now = NOW + 3600
    services.clock.observe(NOW + 3600)
    services.stations.apply(
        [Station(**{**_fields(make_station("TV-A")), "latest_time": NOW + 3600})]
    )
    assert len(view.panels[0].traces[0].clean.t) == n_before + 6
    assert view.view_range() == pytest.approx(before)
    assert backend.calls[-1][1:] == pytest.approx((NOW, NOW + 3600))  # only the new tail


def _fields(station: Station) -> dict:
    return {f: getattr(station, f) for f in Station.__slots__}


def test_follow_now_scrolls_with_time(qtbot, env):
    _, services = env
    view = open_chart(qtbot, services, "TV-A", span=6 * 3600)
    view.follow.setChecked(True)
    services.clock.observe(NOW + 1800)
    view._follow_tick()
    x0, x1 = view.view_range()
    assert x1 == pytest.approx(NOW + 1800) and x1 - x0 == pytest.approx(6 * 3600)
    view.set_range(NOW - DAY, NOW - DAY / 2)  # programmatic: keeps following
    assert view.follow.isChecked()
    view.panels[0].plot.getViewBox().translateBy(x=-600)  # the operator pans
    assert not view.follow.isChecked()


def test_rain_bars_accumulation_and_sums(qtbot, env):
    _, services = env
    view = open_chart(qtbot, services, "RG-1", span=DAY)
    panel = view.panels[0]
    assert view.interval.isVisible()
    acc = panel.accumulation.yData
    n = len(panel.traces[0].clean.t)
    x0, x1 = view.view_range()
    inside = (panel.traces[0].clean.t >= x0) & (panel.traces[0].clean.t <= x1 + 600)
    expected = panel.traces[0].clean.value[inside].sum()
    assert acc[-1] == pytest.approx(expected)
    assert n > 100
    view.interval.setCurrentIndex(1)  # hourly sums: 1 x 2.0 + 5 x 0.5 per hour
    heights = panel.traces[0].curve.yData[1::4]
    assert np.nanmax(heights) == pytest.approx(4.5)
    # both axis titles fit along their axes in a dock ~200 px high (the accumulation's
    # long title was cut at both ends: 'ượng mưa cộng dồn từ mép trái (mm')
    view.resize(900, 330)
    qtbot.waitUntil(lambda: panel.plot.getViewBox().height() < 220, timeout=3000)
    for side in ("left", "right"):
        axis = panel.plot.getAxis(side)
        title = axis.label.boundingRect().width()  # the title, drawn turned along the axis
        assert title <= axis.boundingRect().height(), side


def test_overlay_legend_and_stacked_linked_axes(qtbot, env):
    _, services = env
    view = open_chart(qtbot, services, "RG-1", span=DAY)
    lower = view.add_panel(services.stations.get("TV-A"))
    view.overlay(services.stations.get("TV-B"), 1)
    assert len(view.panels) == 2 and len(lower.traces) == 2
    assert lower.legend is not None
    view.set_range(NOW - 12 * 3600, NOW - 6 * 3600)
    (a0, a1), _ = view.panels[0].plot.getViewBox().viewRange()
    (b0, b1), _ = lower.plot.getViewBox().viewRange()
    assert (a0, a1) == pytest.approx((b0, b1))
    assert view.title() == "Name RG-1 + Name TV-A + Name TV-B"


def test_crosshair_readout_names_time_and_values(qtbot, env):
    _, services = env
    view = open_chart(qtbot, services, "TV-A")
    t = NOW - DAY + 1  # 22/11 at 01:00 UTC+7 ... whatever it is, formatted in Vietnam time
    text = view.show_readout(t)
    value = 5.0 + np.sin((NOW - DAY) / 40000.0)
    assert f"{value:.2f} m" in text
    from console.timefmt import format_local

    assert text.startswith(format_local(t))


def test_export_png_svg_csv(qtbot, env, tmp_path):
    _, services = env
    view = open_chart(qtbot, services, "TV-A")
    view.overlay(services.stations.get("TV-B"))
    png, svg, csv_path = tmp_path / "c.png", tmp_path / "c.svg", tmp_path / "c.csv"
    view.export_to("png", str(png))
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 500
    assert (
        len(
            {
                image.pixel(x, y)
                for x in range(0, image.width(), 7)
                for y in range(0, image.height(), 7)
            }
        )
        > 5
    )
    view.export_to("svg", str(svg))
    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid()
    drawn = QImage(400, 250, QImage.Format.Format_ARGB32)
    drawn.fill(QColor("white"))
    from PySide6.QtGui import QPainter

    painter = QPainter(drawn)
    renderer.render(painter)
    painter.end()
    non_white = sum(
        drawn.pixelColor(x, y) != QColor("white")
        for x in range(0, 400, 4)
        for y in range(0, 250, 4)
    )
    assert non_white > 100
    rows = view.export_to("csv", str(csv_path))
    back = read_csv(csv_path)
    x0, x1 = view.view_range()
    for sid in ("TV-A", "TV-B"):
        clean = next(t.clean for p in view.panels for t in p.traces if t.station.id == sid)
        keep = (clean.t >= x0) & (clean.t <= x1)
        t_back, v_back = back[sid]
        np.testing.assert_array_equal(t_back, clean.t[keep])
        np.testing.assert_array_equal(v_back, clean.value[keep])  # NaN where missing
    assert rows == sum(len(b[0]) for b in back.values())
    header = csv_path.read_text(encoding="utf-8").splitlines()[0:2]
    assert header[0] == "station_id,time_utc,time_local,value,unit,flags"
    assert header[1].split(",")[2].endswith("+07:00")


def test_levels_of_detail_keep_every_peak():
    from console.series.envelope import BlockRange, Pyramid

    n = 1_000_000
    rng = np.random.default_rng(5)
    t = 60.0 * np.arange(n)
    v = rng.normal(0, 0.1, n)
    v[rng.integers(0, n, 50)] = np.nan
    peaks = rng.integers(0, n, 20)
    v[peaks] = 10.0 + np.arange(20)
    x, y, connect = gaps.line_arrays(t, v, 90)
    pyramid = Pyramid(x, y, connect)
    level = pyramid.choose(t[0], t[-1], 1000)
    assert level.factor > 1 and len(level.x) < n / 10
    for k, p in enumerate(peaks):  # every spike is still in the coarse envelope
        assert np.any((level.y == 10.0 + k) & (np.abs(level.x - t[p]) <= level.factor * 60))
    assert pyramid.choose(t[1000], t[3000], 1000).factor == 1  # zoomed in: raw readings
    rng_ = BlockRange(np.where(np.isfinite(v), v, np.nan))
    for i0, i1 in ((0, n), (12_345, 678_901), (5, 900)):
        assert rng_.range(i0, i1) == (np.nanmin(v[i0:i1]), np.nanmax(v[i0:i1]))


def test_value_axes_and_level_labels_follow_the_vietnamese_number_format(qtbot, env):
    from console import bulletin
    from widgets.timeseries.number_axis import NumberAxis

    _, services = env
    bulletin.configure("vi")
    level = open_chart(qtbot, services, "TV-A").panels[0]
    assert [line.label.format for line in level.alarm_lines] == [
        "BĐ1 6,00 m", "BĐ2 7,00 m", "BĐ3 8,00 m"
    ]
    assert isinstance(level.plot.getAxis("left"), NumberAxis)
    rain = open_chart(qtbot, services, "RG-1", span=DAY).panels[0]
    assert isinstance(rain.plot.getAxis("right"), NumberAxis)
    assert rain.plot.getAxis("right").isVisible()
