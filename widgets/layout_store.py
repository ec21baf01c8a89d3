"""Dock layout persistence: restored at start, saved at close, "reset layout" on demand.

Stored with QSettings in an INI file in the per-user config directory (platformdirs),
so an administrator can deploy or wipe it. Every dock and toolbar has a unique
objectName; without that Qt's saveState/restoreState silently do nothing.
"""

from __future__ import annotations

import logging
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QCoreApplication, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

log = logging.getLogger(__name__)
_tr = QCoreApplication.translate
LAYOUT_VERSION = 1  # bump when docks change incompatibly: old layouts are then ignored


def layout_path() -> Path:
    return Path(platformdirs.user_config_dir("ioc-console", appauthor=False)) / "layout.ini"


class LayoutStore:
    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.default_state = window.saveState(LAYOUT_VERSION)
        self.default_geometry = window.saveGeometry()
        self.settings = QSettings(str(layout_path()), QSettings.Format.IniFormat)

    def restore(self) -> bool:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.window.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and self.window.restoreState(state, LAYOUT_VERSION):
            return True
        if state is not None:
            log.warning("saved window layout ignored (other version or unreadable)")
        return False

    def save(self) -> None:
        self.settings.setValue("window/geometry", self.window.saveGeometry())
        self.settings.setValue("window/state", self.window.saveState(LAYOUT_VERSION))
        self.settings.sync()

    def reset(self) -> None:
        """Back to the layout the window had before any saved layout was applied."""
        self.window.restoreState(self.default_state, LAYOUT_VERSION)
        self.settings.remove("window")

    def reset_action(self) -> QAction:
        action = QAction(_tr("LayoutStore", "&Reset layout"), self.window)
        action.triggered.connect(self.reset)
        return action
