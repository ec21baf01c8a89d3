"""The operator's shift as a screenshot series (issue 18), in a real window.

Runs the console on its embedded demo backend, drives it with mouse clicks and keys as
an operator would, and saves what the screen shows after each step:

  01-inbox-held.png    a row of the alert inbox selected while new alerts arrive
                       (they wait behind "N mới ↑"; the rows do not move)
  02-station-chart.png a station picked in the station list (map halo, inspector),
                       Enter opened its chart
  03-english.png       the UI switched to English after alerts arrived
  04-vietnamese.png    and back to Vietnamese
  05-dark.png          the dark theme, map included
  06-vessel-zoom.png   a vessel picked in the vessel list and "Zoom to": ringed on the map

Under Xvfb at the workstation's size:

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python -m tools.shift_screenshots OUTDIR

Not a test (the tests drive the same steps headless and assert on them); a way to look.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget

SIZE = (1920, 1080)


class ShiftScreens:
    """Each step drives the window, waits on a condition (bounded), then shoots."""

    def __init__(self, qt_app: QApplication, out: Path) -> None:
        from console.app import ConsoleApp
        from console.settings import Settings
        from widgets.window_host import WindowHost

        self.qt_app, self.out = qt_app, out
        self.app = ConsoleApp(Settings(language="vi", demo_seed=7, demo_speed=120.0))
        self.host = WindowHost(qt_app, self.app)

    @property
    def window(self):
        return self.host.window

    # --- helpers ----------------------------------------------------------------------

    def shoot(self, name: str) -> None:
        self.window.flush_pending()
        self.qt_app.processEvents()
        shot = self.qt_app.primaryScreen().grabWindow(0)  # the screen, as the operator sees it
        shot.save(str(self.out / name))
        print(f"wrote {self.out / name}", flush=True)

    def wait(self, cond: Callable[[], bool], then: Callable[[], None], timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s

        def poll() -> None:
            if cond():
                then()
            elif time.monotonic() > deadline:
                print(f"note: gave up waiting before {then.__name__}", flush=True)
                then()
            else:
                QTimer.singleShot(200, poll)

        poll()

    def raise_dock(self, widget) -> None:
        parent = widget.parentWidget()
        while parent is not None and not isinstance(parent, QDockWidget):
            parent = parent.parentWidget()
        if parent is not None:
            parent.show()
            parent.raise_()
        self.qt_app.processEvents()

    def click_row(self, view, row: int, column: int = 0) -> None:
        index = view.model().index(row, column)
        view.scrollTo(index)
        self.qt_app.processEvents()
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.visualRect(index).center())

    # --- the steps --------------------------------------------------------------------

    def start(self) -> None:
        self.window.move(0, 0)
        self.window.resize(*SIZE)
        self.window.show()
        self.window.picture_ready.connect(lambda: QTimer.singleShot(1500, self.inbox))
        self.app.start()

    def inbox(self) -> None:
        alerts = self.window.services.live.alerts
        self.raise_dock(alerts)
        self.click_row(alerts.view, 1, 3)
        QTest.mouseMove(alerts.view.viewport(), QPoint(5, 5))
        self.wait(lambda: bool(alerts.hold.waiting), self.inbox_shot, 180)

    def inbox_shot(self) -> None:
        self.shoot("01-inbox-held.png")
        stations = self.window.services.live.stations
        self.raise_dock(stations)
        self.click_row(stations.view, 0, 0)
        stations.view.setFocus()
        QTest.keyClick(stations.view, Qt.Key.Key_Return)
        docks = self.window.services.chart_docks

        def drawn() -> bool:
            return bool(docks.docks) and any(
                t.clean is not None and len(t.clean.t) > 0
                for p in docks.docks[-1][1].panels
                for t in p.traces
            )

        self.wait(drawn, self.station_shot, 60)

    def station_shot(self) -> None:
        self.shoot("02-station-chart.png")
        self.switch("en", self.english_shot)

    def switch(self, language: str, then: Callable[[], None]) -> None:
        """Rebuild in `language`; shoot when the new window has its map and alerts."""
        self.host.change_language(language)

        def ready() -> bool:
            w = self.window
            return w.basemap_layer is not None and w.services.live.alerts.model.rowCount() > 0

        def settled() -> None:
            self.raise_dock(self.window.services.live.alerts)
            QTimer.singleShot(1500, then)

        QTimer.singleShot(500, lambda: self.wait(ready, settled, 60))

    def english_shot(self) -> None:
        self.shoot("03-english.png")
        self.switch("vi", self.vietnamese_shot)

    def vietnamese_shot(self) -> None:
        self.shoot("04-vietnamese.png")
        self.window.apply_settings(replace(self.app.settings, theme="dark"))
        QTimer.singleShot(2000, self.dark_shot)

    def dark_shot(self) -> None:
        self.shoot("05-dark.png")
        vessels = self.window.services.live.vessels
        self.raise_dock(vessels)
        self.click_row(vessels.view, 5, 0)
        QTest.mouseClick(vessels.zoom, Qt.MouseButton.LeftButton)
        QTimer.singleShot(2500, self.vessel_shot)

    def vessel_shot(self) -> None:
        self.shoot("06-vessel-zoom.png")
        self.window.close()
        self.qt_app.quit()


def main(out: Path) -> int:
    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="ioc-shots-"))
    from widgets.theme import apply_theme

    out.mkdir(parents=True, exist_ok=True)
    qt_app = QApplication(sys.argv[:1])
    apply_theme(qt_app, "light")
    screens = ShiftScreens(qt_app, out)
    status = {"code": 0}
    QTimer.singleShot(0, screens.start)
    QTimer.singleShot(600_000, lambda: (status.update(code=1), qt_app.quit()))
    qt_app.exec()
    return status["code"]


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screens")))
