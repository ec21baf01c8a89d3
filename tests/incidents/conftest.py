"""Fixtures for the incidents & cameras tests: a main window on the shared live backend,
and helpers to read an incident straight from the backend (what "really happened")."""

from __future__ import annotations

import gc
import socket

import pytest
import requests
from PySide6.QtWidgets import QApplication

from console.actions.retry import RetryPolicy
from console.app import ConsoleApp
from console.settings import PollIntervals, Settings
from tests.conftest import show_window
from widgets.main_window import MainWindow

OPERATOR = "ca-truc-A"


def make_settings(url: str, token: str | None) -> Settings:
    return Settings(
        backend_url=url,
        token=token,
        poll=PollIntervals(vessels=5, stations=2, cameras=0.5, incidents=0.5),
        operator=OPERATOR,
        outbox_retry=RetryPolicy(base_s=0.1, cap_s=0.5, jitter=0.1),
    )


def open_window(qtbot, settings: Settings, wait_for_data: bool = True) -> MainWindow:
    win = show_window(qtbot, ConsoleApp(settings), (1500, 950))
    app = win.app
    app.start()
    if wait_for_data:
        qtbot.waitUntil(
            lambda: len(app.incidents) > 0 and len(app.cameras) > 0 and len(app.stations) > 0,
            timeout=30000,
        )
    return win


@pytest.fixture(autouse=True)
def collect_qt_garbage_on_gui_thread():
    """Windows and apps sit in reference cycles (signal lambdas); collect them here, on
    the GUI thread, so Python's cyclic GC never deletes a QObject (and its timers) from
    a worker thread during a later test."""
    yield
    QApplication.processEvents()
    gc.collect()


@pytest.fixture
def window(qtbot, live_backend):
    win = open_window(qtbot, make_settings(live_backend.url, live_backend.token))
    yield win
    win.close()
    QApplication.processEvents()


def backend_incident(backend, incident_id: str) -> dict:
    response = requests.get(
        f"{backend.url}/api/v1/incidents/{incident_id}",
        headers={"Authorization": f"Bearer {backend.token}"},
        timeout=10,
    )
    response.raise_for_status()
    return response.json()


def dead_url() -> str:
    """A loopback URL with nothing listening (the port was free a moment ago)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"
