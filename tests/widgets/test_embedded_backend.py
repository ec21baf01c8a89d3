"""`python main.py` with no backend: the console starts its own backend child process,
connects to it, and stops it when the window closes."""

from __future__ import annotations

from PySide6.QtCore import QProcess

from console.app import ConsoleApp
from console.settings import Settings
from widgets.main_window import MainWindow


def test_embedded_backend_starts_and_stops_with_the_window(qtbot):
    app = ConsoleApp(Settings())
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(app.connected, timeout=60000) as connected:
        app.start()
    url = connected.args[0]
    assert url.startswith("http://127.0.0.1:")
    process = app.backend_process._process  # the child, for inspection only
    assert process.state() == QProcess.ProcessState.Running
    qtbot.waitUntil(lambda: len(app.vessels) > 0, timeout=30000)
    window.close()
    assert process.state() == QProcess.ProcessState.NotRunning
