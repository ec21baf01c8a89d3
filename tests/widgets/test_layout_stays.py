"""The layout stays where the operator put it (issue 18): on a 1920x1080 screen no
action resizes the main window, the side docks keep their sizes, a chart takes its
room from the map and gives it back, and dock tabs show whole labels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QFileDialog,
    QLineEdit,
    QTabBar,
)

from console.app import ConsoleApp
from console.settings import Settings
from tests.when_up import when_up
from widgets.main_window import MainWindow


def open_window(qtbot, backend) -> MainWindow:
    app = ConsoleApp(Settings(backend_url=backend.url, token=backend.token))
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.showMaximized()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.picture_ready, timeout=30000):
        app.start()
    return window


def side_docks(window: MainWindow) -> dict[str, tuple[int, int]]:
    """Sizes of the side and top docks on screen (not those behind another tab)."""
    return {
        d.objectName(): (d.width(), d.height())
        for d in window.findChildren(QDockWidget)
        if not d.visibleRegion().isEmpty()
        and not d.objectName().startswith("stationChart")
    }


def accept_modal(qtbot, fill=None) -> None:
    """When the next modal dialog is up, optionally fill it, then press Enter on it."""

    def act(dialog) -> None:
        if fill is not None:
            fill(dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    when_up(QApplication.activeModalWidget, act)


def test_chart_and_pdf_export_leave_window_and_docks_as_they_were(qtbot, live_backend, tmp_path):
    window = open_window(qtbot, live_backend)
    geometry, docks, canvas = window.geometry(), side_docks(window), window.canvas.size()
    assert geometry.height() <= 1080

    # Tools > Open station chart…, pick the first station
    chart_action = next(
        a for a in window.menus["tools"].actions() if "chart" in a.text().replace("&", "")
    )
    accept_modal(qtbot)
    with qtbot.waitSignal(window.services.chart_docks.opened, timeout=10000):
        chart_action.trigger()
    dock = window.services.chart_docks.docks[0][0]
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty(), timeout=5000)
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.geometry() == geometry
    assert side_docks(window) == docks  # details and alerts keep their rows
    assert dock.height() >= 200  # the chart is readable
    assert window.canvas.height() < canvas.height()  # its room came from the map

    close = dock.findChild(QAbstractButton, "qt_dockwidget_closebutton")
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.services.chart_docks.docks, timeout=5000)
    qtbot.waitUntil(lambda: window.canvas.size() == canvas, timeout=5000)  # the map's back
    assert window.geometry() == geometry and side_docks(window) == docks

    # File > Export > Printable map…, to a PDF
    target = tmp_path / "map.pdf"

    def name_file(dialog: QFileDialog) -> None:
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(target))

    export = window.findChild(QAction, "exportPrint")
    accept_modal(qtbot, name_file)
    export.trigger()
    qtbot.waitUntil(lambda: target.exists() and target.stat().st_size > 0, timeout=20000)
    assert window.geometry() == geometry and side_docks(window) == docks
    assert window.canvas.size() == canvas
    window.close()


def test_dock_tabs_show_whole_labels(qtbot, live_backend):
    window = open_window(qtbot, live_backend)
    bars = [b for b in window.findChildren(QTabBar) if b.isVisible() and b.count() > 1]
    assert bars
    for bar in bars:
        assert bar.elideMode() == Qt.TextElideMode.ElideNone
        for i in range(bar.count()):
            text = bar.tabText(i).replace("&", "")
            assert bar.tabRect(i).width() >= bar.fontMetrics().horizontalAdvance(text)
    window.close()


def test_alert_dock_keeps_eight_rows_and_room_for_the_alert_text(qtbot, live_backend):
    window = open_window(qtbot, live_backend)
    table = window.findChild(QDockWidget, "alertsDock").widget().view
    qtbot.waitUntil(lambda: table.model().rowCount() > 0, timeout=10000)  # demo alerts
    qtbot.waitUntil(lambda: table.viewport().width() > 0, timeout=5000)
    # the alert's words get most of the row, not "Water le…" beside four other columns
    assert table.columnWidth(3) >= 0.4 * table.viewport().width()
    window.showNormal()
    window.resize(1400, 400)  # the operator makes the window as short as it goes
    alerts = window.findChild(QDockWidget, "alertsDock").widget()
    view = alerts.view
    qtbot.waitUntil(lambda: window.height() < 1000, timeout=5000)
    rows = view.verticalHeader().defaultSectionSize()
    assert view.height() >= view.horizontalHeader().height() + 8 * rows
    window.close()


