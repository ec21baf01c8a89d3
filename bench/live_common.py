"""Shared set-up of the live-picture benches: a real console window on the demo backend,
the map canvas at 1600x1000, and a pan/zoom frame loop timing redraw + render."""

from __future__ import annotations

import os
import tempfile
import time
from typing import Any

FRAMES = 120


def isolate_dirs() -> None:
    """Benches never touch the user's config / data (layouts, audit DB)."""
    root = tempfile.mkdtemp(prefix="ioc-bench-")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[var] = os.path.join(root, var.lower())


def open_window(settings: Any, timeout_ms: int = 180_000) -> tuple[Any, Any, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    isolate_dirs()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from console.app import ConsoleApp
    from widgets.main_window import MainWindow

    qt_app = QApplication.instance() or QApplication([])
    app = ConsoleApp(settings)
    window = MainWindow(app)
    window.resize(1900, 1100)
    window.show()
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


def frame_loop(canvas: Any, qt_app: Any, frames: int = FRAMES) -> list[float]:
    """Pan and zoom; each frame marks every live layer dirty (worst case), flushes and
    renders the canvas. Returns milliseconds per frame."""
    x0, y0, x1, y1 = canvas.extent()
    times = []
    for i in range(frames):
        phase = i % 40
        if phase < 10:
            canvas.view.translateBy(x=(x1 - x0) * 0.03)
        elif phase < 20:
            canvas.zoom(1.15)
        elif phase < 30:
            canvas.view.translateBy(y=-(y1 - y0) * 0.02)
        else:
            canvas.zoom(1 / 1.15)
        canvas.mark_live_dirty()
        start = time.perf_counter()
        canvas.flush()
        canvas.grab()
        times.append((time.perf_counter() - start) * 1000)
        qt_app.processEvents()
    return times


def rss_mb() -> float:
    """Resident set size of this process (Linux /proc), MiB."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")
