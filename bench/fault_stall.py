"""fault_stall_ms_max: the GUI event loop's longest stall while a fault-injecting proxy
in front of the real backend hangs, drips, resets, answers 500 / garbage / a huge body,
and then recovers. Also reports how long recovery took after each fault."""

from __future__ import annotations

import os
import time

from bench.report import StallMeter, context, figure, machine_context

FAULTS = ("hang", "drip", "reset", "500", "garbage", "huge")


def run_scenario(qt_app, window, proxy, wait_s: float = 20.0) -> tuple[float, list[str]]:
    """Cycle through every fault then recovery; returns (max stall ms, per-fault notes)."""
    from console.live.feeds import ConnectionState

    app = window.app
    meter = StallMeter().start()
    notes = []

    def pump_until(predicate, limit: float) -> float:
        start = time.monotonic()
        while not predicate():
            qt_app.processEvents()
            if time.monotonic() - start > limit:
                raise SystemExit("timed out waiting for the console to react")
            time.sleep(0.002)  # yield the CPU between event-loop passes
        return time.monotonic() - start

    for fault in FAULTS:
        proxy.mode = fault
        detect = pump_until(lambda: app.feeds.status.state is not ConnectionState.CONNECTED, wait_s)
        proxy.mode = "pass"
        before = app.feeds.status.last_update or 0.0
        recover = pump_until(
            lambda b=before: (
                app.feeds.status.state is ConnectionState.CONNECTED
                and (app.feeds.status.last_update or 0.0) > b
            ),
            wait_s,
        )
        notes.append(f"{fault}: noticed after {detect:.1f}s, recovered {recover:.1f}s after")
    return meter.stop(), notes


def run() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from backend.faultproxy import FaultProxyProcess
    from console.app import ConsoleApp
    from console.backend_process import BackendProcess
    from console.settings import PollIntervals, Settings
    from console.sources.http import HttpSettings
    from widgets.main_window import MainWindow

    qt_app = QApplication.instance() or QApplication([])
    backend = BackendProcess(seed=3, speed=60.0)
    loop = QEventLoop()
    backend.ready.connect(loop.quit)
    backend.failed.connect(loop.quit)
    backend.start()
    loop.exec()
    if backend.url is None:
        raise SystemExit("backend did not start")
    proxy = FaultProxyProcess(backend.url)
    settings = Settings(
        backend_url=proxy.url,
        token=backend.token,
        poll=PollIntervals(vessels=0.5, stations=0.5, cameras=0.5, incidents=0.5),
        http=HttpSettings(read_timeout_s=2.0, total_timeout_s=4.0, get_retries=1),
        reconnect_backoff_max_s=2.0,
    )
    app = ConsoleApp(settings)
    window = MainWindow(app)
    window.resize(1600, 1000)
    window.show()
    ready = QEventLoop()
    window.picture_ready.connect(ready.quit)
    QTimer.singleShot(60_000, ready.quit)
    app.start()
    ready.exec()
    stall, notes = run_scenario(qt_app, window, proxy)
    for note in notes:
        context(note)
    context(
        "workload: full demo picture (3,242 vessels), polls every 0.5 s through the proxy; "
        "faults: " + ", ".join(FAULTS)
    )
    machine_context()
    figure("fault_stall_ms_max", stall, "ms")
    window.close()
    proxy.stop()
    backend.stop()
