"""Dock layout is restored on the next start, and 'reset layout' brings back the default."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from console.app import ConsoleApp
from console.settings import Settings
from tests.conftest import show_window
from widgets.main_window import MainWindow


def make_window(qtbot, backend) -> MainWindow:
    app = ConsoleApp(Settings(backend_url=backend.url, token=backend.token))
    return show_window(qtbot, app)


def test_every_dock_and_toolbar_has_a_unique_object_name(qtbot, live_backend):
    window = make_window(qtbot, live_backend)
    names = [d.objectName() for d in window.findChildren(QDockWidget)]
    assert all(names) and len(names) == len(set(names))
    window.close()


def test_layout_restored_after_restart_and_reset(qtbot, live_backend):
    window = make_window(qtbot, live_backend)
    layers = window.findChild(QDockWidget, "layersDock")
    inspector = window.findChild(QDockWidget, "inspectorDock")
    assert window.dockWidgetArea(layers) == Qt.DockWidgetArea.LeftDockWidgetArea
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, layers)
    inspector.hide()
    window.close()

    again = make_window(qtbot, live_backend)
    layers = again.findChild(QDockWidget, "layersDock")
    inspector = again.findChild(QDockWidget, "inspectorDock")
    assert again.dockWidgetArea(layers) == Qt.DockWidgetArea.RightDockWidgetArea
    assert inspector.isHidden()

    again.layout_store.reset()
    assert again.dockWidgetArea(layers) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert not inspector.isHidden()
    again.close()
