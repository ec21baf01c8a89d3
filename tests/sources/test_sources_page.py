"""The Settings dialog's Sources page: a source added there runs at once (its layer on
the map, its health in the table), a bad row is named and nothing is lost, and
credentials never reach the settings file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from console import config_file, secrets
from console.app import ConsoleApp
from console.settings import Settings
from console.sources.registry import SourceEntry
from layers.feature_service.layer import FeatureServiceLayer
from tests.conftest import show_window
from widgets.settings_dialog import SettingsDialog
from widgets.sources.settings_page import COLUMNS

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


@pytest.fixture
def window(qtbot):
    win = show_window(qtbot, ConsoleApp(Settings(language="en")))
    yield win
    win.close()


def set_row(page, row, name, url, interval=""):
    page.table.item(row, COLUMNS.index("name")).setText(name)
    page.table.item(row, COLUMNS.index("url")).setText(url)
    page.table.item(row, COLUMNS.index("interval")).setText(interval)


def test_a_source_added_on_the_page_runs_and_shows_its_health(qtbot, window, pygeoapi):
    dialog = SettingsDialog(window.app.settings, window, window.app.health)
    qtbot.addWidget(dialog)
    dialog.accepted_settings.connect(lambda s: window.apply_settings(s, dialog.new_token))
    dialog.show()
    page = dialog.sources
    row = page.add_row(None)
    set_row(page, row, "Places", "ftp://wrong", "30")
    dialog.try_accept()  # a bad address: named, the dialog stays with what was typed
    assert dialog.isVisible() and "http" in dialog.error.text()
    assert page.table.item(row, COLUMNS.index("name")).text() == "Places"
    url = f"{pygeoapi.url}/collections/places/items"
    set_row(page, row, "Places", url, "30")
    page.table.selectRow(row)
    page.pending_credentials[("ogcapi-features", url)] = secrets.Credentials(
        "gis-reader", "s3cret-pass"
    )
    dialog.try_accept()
    assert not dialog.isVisible()
    assert window.app.settings.sources == (
        SourceEntry("ogcapi-features", "Places", url, True, 30.0),
    )
    saved = config_file.settings_path().read_text(encoding="utf-8")
    assert "[[sources]]" in saved and url in saved
    assert "s3cret-pass" not in saved and "gis-reader" not in saved
    qtbot.waitUntil(
        lambda: any(isinstance(lyr, FeatureServiceLayer) for lyr in window.layers),
        timeout=30000,
    )
    layer = next(lyr for lyr in window.layers if isinstance(lyr, FeatureServiceLayer))
    assert layer.title == "Places" and layer.refresh_s == 30.0
    # opened again, the page shows the source's health
    again = SettingsDialog(window.app.settings, window, window.app.health)
    qtbot.addWidget(again)
    health = again.sources.table.item(0, COLUMNS.index("health")).text()
    assert health.startswith("OK"), health
    checked = again.sources.table.item(0, COLUMNS.index("enabled")).checkState()
    assert checked == Qt.CheckState.Checked
    # switched off there, the layer goes
    again.sources.table.item(0, COLUMNS.index("enabled")).setCheckState(
        Qt.CheckState.Unchecked
    )
    again.accepted_settings.connect(lambda s: window.apply_settings(s, None))
    again.try_accept()
    assert not any(isinstance(lyr, FeatureServiceLayer) for lyr in window.layers)
