"""chart_5m_frame_ms_p95: pan/zoom frame time of a chart holding 5,000,000 readings.

The chart is the console's ChartView (clip-to-view, peak-preserving downsampling, gaps
kept, Y fitted to the visible data) fed from an in-memory cache: a water-level series
of 5,000,000 one-minute readings (~9.5 years) with missing readings and spikes. Each
frame changes the view (zoom in / out about the centre, pan) and is painted
synchronously; the figure is the time from the range change to the painted frame.
"""

from __future__ import annotations

import os
import time

import numpy as np

from bench.report import context, figure, machine_context, percentile

N = 5_000_000
FRAMES = 200
STEP = 60.0


def _series() -> tuple[np.ndarray, np.ndarray]:
    end = 1_795_000_000.0
    t = end - STEP * np.arange(N)[::-1]
    rng = np.random.default_rng(3)
    v = 3.0 + 1.5 * np.sin(t / 86400.0 / 30) + 0.3 * np.sin(t / 3600.0) + rng.normal(0, 0.01, N)
    v[rng.integers(0, N, 2000)] = np.nan
    v[rng.integers(0, N, 200)] += 4.0
    return t, v


def _chart(t: np.ndarray, v: np.ndarray):
    from console.live.clock import SourceClock
    from console.live.runner import JobRunner
    from console.model.station import ObservationSeries, Station
    from console.series.cache import SeriesCache
    from console.stores.records import RecordStore
    from widgets.timeseries.chart import ChartServices, ChartView
    from widgets.timeseries.loader import SeriesLoader

    end = float(t[-1])
    station = Station("BENCH", "BENCH", "Bench gauge", "water_level", "Kôn", "m",
                      109.0, 14.0, (6.0, 7.0, 8.0), None, end, 3.0)  # fmt: skip
    store: RecordStore[Station] = RecordStore()
    store.apply([station])
    clock = SourceClock()
    clock.observe(end)
    clock.speed = 0.0
    runner = JobRunner(synchronous=True)
    cache = SeriesCache(max_points=N + 1)
    cache.put("BENCH", t[0], t[-1], t, v)

    def fetch(sid: str, a: float, b: float) -> ObservationSeries:
        return ObservationSeries(sid, "m", np.empty(0), np.empty(0))

    services = ChartServices(SeriesLoader(runner, lambda: fetch, cache), store, clock)
    view = ChartView(services, station, span_s=t[-1] - t[0])
    view.set_range(t[0], t[-1])
    view.resize(1600, 700)
    view.show()
    return view, runner


def _frames(qt, view, full: tuple[float, float]) -> tuple[list[float], list[float]]:
    vb = view.panels[0].plot.getViewBox()
    times: list[float] = []
    cpu: list[float] = []  # GUI-thread CPU time: the frame's cost, whatever loads the machine
    for i in range(FRAMES):
        phase = (i // 25) % 4
        (x0, x1), _ = vb.viewRange()
        centre, half = (x0 + x1) / 2, (x1 - x0) / 2
        start = time.perf_counter()
        start_cpu = time.thread_time()
        if phase == 0:  # zoom in (towards ~1 day)
            half *= 0.7
            view.set_range(centre - half, centre + half)
        elif phase == 1:  # pan
            view.set_range(x0 + half * 0.1, x1 + half * 0.1)
        elif phase == 2:  # zoom out
            half = min(half / 0.7, (full[1] - full[0]) / 2)
            view.set_range(centre - half, centre + half)
        else:  # pan back
            view.set_range(x0 - half * 0.1, x1 - half * 0.1)
        view.glw.viewport().repaint()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - start_cpu) * 1000)
        qt.processEvents()
    return times, cpu


def run() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    qt = QApplication.instance() or QApplication([])
    t, v = _series()
    started = time.perf_counter()
    view, runner = _chart(t, v)
    qt.processEvents()
    view.glw.viewport().repaint()
    first = (time.perf_counter() - started) * 1000
    times, cpu = _frames(qt, view, (float(t[0]), float(t[-1])))
    context(
        f"workload: one chart (1600x700) holding {N:,} readings (1-minute, ~9.5 years, "
        f"2,000 missing, 200 spikes); {FRAMES} frames of zoom in/out and pan from the full "
        f"range down to ~1 day; first full draw {first:.0f} ms (incl. quality checks)"
    )
    machine_context()
    figure("chart_5m_frame_ms_p50", percentile(times, 50), "ms")
    figure("chart_5m_frame_ms_p95", percentile(times, 95), "ms")
    figure("chart_5m_frame_cpu_ms_p95", percentile(cpu, 95), "ms")
    view.close_chart()
    view.close()
    runner.shutdown()
