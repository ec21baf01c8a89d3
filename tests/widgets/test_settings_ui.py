"""Settings dialog, theme and runtime language switch, as an operator uses them."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from console import config_file
from console.app import ConsoleApp
from console.settings import Settings
from widgets.settings_dialog import SettingsDialog
from widgets.theme import apply_theme
from widgets.window_host import WindowHost


@pytest.fixture
def host(qtbot, live_backend):
    qt_app = QApplication.instance()
    app = ConsoleApp(Settings(backend_url=live_backend.url, token=live_backend.token))
    host = WindowHost(qt_app, app)

    host.window.show()
    yield host
    host.window.close()
    if host.translator is not None:
        qt_app.removeTranslator(host.translator)
    apply_theme(qt_app, "light")


def test_invalid_entry_keeps_dialog_open_with_message(qtbot, host):
    dialog = SettingsDialog(host.app.settings, host.window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.backend_url.setText("ftp://nope")
    dialog.operator.setText("Trần Thị B")
    dialog.try_accept()
    assert dialog.isVisible()
    assert "backend_url" in dialog.error.text()
    assert dialog.operator.text() == "Trần Thị B"  # nothing the operator typed is lost


def test_saving_applies_theme_intervals_and_writes_file(qtbot, host):
    window = host.window
    dialog = SettingsDialog(host.app.settings, window)
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(1)  # dark
    dialog.intervals["vessels"].setValue(7.5)
    dialog.token.setText("new-secret-token")
    dialog.accepted_settings.connect(lambda s: window.apply_settings(s, dialog.new_token))
    dialog.try_accept()
    assert not dialog.isVisible()
    assert host.app.settings.theme == "dark"
    window_color = QApplication.instance().palette().color(QPalette.ColorRole.Window)
    assert window_color.lightness() < 80
    saved = config_file.settings_path().read_text(encoding="utf-8")
    assert 'theme = "dark"' in saved and "vessels = 7.5" in saved
    assert "new-secret-token" not in saved  # no keyring here: session only
    assert host.app.settings.token == "new-secret-token"


def test_language_switch_rebuilds_window_in_english(qtbot, host):
    old = host.window
    assert old.menus["file"].title() == "&Tệp"
    with qtbot.waitSignal(host.window_replaced, timeout=5000):
        old.apply_settings(
            Settings(
                backend_url=host.app.settings.backend_url,
                token=host.app.settings.token,
                language="en",
            )
        )
    new = host.window

    assert new is not old
    assert new.menus["file"].title() == "&File"
    assert new.app is host.app  # the connection and stores survive the switch
