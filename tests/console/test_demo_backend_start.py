"""The demo backend is started before the window is built (main.py `launch`), so its
start-up overlaps the window's. Whatever it did meanwhile — came up, or failed — the
console must pick it up when it starts, not wait for a signal that has already gone."""

from __future__ import annotations

from console.app import ConsoleApp
from console.backend_process import BackendProcess
from console.settings import Settings


def test_a_backend_that_came_up_while_the_window_was_built_is_used(qtbot):
    process = BackendProcess(seed=3, extra_args=["--vessels", "50"])
    with qtbot.waitSignal(process.ready, timeout=60000):
        process.start()
    app = ConsoleApp(Settings(), demo_backend=process)
    try:
        app.start()
        assert app.backend_url == process.url
        qtbot.waitUntil(lambda: len(app.vessels) == 50, timeout=30000)
    finally:
        app.shutdown()


def test_a_backend_that_failed_while_the_window_was_built_is_reported(qtbot):
    process = BackendProcess(extra_args=["--vessels", "-1"])  # refused by the backend
    with qtbot.waitSignal(process.failed, timeout=60000):
        process.start()
    app = ConsoleApp(Settings(), demo_backend=process)
    try:
        with qtbot.waitSignal(app.startup_failed, timeout=1000) as failed:
            app.start()
        assert "exited with code 2" in failed.args[0]
        assert app.backend_url is None
    finally:
        app.shutdown()
