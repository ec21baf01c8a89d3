"""Station charts against the real backend over loopback.

- chart_open_1y_ms: "click" (ChartView created) to the first paint that shows a
  1-year, 10-minute series (52,560 readings), cold cache each run; median of runs.
- chart_open10_stall_ms_max: 10 stations' 30-day charts opened at once (docks in a
  main window); the longest gap of a 2 ms QTimer on the GUI thread while they load.
"""

from __future__ import annotations

import os
import time

from bench.report import StallMeter, context, figure, machine_context, median

RUNS = 7
DAY = 86400.0


def _start_backend():
    from PySide6.QtCore import QEventLoop, QTimer

    from console.backend_process import BackendProcess

    process = BackendProcess(seed=1, speed=60.0)
    loop = QEventLoop()
    process.ready.connect(loop.quit)
    process.failed.connect(loop.quit)
    QTimer.singleShot(90_000, loop.quit)
    process.start()
    loop.exec()
    if not process.url:
        raise SystemExit("reference backend did not start")
    return process


def _services(client, runner):
    from console.live.clock import SourceClock
    from console.model.station import Station
    from console.series.cache import SeriesCache
    from console.stores.records import RecordStore
    from widgets.timeseries.chart import ChartServices
    from widgets.timeseries.loader import SeriesLoader

    health = client.health()
    clock = SourceClock(health.speed)
    clock.observe(health.server_time)
    stations: RecordStore[Station] = RecordStore()
    stations.apply(client.stations().items)
    loader = SeriesLoader(runner, lambda: client.history, SeriesCache(5_000_000))
    return ChartServices(loader, stations, clock)


def _wait_drawn(view, ids: set[str], timeout_ms: int = 60_000) -> bool:
    from PySide6.QtCore import QEventLoop, QTimer

    pending = set(ids) & view._awaiting_draw  # the others are already on screen
    loop = QEventLoop()

    def on_drawn(sid: str) -> None:
        pending.discard(sid)
        if not pending:
            loop.quit()

    view.drawn.connect(on_drawn)
    QTimer.singleShot(timeout_ms, loop.quit)
    if pending:
        loop.exec()
    return not pending


def _open_1y(qt, client, runner) -> None:
    from widgets.timeseries.chart import ChartView

    client.history("TV-THANHHOA", time.time() - DAY, time.time())  # warm the server
    times = []
    points = 0
    for _ in range(RUNS):
        services = _services(client, runner)  # fresh, empty cache: a cold open
        station = services.stations.get("TV-THANHHOA")
        start = time.perf_counter()
        view = ChartView(services, station, span_s=365 * DAY)
        view.resize(1200, 500)
        view.show()
        if not _wait_drawn(view, {"TV-THANHHOA"}):
            raise SystemExit("1-year chart not drawn within 60 s")
        times.append((time.perf_counter() - start) * 1000)
        points = len(view.panels[0].traces[0].clean.t)
        view.close_chart()
        view.close()
        view.deleteLater()
        qt.processEvents()
    context(
        f"workload: open a 1-year chart of TV-THANHHOA ({points} ten-minute readings) "
        f"from the reference backend on loopback, cold cache, {RUNS} runs: "
        + ", ".join(f"{t:.0f}" for t in times)
        + " ms"
    )
    machine_context()
    figure("chart_open_1y_ms", median(times), "ms")


def _open_10(client, runner) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QMainWindow

    from widgets.timeseries.dock import ChartDocks

    # --- 10 charts at once: longest GUI-thread stall ------------------------------
    services = _services(client, runner)
    window = QMainWindow()
    window.resize(1600, 1000)
    window.show()
    docks = ChartDocks(window, services)
    ids = [s.id for s in services.stations.records() if s.kind != "reservoir"][::9][:10]
    loop = QEventLoop()
    QTimer.singleShot(100, loop.quit)
    loop.exec()
    stall = StallMeter().start()
    drawn: set[str] = set()
    all_drawn = QEventLoop()

    def on_drawn(sid: str) -> None:
        drawn.add(sid)
        if len(drawn) == len(ids):
            all_drawn.quit()

    docks.opened.connect(lambda view: view.drawn.connect(on_drawn))
    start = time.perf_counter()
    for sid in ids:  # one burst, as from a multi-select: the docks queue them
        docks.open(sid, span_s=30 * DAY)
    QTimer.singleShot(60_000, all_drawn.quit)
    all_drawn.exec()
    if len(drawn) != len(ids):
        raise SystemExit(f"not drawn within 60 s: {sorted(set(ids) - drawn)}")
    total = (time.perf_counter() - start) * 1000
    loop = QEventLoop()
    QTimer.singleShot(200, loop.quit)
    loop.exec()
    stall.stop()
    context(
        f"workload: open 10 charts (30 days each: {', '.join(ids)}) at once as docks "
        f"in a 1600x1000 window; all drawn after {total:.0f} ms; event-loop gaps "
        f"p99 {stall.p99_ms():.1f} ms"
    )
    figure("chart_open10_stall_ms_max", stall.max_ms, "ms")
    docks.close_all()
    window.close()


def run() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from console.live.runner import JobRunner
    from console.sources.rest_v1 import RestClient

    qt = QApplication.instance() or QApplication([])
    process = _start_backend()
    client = RestClient(process.url, process.token)
    runner = JobRunner(max_threads=4)
    try:
        _open_1y(qt, client, runner)
        _open_10(client, runner)
    finally:
        runner.shutdown()
        client.close()
        process.stop()
