"""map_frame_ms_p50 / p95: time to redraw and render the 1600x1000 map with all demo data
while panning and zooming (province, fishing grounds, city zooms)."""

from __future__ import annotations

import os
import time

from bench.report import context, figure, percentile

FRAMES = 120


def run() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from console.app import ConsoleApp
    from console.settings import Settings
    from widgets.main_window import MainWindow

    qt_app = QApplication.instance() or QApplication([])
    app = ConsoleApp(Settings())
    window = MainWindow(app)
    window.resize(1900, 1100)
    window.show()
    app.start()
    loop = QEventLoop()
    window.picture_ready.connect(loop.quit)
    QTimer.singleShot(120_000, loop.quit)
    loop.exec()
    if not window.is_picture_ready():
        raise SystemExit("no data from the demo backend within 120 s")
    canvas = window.canvas
    canvas.resize(1600, 1000)
    window.layer_panel.parent().hide()
    window.inspector.parent().hide()
    canvas.setFixedSize(1600, 1000)
    qt_app.processEvents()
    canvas.flush()
    x0, y0, x1, y1 = canvas.extent()
    times = []
    for i in range(FRAMES):
        phase = i % 40
        if phase < 10:
            canvas.view.translateBy(x=(x1 - x0) * 0.03)
        elif phase < 20:
            canvas.zoom(1.15)
        elif phase < 30:
            canvas.view.translateBy(y=-(y1 - y0) * 0.02)
        else:
            canvas.zoom(1 / 1.15)
        canvas.mark_live_dirty()  # worst case: every live layer redrawn
        start = time.perf_counter()
        canvas.flush()
        canvas.grab()
        times.append((time.perf_counter() - start) * 1000)
        qt_app.processEvents()
    vessels = len(app.vessels)
    tails = int(app.vessels.tail_len[:vessels].sum())
    context(
        f"workload: {FRAMES} frames at {canvas.width()}x{canvas.height()} while panning and "
        f"zooming; {vessels} vessels, {tails} tail points, {len(app.stations)} stations, "
        f"{len(app.cameras)} cameras, {len(app.incidents)} incidents; every live layer "
        "rebuilt each frame"
    )
    figure("map_frame_ms_p50", percentile(times, 50), "ms")
    figure("map_frame_ms_p95", percentile(times, 95), "ms")
    window.close()
