"""A runtime language switch keeps what the operator set up: filters, searches, the
alert view, and the layout (window and dock geometries)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDockWidget, QLineEdit, QToolButton

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
    host.window.resize(1900, 1000)
    host.window.show()
    qtbot.waitExposed(host.window)
    with qtbot.waitSignal(host.window.picture_ready, timeout=30000):
        app.start()
    yield host
    host.window.close()
    if host.translator is not None:
        qt_app.removeTranslator(host.translator)
    apply_theme(qt_app, "light")


def docks(window) -> dict[str, tuple[int, int]]:
    """Sizes of the docks on screen (not the ones behind another tab)."""
    return {
        d.objectName(): (d.width(), d.height())
        for d in window.findChildren(QDockWidget)
        if d.objectName() and not d.visibleRegion().isEmpty()
    }


def same_layout(a: dict[str, tuple[int, int]], b: dict[str, tuple[int, int]]) -> bool:
    """The same docks on screen, each within a few pixels (the two languages' fonts
    differ in line height: Vietnamese stacks diacritics)."""
    return a.keys() == b.keys() and all(
        abs(a[k][0] - b[k][0]) <= 8 and abs(a[k][1] - b[k][1]) <= 8 for k in a
    )


def switch_language(qtbot, host, language: str) -> None:
    """As the operator does it: Settings, pick the language, Save."""
    window = host.window
    dialog = SettingsDialog(host.app.settings, window)  # goes with the old window
    dialog.accepted_settings.connect(lambda s: window.apply_settings(s, dialog.new_token))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.language.setFocus()
    target = dialog.language.findData(language)
    while dialog.language.currentIndex() != target:
        qtbot.keyClick(dialog.language, Qt.Key.Key_Down)
    with qtbot.waitSignal(host.window_replaced, timeout=10000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Save is the default button


def test_switch_keeps_filters_search_alert_view_and_layout(qtbot, host):
    old = host.window
    status = old.findChild(QComboBox, "incidentStatusFilter")
    source = old.findChild(QComboBox, "alertSourceFilter")
    search = old.findChild(QLineEdit, "vesselSearch")
    shelved = old.findChild(QToolButton, "alertShelvedView")
    status.setFocus()
    qtbot.keyClick(status, Qt.Key.Key_Down)  # "All statuses"
    source.setFocus()
    for _ in range(2):
        qtbot.keyClick(source, Qt.Key.Key_Down)  # "Water level"
    qtbot.keyClicks(search, "96")
    qtbot.mouseClick(shelved, Qt.MouseButton.LeftButton)
    chosen = (status.currentIndex(), source.currentData())
    assert chosen == (1, "water_level")
    geometry, dock_geometry = old.geometry(), docks(old)

    switch_language(qtbot, host, "en")
    new = host.window
    assert new is not old and new.menus["file"].title() == "&File"
    assert new.findChild(QComboBox, "incidentStatusFilter").currentIndex() == 1
    assert new.findChild(QComboBox, "alertSourceFilter").currentData() == "water_level"
    assert new.findChild(QLineEdit, "vesselSearch").text() == "96"
    assert new.findChild(QToolButton, "alertShelvedView").isChecked()
    qtbot.waitUntil(lambda: new.geometry().size() == geometry.size(), timeout=5000)
    assert same_layout(docks(new), dock_geometry)
