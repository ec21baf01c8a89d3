"""One language at a time (issue 18): with the Vietnamese UI, Qt's own parts (standard
buttons, the file dialog) speak Vietnamese too, the strings that escaped lupdate are
translated, file dialogs open in the documents folder and suggest local-time names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QToolButton,
)

from console.export.html import _legend
from console.export.picture import Picture
from console.i18n import install_translator
from console.settings import Settings
from tests.when_up import when_up
from widgets.file_dialogs import stamped_name
from widgets.settings_dialog import SettingsDialog


@pytest.fixture
def vietnamese():
    qt_app = QApplication.instance()
    translator = install_translator(qt_app, "vi")
    yield
    qt_app.removeTranslator(translator)
    install_translator(qt_app, "en")


def documents() -> Path:
    path = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_settings_buttons_and_file_dialog_are_vietnamese_and_open_in_documents(qtbot, vietnamese):
    docs = documents()
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box.button(QDialogButtonBox.StandardButton.Save).text() == "Lưu"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    seen: dict[str, object] = {}

    def look_and_close(file_dialog) -> None:
        assert isinstance(file_dialog, QFileDialog)
        seen["dir"] = Path(file_dialog.directory().absolutePath())
        seen["labels"] = {w.text() for w in file_dialog.findChildren(QLabel)}
        file_dialog.reject()

    browse = next(b for b in dialog.rules_file.findChildren(QToolButton) if b.isVisible())
    when_up(QApplication.activeModalWidget, look_and_close)
    qtbot.mouseClick(browse, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "dir" in seen, timeout=5000)
    assert seen["dir"] == docs.resolve() and seen["dir"] != Path.cwd()
    assert "&Tìm trong:" in seen["labels"] and "Tê&n tệp:" in seen["labels"]


def test_labels_that_escaped_translation_are_vietnamese(vietnamese):
    """These were built inside f-strings, where lupdate does not look: the widgets
    asked for them at run time, but the .qm had no Vietnamese."""
    from widgets.replay.feature import html_labels

    tr = QApplication.translate
    assert tr("IncidentPanel", "Audit trail") == "Nhật ký thao tác"
    assert tr("IncidentPanel", "assigned to %1") == "giao cho %1"
    assert tr("CameraPanel", "Live video") == "Video trực tiếp"
    legend = _legend(Picture(0.0, None), html_labels())
    for english in ("critical", "high", "medium", "low"):
        assert f"</span>{english}</div>" not in legend
    assert "</span>khẩn cấp</div>" in legend


def test_suggested_file_names_use_local_time():
    # 2026-11-27 12:15 UTC is 19:15 in Quy Nhơn
    assert stamped_name("map", "pdf", 1_795_781_700.0) == "map-20261127-1915.pdf"
    assert re.fullmatch(r"data-\d{8}-\d{4}\.gpkg", stamped_name("data", "gpkg"))
