"""Shared set-up of the live-picture benches: a real console window on the demo backend,
the map canvas at 1600x1000, and the operator's frame workload (bench/workload.py)."""

from __future__ import annotations

import os
import tempfile
from typing import Any

_COLLECTORS: list[Any] = []  # the GUI-thread garbage collectors, alive with the process


def isolate_dirs() -> None:
    """Benches never touch the user's config / data (layouts, audit DB)."""
    root = tempfile.mkdtemp(prefix="ioc-bench-")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[var] = os.path.join(root, var.lower())


def open_window(settings: Any, timeout_ms: int = 180_000,
                size: tuple[int, int] = (1900, 1100)) -> tuple[Any, Any, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    isolate_dirs()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from console.app import ConsoleApp
    from console.gc_guard import GuiThreadGarbageCollector, freeze_long_lived
    from widgets.main_window import MainWindow

    qt_app = QApplication.instance() or QApplication([])
    # garbage collected as main.py has it: on a GUI-thread timer, the start-up heap
    # frozen once the first picture is in (without, Python's automatic collector ran
    # inside timed frames and scanned the whole heap)
    _COLLECTORS.append(GuiThreadGarbageCollector(parent=qt_app))
    app = ConsoleApp(settings)
    window = MainWindow(app)
    window.resize(*size)
    window.show()
    window.picture_ready.connect(freeze_long_lived)
    app.start()
    loop = QEventLoop()
    window.picture_ready.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    if not window.is_picture_ready():
        raise SystemExit("no data from the demo backend in time")
    return qt_app, app, window


def map_only(window: Any, qt_app: Any) -> Any:
    """Hide the docks so the canvas gets exactly 1600x1000."""
    from PySide6.QtWidgets import QDockWidget

    for dock in window.findChildren(QDockWidget):
        dock.hide()
    canvas = window.canvas
    canvas.setFixedSize(1600, 1000)
    qt_app.processEvents()
    canvas.flush()
    return canvas


def frame_loop(canvas: Any, qt_app: Any, window: Any, views: list | None = None,
               on_frame: Any = None) -> Any:
    """Run the operator path (bench/workload.py) on `canvas`; returns its FrameRecord.
    `views` defaults to the province path over the window's fleet; `on_frame()` is
    called after each timed frame (outside its time)."""
    from bench.workload import province_path, run_path

    layer = window.vessel_layer
    return run_path(canvas, qt_app, layer, views or province_path(canvas, layer), on_frame)


def demo_picture(app: Any) -> str:
    """The counts of what the demo picture holds, for a bench's workload line."""
    n = len(app.vessels)
    tails = int(app.vessels.tail_len[:n].sum())
    return (
        f"{n} vessels, {tails} tail points, {len(app.stations)} stations, "
        f"{len(app.cameras)} cameras, {len(app.incidents)} incidents, "
        f"{len(app.rules.zones.zones) + 1} zones"
    )


def rss_mb() -> float:
    """Resident set size of this process (Linux /proc), MiB."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")
