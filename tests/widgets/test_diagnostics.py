"""Support: unhandled exceptions are caught, logged once-shown; logs hold no secrets;
'copy diagnostics' gathers state without credentials."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from console.app import ConsoleApp
from console.logs import log_file, setup_logging
from console.settings import Settings
from tests.conftest import show_window, start_window


@pytest.fixture
def window(qtbot, live_backend):
    app = ConsoleApp(Settings(backend_url=live_backend.url, token=live_backend.token))
    win = start_window(qtbot, show_window(qtbot, app, size=None), app.connected)
    yield win
    win.close()


def test_unhandled_exception_is_logged_shown_once_and_console_keeps_running(qtbot, window, caplog):
    reporter = window.services.exception_reporter
    assert sys.excepthook == reporter.handle
    for _ in range(3):
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, QMessageBox) and w.isVisible() for w in window.findChildren(QMessageBox)
        ),
        timeout=3000,
    )
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1  # shown once, not once per repeat
    assert reporter.count == 3
    assert "boom in a slot" in caplog.text
    boxes[0].close()
    assert window.isVisible()


def test_log_file_rotates_and_redacts_tokens(tmp_path):
    path = setup_logging(to_file=True)
    try:
        assert path == log_file() and str(tmp_path) in str(path)  # isolated by the fixture
        logging.getLogger("test").warning("calling with Authorization: Bearer s3cr3t-t0ken")
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "Bearer ***" in text and "s3cr3t-t0ken" not in text
    finally:
        setup_logging(to_file=False)


def test_copy_diagnostics_has_state_but_no_token(window, live_backend):
    action = next(
        a
        for a in window.menus["help"].actions()
        if "diagnostics" in a.text().lower() or "chẩn đoán" in a.text().lower()
    )
    action.trigger()
    text = QGuiApplication.clipboard().text()
    assert live_backend.url in text
    assert "feed vessels" in text
    assert live_backend.token not in text
